"""The ISD's panels on the dashboards (issue 8): complaints (ISD 6.23), official investigations
(ISD 6.21, 6.22) and the criminal-case registry (ISD 6.16); the security of courts, its
monitoring and forecast (ISD 6.1).

ISD 7: the ISD reports only to the Chairman and the Head of the Court Administration, so on
the leadership's board the panel exists for them alone; for anyone else it is not built, and
nothing of it reaches the page, the PDF or the workbook. On the ISD's own board it is for
the head and the deputy head. Every figure is counted by the registry selector the list it
links to uses, with the same filters and the same reach.
"""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.dashboard.panels import (
    LEADERSHIP,
    Figure,
    Panel,
    PanelData,
    RegionCount,
    RegionMap,
    Row,
    Table,
    awaiting_signature_figure,
    list_url,
    monthly,
    names_of,
)
from courtadmin.org.authority import live_grant, person_of
from courtadmin.org.models import Department, Position, Region, Unit

from .models import ComplaintGrant, CriminalCase, Investigation, SecurityIncident
from .selectors.buildings import building_register
from .selectors.cases import case_registry
from .selectors.complaints import ComplaintFilter, complaint_registry, complaints_overdue_count, complaints_visible_to
from .selectors.contracts import contract_register
from .selectors.incidents import incident_register, incidents_visible_to
from .selectors.investigations import investigation_registry
from .selectors.plans import QUARTERS, execution_by_plan


def may_see(user, board: str) -> bool:
    person = person_of(user)
    position = person.position if person is not None else None
    if position is None:
        return False
    if board == LEADERSHIP:
        return position.kind in (Position.Kind.CHAIRMAN, Position.Kind.CA_HEAD)
    return (
        position.unit.department == Department.ISD
        and position.unit.kind != Unit.Kind.TERRITORIAL_ISD
        and position.kind in (Position.Kind.HEAD, Position.Kind.DEPUTY)
    )


def _complaint_figures(user, period) -> list[Figure]:
    before = period.year_before()

    def count(**filters) -> int:
        return complaint_registry(user, ComplaintFilter(**filters)).order_by().count()

    def figure(key, label, now: dict, then: dict | None = None) -> Figure:
        previous = count(**then) if then is not None else None
        return Figure(key, label, count(**now), previous, list_url("internal_security:complaint-list", **now))

    received = {"received_from": period.start, "received_to": period.end}
    closed = {"closed_from": period.start, "closed_to": period.end}
    closed_before = {"closed_from": before.start, "closed_to": before.end}
    return [
        figure(
            "complaints_received",
            _("Complaints received"),
            received,
            {"received_from": before.start, "received_to": before.end},
        ),
        figure("complaints_closed", _("Complaints decided and closed"), closed, closed_before),
        figure("answered_on_time", _("Answered on time"), {**closed, "term": "met"}, {**closed_before, "term": "met"}),
        figure("answered_late", _("Answered late"), {**closed, "term": "missed"}, {**closed_before, "term": "missed"}),
        Figure(
            "complaints_overdue",
            _("Complaints overdue now"),
            complaints_overdue_count(user),
            url=list_url("internal_security:complaint-list", overdue="on"),
        ),
    ]


def _investigation_figures(user, period) -> tuple[list[Figure], Table]:
    before = period.year_before()

    def count(**filters) -> int:
        return investigation_registry(user, **filters).order_by().count()

    def url(**filters) -> str:
        return list_url("internal_security:investigation-list", **filters)

    opened = {"opened_from": period.start, "opened_to": period.end}
    concluded = {"concluded_from": period.start, "concluded_to": period.end}
    figures = [
        Figure(
            "investigations_opened",
            _("Investigations opened"),
            count(**opened),
            count(opened_from=before.start, opened_to=before.end),
            url(**opened),
        ),
        Figure(
            "investigations_concluded",
            _("Investigations concluded"),
            count(**concluded),
            count(concluded_from=before.start, concluded_to=before.end),
            url(**concluded),
        ),
        Figure("investigations_open", _("Investigations under way"), count(status="open"), None, url(status="open")),
    ]
    outcomes = dict(
        investigation_registry(user, **concluded).order_by().values_list("outcome").annotate(count=Count("*"))
    )
    table = Table(
        "outcomes",
        _("Outcomes of the investigations concluded"),
        [_("Investigations")],
        [
            Row(str(label), [outcomes[value]], url(outcome=value, **concluded))
            for value, label in Investigation.Outcome.choices
            if outcomes.get(value)
        ],
    )
    return figures, table


