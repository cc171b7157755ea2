"""The life of an incoming letter as a table of moves (issue 20, item 1; IR 11, ISD 9).

registered -> on execution: the resolution (резолюция) of the department's head, or of
    whoever replaces him (the signer of the day, IR 13, ISD 15), or of the leadership (the
    Chairman, the Head of the Court Administration and his deputies, within the departments
    they reach: ISD 7); it names the executors, one lead among them, the instruction and the
    term in working days, and opens the term for the lead executor.
on execution -> executed: the lead executor reports, with the answer document if there is one.
executed -> on execution: returned by the one who gave the resolution, with a reason.
executed -> closed: taken off control by the one who gave the resolution; the term closes as
    met or late, by the day of the report.
on execution -> on execution: the term extended by the one who gave the resolution, who set
    it, on a reasoned decision (deadlines.services.deadline_extend); the term counts from then
    on to its new date, and is met or late by it. Suspended by him with a reason (an answer
    awaited from elsewhere), and resumed: the working days it stood still are added to it.

`LetterWorkflow.perform` alone assigns `IncomingLetter.status`.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.workflow import Move, Workflow
from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.models import Deadline
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import (
    deadline_close,
    deadline_extend,
    deadline_open,
    deadline_resume,
    deadline_suspend,
)
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import documents_visible_to
from courtadmin.org.authority import CA_LEADERSHIP_KINDS, department_access, person_of, signing_authority

from .models import IncomingLetter, LetterExecutor, LetterResolution, LetterTranslation
from .selectors import (
    executor_candidates,
    letters_visible_to,
    registering_departments,
    term_kind,
    translation_term_kind,
    translations_visible_to,
)

S = IncomingLetter.Status
# A resolution's term: at least a working day, at most about a working year.
MAX_WORKING_DAYS = 250

# Who may: "leader", the head (or whoever replaces him) or the leadership; "lead", the lead
# executor; "giver", the one who gave the resolution.
MOVES = {
    move.name: move
    for move in (
        Move(
            "resolve",
            gettext_lazy("Give the resolution"),
            frozenset({S.REGISTERED}),
            S.ON_EXECUTION,
            "leader",
            ("text", "executors", "lead", "working_days"),
        ),
        Move(
            "report",
            gettext_lazy("Report the execution"),
            frozenset({S.ON_EXECUTION}),
            S.EXECUTED,
            "lead",
            ("report", "answer"),
        ),
        Move(
            "return",
            gettext_lazy("Return for execution"),
            frozenset({S.EXECUTED}),
            S.ON_EXECUTION,
            "giver",
            ("reason",),
        ),
        Move("close", gettext_lazy("Take off control"), frozenset({S.EXECUTED}), S.CLOSED, "giver"),
        Move(
            "extend",
            gettext_lazy("Extend the term"),
            frozenset({S.ON_EXECUTION}),
            S.ON_EXECUTION,
            "giver",
            ("to", "decision"),
        ),
        Move(
            "suspend",
            gettext_lazy("Suspend the term"),
            frozenset({S.ON_EXECUTION}),
            S.ON_EXECUTION,
            "giver",
            ("reason",),
        ),
        Move("resume", gettext_lazy("Resume the term"), frozenset({S.ON_EXECUTION}), S.ON_EXECUTION, "giver"),
    )
}
# The moves on the term, each open while the term stands so.
TERM_MOVES = {
    "extend": Deadline.ACTIVE,
    "suspend": Deadline.ACTIVE,
    "resume": (Deadline.State.SUSPENDED,),
}


def may_resolve(user, department: str) -> bool:
    """IR 11, ISD 9: the head gives instructions to his staff, and so does whoever replaces
    him (the department's signer of the day: IR 13, ISD 15); the leadership instructs the
    departments it reaches (ISD 7: the ISD only the Chairman and the Head)."""
    person = person_of(user)
    if person is None or person.position is None:
        return False
    if person.position.kind in CA_LEADERSHIP_KINDS:
        return bool(department_access(user, department))
    return bool(signing_authority(person, department))


def is_lead(user, letter) -> bool:
    return LetterExecutor.objects.filter(letter=letter, user_id=user.pk, is_lead=True).exists()


def may_start_answer(user, letter) -> bool:
    """The answer is the department's document: drafted by an executor on its staff (the lead,
    or, when the lead works in another subdivision, office or court, a co-executor of the
    department: IR 7.12), while the letter is on execution and has no live answer."""
    return (
        letter.status == S.ON_EXECUTION
        and (letter.answer is None or letter.answer.status == Document.Status.CANCELLED)
        and letter.department in registering_departments(user)
        and LetterExecutor.objects.filter(letter=letter, user_id=user.pk).exists()
    )


def gave_resolution(user, letter) -> bool:
    """Read from the letter's resolution (the letter's page has it already)."""
    resolution = getattr(letter, "resolution", None)
    return resolution is not None and resolution.given_by_id == user.pk


class LetterWorkflow(Workflow):
    model = IncomingLetter
    moves = MOVES
    action_prefix = "correspondence.letter."

    def is_open(self, letter, move: Move) -> bool:
        if not super().is_open(letter, move):
            return False
        if move.name not in TERM_MOVES:
            return True
        term = _letter_term(letter)
        return term is not None and term.state in TERM_MOVES[move.name]

    def may(self, move: Move, letter, user) -> bool:
        if move.who == "leader":
            return may_resolve(user, letter.department)
        if move.who == "lead":
            return is_lead(user, letter)
        return gave_resolution(user, letter)

    def refused_move(self, letter, move: Move) -> ValidationError:
        return ValidationError(
            _("A letter that is %(status)s cannot be moved so (%(move)s).")
            % {"status": letter.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, letter, move: Move) -> ValidationError:
        reasons = {
            "leader": _("Only the department's head, whoever replaces him, or the leadership gives a resolution."),
            "lead": _("Only the lead executor reports the execution."),
            "giver": _(
                "Only the one who gave the resolution returns the letter, extends, suspends or resumes its term, "
                "or takes it off control."
            ),
        }
        return ValidationError(reasons[move.who], code="not_yours")

    def visible_to(self, user):
        return letters_visible_to(user)

    def concerned(self, letter, move: Move, *, actor) -> list:
        """The executors when the letter is given to them, returned or closed; the one who
        gave the resolution when it is reported."""
        if move.name == "report":
            return [letter.resolution.given_by]
        return [executor.user for executor in letter.executors.select_related("user")]

    def check(self, letter, move: Move, *, actor, **inputs) -> None:
        errors = {}
        if move.name == "resolve":
            errors = _resolution_errors(letter, **inputs)
        elif move.name == "report":
            if not inputs.get("report", "").strip():
                errors["report"] = ValidationError(_("Say how the letter was executed."), code="required")
            answer = inputs.get("answer")
            if answer is not None and not _answer_admissible(answer, letter, actor):
                errors["answer"] = ValidationError(
                    _("Choose a document of the letter's department that you may read."), code="answer_unreadable"
                )
        elif move.name == "return" and not inputs.get("reason", "").strip():
            errors["reason"] = ValidationError(_("Say what is still to be done."), code="required")
        elif move.name == "suspend" and not inputs.get("reason", "").strip():
            errors["reason"] = ValidationError(_("Say why the term stands still."), code="required")
        elif move.name == "extend" and inputs.get("to") is None:
            errors["to"] = ValidationError(_("Give the new due date."), code="required")
        if errors:
            raise ValidationError(errors)

    def apply(self, letter, move: Move, *, actor, **inputs) -> dict:
        return getattr(self, f"_{move.name}")(letter, actor=actor, **inputs)

    # --- Each move's effect -------------------------------------------------------------------

    def _resolve(self, letter, *, actor, text, executors, lead, working_days, **_inputs) -> dict:
        due_on = WorkingCalendar().add_working_days(timezone.localdate(), working_days)
        LetterResolution.objects.create(
            letter=letter, given_by=actor, text=text, working_days=working_days, due_on=due_on
        )
        LetterExecutor.objects.bulk_create(
            LetterExecutor(letter=letter, user=user, is_lead=user.pk == lead.pk) for user in executors
        )
        # IR 11, ISD 9: the term runs for the lead executor and escalates to the head when overdue.
        deadline_open(
            record=letter,
            kind=term_kind(letter.department),
            received_at=timezone.now(),
            responsible=lead,
            actor=actor,
            due_on=due_on,
        )
        return {"due_on": due_on, "lead": lead.pk, "executors": sorted(user.pk for user in executors)}

    def _report(self, letter, *, actor, report, answer=None, **_inputs) -> dict:
        # An answer drafted from the letter's page by a co-executor stays its answer.
        letter.report, letter.answer = report, answer or letter.answer
        letter.reported_by, letter.reported_at = actor, timezone.now()
        return {"answer": letter.answer.pk if letter.answer else None}

    def _return(self, letter, *, actor, reason, **_inputs) -> dict:
        letter.return_reason = reason
        return {"reason": reason}

    def _extend(self, letter, *, actor, to, decision, **_inputs) -> dict:
        """The running term moves to its new date (the decision given, the date later: refused
        by deadline_extend beside its field otherwise), and the resolution says so."""
        deadline_extend(deadline=_letter_term(letter), actor=actor, to=to, decision=decision)
        return {"due_on": _resolution_due(letter), "decision": decision}

    def _suspend(self, letter, *, actor, reason, **_inputs) -> dict:
        deadline_suspend(deadline=_letter_term(letter), actor=actor, reason=reason)
        return {"reason": reason}

    def _resume(self, letter, *, actor, **_inputs) -> dict:
        deadline_resume(deadline=_letter_term(letter), actor=actor)
        return {"due_on": _resolution_due(letter)}

    def _close(self, letter, *, actor, **_inputs) -> dict:
        """Taken off control: the term is met if the execution was reported by its due date."""
        term = running_term(letter, term_kind(letter.department))
        if term is not None:
            closed = deadline_close(deadline=term, actor=actor, on=timezone.localdate(letter.reported_at))
            letter.term_kept = closed.state == Deadline.State.MET
        letter.closed_by, letter.closed_at = actor, timezone.now()
        return {"term_kept": letter.term_kept}


def _letter_term(letter) -> Deadline | None:
    """The letter's running term, read once for the letter as it is handled."""
    if not hasattr(letter, "_running_term"):
        letter._running_term = running_term(letter, term_kind(letter.department))
    return letter._running_term


