"""Writes of the organisation: absences and acting appointments, each audited."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from courtadmin.audit.services import audit_record, snapshot

from .authority import may_manage_absences_of, may_manage_appointments_for
from .models import Absence, ActingAppointment, Person

ABSENCE_FIELDS = ["person", "kind", "start", "end", "note"]
APPOINTMENT_FIELDS = ["replaced", "acting", "scope", "start", "end", "order_number", "order_date"]


def _lock_person(person: Person) -> None:
    """Serialise writes about one person, so two overlapping appointments cannot both pass."""
    Person.objects.select_for_update().filter(pk=person.pk).first()


def absence_save(*, actor, absence: Absence) -> Absence:
    """Create or change an absence (leave, business trip, sick leave)."""
    if not may_manage_absences_of(actor, absence.person):
        raise PermissionDenied
    with transaction.atomic():
        before = snapshot(Absence.objects.get(pk=absence.pk), ABSENCE_FIELDS) if absence.pk else None
        _lock_person(absence.person)
        absence.full_clean()
        if absence.pk is None:
            absence.created_by = actor
        absence.save()
        audit_record(
            actor=actor,
            action="org.absence.update" if before else "org.absence.create",
            obj=absence,
            before=before,
            after=snapshot(absence, ABSENCE_FIELDS),
        )
    return absence


def absence_delete(*, actor, absence: Absence) -> None:
    if not may_manage_absences_of(actor, absence.person):
        raise PermissionDenied
    with transaction.atomic():
        audit_record(actor=actor, action="org.absence.delete", obj=absence, before=snapshot(absence, ABSENCE_FIELDS))
        absence.delete()


def acting_appointment_save(*, actor, appointment: ActingAppointment) -> ActingAppointment:
    """Create or change an acting appointment. It takes effect and lapses on its own dates:
    every authority question compares them with the moment it is asked."""
    if not may_manage_appointments_for(actor, appointment.replaced):
        raise PermissionDenied
    with transaction.atomic():
        before = (
            snapshot(ActingAppointment.objects.get(pk=appointment.pk), APPOINTMENT_FIELDS) if appointment.pk else None
        )
        _lock_person(appointment.replaced)
        appointment.full_clean()
        if appointment.pk is None:
            appointment.created_by = actor
        appointment.save()
        audit_record(
            actor=actor,
            action="org.acting_appointment.update" if before else "org.acting_appointment.create",
            obj=appointment,
            before=before,
            after=snapshot(appointment, APPOINTMENT_FIELDS),
        )
    return appointment


def acting_appointment_delete(*, actor, appointment: ActingAppointment) -> None:
    if not may_manage_appointments_for(actor, appointment.replaced):
        raise PermissionDenied
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="org.acting_appointment.delete",
            obj=appointment,
            before=snapshot(appointment, APPOINTMENT_FIELDS),
        )
        appointment.delete()
