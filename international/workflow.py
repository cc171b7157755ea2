"""The life of a legal-assistance request as a table of moves, and the one function that
performs a move (IR 7.22; the path is that of ../shared and the issue's description).

incoming: registered -> checked -> returned for defects | sent to the court (cover letter)
          -> being executed (the treaty's term from the court's receipt) -> execution
          documents received -> returned to the requesting authority (cover letter) -> closed
outgoing: registered -> checked -> translation arranged -> sent abroad (cover letter)
          -> answer received -> sent to the Kazakh court (cover letter) -> closed
either:   refused, with a reason, while not finished.

A move that sends something out of the IR needs its cover letter signed per IR 13 first.
Nothing else assigns `LegalAssistanceRequest.status`.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core import spreadsheets
from courtadmin.core.workflow import Move, Workflow, missing_texts
from courtadmin.deadlines.calendar import ALMATY
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_open
from courtadmin.documents.models import Document
from courtadmin.org.authority import signers
from courtadmin.org.models import Department, LineOfWork, Unit

from .models import Application, LegalAssistanceRequest, RequestLetter
from .permissions import is_ir_staff, works_on
from .selectors.applications import application_signed_answer, applications_visible_to
from .selectors.requests import request_checklist, requests_visible_to

R = LegalAssistanceRequest
S = R.Status
IN, OUT = R.Direction.INCOMING, R.Direction.OUTGOING
EXECUTION_TERM = "ir.rogatory_execution"


@dataclass(frozen=True)
class RequestMove(Move):
    directions: frozenset = frozenset({IN, OUT})
    letter: bool = False  # needs its signed cover letter (IR 13)


MOVES = {
    move.name: move
    for move in (
        RequestMove(
            "check", gettext_lazy("Checked"), frozenset({S.REGISTERED}), S.CHECKED, directions=frozenset({IN, OUT})
        ),
        RequestMove(
            "return_defects",
            gettext_lazy("Return to the sender for defects"),
            frozenset({S.REGISTERED, S.CHECKED}),
            S.DEFECTS_RETURNED,
            directions=frozenset({IN}),
            needs=("reason",),
        ),
        RequestMove(
            "forward_to_court",
            gettext_lazy("Send to the court"),
            frozenset({S.CHECKED}),
            S.SENT_TO_COURT,
            directions=frozenset({IN}),
            letter=True,
        ),
        RequestMove(
            "court_received",
            gettext_lazy("The court received it"),
            frozenset({S.SENT_TO_COURT}),
            S.EXECUTING,
            directions=frozenset({IN}),
            needs=("on",),
        ),
        RequestMove(
            "execution_received",
            gettext_lazy("Execution documents received"),
            frozenset({S.EXECUTING}),
            S.EXECUTED,
            directions=frozenset({IN}),
            needs=("on",),
        ),
        RequestMove(
            "answer",
            gettext_lazy("Return to the requesting authority"),
            frozenset({S.EXECUTED}),
            S.ANSWERED,
            directions=frozenset({IN}),
            letter=True,
        ),
        RequestMove(
            "translate",
            gettext_lazy("Translation arranged"),
            frozenset({S.CHECKED}),
            S.TRANSLATION,
            directions=frozenset({OUT}),
        ),
        RequestMove(
            "send_abroad",
            gettext_lazy("Send to the foreign authority"),
            frozenset({S.CHECKED, S.TRANSLATION}),
            S.SENT_ABROAD,
            directions=frozenset({OUT}),
            letter=True,
        ),
        RequestMove(
            "answer_received",
            gettext_lazy("Answer received"),
            frozenset({S.SENT_ABROAD}),
            S.ANSWER_RECEIVED,
            directions=frozenset({OUT}),
            needs=("on",),
        ),
        RequestMove(
            "return_to_court",
            gettext_lazy("Send the answer to the court"),
            frozenset({S.ANSWER_RECEIVED}),
            S.RETURNED_TO_COURT,
            directions=frozenset({OUT}),
            letter=True,
        ),
        RequestMove(
            "close",
            gettext_lazy("Close"),
            frozenset({S.ANSWERED, S.RETURNED_TO_COURT}),
            S.CLOSED,
            directions=frozenset({IN, OUT}),
        ),
        RequestMove(
            "refuse",
            gettext_lazy("Refuse"),
            frozenset({S.REGISTERED, S.CHECKED, S.SENT_TO_COURT, S.EXECUTING, S.TRANSLATION, S.SENT_ABROAD}),
            S.REFUSED,
            directions=frozenset({IN, OUT}),
            needs=("reason",),
        ),
    )
}

FINISHED = frozenset({S.CLOSED, S.REFUSED, S.DEFECTS_RETURNED})


def live_letter(request, move: str) -> RequestLetter | None:
    """The latest cover letter of `move` that is not cancelled."""
    return (
        RequestLetter.objects.filter(request=request, move=move)
        .exclude(document__status=Document.Status.CANCELLED)
        .select_related("document")
        .order_by("-pk")
        .first()
    )


def signed_letter(request, move: str) -> Document | None:
    """The cover letter for `move`, if it is signed (IR 13)."""
    letter = live_letter(request, move)
    return letter.document if letter is not None and letter.document.is_signed else None


class RequestWorkflow(Workflow):
    model = R
    moves = MOVES
    action_prefix = "ir.request."

    def lock(self, request):
        return R.objects.select_for_update().select_related("treaty", "country").get(pk=request.pk)

    def is_open(self, request, move: RequestMove) -> bool:
        return request.status in move.sources and request.direction in move.directions

    def may(self, move, request, user) -> bool:
        return is_ir_staff(user)

    def refused_move(self, request, move) -> ValidationError:
        return ValidationError(
            _("A request that is %(status)s cannot be moved so (%(move)s).")
            % {"status": request.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, request, move) -> ValidationError:
        return ValidationError(_("Only the IR's staff move legal-assistance requests."), code="not_ir_staff")

    def visible_to(self, user):
        return requests_visible_to(user)

    def concerned(self, request, move, *, actor) -> list:
        """Its responsible officer, and who supervises legal assistance and signs its letters
        today (IR 13: the deputy head, or whoever replaces him)."""
        return [request.officer, *legal_assistance_signers()]

    def check(self, request, move: RequestMove, *, actor, on=None, reason="", confirmed=()) -> None:
        _check_inputs(request, move, on=on, reason=reason)
        if move.letter and signed_letter(request, move.name) is None:
            raise ValidationError(
                _("The cover letter for this step must be signed first (IR 13)."), code="letter_unsigned"
            )

    def apply(self, request, move, *, actor, on=None, reason="", confirmed=()) -> dict:
        effect = _EFFECTS.get(move.name)
        return effect(request, actor=actor, on=on, reason=reason, confirmed=confirmed) if effect else {}


REQUEST_WORKFLOW = RequestWorkflow()


def moves_open_to(request, user) -> list[RequestMove]:
    """The moves the user may make on the request now (the page's buttons)."""
    return REQUEST_WORKFLOW.moves_open_to(request, user)


def request_move(*, request, move: str, actor, on=None, reason: str = "", confirmed=()) -> LegalAssistanceRequest:
    """Perform one move: lock the request, check the edge, the actor and the move's own
    conditions, write the change and the audit event. Raises ValidationError with the
    reason, keyed by the input it concerns."""
    return REQUEST_WORKFLOW.perform(record=request, move=move, actor=actor, on=on, reason=reason, confirmed=confirmed)


def _check_inputs(request, spec: Move, *, on, reason) -> None:
    errors = missing_texts(spec, {"reason": (reason, _("Give the reason."))})
    if "on" in spec.needs:
        if on is None:
            errors["on"] = ValidationError(_("Give the date."), code="required")
        elif on > timezone.localdate():
            errors["on"] = ValidationError(_("The date cannot be in the future."), code="future")
        elif on < request.received_on:
            errors["on"] = ValidationError(_("The date cannot be before the request was received."), code="too_early")
    if errors:
        raise ValidationError(errors)


def _check(request, *, actor, confirmed, **_ignored) -> dict:
    """IR 7.22: every item met, or confirmed by the officer where it is his judgement."""
    items = request_checklist(request)
    defects = [item for item in items if item.state is False]
    if defects:
        raise ValidationError(
            _("The check shows defects: %(items)s. Mend the record or return the request for defects.")
            % {"items": "; ".join(str(item.label) for item in defects)},
            code="defects",
        )
    unconfirmed = [item for item in items if item.needs_confirmation and item.code not in confirmed]
    if unconfirmed:
        raise ValidationError(
            {
                "confirmed": ValidationError(
                    _("Confirm: %(items)s.") % {"items": "; ".join(str(item.label) for item in unconfirmed)},
                    code="unconfirmed",
                )
            }
        )
    request.checklist = {
        "by": actor.pk,
        "at": timezone.now().isoformat(),
        "items": {item.code: item.state if item.state is not None else "confirmed" for item in items},
    }
    return {"checklist": request.checklist["items"]}


def _reason(request, *, reason, actor, **_ignored) -> dict:
    request.outcome_note = reason
    request.closed_on = timezone.localdate()
    term = running_term(request)
    if term is not None:
        deadline_close(deadline=term, actor=actor)
    return {"reason": reason}


def _forward(request, **_ignored) -> dict:
    """The court was chosen when its cover letter was prepared (services.request_letter_prepare)."""
    if request.court_id is None:
        raise ValidationError(_("Choose the court and prepare its cover letter first."), code="no_court")
    return {"court": request.court_id}


def _court_received(request, *, on, actor, **_ignored) -> dict:
    """The treaty's execution term runs from the court's receipt (one month by default)."""
    request.court_received_on = on
    deadline_open(
        record=request,
        kind=EXECUTION_TERM,
        received_at=datetime.combine(on, time(9, 0), tzinfo=ALMATY),
        responsible=request.officer,
        actor=actor,
        months=request.treaty.execution_months,
    )
    return {"court_received_on": on}


def _executed(request, *, on, actor, **_ignored) -> dict:
    request.executed_on = on
    term = running_term(request)
    if term is not None:
        deadline_close(deadline=term, actor=actor, on=on)
    return {"executed_on": on}


def _closed(request, **_ignored) -> dict:
    request.closed_on = timezone.localdate()
    return {}


_EFFECTS = {
    "check": _check,
    "return_defects": _reason,
    "refuse": _reason,
    "forward_to_court": _forward,
    "court_received": _court_received,
    "execution_received": _executed,
    "answer_received": _executed,
    "close": _closed,
}


# --- An application of a person (IR 7.25): registered -> answered ---------------------------------


class ApplicationWorkflow(Workflow):
    """An application of a person (IR 7.25): registered -> answered, once its answer is
    signed and registered under IR 13. The term (АППК art. 76) closes on the day of that
    signature: met if on or before the due date."""

    model = Application
    moves = {
        "close": Move(
            "close",
            gettext_lazy("Close as answered"),
            frozenset({Application.Status.REGISTERED}),
            Application.Status.ANSWERED,
        )
    }
    action_prefix = "ir.application."

    def may(self, move, application, user) -> bool:
        return is_ir_staff(user)

    def refused_move(self, application, move) -> ValidationError:
        return ValidationError(_("This application is closed as answered already."), code="answered")

    def refused_actor(self, application, move) -> PermissionDenied:
        return PermissionDenied()  # writing IR records is the IR's own work (IR 1-3)

    def visible_to(self, user):
        return applications_visible_to(user)

    def concerned(self, application, move, *, actor) -> list:
        return [application.officer, *legal_assistance_signers()]

    def check(self, application, move, *, actor) -> None:
        if application_signed_answer(application) is None:
            raise ValidationError(
                _("The application is closed only once its answer is signed and registered (IR 13)."),
                code="no_signed_answer",
            )

    def apply(self, application, move, *, actor) -> dict:
        answer = application_signed_answer(application)
        application.answered_on = timezone.localdate(answer.registered_at)
        term = running_term(application, "ir.application")
        if term is not None:
            term = deadline_close(deadline=term, actor=actor, on=application.answered_on)
        return {
            "answered_on": application.answered_on,
            "answer": answer.pk,
            "registration_number": answer.registration_number,
            "term": term.state if term is not None else None,
        }


APPLICATION_WORKFLOW = ApplicationWorkflow()


def application_close(*, actor, application: Application) -> Application:
    """Close an application as answered (IR 7.25); a second close is refused."""
    return APPLICATION_WORKFLOW.perform(record=application, move="close", actor=actor)


def legal_assistance_signers() -> list:
    """The accounts that sign legal-assistance documents today (IR 13)."""
    return [decision.person.user for decision in signers(Department.IR, LineOfWork.LEGAL_ASSISTANCE)]


# --- Work assigned to another subdivision (IR 5.1, 7.5, 7.28) ----------------------------------

# The subdivisions the IR gives work to: the Court Administration's structural subdivisions,
# the territorial ones and the local courts, never the IR itself.
ASSIGNABLE_KINDS = (Unit.Kind.STRUCTURAL, Unit.Kind.TERRITORIAL, Unit.Kind.COURT)


def assignable_units():
    return Unit.objects.filter(kind__in=ASSIGNABLE_KINDS).exclude(department=Department.IR)


def assignee_accounts():
    """The people of the subdivisions the IR gives work to: whom it may name as executors."""
    return (
        get_user_model()
        .objects.filter(is_active=True, person__position__unit__in=assignable_units())
        .select_related("person")
        .order_by("person__full_name", "pk")
    )


class AssignmentWorkflow(Workflow):
    """The moves of work given to another subdivision with a term (models.UnitAssignment): the
    IR's staff assign it (again, to another, at any time before it is done), return it with a
    new term, and accept it; the subdivision does it (`unit_moves`). The term is a deadline of
    `term_kind`, its responsible the named executor or else the IR officer who controls it."""

    term_kind = ""
    unit_moves: frozenset = frozenset()
    # The moves that give the work (back) to the subdivision with a new term.
    term_moves: frozenset = frozenset()

    def may(self, move: Move, record, user) -> bool:
        if move.name in self.unit_moves:
            return works_on(user, record)
        return is_ir_staff(user)

    def controller(self, record):
        """The IR officer who controls the work: the term's responsible when nobody is named."""
        raise NotImplementedError

    def concerned(self, record, move: Move, *, actor) -> list:
        if move.name in self.unit_moves:
            return [self.controller(record)]
        if record.executor_id:
            return [record.executor]
        return list(get_user_model().objects.filter(person__position__unit_id=record.unit_id))

    def check(self, record, move: Move, *, actor, **inputs) -> None:
        if move.name in self.term_moves:
            self.check_term(move, record, inputs)
        else:
            self.check_work(record, move, inputs)

    def check_work(self, record, move: Move, inputs: dict) -> None:
        """The inputs and conditions of the work's own moves (a report, an answer, acceptance)."""

    def apply(self, record, move: Move, *, actor, **inputs) -> dict:
        if move.name in self.term_moves:
            return self.give(record, move, actor=actor, **inputs)
        return self.apply_work(record, move, actor=actor, **inputs)

    def apply_work(self, record, move: Move, *, actor, **inputs) -> dict:
        """The effect of the work's own moves on the locked record."""
        return {}

    def check_term(self, move: Move, record, inputs: dict) -> None:
        """The inputs of a move that gives the work with a term; `assign` names the subdivision."""
        errors = {}
        if move.name == "assign":
            unit, executor = inputs.get("unit"), inputs.get("executor")
            if unit is None or not assignable_units().filter(pk=unit.pk).exists():
                errors["unit"] = ValidationError(_("Choose a subdivision outside the department."), code="unit")
            elif (
                executor is not None
                and not get_user_model().objects.filter(pk=executor.pk, person__position__unit_id=unit.pk).exists()
            ):
                errors["executor"] = ValidationError(
                    _("The executor works in the subdivision chosen."), code="executor"
                )
        else:
            if not inputs.get("reason", "").strip():
                errors["reason"] = ValidationError(_("Say what is still to be done."), code="required")
        due_on = inputs.get("due_on")
        if due_on is None:
            errors["due_on"] = ValidationError(_("Set the term."), code="required")
        elif due_on < timezone.localdate():
            errors["due_on"] = ValidationError(_("The term cannot be in the past."), code="past")
        if errors:
            raise ValidationError(errors)

    def give(self, record, move: Move, *, actor, **inputs) -> dict:
        """The work given (back) to the subdivision: the running term, if any, is closed, and
        a new one opened to `due_on`."""
        self.close_term(record, actor=actor)
        if move.name == "assign":
            record.unit, record.executor = inputs["unit"], inputs.get("executor")
        record.due_on = inputs["due_on"]
        deadline_open(
            record=record,
            kind=self.term_kind,
            received_at=timezone.now(),
            responsible=record.executor or self.controller(record),
            actor=actor,
            due_on=record.due_on,
        )
        return {
            "unit": record.unit_id,
            "executor": record.executor_id,
            "due_on": record.due_on,
            **({"reason": inputs["reason"].strip()} if inputs.get("reason") else {}),
        }

    def close_term(self, record, *, actor) -> None:
        term = running_term(record, self.term_kind)
        if term is not None:
            deadline_close(deadline=term, actor=actor, on=timezone.localdate())


def read_assigned_rows(upload, *, columns, required, key: str, existing, row_errors, due_on) -> tuple[list, dict]:
    """The rows of an import of assigned work (a review's recommendations, a questionnaire's
    questions), all checked before anything is written: ([(row number, values)], the
    assignable units by code). `key` is the column unique in the record (`existing` holds its
    values); `row_errors(values)` says what else is wrong with a row; a row naming a
    subdivision (column `unit`) needs the term `due_on`. Refusals go beside the file field."""
    try:
        _header, rows = spreadsheets.read_table(upload, columns=columns, required=required)
    except ValidationError as refused:
        raise ValidationError({"file": refused}) from None
    units = {unit.code: unit for unit in assignable_units()}
    seen = set(existing)
    problems = []
    for number, values in rows:
        reasons = row_errors(values)
        if values[key] in seen:
            reasons.append(_("%(value)s is there already") % {"value": values[key]})
        seen.add(values[key])
        if values["unit"] and values["unit"].lower() not in units:
            reasons.append(_("no subdivision has the code %(code)s") % {"code": values["unit"]})
        if reasons:
            problems.append(_("Row %(row)s: %(reasons)s.") % {"row": number, "reasons": "; ".join(reasons)})
    if due_on is None and any(values["unit"] for _number, values in rows):
        problems.append(_("Rows name a subdivision: set the term."))
    if problems:
        raise ValidationError({"file": [ValidationError(problem, code="import_row") for problem in problems]})
    return rows, units


def assign_imported(records, rows, units, *, assign) -> None:
    """Each imported record whose row names a subdivision is assigned to it through its
    workflow's own move (`assign(record, unit)`)."""
    for record, (_number, values) in zip(records, rows, strict=True):
        if values["unit"]:
            assign(record, units[values["unit"].lower()])
