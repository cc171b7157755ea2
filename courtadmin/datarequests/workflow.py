"""The life of a request as a table of moves (issue 20, item 4; IR 5.1, ISD 5.6, ISD 12).

draft -> sent: sent on the department's behalf by its head, or whoever replaces him (the
    signer of the day: IR 13, ISD 15); it takes the next number of the department's register
    and opens the term in working days (the kind "ir.datarequest" / "isd.datarequest").
sent, returned -> answered: the addressed unit's user (or the recipient named) answers, with
    text and files (ISD 12: they must meet the ISD's lawful demands).
answered -> accepted: the requester (the one who drafted or sent it, or the department's
    signer of the day) accepts; the term closes as met or late by the day of the answer.
answered -> returned: the requester returns it, with a reason; the term runs on.

`RequestWorkflow.perform` alone assigns `DataRequest.status`.
"""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.registers import next_number
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.core.workflow import Move, Workflow
from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.models import Deadline
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_open
from courtadmin.org.authority import person_of, signing_authority

from .models import DataRequest, RequestFile
from .selectors import is_addressee, recipient_candidates, requests_visible_to, term_kind

S = DataRequest.Status
# A request's term: at least a working day, at most about a working year.
MAX_WORKING_DAYS = 250
# How far back a request sent on paper may be entered as sent.
MAX_BACKDATING_DAYS = 366
# Files one answer brings at most.
MAX_FILES = 10

# Who may: "signer", the department's head or whoever replaces him; "addressee", a user of the
# addressed unit or the recipient named; "requester", the one who drafted or sent it, or the signer.
MOVES = {
    move.name: move
    for move in (
        Move("send", gettext_lazy("Sign and send"), frozenset({S.DRAFT}), S.SENT, "signer", ("sent_on",)),
        Move(
            "answer",
            gettext_lazy("Answer the request"),
            frozenset(DataRequest.AWAITING_ANSWER),
            S.ANSWERED,
            "addressee",
            ("answer", "files"),
        ),
        Move("accept", gettext_lazy("Accept the answer"), frozenset({S.ANSWERED}), S.ACCEPTED, "requester"),
        Move(
            "return",
            gettext_lazy("Return for a fuller answer"),
            frozenset({S.ANSWERED}),
            S.RETURNED,
            "requester",
            ("reason",),
        ),
    )
}


def may_send(user, department: str):
    """IR 13, ISD 15: what goes out on a department's behalf is signed by its head, or by
    whoever replaces him; an officer drafts. The Decision carries the reason."""
    return signing_authority(person_of(user), department)


def is_requester(user, request) -> bool:
    if user.pk in (request.drafted_by_id, request.sent_by_id):
        return True
    return bool(may_send(user, request.department))


