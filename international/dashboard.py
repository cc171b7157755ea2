"""The IR's panels on the dashboards (issue 8): legal assistance (IR 4.2, 7.22, 7.27), trips
abroad and delegations (IR 7.11, 7.16, 7.17), events and the budget programmes (IR 7.6, 7.21).
Every figure is counted from the same selector as the list it links to, with the same filters,
so a click shows exactly what was counted.

Who sees them: on the leadership's board, the Chairman, the Head of the Court Administration
and his deputies (IR 1-3); on the IR's board, the IR head, and each deputy head the panel of
the line of work he supervises (IR 10, IR 13).
"""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.dashboard.panels import (
    LEADERSHIP,
    Figure,
    Panel,
    PanelData,
    Row,
    Table,
    awaiting_signature_figure,
    list_url,
    monthly,
    monthly_kept,
    names_of,
)
from courtadmin.org.authority import person_of
from courtadmin.org.models import Department, LineOfWork, Position

from .models import Country, Event, KazakhCourt
from .selectors import budget, events, trips
from .selectors import requests as selectors
from .selectors.requests import ENDED, RegistryFilter

LEADERSHIP_KINDS = (Position.Kind.CHAIRMAN, Position.Kind.CA_HEAD, Position.Kind.CA_DEPUTY)
TOP = 5


def _may_see(line: str):
    def may_see(user, board: str) -> bool:
        person = person_of(user)
        position = person.position if person is not None else None
        if position is None:
            return False
        if board == LEADERSHIP:
            return position.kind in LEADERSHIP_KINDS
        in_ir = position.unit.department == Department.IR
        return in_ir and (
            position.kind == Position.Kind.HEAD
            or (position.kind == Position.Kind.DEPUTY and position.line_of_work == line)
        )

    return may_see


def _top(user, field: str, model, period, url) -> list[Row]:
    return [
        Row(str(entry), [number], url(**{field: entry.pk, "received_from": period.start, "received_to": period.end}))
        for entry, number in selectors.top(user, field, model, period.start, period.end, TOP)
    ]


def legal_assistance(user, board: str, period) -> PanelData:
    today, before = timezone.localdate(), period.year_before()
    requests = selectors.requests_visible_to(user).order_by()

    def count(**filters) -> int:
        return selectors.count(user, RegistryFilter(**filters))

    def url(**filters) -> str:
        return list_url("international:request-list", **filters)

    received = {"received_from": period.start, "received_to": period.end}
    received_before = {"received_from": before.start, "received_to": before.end}
    executed = {"executed_from": period.start, "executed_to": period.end}
    executed_before = {"executed_from": before.start, "executed_to": before.end}
    data = PanelData(
        figures=[
            Figure("received", _("Requests received"), count(**received), count(**received_before), url(**received)),
            Figure("executed", _("Requests executed"), count(**executed), count(**executed_before), url(**executed)),
            Figure("overdue", _("Overdue now"), count(overdue=True), None, url(overdue="on")),
            Figure(
                "median_days",
                _("Median days from receipt to execution"),
                selectors.median_days_to_execution(user, period.start, period.end),
                selectors.median_days_to_execution(user, before.start, before.end),
                url(**executed),
                unit=_("days"),
            ),
        ],
        trends=[
            monthly_kept(
                lambda first, last: selectors.received_by_month(user, first, last), period, _("Requests received")
            )
        ],
        tables=[
            Table(
                "top_countries",
                _("Top countries"),
                [_("Requests received")],
                _top(user, "country", Country, period, url),
            ),
            Table(
                "top_courts", _("Top courts"), [_("Requests received")], _top(user, "court", KazakhCourt, period, url)
            ),
        ],
    )
    if board != LEADERSHIP:
        data.figures.append(awaiting_signature_figure(user))
        late = selectors._overdue(today)
        workload = list(
            requests.exclude(status__in=ENDED)
            .values("officer")
            .annotate(open=Count("*"), overdue=Count("pk", filter=late))
            .order_by("-open", "officer")
        )
        names = names_of(row["officer"] for row in workload)
        data.tables.append(
            Table(
                "workload",
                _("Workload per officer"),
                [_("In progress"), _("Overdue")],
                [
                    Row(
                        names.get(row["officer"], "—"),
                        [row["open"], row["overdue"]],
                        url(officer=row["officer"], in_progress="on"),
                        (
                            url(officer=row["officer"], in_progress="on"),
                            url(officer=row["officer"], overdue="on"),
                        ),
                    )
                    for row in workload
                ],
            )
        )
        overdue = selectors.registry(user, RegistryFilter(overdue=True)).select_related("country")[:10]
        data.tables.append(
            Table(
                "overdue_requests",
                _("Overdue requests"),
                [_("Country"), _("Received")],
                [
                    Row(row.registration_number, [str(row.country), row.received_on], row.get_absolute_url())
                    for row in overdue
                ],
            )
        )
    return data


