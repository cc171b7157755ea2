"""Reads of business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17), within the
reader's reach (IR staff and the Court Administration's leadership; 404 for anyone else).
What each record holds and when: international/services/trips.py.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.org.authority import department_access
from courtadmin.org.models import Department

from ..models import Delegation, Trip, TripReport


def trips_visible_to(user):
    if not department_access(user, Department.IR):
        return Trip.objects.none()
    return Trip.objects.select_related("country", "officer__person")


def awaiting_report(trips, today: date | None = None):
    """IR 7.11: trips whose participants are back and whose final report is not on file."""
    return trips.filter(report_received_on__isnull=True, returns_on__lt=today or timezone.localdate())


@dataclass(frozen=True)
class TripFilter:
    text: str = ""
    country: object = None
    officer: object = None
    awaiting: bool = False
    reported: bool = False
    departs_from: date | None = None
    departs_to: date | None = None


def trip_registry(user, filters: TripFilter = TripFilter()):
    trips = trips_visible_to(user)
    if filters.country:
        trips = trips.filter(country=filters.country)
    if filters.officer:
        trips = trips.filter(officer=filters.officer)
    if filters.awaiting:
        trips = awaiting_report(trips)
    if filters.reported:
        trips = trips.filter(report_received_on__isnull=False)
    if filters.departs_from:
        trips = trips.filter(departs_on__gte=filters.departs_from)
    if filters.departs_to:
        trips = trips.filter(departs_on__lte=filters.departs_to)
    if text := filters.text.strip():
        trips = trips.filter(Q(purpose__icontains=text) | Q(participants__icontains=text) | Q(city__icontains=text))
    return trips.order_by("-departs_on", "-pk")


def get_trip_for_user(user, pk) -> Trip:
    return get_object_or_404(trips_visible_to(user), pk=pk)


def get_trip_report_for_user(user, trip_pk, pk) -> TripReport:
    trip = get_trip_for_user(user, trip_pk)
    return get_object_or_404(TripReport.objects.select_related("trip"), trip=trip, pk=pk)


def delegations_visible_to(user):
    if not department_access(user, Department.IR):
        return Delegation.objects.none()
    return Delegation.objects.select_related("country", "officer__person")


def visiting(delegations, start: date, end: date):
    """IR 7.17: the delegations whose visit falls, in whole or in part, within [start, end]."""
    return delegations.filter(arrives_on__lte=end, leaves_on__gte=start)


def delegation_registry(user, *, text="", country=None, start: date | None = None, end: date | None = None):
    delegations = delegations_visible_to(user)
    if country:
        delegations = delegations.filter(country=country)
    if start and end:
        delegations = visiting(delegations, start, end)
    if text := text.strip():
        delegations = delegations.filter(Q(organisation__icontains=text) | Q(head__icontains=text))
    return delegations.order_by("-arrives_on", "-pk")


def get_delegation_for_user(user, pk) -> Delegation:
    return get_object_or_404(delegations_visible_to(user), pk=pk)


def delegation_members(delegation):
    return delegation.members.order_by("pk")


def delegation_programme(delegation):
    return delegation.programme_items.order_by("day", "at", "pk")


def delegation_escorts(delegation):
    return delegation.escorts.select_related("person__position__unit").order_by("person__full_name", "pk")


def delegation_spending(delegation):
    return delegation.spendings.select_related("line").order_by("-on", "-pk")


def delegation_gifts(delegation):
    return delegation.gifts.order_by("-on", "-pk")


def reads_visitor_access(user) -> bool:
    """The members' access to the court buildings: the IR's, and the ISD's, which keeps the
    security of courts."""
    return bool(department_access(user, Department.IR) or department_access(user, Department.ISD))


def visitor_access(user, today: date | None = None):
    """The members of the visits consented or held that are ahead, under way or ended in the
    last 30 days, with the visit's days and the places of its programme: the list of people the
    court buildings let in."""
    if not reads_visitor_access(user):
        return Delegation.objects.none()
    today = today or timezone.localdate()
    return (
        Delegation.objects.filter(
            status__in=(Delegation.Status.CONSENTED, Delegation.Status.HELD), leaves_on__gte=today - timedelta(days=30)
        )
        .select_related("country")
        .prefetch_related("members", "programme_items")
        .order_by("arrives_on", "pk")[:200]
    )