def _resolution_due(letter):
    """The resolution's due date follows its term's (extended, or resumed after standing still)."""
    term = _letter_term(letter)
    term.refresh_from_db()
    letter.resolution.due_on = term.due_on
    letter.resolution.save(update_fields=["due_on"])
    return term.due_on


def _resolution_errors(letter, *, text="", executors=(), lead=None, working_days=None, **_inputs) -> dict:
    errors = {}
    if not text.strip():
        errors["text"] = ValidationError(_("Write the instruction."), code="required")
    executors = list(executors or ())
    if not executors:
        errors["executors"] = ValidationError(_("Name at least one executor."), code="required")
    else:
        allowed = set(
            executor_candidates(letter.department).filter(pk__in=[u.pk for u in executors]).values_list("pk", flat=True)
        )
        if any(user.pk not in allowed for user in executors):
            # IR 7.12: the competent subdivision; ISD 7: a need-to-know letter stays within.
            errors["executors"] = ValidationError(
                _(
                    "An executor must be on the staff of the letter's department or, unless its records are "
                    "need-to-know, of a subdivision, territorial office or court."
                ),
                code="outside",
            )
    if lead is None or lead.pk not in {user.pk for user in executors}:
        errors["lead"] = ValidationError(_("The lead executor is one of the executors."), code="lead_not_executor")
    if working_days is None or not 1 <= working_days <= MAX_WORKING_DAYS:
        errors["working_days"] = ValidationError(
            _("The term is from 1 to %(max)d working days.") % {"max": MAX_WORKING_DAYS}, code="term"
        )
    return errors


