"""International events (IR 5.3, 7.6, 7.14, 7.15, 7.18, 7.23).

- IR staff enter an event with its kind, dates, place, organiser, participants (people of the
  portal), foreign participants, working languages and interpreters, and the year's plan it
  belongs to (IR 7.6), and correct it while it is planned or confirmed.
- Its life is a table of moves (`EVENT_WORKFLOW`, `event_move`): planned, confirmed, held
  with its outcomes (from its first day on), or cancelled with the reason.
- The materials prepared for it (IR 7.15) each run a term (`ir.event_material`): the
  material is prepared when its document, one of the documents module, is linked to it.
- The outcomes lead to follow-up instructions given through the instructions register.

Writes are keyword-only, in a transaction, audited; the reads are in
international/selectors/events.py.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.audit.services import audit_record
from courtadmin.core.workflow import Move, Workflow
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_open
from courtadmin.instructions.services import instruction_give

from ..models import Event, EventFollowUp, EventMaterial
from ..permissions import check_ir_staff, is_ir_staff

S = Event.Status
MATERIAL_TERM = "ir.event_material"

# Who may: "ir_staff", the department's staff (IR 1-3); the leadership reads.
MOVES = {
    move.name: move
    for move in (
        Move("confirm", gettext_lazy("Confirm the event"), frozenset({S.PLANNED}), S.CONFIRMED, "ir_staff"),
        Move(
            "hold",
            gettext_lazy("Record it as held"),
            frozenset({S.PLANNED, S.CONFIRMED}),
            S.HELD,
            "ir_staff",
            ("outcomes",),
        ),
        Move(
            "cancel",
            gettext_lazy("Cancel the event"),
            frozenset({S.PLANNED, S.CONFIRMED}),
            S.CANCELLED,
            "ir_staff",
            ("reason",),
        ),
    )
}
# An event is corrected and its materials set while it is still ahead.
OPEN = (S.PLANNED, S.CONFIRMED)


class EventWorkflow(Workflow):
    model = Event
    moves = MOVES
    action_prefix = "ir.event."

    def may(self, move: Move, event, user) -> bool:
        return is_ir_staff(user)

    def refused_move(self, event, move: Move) -> ValidationError:
        return ValidationError(
            _("An event that is %(status)s cannot be moved so (%(move)s).")
            % {"status": event.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, event, move: Move) -> ValidationError:
        return ValidationError(_("The department's staff keep its events."), code="not_yours")

    def visible_to(self, user):
        from ..selectors.events import events_visible_to

        return events_visible_to(user)

    def concerned(self, event, move: Move, *, actor) -> list:
        """The participants and the responsible officer: their calendar changes."""
        return [event.officer, *event.participants.all()]

    def check(self, event, move: Move, *, actor, **inputs) -> None:
        if move.name == "hold":
            if event.starts_on > timezone.localdate():
                raise ValidationError(
                    {"outcomes": ValidationError(_("The event has not begun yet."), code="not_begun")}
                )
            if not inputs.get("outcomes", "").strip():
                raise ValidationError({"outcomes": ValidationError(_("Say what the event gave."), code="required")})
        elif move.name == "cancel" and not inputs.get("reason", "").strip():
            raise ValidationError({"reason": ValidationError(_("Say why it is cancelled."), code="required")})

    def apply(self, event, move: Move, *, actor, **inputs) -> dict:
        if move.name == "hold":
            event.outcomes = inputs["outcomes"].strip()
            return {}
        if move.name == "cancel":
            event.cancel_reason = inputs["reason"].strip()
            return {"reason": event.cancel_reason}
        return {}


EVENT_WORKFLOW = EventWorkflow()


def moves_open_to(event, user) -> list[Move]:
    return EVENT_WORKFLOW.moves_open_to(event, user)


def event_move(*, event: Event, move: str, actor, **inputs) -> Event:
    """Perform one move of an event, or refuse it and change nothing."""
    if move not in MOVES:
        raise ValidationError(_("No such move."), code="forbidden_move")
    return EVENT_WORKFLOW.perform(record=event, move=move, actor=actor, **inputs)


def event_save(*, actor, event: Event, participants, partners=()) -> Event:
    """IR 7.6, 7.14: an event entered, or corrected while it is ahead, by IR staff; its
    participants are people of the portal; the partners it is held with keep it in their
    history (IR 7.1)."""
    check_ir_staff(actor)
    created = event.pk is None
    if not created and Event.objects.get(pk=event.pk).status not in OPEN:
        raise ValidationError(_("A held or cancelled event is no longer corrected."), code="closed")
    if created:
        event.created_by = actor
    event.full_clean()
    with transaction.atomic():
        event.save()
        event.participants.set(participants)
        event.partners.set(partners)
        audit_record(
            actor=actor,
            action=f"ir.event.{'created' if created else 'updated'}",
            obj=event,
            after={
                "participants": sorted(user.pk for user in participants),
                "partners": sorted(partner.pk for partner in partners),
            },
        )
    return event


def event_material_add(*, actor, event: Event, title: str, executor, due_on: date) -> EventMaterial:
    """IR 7.15: an analytical or reference material to prepare for the event by `due_on`; its
    term reminds the executor and escalates when it is late."""
    check_ir_staff(actor)
    errors = {}
    if event.status not in OPEN:
        errors["title"] = ValidationError(_("Materials are prepared for an event ahead."), code="closed")
    if not is_ir_staff(executor):
        errors["executor"] = ValidationError(_("Choose someone of the department's staff."), code="outside")
    if due_on < timezone.localdate():
        errors["due_on"] = ValidationError(_("The term cannot be in the past."), code="past")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        material = EventMaterial.objects.create(event=event, title=title, executor=executor, due_on=due_on)
        deadline_open(
            record=material,
            kind=MATERIAL_TERM,
            received_at=timezone.now(),
            responsible=executor,
            actor=actor,
            due_on=due_on,
        )
        audit_record(
            actor=actor,
            action="ir.event.material_added",
            obj=event,
            after={"material": material.pk, "executor": executor.pk, "due_on": due_on},
        )
    return material


def event_material_prepared(*, actor, material: EventMaterial, document) -> EventMaterial:
    """IR 7.15: the material is prepared; its document is linked and its term closed as met
    or late by today."""
    check_ir_staff(actor)
    if material.document_id is not None:
        raise ValidationError({"document": ValidationError(_("The material is prepared already."), code="done")})
    if document.department != "IR":
        raise ValidationError({"document": ValidationError(_("Choose a document of the department."), code="outside")})
    today = timezone.localdate()
    with transaction.atomic():
        locked = EventMaterial.objects.select_for_update().get(pk=material.pk)
        locked.document, locked.prepared_on = document, today
        locked.save(update_fields=["document", "prepared_on"])
        term = running_term(locked, MATERIAL_TERM)
        if term is not None:
            deadline_close(deadline=term, actor=actor, on=today)
        audit_record(
            actor=actor,
            action="ir.event.material_prepared",
            obj=locked.event,
            after={"material": locked.pk, "document": document.pk},
        )
    material.refresh_from_db()
    return material


def event_follow_up_give(*, actor, event: Event, **giving) -> EventFollowUp:
    """A follow-up instruction on the outcomes of a held event, given through the instructions
    register (its own rules of who gives to whom) and kept beside the event."""
    if event.status != S.HELD:
        raise ValidationError(_("Follow-up instructions come after the event is held."), code="not_held")
    with transaction.atomic():
        instruction = instruction_give(actor=actor, **giving)
        follow_up = EventFollowUp.objects.create(event=event, instruction=instruction)
        audit_record(actor=actor, action="ir.event.follow_up_given", obj=event, after={"instruction": instruction.pk})
    return follow_up
