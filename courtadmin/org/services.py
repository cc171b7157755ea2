"""Writes of the organisation: absences, acting appointments, people's positions and IINs,
each audited with its before and after.

A change that gives someone a department's reach or its signature (an acting appointment for
a signing post or into a need-to-know department, a place in such a position, the IIN his
national EDS is bound to) waits for a second person (authority.may_confirm); until then it
changes nothing anyone may do.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record, snapshot

from .authority import (
    appointment_powers,
    identity_powers,
    is_organisation_keeper,
    may_confirm,
    may_manage_absences_of,
    may_manage_appointments_for,
    person_of,
    position_powers,
)
from .models import Absence, ActingAppointment, Confirmation, IdentityNumberChange, Person, PositionAssignment

ABSENCE_FIELDS = ["person", "kind", "start", "end", "note"]
APPOINTMENT_FIELDS = ["replaced", "acting", "scope", "start", "end", "order_number", "order_date", "state"]
ASSIGNMENT_FIELDS = ["person", "position", "order_number", "order_date", "state"]
IDENTITY_FIELDS = ["person", "iin", "basis", "state"]


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


def _kept_by_another(actor, person: Person, message) -> None:
    """Only the personnel office records a person's position or IIN, and never its own."""
    if not is_organisation_keeper(actor):
        raise PermissionDenied
    if person_of(actor) is not None and person_of(actor).pk == person.pk:
        raise ValidationError(message, code="oneself")


def position_assign(*, actor, person: Person, position, order_number: str, order_date) -> PositionAssignment:
    """The personnel office places a person in a position (or releases him: position None) on
    an order. A place that gives a power he does not hold waits for a second person; any other
    takes effect at once. The system administrator's account never holds a position."""
    _kept_by_another(actor, person, _("Nobody places himself in a position."))
    if person.user is not None and (person.user.is_superuser or person.user.is_staff) and position is not None:
        raise ValidationError(_("An administrator's account holds no position."), code="administrator")
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
            _apply(assignment, actor)
    return assignment


def _apply(change, actor) -> None:
    """A confirmed (or at once effective) change written on the person it is about: his
    position, or his IIN."""
    field = APPLIED[type(change)]
    person = Person.objects.select_for_update().get(pk=change.person_id)
    before = getattr(person, field)
    setattr(person, field, getattr(change, field))
    try:
        with transaction.atomic():
            person.save(update_fields=[field.removesuffix("_id")])
    except IntegrityError:  # the one constraint a person's row has beyond his position: one IIN each
        raise ValidationError(_("This IIN is recorded for another person."), code="taken") from None
    name = field.removesuffix("_id")
    audit_record(
        actor=actor,
        action=f"org.person.{name}",
        obj=person,
        before={name: before},
        after={name: getattr(person, field), "change": change.pk},
    )


def identity_number_propose(*, actor, person: Person, iin: str, basis: str) -> IdentityNumberChange:
    """The personnel office records the IIN a person's national EDS certificate names (IR 13,
    ISD 15), or removes it (iin empty). Whose key signs as whom is a signing power: the change
    always waits for the head of a department he signs for, or the leadership, to confirm it."""
    _kept_by_another(actor, person, _("Nobody records his own IIN."))
    change = IdentityNumberChange(person=person, iin=iin.strip(), basis=basis, proposed_by=actor)
    change.state = Confirmation.AWAITING
    change.full_clean()
    if not identity_powers(person):
        raise ValidationError(
            _("He signs for no department: an IIN is recorded for a member of a department or a signer."),
            code="no_department",
        )
    if change.iin == person.iin:
        raise ValidationError({"iin": ValidationError(_("This IIN is his already."), code="unchanged")})
    if change.iin and Person.objects.filter(iin=change.iin).exclude(pk=person.pk).exists():
        raise ValidationError({"iin": ValidationError(_("This IIN is recorded for another person."), code="taken")})
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        if IdentityNumberChange.objects.filter(person=person, state=Confirmation.AWAITING).exists():
            raise ValidationError(_("A change of his IIN already awaits a second person."), code="pending")
        change.save()
        audit_record(
            actor=actor,
            action="org.identity_number_change.create",
            obj=change,
            before={"iin": person.iin},
            after={**snapshot(change, IDENTITY_FIELDS), "powers": _powers(identity_powers(person))},
        )
    return change


# The field of the person each kind of change writes once in effect.
APPLIED = {PositionAssignment: "position_id", IdentityNumberChange: "iin"}
CHANGE_NAMES = {
    ActingAppointment: "acting_appointment",
    PositionAssignment: "position_assignment",
    IdentityNumberChange: "identity_number_change",
}


def _empowered_and_powers(change) -> tuple[Person, frozenset]:
    if isinstance(change, ActingAppointment):
        return change.acting, appointment_powers(change)
    if isinstance(change, IdentityNumberChange):
        return change.person, identity_powers(change.person)
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
        if confirm and type(locked) in APPLIED:
            _apply(locked, actor)
    change.refresh_from_db()
    return change