def _cases_table(user, period) -> Table:
    """The criminal cases opened in the period, by region and stage as they stand (ISD 6.16)."""
    stages = CriminalCase.Stage.choices
    opened = {"opened_from": period.start, "opened_to": period.end}
    cells = case_registry(user, **opened).order_by().values("region", "stage").annotate(count=Count("*"))
    table: dict = {}
    for cell in cells:
        table.setdefault(cell["region"], {})[cell["stage"]] = cell["count"]
    regions = Region.objects.in_bulk(list(table))

    def url(**filters) -> str:
        return list_url("internal_security:case-list", **opened, **filters)

    return Table(
        "cases",
        _("Criminal cases opened, by region and stage"),
        [str(label) for _value, label in stages],
        [
            Row(
                str(regions[region]),
                [counts.get(stage, 0) for stage, _label in stages],
                url(region=region),
                tuple(url(region=region, stage=stage) for stage, _label in stages),
            )
            for region, counts in sorted(table.items(), key=lambda item: str(regions[item[0]]))
        ],
    )


def _workload(user) -> Table:
    """Open complaints per assigned officer (live grants only), as the list counts them."""
    open_grants = ComplaintGrant.objects.filter(live_grant()).filter(
        content_object__in=complaints_visible_to(user).filter(closed_on__isnull=True).values("pk")
    )
    rows = list(
        open_grants.values("user").annotate(count=Count("content_object", distinct=True)).order_by("-count", "user")
    )
    names = names_of(row["user"] for row in rows)
    return Table(
        "workload",
        _("Open complaints per officer"),
        [_("Complaints")],
        [
            Row(
                names.get(row["user"], "—"),
                [row["count"]],
                list_url("internal_security:complaint-list", officer=row["user"], open_only="on"),
            )
            for row in rows
        ],
    )


def _plan_execution(user, period) -> Table:
    """ISD 7: the year's plans (the central ISD's first, then each unit's) quarter by quarter,
    items done of items due, as the plan's page counts them."""
    year = period.end.year
    return Table(
        "plan_execution",
        _("Work plans of %(year)s: items done of items due, by quarter") % {"year": year},
        [_("Quarter %(number)s") % {"number": quarter} for quarter in QUARTERS],
        [
            Row(
                plan.region.name if plan.region_id else _("central ISD"),
                [f"{quarters.get(quarter, (0, 0))[0]} / {quarters.get(quarter, (0, 0))[1]}" for quarter in QUARTERS],
                plan.get_absolute_url(),
            )
            for plan, quarters in execution_by_plan(user, year)
        ],
    )


def isd_overview(user, board: str, period) -> PanelData:
    investigation_figures, outcomes = _investigation_figures(user, period)
    data = PanelData(
        figures=[*_complaint_figures(user, period), *investigation_figures],
        trends=[monthly(complaints_visible_to(user), "received_on", period, _("Complaints received"))],
        tables=[outcomes, _cases_table(user, period), _plan_execution(user, period)],
    )
    if board != LEADERSHIP:
        data.figures.append(awaiting_signature_figure(user))
        data.tables.append(_workload(user))
        overdue = complaint_registry(user, ComplaintFilter(overdue=True))[:10]
        data.tables.append(
            Table(
                "overdue_complaints",
                _("Overdue complaints"),
                [_("Registered"), _("Court")],
                [Row(row.number, [row.received_on, row.court], row.get_absolute_url()) for row in overdue],
            )
        )
    return data


PANELS = [
    Panel(
        "isd.overview",
        Department.ISD,
        gettext_lazy("Internal Security"),
        (LEADERSHIP, Department.ISD),
        may_see,
        isd_overview,
        order=30,
    )
]


# --- The security of courts: monitoring and forecast (ISD 6.1) ------------------------------------

LISTED = 10  # the buildings with overdue measures and the contracts with open defects shown
FORECAST_MONTHS = 3


