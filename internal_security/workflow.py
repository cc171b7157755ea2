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

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.workflow import Move, Workflow
from courtadmin.deadlines.models import Deadline
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_open
from courtadmin.documents.selectors import signed_document_of

from .models import Complaint, ComplaintGrant, Investigation, InvestigationGrant
from .permissions import is_isd_manager, isd_managers, may_work_on, may_work_on_investigation, team_of
from .selectors.complaints import appeal_term, complaints_visible_to
from .selectors.investigations import investigations_visible_to

S = Complaint.Status
ANSWER_KIND = "isd.complainant_answer"
CONCLUSION_KIND = "isd.investigation_conclusion"
FORWARDING_KIND = "isd.appeal.forwarding"


# Who may: "manager", the ISD head or deputy; "worker", a manager or an assigned officer.
# Inputs: "reason", "forwarded_to", "decision".
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


class ComplaintWorkflow(Workflow):
    model = Complaint
    moves = MOVES
    action_prefix = "isd.complaint."

    def is_open(self, complaint, move: Move) -> bool:
        return complaint.status in move.sources and _open_to_anonymous(complaint, move.name)

    def may(self, move: Move, complaint, user) -> bool:
        return is_isd_manager(user) if move.who == "manager" else may_work_on(user, complaint)

    def refused_move(self, complaint, move: Move) -> ValidationError:
        return ValidationError(
            _("A complaint that is %(status)s cannot be moved so (%(move)s).")
            % {"status": complaint.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, complaint, move: Move) -> ValidationError:
        return ValidationError(_("You may not %(move)s this complaint.") % {"move": move.label}, code="not_yours")

    def visible_to(self, user):
        return complaints_visible_to(user)

    def concerned(self, complaint, move: Move, *, actor) -> list:
        """Its officers (assigned: told they have it), and the head and deputy (ISD 9)."""
        return [*team_of(complaint, ComplaintGrant), *isd_managers()]

    def check(self, complaint, move: Move, *, actor, reason="", forwarded_to="", decision="") -> None:
        errors = {}
        if "reason" in move.needs and not reason.strip():
            errors["reason"] = ValidationError(_("Give the ground."), code="required")
        if "forwarded_to" in move.needs and not forwarded_to.strip():
            errors["forwarded_to"] = ValidationError(_("Name the body it goes to."), code="required")
        if "decision" in move.needs and decision not in Complaint.Decision.values:
            errors["decision"] = ValidationError(_("Choose the decision."), code="required")
        if errors:
            raise ValidationError(errors)
        if move.name == "answer" and signed_document_of(complaint, ANSWER_KIND) is None:
            raise ValidationError(
                _("The answer to the applicant must be signed first (ISD 15)."), code="answer_unsigned"
            )

    def apply(self, complaint, move: Move, *, actor, reason="", forwarded_to="", decision="") -> dict:
        closing_day = timezone.localdate()
        if move.name == "answer":
            closing_day = timezone.localdate(signed_document_of(complaint, ANSWER_KIND).signature.signed_at)
        if move.name in ("forward", "send_on"):
            complaint.forwarded_to = forwarded_to
        if move.name == "forward":
            _record_forwarding_term(complaint, actor, closing_day)
        if move.name in ("leave", "decide"):
            complaint.outcome_note = reason
        if move.name == "decide":
            complaint.decision = decision
        if move.target in (S.FORWARDED, S.SENT_ON, S.NOT_CONSIDERED, S.ANSWERED):
            complaint.closed_on = closing_day
            term = appeal_term(complaint)
            if term is not None:
                closed = deadline_close(deadline=term, actor=actor, on=closing_day)
                complaint.term_kept = closed.state == Deadline.State.MET
        return {"decision": decision, "forwarded_to": forwarded_to, "reason": reason}


COMPLAINT_WORKFLOW = ComplaintWorkflow()


def moves_open_to(complaint, user) -> list[Move]:
    return COMPLAINT_WORKFLOW.moves_open_to(complaint, user)


def complaint_move(*, complaint, move: str, actor, reason: str = "", forwarded_to: str = "", decision: str = ""):
    """Perform one move: lock the complaint, check the edge, the anonymity rule, the actor and
    the inputs, write the change and the audit event. Assigning officers is
    services.complaint_assign, which calls this with move="assign"."""
    return COMPLAINT_WORKFLOW.perform(
        record=complaint, move=move, actor=actor, reason=reason, forwarded_to=forwarded_to, decision=decision
    )


def _record_forwarding_term(complaint, actor, forwarded_on) -> None:
    """АППК arts. 65, 76: an appeal outside the ISD's competence goes to the competent body
    within 3 working days of its receipt, and the applicant is told at the same time. The term
    is kept as it ran, from receipt to this move, so a late forwarding shows as missed."""
    term = deadline_open(record=complaint, kind=FORWARDING_KIND, received_at=complaint.received_at, responsible=actor)
    deadline_close(deadline=term, actor=actor, on=forwarded_on)


# --- An investigation: under way -> concluded (ISD 6.21) ------------------------------------


class InvestigationWorkflow(Workflow):
    """The one move of an investigation: it ends with its conclusion signed per ISD 15 and an
    outcome; its term closes on the day the conclusion was signed."""

    model = Investigation
    moves = {
        "conclude": Move(
            "conclude",
            gettext_lazy("Conclude"),
            frozenset({Investigation.Status.OPEN}),
            Investigation.Status.CONCLUDED,
        )
    }
    action_prefix = "isd.investigation."

    def visible_to(self, user):
        return investigations_visible_to(user)

    def concerned(self, investigation, move: Move, *, actor) -> list:
        """Who instructed it (the Chairman or the CA head, ISD 6.21), its team, the ISD's managers."""
        return [investigation.instructed_by, *team_of(investigation, InvestigationGrant), *isd_managers()]

    def may(self, move, investigation, user) -> bool:
        return may_work_on_investigation(user, investigation)

    def refused_move(self, investigation, move) -> ValidationError:
        return ValidationError(_("This investigation is concluded already."), code="forbidden_move")

    def refused_actor(self, investigation, move) -> ValidationError:
        return ValidationError(_("Only the team concludes an investigation."), code="not_yours")

    def check(self, investigation, move, *, actor, outcome: str) -> None:
        if outcome not in Investigation.Outcome.values:
            raise ValidationError({"outcome": ValidationError(_("Choose the outcome."), code="required")})
        if signed_document_of(investigation, CONCLUSION_KIND) is None:
            raise ValidationError(_("The conclusion must be signed first (ISD 15)."), code="conclusion_unsigned")

    def apply(self, investigation, move, *, actor, outcome: str) -> dict:
        signed_on = timezone.localdate(signed_document_of(investigation, CONCLUSION_KIND).signature.signed_at)
        term = running_term(investigation, "isd.investigation")
        if term is not None:
            deadline_close(deadline=term, actor=actor, on=signed_on)
        investigation.outcome, investigation.concluded_on = outcome, signed_on
        return {"outcome": outcome}


INVESTIGATION_WORKFLOW = InvestigationWorkflow()


def investigation_conclude(*, investigation, actor, outcome: str) -> Investigation:
    """Conclude an investigation (ISD 6.21): the conclusion signed, an outcome, the term closed."""
    return INVESTIGATION_WORKFLOW.perform(record=investigation, move="conclude", actor=actor, outcome=outcome)