class RequestWorkflow(Workflow):
    model = DataRequest
    moves = MOVES
    action_prefix = "datarequests.request."

    def may(self, move: Move, request, user) -> bool:
        if move.who == "signer":
            return bool(may_send(user, request.department))
        if move.who == "addressee":
            return is_addressee(user, request)
        return is_requester(user, request)

    def refused_move(self, request, move: Move) -> ValidationError:
        return ValidationError(
            _("A request that is %(status)s cannot be moved so (%(move)s).")
            % {"status": request.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, request, move: Move) -> ValidationError:
        if move.who == "signer":
            return ValidationError(str(may_send(None, request.department).reason), code="not_signer")
        reasons = {
            "addressee": _("Only the addressed unit's people answer a request."),
            "requester": _(
                "Only the one who drafted or sent the request, or the department's head, decides on its answer."
            ),
        }
        return ValidationError(reasons[move.who], code="not_yours")

    def visible_to(self, user):
        return requests_visible_to(user)

    def concerned(self, request, move: Move, *, actor) -> list:
        """The addressed unit (or the recipient named) when it is sent, accepted or returned;
        the one who drafted it and the one who sent it when it is answered."""
        if move.name == "answer":
            return [request.drafted_by, request.sent_by]
        if request.recipient_id:
            return [request.recipient, request.answered_by]
        return [*recipient_candidates(request.unit_id), request.answered_by]

    def check(self, request, move: Move, *, actor, **inputs) -> None:
        errors = {}
        if move.name == "send" and (sent_on := inputs.get("sent_on")) is not None:
            today = timezone.localdate()
            if not today - timedelta(days=MAX_BACKDATING_DAYS) <= sent_on <= today:
                errors["sent_on"] = ValidationError(
                    _("A request is entered as sent today or on a day of the past year."), code="sent_on"
                )
        if move.name == "answer":
            if not inputs.get("answer", "").strip():
                errors["answer"] = ValidationError(_("Write the answer."), code="required")
            files = list(inputs.get("files") or ())
            if len(files) > MAX_FILES:
                errors["files"] = ValidationError(
                    _("At most %(max)d files with one answer.") % {"max": MAX_FILES}, code="too_many"
                )
            for upload in files:
                try:
                    accepted_upload_fields(upload, field="files")
                except ValidationError as error:
                    errors.setdefault("files", []).extend(error.error_dict["files"])
        elif move.name == "return" and not inputs.get("reason", "").strip():
            errors["reason"] = ValidationError(_("Say what is missing from the answer."), code="required")
        if errors:
            raise ValidationError(errors)

    def apply(self, request, move: Move, *, actor, **inputs) -> dict:
        return getattr(self, f"_{move.name}")(request, actor=actor, **inputs)

    # --- Each move's effect -------------------------------------------------------------------

    def _send(self, request, *, actor, sent_on=None, **_inputs) -> dict:
        """`sent_on`: the day a request sent on paper left, when it is entered later (a register
        carried over from paper); the term counts from it."""
        now = timezone.now()
        sent_at = now if sent_on is None else datetime.combine(sent_on, time(9), tzinfo=timezone.get_current_timezone())
        day = timezone.localdate(sent_at)
        decision = may_send(actor, request.department)
        request.year = day.year
        request.number = next_number("datarequests", request.department, request.year)
        request.registration_number = f"ЗП-{request.number}/{request.year}"
        calendar = WorkingCalendar()
        request.due_on = calendar.add_working_days(calendar.term_start(sent_at), request.working_days)
        request.sent_by, request.sent_at = actor, sent_at
        capacity = decision.capacity_by_language()
        request.sent_capacity_kk, request.sent_capacity_ru = capacity["kk"], capacity["ru"]
        # The term runs for the recipient named, or for the one who drafted it and keeps it on
        # control; overdue, it escalates to the department's head.
        deadline_open(
            record=request,
            kind=term_kind(request.department),
            received_at=sent_at,
            responsible=request.recipient or request.drafted_by,
            actor=actor,
            due_on=request.due_on,
        )
        return {"number": request.registration_number, "due_on": request.due_on, "clause": decision.clause}

    def _answer(self, request, *, actor, answer, files=(), **_inputs) -> dict:
        request.answer = answer
        request.answered_by, request.answered_at = actor, timezone.now()
        request.answered_on = timezone.localdate()
        stored = [
            RequestFile.objects.create(request=request, uploaded_by=actor, **accepted_upload_fields(upload))
            for upload in files or ()
        ]
        return {"files": [{"file": f.pk, "name": f.original_name, "sha256": f.sha256} for f in stored]}

    def _accept(self, request, *, actor, **_inputs) -> dict:
        """The term is met if the accepted answer was given by its due date."""
        term = running_term(request, term_kind(request.department))
        if term is not None:
            closed = deadline_close(deadline=term, actor=actor, on=request.answered_on)
            request.term_kept = closed.state == Deadline.State.MET
        else:
            request.term_kept = request.answered_on <= request.due_on
        request.accepted_by, request.accepted_at = actor, timezone.now()
        return {"term_kept": request.term_kept}

    def _return(self, request, *, actor, reason, **_inputs) -> dict:
        request.return_reason = reason
        return {"reason": reason}


REQUEST_WORKFLOW = RequestWorkflow()


def moves_open_to(request, user) -> list[Move]:
    return REQUEST_WORKFLOW.moves_open_to(request, user)


def request_move(*, request, move: str, actor, **inputs) -> DataRequest:
    """Perform one move: lock the request, check the edge, the actor and the inputs, write the
    change and the audit event, promise the news; raises ValidationError with the reason,
    changing nothing."""
    return REQUEST_WORKFLOW.perform(record=request, move=move, actor=actor, **inputs)
