"""Writes of the organisation: absences, acting appointments and people's positions, each
audited with its before and after.

A change that gives someone a department's reach or its signature (an acting appointment for
a signing post or into a need-to-know department, a place in such a position) waits for a
second person (authority.may_confirm); until then it changes nothing anyone may do.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record, snapshot

from .authority import (
    appointment_powers,
    is_organisation_keeper,
    may_confirm,
    may_manage_absences_of,
    may_manage_appointments_for,
    person_of,
    position_powers,
)
from .models import Absence, ActingAppointment, Confirmation, Person, PositionAssignment

ABSENCE_FIELDS = ["person", "kind", "start", "end", "note"]
APPOINTMENT_FIELDS = ["replaced", "acting", "scope", "start", "end", "order_number", "order_date", "state"]
ASSIGNMENT_FIELDS = ["person", "position", "order_number", "order_date", "state"]


def _powers(powers) -> list[str]:
    return sorted(f"{kind}:{code}" for kind, code in powers)


def _save_about_person(*, actor, obj, person: Person, fields: list[str], action: str, after_extra=None):
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
            after={**snapshot(obj, fields), **(after_extra or {})},
        )
    return obj


def _delete_audited(*, actor, obj, fields: list[str], action: str) -> None:
    try:
        with transaction.atomic():
            audit_record(actor=actor, action=f"{action}.delete", obj=obj, before=snapshot(obj, fields))
            obj.delete()
    except ProtectedError:
        raise ValidationError(
            _("Documents were signed under this appointment: it stays on record. Shorten it instead."),
            code="used_by_signatures",
        ) from None


def absence_save(*, actor, absence: Absence) -> Absence:
    """Create or change an absence (leave, business trip, sick leave): of oneself, of someone
    one stands above, or by the personnel office; never of one's head."""
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
    """Record an acting appointment on an order: by the replaced person's superior or the
    personnel office, never naming oneself as acting. It takes effect and lapses on its own
    dates; one that gives the acting person a power he does not hold (a signature, a
    need-to-know department's reach) waits for a second person, and so does any change to it."""
    if not may_manage_appointments_for(actor, appointment.replaced):
        raise PermissionDenied
    me = person_of(actor)
    if appointment.acting_id is not None and me is not None and appointment.acting_id == me.pk:
        raise ValidationError({"acting": _("Nobody names himself to act for another.")})
    powers = appointment_powers(appointment) if appointment.acting_id and appointment.replaced_id else frozenset()
    appointment.state = Confirmation.AWAITING if powers else Confirmation.EFFECTIVE
    appointment.proposed_by, appointment.decided_by, appointment.decided_at, appointment.refusal = actor, None, None, ""
    return _save_about_person(
        actor=actor,
        obj=appointment,
        person=appointment.replaced,
        fields=APPOINTMENT_FIELDS,
        action="org.acting_appointment",
        after_extra={"powers": _powers(powers)},
    )


def acting_appointment_delete(*, actor, appointment: ActingAppointment) -> None:
    if not may_manage_appointments_for(actor, appointment.replaced):
        raise PermissionDenied
    _delete_audited(actor=actor, obj=appointment, fields=APPOINTMENT_FIELDS, action="org.acting_appointment")


def position_assign(*, actor, person: Person, position, order_number: str, order_date) -> PositionAssignment:
    """The personnel office places a person in a position (or releases him: position None) on
    an order. A place that gives a power he does not hold waits for a second person; any other
    takes effect at once. The system administrator's account never holds a position."""
    if not is_organisation_keeper(actor):
        raise PermissionDenied
    if person.user is not None and (person.user.is_superuser or person.user.is_staff) and position is not None:
        raise ValidationError(_("An administrator's account holds no position."), code="administrator")
    if person_of(actor) is not None and person_of(actor).pk == person.pk:
        raise ValidationError(_("Nobody places himself in a position."), code="oneself")
    assignment = PositionAssignment(
        person=person, position=position, order_number=order_number, order_date=order_date, proposed_by=actor
    )
    powers = position_powers(position) - position_powers(person.position)
    assignment.state = Confirmation.AWAITING if powers else Confirmation.EFFECTIVE
    assignment.full_clean()
    with transaction.atomic():
        assignment.save()
        audit_record(
            actor=actor,
            action="org.position_assignment.create",
            obj=assignment,
            before={"position": person.position_id},
            after={**snapshot(assignment, ASSIGNMENT_FIELDS), "powers": _powers(powers)},
        )
        if assignment.is_effective:
            _apply_assignment(assignment, actor)
    return assignment


def _apply_assignment(assignment: PositionAssignment, actor) -> None:
    person = Person.objects.select_for_update().get(pk=assignment.person_id)
    before = person.position_id
    person.position = assignment.position
    person.save(update_fields=["position"])
    audit_record(
        actor=actor,
        action="org.person.position",
        obj=person,
        before={"position": before},
        after={"position": person.position_id, "assignment": assignment.pk},
    )


CHANGE_NAMES = {ActingAppointment: "acting_appointment", PositionAssignment: "position_assignment"}


def _empowered_and_powers(change) -> tuple[Person, frozenset]:
    if isinstance(change, ActingAppointment):
        return change.acting, appointment_powers(change)
    return change.person, position_powers(change.position) - position_powers(change.person.position)


def change_decide(*, actor, change, confirm: bool, reason: str = ""):
    """Confirm or refuse a change awaiting a second person: the department's head or the
    leadership it reports to, neither the one who proposed it nor the one it empowers."""
    model = type(change)
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=change.pk)
        if locked.state != Confirmation.AWAITING:
            raise ValidationError(_("This change is not awaiting confirmation."), code="decided")
        empowered, powers = _empowered_and_powers(locked)
        decision = may_confirm(actor, locked, powers=powers, empowered=empowered)
        if not decision:
            raise ValidationError(decision.reason, code="not_confirmer")
        if not confirm and not reason.strip():
            raise ValidationError({"reason": ValidationError(_("Say why it is refused."), code="required")})
        locked.state = Confirmation.EFFECTIVE if confirm else Confirmation.REFUSED
        locked.decided_by, locked.decided_at, locked.refusal = actor, timezone.now(), reason.strip()
        locked.save(update_fields=["state", "decided_by", "decided_at", "refusal"])
        audit_record(
            actor=actor,
            action=f"org.{CHANGE_NAMES[model]}.{'confirm' if confirm else 'refuse'}",
            obj=locked,
            before={"state": Confirmation.AWAITING},
            after={"state": locked.state, "powers": _powers(powers), "reason": locked.refusal},
        )
        if confirm and isinstance(locked, PositionAssignment):
            _apply_assignment(locked, actor)
    change.refresh_from_db()
    return change