def _answer_admissible(answer, letter, actor) -> bool:
    """The answer is a document of the letter's department, not cancelled, that the reporter reads."""
    return (
        documents_visible_to(actor)
        .filter(Q(pk=answer.pk), department=letter.department)
        .exclude(status=Document.Status.CANCELLED)
        .exists()
    )


LETTER_WORKFLOW = LetterWorkflow()


def moves_open_to(letter, user) -> list[Move]:
    return LETTER_WORKFLOW.moves_open_to(letter, user)


def letter_move(*, letter, move: str, actor, **inputs) -> IncomingLetter:
    """Perform one move: lock the letter, check the edge, the actor and the inputs, write the
    change and the audit event; raises ValidationError with the reason, changing nothing."""
    letter.__dict__.pop("_running_term", None)  # the term as the move leaves it is read anew
    return LETTER_WORKFLOW.perform(record=letter, move=move, actor=actor, **inputs)


# --- The life of a translation (IR 7.12) --------------------------------------------------------

T = LetterTranslation.Status

TRANSLATION_MOVES = {
    move.name: move
    for move in (
        Move(
            "submit",
            gettext_lazy("Submit the translation"),
            frozenset({T.ASSIGNED}),
            T.SUBMITTED,
            "translator",
            ("text", "certified"),
        ),
        Move("accept", gettext_lazy("Accept the translation"), frozenset({T.SUBMITTED}), T.ACCEPTED, "checker"),
        Move(
            "return",
            gettext_lazy("Return the translation"),
            frozenset({T.SUBMITTED}),
            T.ASSIGNED,
            "checker",
            ("reason",),
        ),
    )
}


