"""International documents: memoranda, agreements and drafts of treaties (IR 7.2, 7.10).

- IR staff enter a document with its partner and the side it binds, and attach versions of
  its text. Its life is a table of moves (`AGREEMENT_WORKFLOW`, `agreement_move`):
  consultation with subdivisions, each asked for comments by a term (`ir.agreement_comment`,
  `COMMENT_WORKFLOW`: a subdivision reads the draft and gives its comments, nothing else);
  the approval route, a document of the documents module signed under IR 13; then a
  memorandum or an agreement is signed, its signed text attached and its term of validity
  running (`ir.agreement_validity`: reminders 60, 20 and 5 working days before it ends, and
  the IR head told if it lapses undecided), prolonged by a later protocol or ended; a draft
  treaty is agreed. Any of them may be withdrawn before it is signed.

Writes are keyword-only, in a transaction, audited; the reads are in
international/selectors/agreements.py.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.core.workflow import Move, Workflow
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_open

from ..models import Agreement, AgreementVersion, Comment
from ..permissions import check_ir_staff, is_ir_staff
from ..selectors.agreements import agreements_visible_to, comments_visible_to
from ..workflow import AssignmentWorkflow, assignable_units

S = Agreement.Status
CS = Comment.Status
VALIDITY_TERM = "ir.agreement_validity"
COMMENT_TERM = "ir.agreement_comment"
# Its text still changes.
OPEN = (S.DRAFT, S.CONSULTATION, S.APPROVAL)


# --- The subdivisions' comments ----------------------------------------------------------------


class CommentWorkflow(AssignmentWorkflow):
    model = Comment
    moves = {
        "assign": Move("assign", gettext_lazy("Ask for comments"), frozenset({CS.RECEIVED}), CS.ASSIGNED, "ir_staff"),
        "comment": Move(
            "comment", gettext_lazy("Give the comments"), frozenset({CS.ASSIGNED}), CS.COMMENTED, "unit", ("text",)
        ),
    }
    action_prefix = "ir.comment."
    term_kind = COMMENT_TERM
    unit_moves = frozenset({"comment"})
    term_moves = frozenset({"assign"})

    def is_open(self, record, move: Move) -> bool:
        """Comments are given while the document is with the subdivisions."""
        return super().is_open(record, move) and record.agreement.status == S.CONSULTATION

    def controller(self, record):
        return record.agreement.officer

    def refused_move(self, record, move: Move) -> ValidationError:
        return ValidationError(_("The comments are no longer awaited."), code="forbidden_move")

    def refused_actor(self, record, move: Move) -> ValidationError:
        return ValidationError(_("The subdivision asked gives its comments."), code="not_yours")

    def visible_to(self, user):
        return comments_visible_to(user)

    def check_work(self, record, move: Move, inputs: dict) -> None:
        if not inputs.get("text", "").strip():
            raise ValidationError(
                {"text": ValidationError(_("Write the comments, or say there are none."), code="required")}
            )

    def apply_work(self, record, move: Move, *, actor, **inputs) -> dict:
        record.text, record.given_by = inputs["text"].strip(), actor
        self.close_term(record, actor=actor)
        return {}


COMMENT_WORKFLOW = CommentWorkflow()


def comment_move(*, comment: Comment, move: str, actor, **inputs) -> Comment:
    if move not in COMMENT_WORKFLOW.moves:
        raise ValidationError(_("No such move."), code="forbidden_move")
    return COMMENT_WORKFLOW.perform(record=comment, move=move, actor=actor, **inputs)


# --- The document's life -----------------------------------------------------------------------

MOVES = {
    move.name: move
    for move in (
        Move(
            "consult",
            gettext_lazy("Ask the subdivisions for comments"),
            frozenset({S.DRAFT, S.CONSULTATION}),
            S.CONSULTATION,
            "ir_staff",
            ("units", "due_on"),
        ),
        Move(
            "submit",
            gettext_lazy("Put on the approval route"),
            frozenset({S.DRAFT, S.CONSULTATION}),
            S.APPROVAL,
            "ir_staff",
            ("document",),
        ),
        Move(
            "sign",
            gettext_lazy("Signed: attach the signed text"),
            frozenset({S.APPROVAL}),
            S.SIGNED,
            "ir_staff",
            ("file", "signed_on", "valid_until"),
        ),
        Move("agree", gettext_lazy("Agreed: the position sent"), frozenset({S.APPROVAL}), S.AGREED, "ir_staff"),
        Move(
            "prolong",
            gettext_lazy("Prolong by a protocol"),
            frozenset({S.SIGNED}),
            S.SIGNED,
            "ir_staff",
            ("valid_until", "reason"),
        ),
        Move("end", gettext_lazy("Ended"), frozenset({S.SIGNED}), S.ENDED, "ir_staff", ("on", "reason")),
        Move("withdraw", gettext_lazy("Withdraw"), frozenset(OPEN), S.WITHDRAWN, "ir_staff", ("reason",)),
    )
}
TREATY_ONLY, NOT_TREATY = frozenset({"agree"}), frozenset({"sign", "prolong", "end"})


class AgreementWorkflow(Workflow):
    model = Agreement
    moves = MOVES
    action_prefix = "ir.agreement."

    def is_open(self, record, move: Move) -> bool:
        treaty = record.kind == Agreement.Kind.TREATY_DRAFT
        if (move.name in TREATY_ONLY and not treaty) or (move.name in NOT_TREATY and treaty):
            return False
        return super().is_open(record, move)

    def may(self, move: Move, record, user) -> bool:
        return is_ir_staff(user)

    def refused_move(self, record, move: Move) -> ValidationError:
        return ValidationError(
            _("A document that is %(status)s cannot be moved so (%(move)s).")
            % {"status": record.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, record, move: Move) -> ValidationError:
        return ValidationError(_("The department's staff keep its international documents."), code="not_yours")

    def visible_to(self, user):
        return agreements_visible_to(user)

    def concerned(self, record, move: Move, *, actor) -> list:
        return [record.officer]

    def check(self, record, move: Move, *, actor, **inputs) -> None:
        today = timezone.localdate()
        errors = {}
        if move.name == "consult":
            units = list(inputs.get("units") or [])
            if not units or assignable_units().filter(pk__in=[unit.pk for unit in units]).count() != len(units):
                errors["units"] = ValidationError(_("Choose subdivisions outside the department."), code="unit")
            if inputs.get("due_on") is None or inputs["due_on"] < today:
                errors["due_on"] = ValidationError(_("The term cannot be in the past."), code="past")
            if not record.versions.exists():
                errors["units"] = ValidationError(_("Attach the text to comment on first."), code="no_text")
        elif move.name == "submit":
            document = inputs.get("document")
            if document is None or document.department != "IR":
                errors["document"] = ValidationError(_("Choose a document of the department."), code="outside")
            awaited = record.comments.filter(status=CS.ASSIGNED).count()
            if awaited:
                errors["document"] = ValidationError(
                    _("Comments are awaited from %(count)s subdivisions.") % {"count": awaited}, code="awaited"
                )
        elif move.name in ("sign", "agree"):
            if record.document is None or not record.document.is_signed:
                raise ValidationError(_("The approval document is not signed yet."), code="not_approved")
            if move.name == "sign":
                signed_on, until = inputs.get("signed_on"), inputs.get("valid_until")
                if signed_on is None or signed_on > today:
                    errors["signed_on"] = ValidationError(_("Give the day it was signed."), code="signed_on")
                elif until is not None and until <= signed_on:
                    errors["valid_until"] = ValidationError(_("It ends after it is signed."), code="before_signed")
                if inputs.get("file") is None:
                    errors["file"] = ValidationError(_("Attach the signed text."), code="required")
        elif move.name == "prolong":
            until = inputs.get("valid_until")
            if until is None or (record.valid_until is not None and until <= record.valid_until):
                errors["valid_until"] = ValidationError(_("A prolongation ends later."), code="not_later")
            if not inputs.get("reason", "").strip():
                errors["reason"] = ValidationError(_("Name the protocol that prolongs it."), code="required")
        elif move.name in ("end", "withdraw"):
            if not inputs.get("reason", "").strip():
                errors["reason"] = ValidationError(_("Say why."), code="required")
            if move.name == "end" and (inputs.get("on") is None or inputs["on"] < record.signed_on):
                errors["on"] = ValidationError(_("It ends after it is signed."), code="before_signed")
        if errors:
            raise ValidationError(errors)

    def apply(self, record, move: Move, *, actor, **inputs) -> dict:
        if move.name == "consult":
            return {"units": [unit.pk for unit in inputs["units"]], "due_on": inputs["due_on"]}
        if move.name == "submit":
            record.document = inputs["document"]
            return {"document": record.document.pk}
        if move.name == "sign":
            version = _version(record, actor, inputs["file"], note=_("the signed text"), signed=True)
            record.signed_on, record.valid_until = inputs["signed_on"], inputs.get("valid_until")
            self.open_validity(record, actor)
            return {"signed_on": record.signed_on, "valid_until": record.valid_until, "version": version.number}
        if move.name == "prolong":
            self.close_validity(record, actor)
            record.valid_until = inputs["valid_until"]
            self.open_validity(record, actor)
            return {"valid_until": record.valid_until, "reason": inputs["reason"].strip()}
        if move.name in ("end", "withdraw"):
            record.reason = inputs["reason"].strip()
            if move.name == "end":
                record.ended_on = inputs["on"]
                self.close_validity(record, actor)
            for comment in record.comments.filter(status=CS.ASSIGNED):
                COMMENT_WORKFLOW.close_term(comment, actor=actor)
            return {"reason": record.reason}
        return {}

    def open_validity(self, record, actor) -> None:
        """The term of validity runs to its last day, reminded before (IR 7.10)."""
        if record.valid_until is not None:
            deadline_open(
                record=record,
                kind=VALIDITY_TERM,
                received_at=timezone.now(),
                responsible=record.officer,
                actor=actor,
                due_on=record.valid_until,
            )

    def close_validity(self, record, actor) -> None:
        term = running_term(record, VALIDITY_TERM)
        if term is not None:
            deadline_close(deadline=term, actor=actor, on=timezone.localdate())


AGREEMENT_WORKFLOW = AgreementWorkflow()


def moves_open_to(agreement, user) -> list[Move]:
    return AGREEMENT_WORKFLOW.moves_open_to(agreement, user)


def agreement_move(*, agreement: Agreement, move: str, actor, **inputs) -> Agreement:
    """Perform one move of an international document, or refuse it and change nothing. Sent
    for comments, each subdivision is then asked by the term, through the comments' own move."""
    if move not in MOVES:
        raise ValidationError(_("No such move."), code="forbidden_move")
    with transaction.atomic():
        agreement = AGREEMENT_WORKFLOW.perform(record=agreement, move=move, actor=actor, **inputs)
        if move == "consult":
            for unit in inputs["units"]:
                comment = Comment.objects.create(agreement=agreement)
                COMMENT_WORKFLOW.perform(record=comment, move="assign", actor=actor, unit=unit, due_on=inputs["due_on"])
    return agreement


