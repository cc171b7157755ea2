"""The life of an instruction as a table of moves (issue 20, item 3; IR 11, ISD 5.12, ISD 9).

(given) -> on execution: `services.instruction_give` numbers it in the department's register,
    names the executors and the lead, opens the term for the lead and announces it as the
    move "give", which has no state to start from: it is never a button.
on execution / returned -> reported: the lead executor sends the final report (any executor
    sends interim ones at any time: `services.instruction_report_add`).
reported -> accepted: the one who gave it accepts the report; the term closes as met or late
    by the day of the final report.
reported -> returned: the one who gave it returns it with a reason; the term runs on.

`InstructionWorkflow.perform` alone assigns `Instruction.status` after the giving.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.uploads import accepted_upload_fields, validate_upload
from courtadmin.core.workflow import Move, Workflow
from courtadmin.deadlines.models import Deadline
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close

from .models import Instruction, InstructionExecutor, InstructionFile, InstructionReport
from .selectors import instructions_visible_to, term_kind

S = Instruction.Status
# At most this many files with one report.
MAX_FILES = 10

# Who may: "giver", the one who gave it; "lead", its lead executor.
MOVES = {
    move.name: move
    for move in (
        Move("give", gettext_lazy("Give the instruction"), frozenset(), S.ON_EXECUTION, "giver"),
        Move(
            "report",
            gettext_lazy("Send the final report"),
            frozenset({S.ON_EXECUTION, S.RETURNED}),
            S.REPORTED,
            "lead",
            ("text", "files"),
        ),
        Move("accept", gettext_lazy("Accept the report"), frozenset({S.REPORTED}), S.ACCEPTED, "giver"),
        Move(
            "return",
            gettext_lazy("Return for execution"),
            frozenset({S.REPORTED}),
            S.RETURNED,
            "giver",
            ("reason",),
        ),
    )
}


def is_lead(user, instruction) -> bool:
    return InstructionExecutor.objects.filter(instruction=instruction, user_id=user.pk, is_lead=True).exists()


def files_refused(uploads) -> ValidationError | None:
    """The first refusal among a report's files (core.uploads), or None."""
    if len(uploads) > MAX_FILES:
        return ValidationError(_("At most %(max)d files with one report.") % {"max": MAX_FILES}, code="too_many")
    for upload in uploads:
        try:
            validate_upload(upload)
        except ValidationError as error:
            return error
    return None


def report_files_save(report, uploads, actor) -> list[InstructionFile]:
    return [
        InstructionFile.objects.create(report=report, uploaded_by=actor, **accepted_upload_fields(upload))
        for upload in uploads
    ]


class InstructionWorkflow(Workflow):
    model = Instruction
    moves = MOVES
    action_prefix = "instructions.instruction."

    def may(self, move: Move, instruction, user) -> bool:
        if move.who == "lead":
            return is_lead(user, instruction)
        return instruction.given_by_id == user.pk

    def refused_move(self, instruction, move: Move) -> ValidationError:
        return ValidationError(
            _("An instruction that is %(status)s cannot be moved so (%(move)s).")
            % {"status": instruction.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, instruction, move: Move) -> ValidationError:
        reasons = {
            "lead": _("Only the lead executor sends the final report."),
            "giver": _("Only the one who gave the instruction accepts its report or returns it."),
        }
        return ValidationError(reasons[move.who], code="not_yours")

    def visible_to(self, user):
        return instructions_visible_to(user)

    def concerned(self, instruction, move: Move, *, actor) -> list:
        """The executors when it is given to them, accepted or returned; the one who gave it
        when it is reported."""
        if move.name == "report":
            return [instruction.given_by]
        return [executor.user for executor in instruction.executors.select_related("user")]

    def check(self, instruction, move: Move, *, actor, **inputs) -> None:
        errors = {}
        if move.name == "report":
            if not inputs.get("text", "").strip():
                errors["text"] = ValidationError(_("Say how the instruction was executed."), code="required")
            refused = files_refused(inputs.get("files") or [])
            if refused is not None:
                errors["files"] = refused
        elif move.name == "return" and not inputs.get("reason", "").strip():
            errors["reason"] = ValidationError(_("Say what is still to be done."), code="required")
        if errors:
            raise ValidationError(errors)

    def apply(self, instruction, move: Move, *, actor, **inputs) -> dict:
        return getattr(self, f"_{move.name}")(instruction, actor=actor, **inputs)

    # --- Each move's effect -------------------------------------------------------------------

    def _report(self, instruction, *, actor, text, files=(), **_inputs) -> dict:
        report = InstructionReport.objects.create(instruction=instruction, author=actor, text=text, is_final=True)
        stored = report_files_save(report, list(files or ()), actor)
        instruction.reported_on = timezone.localdate()
        return {"report": report.pk, "files": [item.pk for item in stored], "reported_on": instruction.reported_on}

    def _return(self, instruction, *, actor, reason, **_inputs) -> dict:
        instruction.return_reason, instruction.reported_on = reason, None
        return {"reason": reason}

    def _accept(self, instruction, *, actor, **_inputs) -> dict:
        """Accepted: the term is met if the final report came by the due date."""
        term = running_term(instruction, term_kind(instruction.department))
        if term is not None:
            closed = deadline_close(deadline=term, actor=actor, on=instruction.reported_on)
            instruction.term_kept = closed.state == Deadline.State.MET
        else:
            instruction.term_kept = instruction.reported_on <= instruction.due_on
        instruction.accepted_by, instruction.accepted_at = actor, timezone.now()
        return {"term_kept": instruction.term_kept}


INSTRUCTION_WORKFLOW = InstructionWorkflow()


def moves_open_to(instruction, user) -> list[Move]:
    return INSTRUCTION_WORKFLOW.moves_open_to(instruction, user)


def instruction_move(*, instruction, move: str, actor, **inputs) -> Instruction:
    """Perform one move: lock the instruction, check the edge, the actor and the inputs, write
    the change and the audit event, announce it; raises ValidationError with the reason,
    changing nothing."""
    if move not in MOVES or not MOVES[move].sources:
        raise ValidationError(_("No such move."), code="forbidden_move")
    return INSTRUCTION_WORKFLOW.perform(record=instruction, move=move, actor=actor, **inputs)
