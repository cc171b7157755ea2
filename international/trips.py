"""Business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17).

- A trip of judges or court staff abroad is entered by IR staff with its purpose, country,
  participants and dates (IR 7.16). Once the participants are back, its final report is
  awaited; IR staff attach it when it comes and record the day it was published on the
  Supreme Court's portal (IR 7.11). No term is set for the report: none is in the
  regulations, so the portal counts the trips still waiting, not days of delay.
- A foreign delegation's visit is entered with its country, organisation, head, size,
  dates and programme (IR 7.17).

Services here write (keyword-only, inside a transaction, audited); selectors read within
the reader's reach (IR staff and the Court Administration's leadership; 404 for anyone else).
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.org.authority import department_access
from courtadmin.org.models import Department

from .models import Delegation, Trip, TripReport
from .permissions import check_ir_staff

# --- Selectors ---------------------------------------------------------------------------------


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


# --- Services ----------------------------------------------------------------------------------


def _saved(*, actor, record, action: str):
    """Validate and write a trip or a delegation, entered or corrected by IR staff."""
    check_ir_staff(actor)
    created = record.pk is None
    if created:
        record.created_by = actor
    record.full_clean()
    with transaction.atomic():
        record.save()
        audit_record(actor=actor, action=f"{action}.{'created' if created else 'updated'}", obj=record)
    return record


def trip_save(*, actor, trip: Trip) -> Trip:
    """IR 7.16: a trip abroad entered or corrected by IR staff."""
    return _saved(actor=actor, record=trip, action="ir.trip")


def delegation_save(*, actor, delegation: Delegation) -> Delegation:
    """IR 7.17: a foreign delegation's visit entered or corrected by IR staff."""
    return _saved(actor=actor, record=delegation, action="ir.delegation")


def trip_report_add(*, actor, trip: Trip, upload) -> TripReport:
    """IR 7.11: the final report of a trip, accepted once the participants are back. The
    first report sets the day it was received; a later file replaces it as the report."""
    check_ir_staff(actor)
    today = timezone.localdate()
    if trip.departs_on > today:
        raise ValidationError(_("The trip has not begun: its report comes after it."), code="not_begun")
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        locked = Trip.objects.select_for_update().get(pk=trip.pk)
        report = TripReport.objects.create(trip=locked, uploaded_by=actor, **fields)
        if locked.report_received_on is None:
            locked.report_received_on = today
            locked.save(update_fields=["report_received_on"])
        audit_record(
            actor=actor,
            action="ir.trip.report_added",
            obj=locked,
            after={"report": report.pk, "name": report.original_name, "sha256": report.sha256},
        )
    trip.refresh_from_db()
    return report


def trip_report_published(*, actor, trip: Trip, on: date) -> Trip:
    """IR 7.11: the day the final report was published on the Supreme Court's portal."""
    check_ir_staff(actor)
    errors = {}
    if trip.report_received_on is None:
        errors["on"] = ValidationError(_("Attach the final report first."), code="no_report")
    elif on < trip.report_received_on:
        errors["on"] = ValidationError(_("It was published after it was received."), code="before_report")
    if on > timezone.localdate():
        errors["on"] = ValidationError(_("This date is still to come."), code="future")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Trip.objects.filter(pk=trip.pk).update(report_published_on=on)
        audit_record(actor=actor, action="ir.trip.report_published", obj=trip, after={"on": on.isoformat()})
    trip.refresh_from_db()
    return trip
