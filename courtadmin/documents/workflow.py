"""The life of a document as a table of moves, and the one function that performs a move.

draft -> on approval -> approved -> signed (and registered) -> sent; returned for rework
(back to draft, with a comment) by an approver or the signer; cancelled while not signed.
Nothing else assigns `Document.status`.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.audit.services import audit_record
from courtadmin.org.authority import person_of, signing_authority

from .models import ApprovalStep, Document

S = Document.Status


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    sources: frozenset
    target: str | None  # None: the effect decides (an approval may or may not end the route)
    who: str  # see _may_move


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


def _may_move(who: str, document, user) -> bool:
    is_author = document.author_id == user.pk
    if who == "author":
        return is_author
    if who == "author_or_signer" and is_author:
        return True
    person = person_of(user)
    if who == "approver" or (who == "reviewer" and document.status == S.ON_APPROVAL):
        return person is not None and any(step.approver_id == person.pk for step in current_steps(document))
    # "signer", "reviewer" of an approved document, "author_or_signer": the power to sign now.
    return bool(signing_authority(person, document.department, document.line_of_work))


def moves_open_to(document, user) -> list[Move]:
    """The moves the user may make on the document now (for the page's buttons)."""
    return [move for move in MOVES.values() if document.status in move.sources and _may_move(move.who, document, user)]


def document_move(*, document, move: str, actor, comment: str = "", confirmation=None, effect=None) -> Document:
    """Perform one move: lock the document, check the edge and the actor, apply the move's
    effect, record it in the audit log. `effect(locked_document)` runs inside the lock (the
    sign move's registration). Raises ValidationError with the reason otherwise."""
    spec = MOVES[move]
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if locked.status not in spec.sources:
            raise ValidationError(
                _("A document that is %(status)s cannot be moved so (%(move)s).")
                % {"status": locked.get_status_display(), "move": spec.label},
                code="forbidden_move",
            )
        if not _may_move(spec.who, locked, actor):
            raise ValidationError(_("You may not %(move)s this document.") % {"move": spec.label}, code="not_yours")
        before = locked.status
        if move == "sign":
            _check_confirmation(confirmation, actor)
        if move == "return" and not comment.strip():
            required = ValidationError(_("Say what is to be reworked."), code="comment_required")
            raise ValidationError({"comment": required})
        target = _apply(locked, spec, actor, comment)
        if effect is not None:
            effect(locked)
        locked.status = target
        locked.save()
        audit_record(
            actor=actor,
            action=f"document.{move}",
            obj=locked,
            before={"status": before},
            after={"status": target, "comment": comment} if comment else {"status": target},
        )
    document.refresh_from_db()
    return document


def _check_confirmation(confirmation, actor) -> None:
    fresh = (
        isinstance(confirmation, SigningConfirmation)
        and confirmation.user_id == actor.pk
        and timezone.now() - confirmation.at <= CONFIRMATION_LIFETIME
    )
    if not fresh:
        raise ValidationError(_("Confirm the signature with your password."), code="unconfirmed")


def _apply(document, spec: Move, actor, comment: str) -> str:
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
