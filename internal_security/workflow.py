"""The life of a complaint as a table of moves, and the one function that performs a move
(ISD 6.23; the АППК rules of ../shared/DOMAIN.md "Appeals").

registered -> assigned, being considered -> decided -> answered (the answer signed per ISD 15)
registered | being considered -> forwarded to the competent body (outside the ISD's competence)
registered | being considered -> left without consideration, with its ground
registered (anonymous, reporting a crime or a threat) -> sent on at once to the competent body

An anonymous appeal is not considered (АППК): it is left without consideration, unless the
officer marks that it reports a crime being prepared or committed or a threat to security,
and then it is sent on at once. Nothing else assigns `Complaint.status`.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.audit.services import audit_record
from courtadmin.deadlines.models import Deadline
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_open
from courtadmin.documents.selectors import signed_document_of

from .models import Complaint, Investigation
from .permissions import is_isd_manager, may_work_on, may_work_on_investigation

S = Complaint.Status
ANSWER_KIND = "isd.complainant_answer"
CONCLUSION_KIND = "isd.investigation_conclusion"
FORWARDING_KIND = "isd.appeal.forwarding"


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    sources: frozenset
    target: str
    who: str  # "manager": the ISD head or deputy; "worker": a manager or an assigned officer
    needs: tuple[str, ...] = ()  # inputs: "reason", "forwarded_to", "decision"


MOVES = {
    move.name: move
    for move in (
        Move("assign", gettext_lazy("Assign officers"), frozenset({S.REGISTERED, S.IN_WORK}), S.IN_WORK, "manager"),
        Move(
            "forward",
            gettext_lazy("Forward to the competent body"),
            frozenset({S.REGISTERED, S.IN_WORK}),
            S.FORWARDED,
            "worker",
            ("forwarded_to",),
        ),
        Move(
            "send_on",
            gettext_lazy("Send on at once"),
            frozenset({S.REGISTERED}),
            S.SENT_ON,
            "worker",
            ("forwarded_to",),
        ),
        Move(
            "leave",
            gettext_lazy("Leave without consideration"),
            frozenset({S.REGISTERED, S.IN_WORK}),
            S.NOT_CONSIDERED,
            "worker",
            ("reason",),
        ),
        Move("decide", gettext_lazy("Decide"), frozenset({S.IN_WORK}), S.DECIDED, "worker", ("decision", "reason")),
        Move("answer", gettext_lazy("Close as answered"), frozenset({S.DECIDED}), S.ANSWERED, "worker"),
    )
}


def _open_to_anonymous(complaint, move: str) -> bool:
    """An anonymous appeal is left without consideration, or sent on at once when it reports
    a crime or a threat; a signed one is never "sent on" so."""
    if not complaint.is_anonymous:
        return move != "send_on"
    return move == ("send_on" if complaint.crime_reported else "leave")


def _may(who: str, complaint, user) -> bool:
    return is_isd_manager(user) if who == "manager" else may_work_on(user, complaint)


def moves_open_to(complaint, user) -> list[Move]:
    return [
        move
        for move in MOVES.values()
        if complaint.status in move.sources
        and _open_to_anonymous(complaint, move.name)
        and _may(move.who, complaint, user)
    ]


def appeal_term(complaint) -> Deadline | None:
    """The АППК term of the complaint while it runs."""
    return running_term(complaint, "isd.appeal")


def complaint_move(*, complaint, move: str, actor, reason: str = "", forwarded_to: str = "", decision: str = ""):
    """Perform one move: lock the complaint, check the edge, the anonymity rule, the actor and
    the inputs, write the change and the audit event. Assigning officers is
    services.complaint_assign, which calls this with move="assign"."""
    spec = MOVES[move]
    with transaction.atomic():
        locked = Complaint.objects.select_for_update().get(pk=complaint.pk)
        if locked.status not in spec.sources or not _open_to_anonymous(locked, move):
            raise ValidationError(
                _("A complaint that is %(status)s cannot be moved so (%(move)s).")
                % {"status": locked.get_status_display(), "move": spec.label},
                code="forbidden_move",
            )
        if not _may(spec.who, locked, actor):
            raise ValidationError(_("You may not %(move)s this complaint.") % {"move": spec.label}, code="not_yours")
        errors = {}
        if "reason" in spec.needs and not reason.strip():
            errors["reason"] = ValidationError(_("Give the ground."), code="required")
        if "forwarded_to" in spec.needs and not forwarded_to.strip():
            errors["forwarded_to"] = ValidationError(_("Name the body it goes to."), code="required")
        if "decision" in spec.needs and decision not in Complaint.Decision.values:
            errors["decision"] = ValidationError(_("Choose the decision."), code="required")
        if errors:
            raise ValidationError(errors)
        before = locked.status
        closing_day = timezone.localdate()
        if move == "answer":
            answer = signed_document_of(locked, ANSWER_KIND)
            if answer is None:
                raise ValidationError(
                    _("The answer to the applicant must be signed first (ISD 15)."), code="answer_unsigned"
                )
            closing_day = timezone.localdate(answer.signature.signed_at)
        if move in ("forward", "send_on"):
            locked.forwarded_to = forwarded_to
        if move == "forward":
            _record_forwarding_term(locked, actor, closing_day)
        if move in ("leave", "decide"):
            locked.outcome_note = reason
        if move == "decide":
            locked.decision = decision
        if spec.target in (S.FORWARDED, S.SENT_ON, S.NOT_CONSIDERED, S.ANSWERED):
            locked.closed_on = closing_day
            term = appeal_term(locked)
            if term is not None:
                closed = deadline_close(deadline=term, actor=actor, on=closing_day)
                locked.term_kept = closed.state == Deadline.State.MET
        locked.status = spec.target
        locked.save()
        audit_record(
            actor=actor,
            action=f"isd.complaint.{move}",
            obj=locked,
            before={"status": before},
            after={"status": spec.target, "decision": decision, "forwarded_to": forwarded_to, "reason": reason},
        )
    complaint.refresh_from_db()
    return complaint


def _record_forwarding_term(complaint, actor, forwarded_on) -> None:
    """АППК arts. 65, 76: an appeal outside the ISD's competence goes to the competent body
    within 3 working days of its receipt, and the applicant is told at the same time. The term
    is kept as it ran, from receipt to this move, so a late forwarding shows as missed."""
    term = deadline_open(record=complaint, kind=FORWARDING_KIND, received_at=complaint.received_at, responsible=actor)
    deadline_close(deadline=term, actor=actor, on=forwarded_on)


# --- An investigation: under way -> concluded (ISD 6.21) ------------------------------------


def investigation_conclude(*, investigation, actor, outcome: str) -> Investigation:
    """The one move of an investigation: it ends with its conclusion signed per ISD 15 and an
    outcome; its term closes on the day the conclusion was signed."""
    with transaction.atomic():
        locked = Investigation.objects.select_for_update().get(pk=investigation.pk)
        if locked.status != Investigation.Status.OPEN:
            raise ValidationError(_("This investigation is concluded already."), code="forbidden_move")
        if not may_work_on_investigation(actor, locked):
            raise ValidationError(_("Only the team concludes an investigation."), code="not_yours")
        if outcome not in Investigation.Outcome.values:
            raise ValidationError({"outcome": ValidationError(_("Choose the outcome."), code="required")})
        conclusion = signed_document_of(locked, CONCLUSION_KIND)
        if conclusion is None:
            raise ValidationError(_("The conclusion must be signed first (ISD 15)."), code="conclusion_unsigned")
        signed_on = timezone.localdate(conclusion.signature.signed_at)
        term = running_term(locked, "isd.investigation")
        if term is not None:
            deadline_close(deadline=term, actor=actor, on=signed_on)
        locked.status, locked.outcome, locked.concluded_on = Investigation.Status.CONCLUDED, outcome, signed_on
        locked.save()
        audit_record(actor=actor, action="isd.investigation.concluded", obj=locked, after={"outcome": outcome})
    investigation.refresh_from_db()
    return investigation
