"""The CEPEJ evaluation cycle (IR 7.28).

- IR staff enter the questionnaire of a cycle (the year of its data, the term to the CEPEJ
  Secretariat, the warning threshold) and import its questions from a spreadsheet, with their
  CEPEJ codes, in the questionnaire's order, and, if the file says so, the subdivision that
  holds each question's data. A file with a bad row writes nothing.
- A question's life is a table of moves (`QUESTION_WORKFLOW`, `question_move`): assigned to
  a subdivision with a term (`ir.cepej_answer`), answered by it (a figure or a text, with a
  comment), returned for correction or accepted by the IR. An answer's figure is checked
  against the previous cycle's: a change above the threshold flags it, and a flagged answer
  is accepted only with a comment that explains the change; otherwise it goes back.
- The IR's head, or whoever replaces him (IR 13), approves the questionnaire once every
  answer is accepted (`questionnaire_approve`); then nothing in it changes, and its answers
  are exported in the questionnaire's order (international/export.py).
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.audit.services import audit_record
from courtadmin.core.workflow import Move, Workflow
from courtadmin.org.authority import person_of, signing_authority
from courtadmin.org.models import Department

from ..models import Question, Questionnaire
from ..permissions import check_ir_staff
from ..selectors.cepej import previous_value, questionnaires_visible_to, questions_visible_to
from ..workflow import AssignmentWorkflow, assign_imported, read_assigned_rows

S = Question.Status
TERM = "ir.cepej_answer"
NUMBER, TEXT = "number", "text"

MOVES = {
    move.name: move
    for move in (
        Move(
            "assign",
            gettext_lazy("Assign to a subdivision"),
            frozenset({S.RECEIVED, *Question.WITH_UNIT}),
            S.ASSIGNED,
            "ir_staff",
            ("unit", "executor", "due_on"),
        ),
        Move(
            "answer",
            gettext_lazy("Answer"),
            frozenset(Question.WITH_UNIT),
            S.ANSWERED,
            "unit",
            ("value", "answer", "comment"),
        ),
        Move(
            "return",
            gettext_lazy("Return for correction"),
            frozenset({S.ANSWERED, S.ACCEPTED}),
            S.RETURNED,
            "ir_staff",
            ("reason", "due_on"),
        ),
        Move("accept", gettext_lazy("Accept the answer"), frozenset({S.ANSWERED}), S.ACCEPTED, "ir_staff"),
    )
}


class QuestionWorkflow(AssignmentWorkflow):
    model = Question
    moves = MOVES
    action_prefix = "ir.question."
    term_kind = TERM
    unit_moves = frozenset({"answer"})
    term_moves = frozenset({"assign", "return"})

    def is_open(self, record, move: Move) -> bool:
        """An approved questionnaire is closed: none of its questions moves."""
        return super().is_open(record, move) and record.questionnaire.status == Questionnaire.Status.OPEN

    def controller(self, record):
        return record.questionnaire.officer

    def refused_move(self, record, move: Move) -> ValidationError:
        if record.questionnaire.status != Questionnaire.Status.OPEN:
            return ValidationError(_("The questionnaire is approved: its answers no longer change."), code="approved")
        return ValidationError(
            _("A question that is %(status)s cannot be moved so (%(move)s).")
            % {"status": record.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, record, move: Move) -> ValidationError:
        if move.name in self.unit_moves:
            return ValidationError(_("The subdivision that holds the data answers."), code="not_yours")
        return ValidationError(_("The department's staff keep the questionnaire."), code="not_yours")

    def visible_to(self, user):
        return questions_visible_to(user)

    def check_work(self, record, move: Move, inputs: dict) -> None:
        if move.name == "answer":
            if record.numeric and inputs.get("value") is None:
                raise ValidationError({"value": ValidationError(_("Give the figure."), code="required")})
            if not record.numeric and not inputs.get("answer", "").strip():
                raise ValidationError({"answer": ValidationError(_("Give the answer."), code="required")})
        elif move.name == "accept" and record.flagged and not record.comment.strip():
            raise ValidationError(
                _(
                    "The figure changed by more than %(threshold)s%% against the previous cycle: it is accepted "
                    "with a comment explaining the change, or returned for correction."
                )
                % {"threshold": record.questionnaire.threshold},
                code="unexplained",
            )

    def apply_work(self, record, move: Move, *, actor, **inputs) -> dict:
        if move.name == "answer":
            record.value = inputs.get("value") if record.numeric else None
            record.answer = "" if record.numeric else inputs["answer"].strip()
            record.comment = inputs.get("comment", "").strip()
            record.answered_by = actor
            record.previous_value = previous_value(record) if record.numeric else None
            record.flagged = _beyond_threshold(record)
            self.close_term(record, actor=actor)
            return {
                "value": record.value,
                "previous_value": record.previous_value,
                "flagged": record.flagged,
            }
        return {}


def _beyond_threshold(question: Question) -> bool:
    """The quality check: the figure moved more than the questionnaire's threshold against the
    previous cycle's (a figure that appears from zero counts as moved)."""
    if question.value is None or question.previous_value is None:
        return False
    if question.previous_value == 0:
        return question.value != 0
    return abs(question.change_percent) > question.questionnaire.threshold


QUESTION_WORKFLOW = QuestionWorkflow()


def moves_open_to(question, user) -> list[Move]:
    return QUESTION_WORKFLOW.moves_open_to(question, user)


