"""The International Council at the Supreme Court (IR 7.29): its members; its meetings, each
with its agenda, then held with its minutes (`MEETING_WORKFLOW`, `meeting_move`); its
decisions assigned through the instructions register. For IR staff, each write audited; the
reads are in international/selectors/council.py."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.audit.services import audit_record
from courtadmin.core.workflow import Move, Workflow
from courtadmin.instructions.services import instruction_give

from ..models import Councillor, Decision, Meeting
from ..permissions import check_ir_staff, is_ir_staff
from ..selectors.council import meetings_visible_to

M = Meeting.Status


class MeetingWorkflow(Workflow):
    model = Meeting
    moves = {
        "hold": Move(
            "hold", gettext_lazy("Record it as held"), frozenset({M.PLANNED}), M.HELD, "ir_staff", ("minutes",)
        )
    }
    action_prefix = "ir.meeting."

    def may(self, move: Move, record, user) -> bool:
        return is_ir_staff(user)

    def refused_move(self, record, move: Move) -> ValidationError:
        return ValidationError(_("The meeting is held already."), code="forbidden_move")

    def refused_actor(self, record, move: Move) -> ValidationError:
        return ValidationError(_("The department's staff keep the Council's records."), code="not_yours")

    def visible_to(self, user):
        return meetings_visible_to(user)

    def check(self, record, move: Move, *, actor, **inputs) -> None:
        if record.on > timezone.localdate():
            raise ValidationError(
                {"minutes": ValidationError(_("The meeting has not taken place yet."), code="not_begun")}
            )
        if not inputs.get("minutes", "").strip():
            raise ValidationError({"minutes": ValidationError(_("Write the minutes."), code="required")})

    def apply(self, record, move: Move, *, actor, **inputs) -> dict:
        record.minutes = inputs["minutes"].strip()
        return {}


MEETING_WORKFLOW = MeetingWorkflow()


def meeting_move(*, meeting: Meeting, move: str, actor, **inputs) -> Meeting:
    if move not in MEETING_WORKFLOW.moves:
        raise ValidationError(_("No such move."), code="forbidden_move")
    return MEETING_WORKFLOW.perform(record=meeting, move=move, actor=actor, **inputs)


def councillor_save(*, actor, councillor: Councillor) -> Councillor:
    """A member of the Council, entered or corrected (the end of his membership among it)."""
    check_ir_staff(actor)
    created = councillor.pk is None
    if councillor.until is not None and councillor.since and councillor.until < councillor.since:
        raise ValidationError(
            {"until": ValidationError(_("The membership ends after it begins."), code="before_start")}
        )
    councillor.full_clean()
    with transaction.atomic():
        councillor.save()
        audit_record(actor=actor, action=f"ir.councillor.{'created' if created else 'updated'}", obj=councillor)
    return councillor


def meeting_save(*, actor, meeting: Meeting) -> Meeting:
    """A meeting with its agenda, entered or corrected while it is planned."""
    check_ir_staff(actor)
    created = meeting.pk is None
    if not created and Meeting.objects.get(pk=meeting.pk).status != M.PLANNED:
        raise ValidationError(_("A held meeting is no longer corrected."), code="closed")
    if created:
        meeting.created_by = actor
    meeting.full_clean()
    with transaction.atomic():
        meeting.save()
        audit_record(actor=actor, action=f"ir.meeting.{'created' if created else 'updated'}", obj=meeting)
    return meeting


def decision_give(*, actor, meeting: Meeting, **giving) -> Decision:
    """A decision of a held meeting, assigned through the instructions register (its own rules
    of who gives to whom) and kept beside the meeting."""
    if meeting.status != M.HELD:
        raise ValidationError(_("Decisions are assigned once the meeting is held."), code="not_held")
    with transaction.atomic():
        instruction = instruction_give(actor=actor, **giving)
        decision = Decision.objects.create(meeting=meeting, instruction=instruction)
        audit_record(
            actor=actor, action="ir.meeting.decision_given", obj=meeting, after={"instruction": instruction.pk}
        )
    return decision