def may_submit_translation(user, translation) -> bool:
    """IR 7.12: the translator submits his translation; an outside translator's is entered by
    the staff of the letter's department."""
    if translation.translator_id is not None:
        return translation.translator_id == user.pk
    return translation.letter.department in registering_departments(user)


def may_check_translation(user, translation) -> bool:
    """IR 7.12: a translation is checked by a second person, never by its translator nor by the
    one who entered it: the giver of the task, whoever may give the letter's resolution, or the
    staff of the letter's department."""
    if user.pk in (translation.translator_id, translation.submitted_by_id):
        return False
    department = translation.letter.department
    return (
        translation.given_by_id == user.pk
        or department in registering_departments(user)
        or may_resolve(user, department)
    )


class TranslationWorkflow(Workflow):
    model = LetterTranslation
    moves = TRANSLATION_MOVES
    action_prefix = "correspondence.translation."

    def lock(self, record):
        return self.model.objects.select_for_update(of=("self",)).select_related("letter").get(pk=record.pk)

    def may(self, move: Move, translation, user) -> bool:
        if move.who == "translator":
            return may_submit_translation(user, translation)
        return may_check_translation(user, translation)

    def refused_move(self, translation, move: Move) -> ValidationError:
        return ValidationError(
            _("A translation that is %(status)s cannot be moved so (%(move)s).")
            % {"status": translation.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, translation, move: Move) -> ValidationError:
        reasons = {
            "translator": _("Only the translator submits the translation."),
            "checker": _("A translation is checked by a second person, never by its translator."),
        }
        return ValidationError(reasons[move.who], code="not_yours")

    def visible_to(self, user):
        return translations_visible_to(user)

    def concerned(self, translation, move: Move, *, actor) -> list:
        if move.name == "submit":
            return [translation.given_by]
        return [translation.translator] if translation.translator_id else [translation.given_by]

    def check(self, translation, move: Move, *, actor, **inputs) -> None:
        errors = {}
        if move.name == "submit" and not inputs.get("text", "").strip() and not translation.files.exists():
            errors["text"] = ValidationError(_("Write the translation's text or attach its file."), code="required")
        elif move.name == "return" and not inputs.get("reason", "").strip():
            errors["reason"] = ValidationError(_("Say what is to be corrected."), code="required")
        if errors:
            raise ValidationError(errors)

    def apply(self, translation, move: Move, *, actor, **inputs) -> dict:
        kind = translation_term_kind(translation.letter.department)
        now = timezone.now()
        if move.name == "submit":
            # The task is done when the translation is submitted: its term closes, met or late.
            translation.text, translation.certified = inputs.get("text", ""), bool(inputs.get("certified"))
            translation.submitted_by, translation.submitted_at = actor, now
            translation.return_reason = ""
            term = running_term(translation, kind)
            if term is not None:
                deadline_close(deadline=term, actor=actor)
            return {"certified": translation.certified}
        if move.name == "accept":
            translation.checked_by, translation.checked_at = actor, now
            return {}
        # Returned: translated again, on a new term of the task's length.
        translation.return_reason = inputs["reason"]
        translation.due_on = WorkingCalendar().add_working_days(timezone.localdate(), translation.working_days)
        deadline_open(
            record=translation,
            kind=kind,
            received_at=now,
            responsible=translation.translator or translation.given_by,
            actor=actor,
            due_on=translation.due_on,
        )
        return {"reason": inputs["reason"], "due_on": translation.due_on}


TRANSLATION_WORKFLOW = TranslationWorkflow()


def translation_moves_open_to(translation, user) -> list[Move]:
    return TRANSLATION_WORKFLOW.moves_open_to(translation, user)


def translation_move(*, translation, move: str, actor, **inputs) -> LetterTranslation:
    """Perform one move of a translation (IR 7.12): lock it, check the edge, the actor and the
    inputs, write the change and the audit event; raises ValidationError, changing nothing."""
    return TRANSLATION_WORKFLOW.perform(record=translation, move=move, actor=actor, **inputs)
