"""Reads of international events (IR 5.3, 7.6, 7.14, 7.15, 7.18, 7.23) within the reader's
reach: the IR's staff and the Court Administration's leadership read them all; a participant
from elsewhere (a judge's office, another subdivision) reads the events he takes part in and
nothing else of the IR; anyone else gets 404. What each record holds and when:
international/services/events.py.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Q
from django.db.models.functions import ExtractMonth
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from courtadmin.core.ical import CalendarEntry
from courtadmin.core.periods import Period
from courtadmin.core.search import containing, holds
from courtadmin.org.authority import CA_LEADERSHIP_KINDS, department_access
from courtadmin.org.models import Department

from ..models import Event, EventMaterial


def _taking_part(user) -> Q:
    return Q(pk__in=Event.participants.through.objects.filter(user_id=user.pk).values("event_id"))


def _own(user) -> Q:
    """The events `user` takes part in or is responsible for: his calendar."""
    return Q(officer_id=user.pk) | _taking_part(user)


def portal_people():
    """Whoever may take part in an event or travel: the people of the portal who hold a
    position."""
    return (
        get_user_model()
        .objects.filter(is_active=True, person__position__isnull=False)
        .select_related("person")
        .order_by("person__full_name", "pk")
    )


def department_documents(user):
    """The IR's documents within the reader's reach, the latest first: what a material is, the
    leadership's talking points, an international document's approval (IR 7.15, 7.30, 7.10)."""
    from courtadmin.documents.selectors import documents_visible_to

    documents = documents_visible_to(user).filter(department=Department.IR)
    # A queryset still (a form checks the choice posted against it), of the latest 200.
    return documents.filter(pk__in=documents.order_by("-pk").values("pk")[:200]).order_by("-pk")


def leadership_attends(event) -> bool:
    """Does the Chairman, the CA head or a deputy of his take part (IR 7.30)?"""
    return event.participants.filter(person__position__kind__in=CA_LEADERSHIP_KINDS).exists()


def events_visible_to(user):
    events = Event.objects.all()
    if not department_access(user, Department.IR):
        events = events.filter(_taking_part(user)) if user.is_authenticated else events.none()
    return events


def reads_all_events(user) -> bool:
    return bool(department_access(user, Department.IR))


@dataclass(frozen=True)
class EventFilter:
    text: str = ""
    kind: str = ""
    status: str = ""
    country: object = None
    plan_year: int | None = None
    starts_from: date | None = None
    starts_to: date | None = None
    mine: bool = False
    ahead: bool = False  # planned or confirmed, from today on


def event_register(user, filters: EventFilter = EventFilter()):
    """The register of events within reach, as filtered, the latest first."""
    events = events_visible_to(user)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.status:
        events = events.filter(status=filters.status)
    if filters.country:
        events = events.filter(country=filters.country)
    if filters.plan_year:
        events = events.filter(plan_year=filters.plan_year)
    if filters.starts_from:
        events = events.filter(starts_on__gte=filters.starts_from)
    if filters.starts_to:
        events = events.filter(starts_on__lte=filters.starts_to)
    if filters.mine:
        events = events.filter(_own(user))
    if filters.ahead:
        events = events.filter(
            status__in=(Event.Status.PLANNED, Event.Status.CONFIRMED), starts_on__gte=timezone.localdate()
        )
    if text := filters.text.strip():
        events = containing(events, ("title", "place", "organiser"), text)
    return events.select_related("country").order_by("-starts_on", "-pk")


def get_event_for_user(user, pk) -> Event:
    return get_object_or_404(events_visible_to(user).select_related("country", "officer__person", "created_by"), pk=pk)


def event_participants(event):
    return event.participants.select_related("person__position__unit").order_by("person__full_name", "pk")


def event_materials(event):
    return EventMaterial.objects.filter(event=event).select_related("executor__person", "document")


def event_follow_ups(event):
    return event.follow_ups.select_related("instruction").order_by("pk")


# --- The calendar ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Day:
    day: date
    in_month: bool
    events: list


def month_of(year: int | None, month: int | None, today: date | None = None) -> date:
    """The first day of the month asked for, this month if none or an impossible one."""
    today = today or timezone.localdate()
    try:
        return date(year or today.year, month or today.month, 1)
    except (TypeError, ValueError):
        return today.replace(day=1)


def month_calendar(user, first: date, *, mine: bool = False) -> list[list[Day]]:
    """The weeks (Monday first) of the month beginning `first`, each day with the events within
    reach that take place on it; cancelled events are left out. Two reads of the index on the
    dates, whatever the register's size."""
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    start, end = first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())
    events = (
        events_visible_to(user).filter(starts_on__lte=end, ends_on__gte=start).exclude(status=Event.Status.CANCELLED)
    )
    if mine:
        events = events.filter(_own(user))
    events = list(events.order_by("starts_on", "start_time", "pk")[:500])
    weeks, day = [], start
    while day <= end:
        week = []
        for _n in range(7):
            week.append(Day(day, day.month == first.month, [e for e in events if e.starts_on <= day <= e.ends_on]))
            day += timedelta(days=1)
        weeks.append(week)
    return weeks


