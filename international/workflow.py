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

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.audit.services import audit_record
from courtadmin.deadlines.calendar import ALMATY
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_open
from courtadmin.documents.models import Document

from .models import Application, LegalAssistanceRequest, RequestLetter
from .permissions import check_ir_staff, is_ir_staff
from .selectors.applications import application_signed_answer
from .selectors.requests import request_checklist

R = LegalAssistanceRequest
S = R.Status
IN, OUT = R.Direction.INCOMING, R.Direction.OUTGOING
EXECUTION_TERM = "ir.rogatory_execution"


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    sources: frozenset
    target: str
    directions: frozenset
    letter: bool = False  # needs its signed cover letter (IR 13)
    needs: tuple[str, ...] = ()  # inputs: "on" (a date), "reason"


MOVES = {
    move.name: move
    for move in (
        Move("check", gettext_lazy("Checked"), frozenset({S.REGISTERED}), S.CHECKED, frozenset({IN, OUT})),
        Move(
            "return_defects",
            gettext_lazy("Return to the sender for defects"),
            frozenset({S.REGISTERED, S.CHECKED}),
            S.DEFECTS_RETURNED,
            frozenset({IN}),
            needs=("reason",),
        ),
        Move(
            "forward_to_court",
            gettext_lazy("Send to the court"),
            frozenset({S.CHECKED}),
            S.SENT_TO_COURT,
            frozenset({IN}),
            letter=True,
        ),
        Move(
            "court_received",
            gettext_lazy("The court received it"),
            frozenset({S.SENT_TO_COURT}),
            S.EXECUTING,
            frozenset({IN}),
            needs=("on",),
        ),
        Move(
            "execution_received",
            gettext_lazy("Execution documents received"),
            frozenset({S.EXECUTING}),
            S.EXECUTED,
            frozenset({IN}),
            needs=("on",),
        ),
        Move(
            "answer",
            gettext_lazy("Return to the requesting authority"),
            frozenset({S.EXECUTED}),
            S.ANSWERED,
            frozenset({IN}),
            letter=True,
        ),
        Move(
            "translate",
            gettext_lazy("Translation arranged"),
            frozenset({S.CHECKED}),
            S.TRANSLATION,
            frozenset({OUT}),
        ),
        Move(
            "send_abroad",
            gettext_lazy("Send to the foreign authority"),
            frozenset({S.CHECKED, S.TRANSLATION}),
            S.SENT_ABROAD,
            frozenset({OUT}),
            letter=True,
        ),
        Move(
            "answer_received",
            gettext_lazy("Answer received"),
            frozenset({S.SENT_ABROAD}),
            S.ANSWER_RECEIVED,
            frozenset({OUT}),
            needs=("on",),
        ),
        Move(
            "return_to_court",
            gettext_lazy("Send the answer to the court"),
            frozenset({S.ANSWER_RECEIVED}),
            S.RETURNED_TO_COURT,
            frozenset({OUT}),
            letter=True,
        ),
        Move(
            "close",
            gettext_lazy("Close"),
            frozenset({S.ANSWERED, S.RETURNED_TO_COURT}),
            S.CLOSED,
            frozenset({IN, OUT}),
        ),
        Move(
            "refuse",
            gettext_lazy("Refuse"),
            frozenset({S.REGISTERED, S.CHECKED, S.SENT_TO_COURT, S.EXECUTING, S.TRANSLATION, S.SENT_ABROAD}),
            S.REFUSED,
            frozenset({IN, OUT}),
            needs=("reason",),
        ),
    )
}

FINISHED = frozenset({S.CLOSED, S.REFUSED, S.DEFECTS_RETURNED})


def moves_open_to(request, user) -> list[Move]:
    """The moves the user may make on the request now (the page's buttons)."""
    if not is_ir_staff(user):
        return []
    return [m for m in MOVES.values() if request.status in m.sources and request.direction in m.directions]


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


def request_move(*, request, move: str, actor, on=None, reason: str = "", confirmed=()) -> LegalAssistanceRequest:
    """Perform one move: lock the request, check the edge, the actor and the move's own
    conditions, write the change and the audit event. Raises ValidationError with the
    reason, keyed by the input it concerns."""
    spec = MOVES[move]
    with transaction.atomic():
        locked = R.objects.select_for_update().select_related("treaty", "country").get(pk=request.pk)
        if locked.status not in spec.sources or locked.direction not in spec.directions:
            raise ValidationError(
                _("A request that is %(status)s cannot be moved so (%(move)s).")
                % {"status": locked.get_status_display(), "move": spec.label},
                code="forbidden_move",
            )
        if not is_ir_staff(actor):
            raise ValidationError(_("Only the IR's staff move legal-assistance requests."), code="not_ir_staff")
        _check_inputs(locked, spec, on=on, reason=reason)
        if spec.letter and signed_letter(locked, move) is None:
            raise ValidationError(
                _("The cover letter for this step must be signed first (IR 13)."), code="letter_unsigned"
            )
        before = locked.status
        after = {"status": spec.target}
        effect = _EFFECTS.get(move)
        if effect is not None:
            after.update(effect(locked, actor=actor, on=on, reason=reason, confirmed=confirmed))
        locked.status = spec.target
        locked.save()
        audit_record(actor=actor, action=f"ir.request.{move}", obj=locked, before={"status": before}, after=after)
    request.refresh_from_db()
    return request


def _check_inputs(request, spec: Move, *, on, reason) -> None:
    errors = {}
    if "reason" in spec.needs and not reason.strip():
        errors["reason"] = ValidationError(_("Give the reason."), code="required")
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


def application_close(*, actor, application: Application) -> Application:
    """Close an application as answered (IR 7.25) once its answer is signed and registered
    under IR 13. The term (АППК art. 76) closes on the day of that signature: met if on or
    before the due date. The one place an application's status changes; a second close is
    refused."""
    check_ir_staff(actor)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status == Application.Status.ANSWERED:
            raise ValidationError(_("This application is closed as answered already."), code="answered")
        answer = application_signed_answer(locked)
        if answer is None:
            raise ValidationError(
                _("The application is closed only once its answer is signed and registered (IR 13)."),
                code="no_signed_answer",
            )
        answered_on = timezone.localdate(answer.registered_at)
        before = {"status": locked.status}
        locked.status = Application.Status.ANSWERED
        locked.answered_on = answered_on
        locked.save(update_fields=["status", "answered_on"])
        term = running_term(locked, "ir.application")
        if term is not None:
            term = deadline_close(deadline=term, actor=actor, on=answered_on)
        audit_record(
            actor=actor,
            action="ir.application.answered",
            obj=locked,
            before=before,
            after={
                "status": locked.status,
                "answered_on": answered_on,
                "answer": answer.pk,
                "registration_number": answer.registration_number,
                "term": term.state if term is not None else None,
            },
        )
    application.refresh_from_db()
    return application