def question_move(*, question: Question, move: str, actor, **inputs) -> Question:
    """Perform one move of a question, or refuse it and change nothing."""
    if move not in MOVES:
        raise ValidationError(_("No such move."), code="forbidden_move")
    return QUESTION_WORKFLOW.perform(record=question, move=move, actor=actor, **inputs)


# --- The questionnaire -----------------------------------------------------------------------

QS = Questionnaire.Status


class QuestionnaireWorkflow(Workflow):
    """One move: the IR's approval, by its head or whoever replaces him (IR 13)."""

    model = Questionnaire
    moves = {
        "approve": Move("approve", gettext_lazy("Approve the answers"), frozenset({QS.OPEN}), QS.APPROVED, "ir_head")
    }
    action_prefix = "ir.questionnaire."

    def may(self, move: Move, record, user) -> bool:
        return bool(signing_authority(person_of(user), Department.IR))

    def refused_move(self, record, move: Move) -> ValidationError:
        return ValidationError(_("The questionnaire is approved already."), code="approved")

    def refused_actor(self, record, move: Move) -> ValidationError:
        return ValidationError(
            _("The head of the department, or the person replacing him, approves the answers."), code="not_yours"
        )

    def visible_to(self, user):
        return questionnaires_visible_to(user)

    def concerned(self, record, move: Move, *, actor) -> list:
        return [record.officer]

    def check(self, record, move: Move, *, actor, **inputs) -> None:
        questions = record.questions.all()
        if not questions.exists():
            raise ValidationError(_("The questionnaire has no questions."), code="empty")
        waiting = questions.exclude(status=S.ACCEPTED).count()
        if waiting:
            raise ValidationError(
                _("%(count)s answers are not accepted yet.") % {"count": waiting}, code="not_accepted"
            )

    def apply(self, record, move: Move, *, actor, **inputs) -> dict:
        record.approved_by, record.approved_on = actor, timezone.localdate()
        return {"approved_on": record.approved_on}


QUESTIONNAIRE_WORKFLOW = QuestionnaireWorkflow()


def questionnaire_moves_open_to(questionnaire, user) -> list[Move]:
    return QUESTIONNAIRE_WORKFLOW.moves_open_to(questionnaire, user)


def questionnaire_move(*, questionnaire: Questionnaire, move: str, actor, **inputs) -> Questionnaire:
    if move not in QUESTIONNAIRE_WORKFLOW.moves:
        raise ValidationError(_("No such move."), code="forbidden_move")
    return QUESTIONNAIRE_WORKFLOW.perform(record=questionnaire, move=move, actor=actor, **inputs)


def questionnaire_save(*, actor, questionnaire: Questionnaire) -> Questionnaire:
    """IR 7.28: the questionnaire of a cycle, entered or corrected by IR staff while open."""
    check_ir_staff(actor)
    created = questionnaire.pk is None
    if not created and Questionnaire.objects.get(pk=questionnaire.pk).status != QS.OPEN:
        raise ValidationError(_("The questionnaire is approved: it no longer changes."), code="approved")
    if created:
        questionnaire.created_by = actor
    questionnaire.full_clean()
    with transaction.atomic():
        questionnaire.save()
        audit_record(actor=actor, action=f"ir.questionnaire.{'created' if created else 'updated'}", obj=questionnaire)
    return questionnaire


# --- The import ----------------------------------------------------------------------------

COLUMNS = ("code", "question", "type", "unit")
REQUIRED = ("code", "question")
CODE_MAX = Question._meta.get_field("code").max_length


def _row_errors(values: dict) -> list[str]:
    reasons = []
    if not values["code"] or len(values["code"]) > CODE_MAX:
        reasons.append(_("the code is 1 to %(limit)s characters") % {"limit": CODE_MAX})
    if not values["question"]:
        reasons.append(_("the question is empty"))
    if values["type"].lower() not in ("", NUMBER, TEXT):
        reasons.append(_("the type is %(number)s or %(text)s") % {"number": NUMBER, "text": TEXT})
    return reasons


def questions_import(*, actor, questionnaire: Questionnaire, upload, due_on: date | None = None) -> list[Question]:
    """IR 7.28: the questions of a questionnaire read from a CSV or XLSX file, all or none, after
    those it has, in the file's order. A row naming a subdivision (column `unit`) is assigned to
    it with the term `due_on`."""
    check_ir_staff(actor)
    if questionnaire.status != QS.OPEN:
        raise ValidationError({"file": ValidationError(_("The questionnaire is approved."), code="approved")})
    rows, units = read_assigned_rows(
        upload,
        columns=COLUMNS,
        required=REQUIRED,
        key="code",
        existing=questionnaire.questions.values_list("code", flat=True),
        row_errors=_row_errors,
        due_on=due_on,
    )
    last = questionnaire.questions.order_by("-order").values_list("order", flat=True).first() or 0
    with transaction.atomic():
        created = Question.objects.bulk_create(
            Question(
                questionnaire=questionnaire,
                order=last + position,
                code=values["code"],
                text=values["question"],
                numeric=values["type"].lower() != TEXT,
            )
            for position, (_number, values) in enumerate(rows, 1)
        )
        audit_record(
            actor=actor, action="ir.questionnaire.imported", obj=questionnaire, after={"questions": len(created)}
        )
        assign_imported(
            created,
            rows,
            units,
            assign=lambda record, unit: question_move(
                question=record, move="assign", actor=actor, unit=unit, due_on=due_on
            ),
        )
    return created


def change_shown(question: Question) -> Decimal | None:
    """The change against the previous cycle, rounded for the page and the export."""
    change = question.change_percent
    return change.quantize(Decimal("0.1")) if change is not None else None