def agreement_save(*, actor, agreement: Agreement) -> Agreement:
    """IR 7.2, 7.10: a document entered, or corrected while it is drafted, by IR staff."""
    check_ir_staff(actor)
    created = agreement.pk is None
    if not created and Agreement.objects.get(pk=agreement.pk).status not in (S.DRAFT, S.CONSULTATION):
        raise ValidationError(_("Once on its route, the document is no longer corrected."), code="closed")
    if created:
        agreement.created_by = actor
    agreement.full_clean()
    with transaction.atomic():
        agreement.save()
        audit_record(actor=actor, action=f"ir.agreement.{'created' if created else 'updated'}", obj=agreement)
    return agreement


def _version(agreement, actor, upload, *, note: str, signed: bool = False) -> AgreementVersion:
    fields = accepted_upload_fields(upload)
    number = (agreement.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    return AgreementVersion.objects.create(
        agreement=agreement, number=number, note=note, signed=signed, uploaded_by=actor, **fields
    )


def version_add(*, actor, agreement: Agreement, upload, note: str) -> AgreementVersion:
    """A new version of the text, while the text still changes."""
    check_ir_staff(actor)
    if agreement.status not in OPEN:
        raise ValidationError({"file": ValidationError(_("The text no longer changes."), code="closed")})
    with transaction.atomic():
        locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
        version = _version(locked, actor, upload, note=note.strip())
        audit_record(
            actor=actor,
            action="ir.agreement.version_added",
            obj=locked,
            after={"version": version.number, "name": version.original_name, "sha256": version.sha256},
        )
    return version
