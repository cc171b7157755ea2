"""The life of a document as a table of moves, and the one function that performs a move.

draft -> on approval -> approved -> signed (and registered) -> sent; returned for rework
(back to draft, with a comment) by an approver or the signer; cancelled while not signed.
Nothing else assigns `Document.status`.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.workflow import Move, Workflow
from courtadmin.org.authority import person_of, signers, signing_authority

from .models import ApprovalStep, Document

S = Document.Status

MOVES = {
    move.name: move
    for move in (
        Move("submit", gettext_lazy("Send for approval"), frozenset({S.DRAFT}), S.ON_APPROVAL, "author"),
        Move("approve", gettext_lazy("Approve"), frozenset({S.ON_APPROVAL}), None, "approver"),
        Move("return", gettext_lazy("Return for rework"), frozenset({S.ON_APPROVAL, S.APPROVED}), S.DRAFT, "reviewer"),
        Move("sign", gettext_lazy("Sign"), frozenset({S.APPROVED}), S.SIGNED, "signer"),
        Move("send", gettext_lazy("Register as sent"), frozenset({S.SIGNED}), S.SENT, "author_or_signer"),
        Move("cancel", gettext_lazy("Cancel"), frozenset({S.DRAFT, S.ON_APPROVAL, S.APPROVED}), S.CANCELLED, "author"),
    )
}

# A signing confirmation (password and second factor) is good for this long.
CONFIRMATION_LIFETIME = timedelta(minutes=2)


@dataclass(frozen=True)
class SigningConfirmation:
    """Proof that the signer gave his password (and second factor) just now: made only by
    services.signing_credentials_check, demanded by the sign move."""

    user_id: int
    at: object


def current_steps(document) -> list[ApprovalStep]:
    """The pending visas of the current group (the lowest position still awaiting)."""
    pending = [step for step in document.steps.all() if step.round == document.round and step.decision == "pending"]
    if not pending:
        return []
    first = min(step.position for step in pending)
    return [step for step in pending if step.position == first]


class DocumentWorkflow(Workflow):
    model = Document
    moves = MOVES
    action_prefix = "document."

    def may(self, move: Move, document, user) -> bool:
        is_author = document.author_id == user.pk
        if move.who == "author":
            return is_author
        if move.who == "author_or_signer" and is_author:
            return True
        person = person_of(user)
        if move.who == "approver" or (move.who == "reviewer" and document.status == S.ON_APPROVAL):
            return person is not None and any(step.approver_id == person.pk for step in current_steps(document))
        # "signer", "reviewer" of an approved document, "author_or_signer": the power to sign now.
        return bool(signing_authority(person, document.department, document.line_of_work))

    def refused_move(self, document, move: Move) -> ValidationError:
        return ValidationError(
            _("A document that is %(status)s cannot be moved so (%(move)s).")
            % {"status": document.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, document, move: Move) -> ValidationError:
        return ValidationError(_("You may not %(move)s this document.") % {"move": move.label}, code="not_yours")

    def visible_to(self, user):
        from .selectors import documents_visible_to

        return documents_visible_to(user)

    def concerned(self, document, move: Move, *, actor) -> list:
        """Whom the document now waits for: the current group of visas, or, approved, those
        who may sign it today (IR 13, ISD 15); the author when it is returned, signed or
        cancelled; the approvers of the round when it is cancelled."""
        if document.status == S.ON_APPROVAL:
            return [step.approver.user for step in current_steps(document)]
        if document.status == S.APPROVED:
            return [decision.person.user for decision in signers(document.department, document.line_of_work)]
        if move.name == "cancel":
            round_ = document.steps.filter(round=document.round).select_related("approver__user")
            return [document.author, *(step.approver.user for step in round_)]
        return [document.author]

    def check(self, document, move: Move, *, actor, comment="", confirmation=None, effect=None) -> None:
        if move.name == "sign":
            _check_confirmation(confirmation, actor)
        if move.name == "return" and not comment.strip():
            required = ValidationError(_("Say what is to be reworked."), code="comment_required")
            raise ValidationError({"comment": required})

    def apply(self, document, move: Move, *, actor, comment="", confirmation=None, effect=None) -> dict:
        details = {"status": _route_effect(document, move, actor, comment)}
        if effect is not None:
            effect(document)
        if comment:
            details["comment"] = comment
        return details


WORKFLOW = DocumentWorkflow()


def moves_open_to(document, user) -> list[Move]:
    """The moves the user may make on the document now (for the page's buttons)."""
    return WORKFLOW.moves_open_to(document, user)


def document_move(*, document, move: str, actor, comment: str = "", confirmation=None, effect=None) -> Document:
    """Perform one move: lock the document, check the edge and the actor, apply the move's
    effect, record it in the audit log. `effect(locked_document)` runs inside the lock (the
    sign move's registration). Raises ValidationError with the reason otherwise."""
    return WORKFLOW.perform(
        record=document, move=move, actor=actor, comment=comment, confirmation=confirmation, effect=effect
    )


def _check_confirmation(confirmation, actor) -> None:
    fresh = (
        isinstance(confirmation, SigningConfirmation)
        and confirmation.user_id == actor.pk
        and timezone.now() - confirmation.at <= CONFIRMATION_LIFETIME
    )
    if not fresh:
        raise ValidationError(_("Confirm the signature with your password."), code="unconfirmed")


def _route_effect(document, spec: Move, actor, comment: str) -> str:
    """The move's own effect on the route; returns the status to move to."""
    now = timezone.now()
    steps = document.steps.filter(round=document.round)
    if spec.name == "submit":
        return S.ON_APPROVAL if steps.exists() else S.APPROVED
    if spec.name == "approve":
        person = person_of(actor)
        steps.filter(approver=person, decision="pending").update(decision="approved", comment=comment, decided_at=now)
        return S.ON_APPROVAL if steps.filter(decision="pending").exists() else S.APPROVED
    if spec.name == "return":
        person = person_of(actor)
        steps.filter(approver=person, decision="pending").update(decision="returned", comment=comment, decided_at=now)
        steps.filter(decision="pending").update(decision="skipped")
        _next_round(document, steps)
        return spec.target
    if spec.name == "cancel":
        steps.filter(decision="pending").update(decision="skipped")
    return spec.target


def _next_round(document, steps) -> None:
    """The route of the next submission: the same approvers, all awaiting again."""
    route = list(steps.values_list("position", "approver_id"))
    document.round += 1
    ApprovalStep.objects.bulk_create(
        ApprovalStep(document=document, round=document.round, position=position, approver_id=approver)
        for position, approver in route
    )
