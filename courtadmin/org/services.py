"""Writes of the organisation: absences and acting appointments, each audited."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from courtadmin.audit.services import audit_record, snapshot

from .authority import may_manage_absences_of, may_manage_appointments_for
from .models import Absence, ActingAppointment, Person

ABSENCE_FIELDS = ["person", "kind", "start", "end", "note"]
APPOINTMENT_FIELDS = ["replaced", "acting", "scope", "start", "end", "order_number", "order_date"]


def _save_about_person(*, actor, obj, person: Person, fields: list[str], action: str):
    """Validate and save an absence or appointment about `person`, and audit it.

    The person's row is locked first, so that two overlapping appointments saved at the
    same moment cannot both pass the overlap check in `clean()`.
    """
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        before = snapshot(type(obj).objects.get(pk=obj.pk), fields) if obj.pk else None
        obj.full_clean()
        if obj.pk is None:
            obj.created_by = actor
        obj.save()
        audit_record(
            actor=actor,
            action=f"{action}.update" if before else f"{action}.create",
            obj=obj,
            before=before,
            after=snapshot(obj, fields),
        )
    return obj


def _delete_audited(*, actor, obj, fields: list[str], action: str) -> None:
    with transaction.atomic():
        audit_record(actor=actor, action=f"{action}.delete", obj=obj, before=snapshot(obj, fields))
        obj.delete()


def absence_save(*, actor, absence: Absence) -> Absence:
    """Create or change an absence (leave, business trip, sick leave)."""
    if not may_manage_absences_of(actor, absence.person):
        raise PermissionDenied
    return _save_about_person(
        actor=actor, obj=absence, person=absence.person, fields=ABSENCE_FIELDS, action="org.absence"
    )


def absence_delete(*, actor, absence: Absence) -> None:
    if not may_manage_absences_of(actor, absence.person):
        raise PermissionDenied
    _delete_audited(actor=actor, obj=absence, fields=ABSENCE_FIELDS, action="org.absence")


def acting_appointment_save(*, actor, appointment: ActingAppointment) -> ActingAppointment:
    """Create or change an acting appointment. It takes effect and lapses on its own dates:
    every authority question compares them with the moment it is asked."""
    if not may_manage_appointments_for(actor, appointment.replaced):
        raise PermissionDenied
    return _save_about_person(
        actor=actor,
        obj=appointment,
        person=appointment.replaced,
        fields=APPOINTMENT_FIELDS,
        action="org.acting_appointment",
    )


def acting_appointment_delete(*, actor, appointment: ActingAppointment) -> None:
    if not may_manage_appointments_for(actor, appointment.replaced):
        raise PermissionDenied
    _delete_audited(actor=actor, obj=appointment, fields=APPOINTMENT_FIELDS, action="org.acting_appointment")