def _incident_figures(user, period) -> tuple[list[Figure], Table]:
    """Threats and incidents in the period against a year earlier, those being dealt with now,
    and the period's by kind (ISD 6.1, 6.3, 6.4, 6.5)."""
    before = period.year_before()
    within = {"date_from": period.start, "date_to": period.end}
    then = {"date_from": before.start, "date_to": before.end}

    def url(**filters) -> str:
        return list_url("internal_security:incident-list", **filters)

    def by_kind(**filters) -> dict:
        counted = incident_register(user, **filters).order_by().values_list("kind").annotate(count=Count("*"))
        return dict(counted)

    now, earlier = by_kind(**within), by_kind(**then)
    threats = (SecurityIncident.Kind.THREAT_JUDGE, SecurityIncident.Kind.THREAT_FAMILY)
    figures = [
        Figure("incidents", _("Threats and incidents"), sum(now.values()), sum(earlier.values()), url(**within)),
        Figure(
            "threats",
            _("Threats to judges and their families"),
            sum(now.get(kind, 0) for kind in threats),
            sum(earlier.get(kind, 0) for kind in threats),
        ),
        Figure(
            "incidents_open",
            _("Being dealt with now"),
            incident_register(user, status=SecurityIncident.Status.OPEN).order_by().count(),
            url=url(status=SecurityIncident.Status.OPEN),
        ),
    ]
    table = Table(
        "incidents_by_kind",
        _("Threats and incidents by kind"),
        [_("In the period"), _("A year earlier")],
        [
            Row(str(label), [now.get(value, 0), earlier.get(value, 0)], url(kind=value, **within))
            for value, label in SecurityIncident.Kind.choices
        ],
    )
    return figures, table


def _incidents_map(user, period) -> RegionMap:
    within = {"date_from": period.start, "date_to": period.end}
    counted = dict(incident_register(user, **within).order_by().values_list("region").annotate(count=Count("*")))
    return RegionMap(
        "incidents_by_region",
        _("Threats and incidents in the period"),
        [
            RegionCount(
                region,
                counted.get(region.pk, 0),
                list_url("internal_security:incident-list", region=region.pk, **within),
            )
            for region in Region.objects.order_by("name")
        ],
    )


def _overdue_buildings(user) -> Table:
    rows = building_register(user, overdue=True)[:LISTED]
    return Table(
        "buildings_overdue",
        _("Buildings with measures overdue"),
        [_("Region"), _("Measures overdue")],
        [Row(row.court, [row.region.name, row.overdue_count], row.get_absolute_url()) for row in rows],
    )


def _contracts_with_defects(user) -> Table:
    rows = contract_register(user, open_defects=True)[:LISTED]
    return Table(
        "contracts_with_defects",
        _("Contracts with defects still open"),
        [_("Supplier"), _("Defects open")],
        [Row(str(row), [row.supplier.name, row.open_defects], row.get_absolute_url()) for row in rows],
    )


def security_overview(user, board: str, period) -> PanelData:
    """ISD 6.1: the threats and incidents by region, kind and month, with the buildings whose
    measures are overdue, the passports lapsing and the contracts with open defects."""
    figures, by_kind = _incident_figures(user, period)
    lapsing = building_register(user, passport="lapsing").order_by().count()
    figures += [
        Figure(
            "buildings_overdue",
            _("Buildings with measures overdue"),
            building_register(user, overdue=True).order_by().count(),
            url=list_url("internal_security:building-list", overdue="on"),
        ),
        Figure(
            "passports_lapsing",
            _("Anti-terrorist passports lapsing within a month or lapsed"),
            lapsing,
            url=list_url("internal_security:building-list", passport="lapsing"),
        ),
        Figure(
            "contracts_with_defects",
            _("Contracts with defects still open"),
            contract_register(user, open_defects=True).order_by().count(),
            url=list_url("internal_security:contract-list", open_defects="on"),
        ),
    ]
    trend = monthly(incidents_visible_to(user), "occurred_on", period, _("Threats and incidents"))
    # The forecast: the next three months at the monthly rate of the twelve months shown.
    figures.append(
        Figure(
            "incidents_forecast",
            _("Expected in the next three months, at the past year's monthly rate"),
            round(sum(trend.values) * FORECAST_MONTHS / len(trend.values), 1),
        )
    )
    return PanelData(
        figures=figures,
        trends=[trend],
        tables=[by_kind, _overdue_buildings(user), _contracts_with_defects(user)],
        maps=[_incidents_map(user, period)],
    )


PANELS.append(
    Panel(
        "isd.security",
        Department.ISD,
        gettext_lazy("Security of courts"),
        (LEADERSHIP, Department.ISD),
        may_see,
        security_overview,
        order=31,
    )
)