def trips_and_delegations(user, board: str, period) -> PanelData:
    before = period.year_before()
    all_trips = trips.trips_visible_to(user).order_by()

    def departing(p) -> int:
        return trips.trip_registry(user, trips.TripFilter(departs_from=p.start, departs_to=p.end)).order_by().count()

    def visiting(p) -> int:
        return trips.delegation_registry(user, start=p.start, end=p.end).order_by().count()

    data = PanelData(
        figures=[
            Figure(
                "trips_begun",
                _("Trips abroad begun"),
                departing(period),
                departing(before),
                list_url("international:trip-list", departs_from=period.start, departs_to=period.end),
            ),
            Figure(
                "trips_without_report",
                _("Trips without their final report"),
                trips.trip_registry(user, trips.TripFilter(awaiting=True)).order_by().count(),
                None,
                list_url("international:trip-list", awaiting="on"),
            ),
            Figure(
                "delegations",
                _("Foreign delegations visiting"),
                visiting(period),
                visiting(before),
                list_url("international:delegation-list", start=period.start, end=period.end),
            ),
        ],
        trends=[monthly(all_trips, "departs_on", period, _("Trips abroad begun"))],
    )
    if board != LEADERSHIP:
        waiting = list(
            trips.awaiting_report(all_trips).values("officer").annotate(count=Count("*")).order_by("-count", "officer")
        )
        names = names_of(row["officer"] for row in waiting)
        data.tables.append(
            Table(
                "reports_awaited",
                _("Final reports awaited, per officer"),
                [_("Trips")],
                [
                    Row(
                        names.get(row["officer"], "—"),
                        [row["count"]],
                        list_url("international:trip-list", officer=row["officer"], awaiting="on"),
                    )
                    for row in waiting
                ],
            )
        )
    return data


def events_and_budget(user, board: str, period) -> PanelData:
    """Events held in the period and ahead, by kind; visits by country; trips back in the period
    with and without their final report; the period's year of both budget programmes, spent
    against the plan (IR 7.6, 7.11, 7.17, 7.21)."""
    before = period.year_before()
    visible = events.events_visible_to(user).order_by()

    def held(p) -> int:
        return visible.filter(status=Event.Status.HELD, starts_on__gte=p.start, starts_on__lte=p.end).count()

    def departed(**filters) -> int:
        chosen = trips.TripFilter(departs_from=period.start, departs_to=period.end, **filters)
        return trips.trip_registry(user, chosen).order_by().count()

    data = PanelData(
        figures=[
            Figure(
                "events_held",
                _("Events held"),
                held(period),
                held(before),
                list_url(
                    "international:event-list", status=Event.Status.HELD, starts_from=period.start, starts_to=period.end
                ),
            ),
            Figure(
                "events_ahead",
                _("Events ahead"),
                events.event_register(user, events.EventFilter(ahead=True)).order_by().count(),
                None,
                list_url("international:event-list", ahead="on"),
            ),
            Figure(
                "trips_reported",
                _("Trips of the period with their final report"),
                departed(reported=True),
                None,
                list_url("international:trip-list", departs_from=period.start, departs_to=period.end, reported="on"),
            ),
            Figure(
                "trips_unreported",
                _("Trips of the period awaiting their final report"),
                departed(awaiting=True),
                None,
                list_url("international:trip-list", departs_from=period.start, departs_to=period.end, awaiting="on"),
            ),
        ],
        trends=[monthly(visible.filter(status=Event.Status.HELD), "starts_on", period, _("Events held"))],
    )
    in_period = visible.filter(starts_on__gte=period.start, starts_on__lte=period.end)
    by_kind = dict(in_period.values("kind").annotate(count=Count("*")).values_list("kind", "count"))
    data.tables.append(
        Table(
            "events_by_kind",
            _("Events by kind"),
            [_("Events")],
            [
                Row(
                    str(label),
                    [by_kind.get(code, 0)],
                    list_url("international:event-list", kind=code, starts_from=period.start, starts_to=period.end),
                )
                for code, label in Event.Kind.choices
            ],
        )
    )
    visits = trips.visiting(trips.delegations_visible_to(user), period.start, period.end)
    countries = list(visits.values("country").annotate(count=Count("*")).order_by("-count", "country")[:TOP])
    names = Country.objects.in_bulk([row["country"] for row in countries])
    data.tables.append(
        Table(
            "visits_by_country",
            _("Foreign delegations by country"),
            [_("Visits")],
            [
                Row(
                    str(names[row["country"]]),
                    [row["count"]],
                    list_url(
                        "international:delegation-list", country=row["country"], start=period.start, end=period.end
                    ),
                )
                for row in countries
            ],
        )
    )
    year = period.end.year
    data.tables.append(
        Table(
            "budget",
            _("Budget programmes, %(year)s") % {"year": year},
            [_("Planned"), _("Spent"), _("Remaining")],
            [
                Row(
                    str(programme["label"]),
                    [programme["total"].planned, programme["total"].posted, programme["total"].remaining],
                    list_url("international:budget-list", year=year),
                )
                for programme in budget.year_budget(user, year)
            ],
        )
    )
    return data


PANELS = [
    Panel(
        "ir.legal_assistance",
        Department.IR,
        gettext_lazy("International legal assistance"),
        (LEADERSHIP, Department.IR),
        _may_see(LineOfWork.LEGAL_ASSISTANCE),
        legal_assistance,
        order=10,
    ),
    Panel(
        "ir.trips",
        Department.IR,
        gettext_lazy("Trips abroad and foreign delegations"),
        (LEADERSHIP, Department.IR),
        _may_see(LineOfWork.PROTOCOL),
        trips_and_delegations,
        order=20,
    ),
    Panel(
        "ir.events",
        Department.IR,
        gettext_lazy("Events and the budget programmes"),
        (LEADERSHIP, Department.IR),
        _may_see(LineOfWork.PROTOCOL),
        events_and_budget,
        order=30,
    ),
]