def events_ahead_of(user, today: date | None = None):
    """The events not yet over, held or cancelled that `user` takes part in or is responsible
    for, the nearest first ("My work")."""
    today = today or timezone.localdate()
    # His part tested on each event ahead (few, read by the index on the end date), not his
    # whole calendar gathered first: a hundred thousand events over the years for one who
    # takes part in many (issue 27).
    takes_part = Event.participants.through.objects.filter(event=OuterRef("pk"), user_id=user.pk)
    return (
        events_visible_to(user)
        .filter(Q(officer_id=user.pk) | Q(holds(takes_part)))
        .filter(ends_on__gte=today, status__in=(Event.Status.PLANNED, Event.Status.CONFIRMED))
        .order_by("starts_on", "pk")
    )


# A calendar program's word for each status.
CALENDAR_STATUS = {
    Event.Status.PLANNED: "TENTATIVE",
    Event.Status.CONFIRMED: "CONFIRMED",
    Event.Status.HELD: "CONFIRMED",
    Event.Status.CANCELLED: "CANCELLED",
}


def person_feed(user, *, link, today: date | None = None) -> list[CalendarEntry]:
    """The events of `user`'s own calendar (he takes part in them or is responsible for them),
    from a year back, as the entries of his iCalendar file (core.ical); `link(event)` is the
    absolute address of its page."""
    today = today or timezone.localdate()
    events = (
        events_visible_to(user)
        .filter(_own(user), ends_on__gte=today - timedelta(days=366))
        .select_related("country")
        .order_by("starts_on", "pk")[:1000]
    )
    return [
        CalendarEntry(
            uid=f"ir-event-{event.pk}@courtadmin",
            summary=event.title,
            starts_on=event.starts_on,
            ends_on=event.ends_on,
            start_time=event.start_time,
            location=", ".join(part for part in (event.place, str(event.country or "")) if part),
            description=f"{event.get_kind_display()}. {_('Organiser')}: {event.organiser}",
            status=CALENDAR_STATUS[event.status],
            url=link(event),
        )
        for event in events
    ]


# --- Figures ------------------------------------------------------------------------------------


def event_figures(user, period: Period) -> dict:
    """Events of the period by kind and month (IR 7.6): held, planned or confirmed, cancelled;
    and how many were in the year's plan."""
    events = events_visible_to(user).filter(starts_on__gte=period.start, starts_on__lte=period.end)
    by_kind = {
        row["kind"]: row
        for row in events.values("kind").annotate(
            total=Count("pk"),
            held=Count("pk", filter=Q(status=Event.Status.HELD)),
            cancelled=Count("pk", filter=Q(status=Event.Status.CANCELLED)),
            planned=Count("pk", filter=Q(plan_year__isnull=False)),
        )
    }
    kinds = [
        {"kind": label, **{key: by_kind.get(code, {}).get(key, 0) for key in ("total", "held", "cancelled", "planned")}}
        for code, label in Event.Kind.choices
    ]
    months = dict(
        events.annotate(month=ExtractMonth("starts_on"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    return {
        "kinds": kinds,
        "months": [{"month": month, "name": MONTHS[month], "n": months.get(month, 0)} for month in range(1, 13)],
    }
