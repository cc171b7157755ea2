"""Business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17).

- A trip of judges or court staff abroad is entered by IR staff with its purpose, country,
  participants and dates (IR 7.16). Once the participants are back, its final report is
  awaited; IR staff attach it when it comes and record the day it was published on the
  Supreme Court's portal (IR 7.11). No term is set for the report: none is in the
  regulations, so the portal counts the trips still waiting, not days of delay.
- A foreign delegation's visit is entered with its country, organisation, head, size,
  dates and programme (IR 7.17).

Services here write (keyword-only, inside a transaction, audited); the reads are in
international/selectors/trips.py.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields

from ..models import Delegation, Trip, TripReport
from ..permissions import check_ir_staff


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
