"""Human-rights obligations: the UN treaty bodies' recommendations on the courts (IR 7.5).

- IR staff enter a review cycle of a UN body (its concluding observations to Kazakhstan) and
  import its recommendations from a spreadsheet: paragraph, theme, the text in its original
  language and in Kazakh and Russian, and, if the file says so, the subdivision that
  implements each. A file with a bad row writes nothing; each refusal names its row.
- A recommendation's life is a table of moves (`RECOMMENDATION_WORKFLOW`,
  `recommendation_move`): assigned to a subdivision with a term (`ir.recommendation`),
  reported by it with the evidence of implementation attached, then returned for more work,
  recorded as partly implemented (with a new term) or as implemented, by the IR.
- The subdivision sees the recommendations assigned to it and nothing else of the IR.

Writes are keyword-only, in a transaction, audited; the reads are in
international/selectors/obligations.py.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.core.workflow import Move

from ..models import LANGUAGES, Evidence, Recommendation, Review
from ..permissions import check_ir_staff, is_ir_staff, works_on
from ..selectors.obligations import recommendations_visible_to
from ..workflow import AssignmentWorkflow, assign_imported, read_assigned_rows

S = Recommendation.Status
TERM = "ir.recommendation"

MOVES = {
    move.name: move
    for move in (
        Move(
            "assign",
            gettext_lazy("Assign to a subdivision"),
            frozenset({S.RECEIVED, *Recommendation.WITH_UNIT}),
            S.ASSIGNED,
            "ir_staff",
            ("unit", "executor", "due_on"),
        ),
        Move(
            "report",
            gettext_lazy("Report the implementation"),
            frozenset(Recommendation.WITH_UNIT),
            S.REPORTED,
            "unit",
            ("report",),
        ),
        Move(
            "return",
            gettext_lazy("Return for more work"),
            frozenset({S.REPORTED}),
            S.RETURNED,
            "ir_staff",
            ("reason", "due_on"),
        ),
        Move(
            "partly",
            gettext_lazy("Partly implemented: set a new term"),
            frozenset({S.REPORTED}),
            S.PARTLY,
            "ir_staff",
            ("reason", "due_on"),
        ),
        Move("implement", gettext_lazy("Implemented"), frozenset({S.REPORTED}), S.IMPLEMENTED, "ir_staff"),
    )
}


class RecommendationWorkflow(AssignmentWorkflow):
    model = Recommendation
    moves = MOVES
    action_prefix = "ir.recommendation."
    term_kind = TERM
    unit_moves = frozenset({"report"})
    term_moves = frozenset({"assign", "return", "partly"})

    def controller(self, record):
        return record.review.officer

    def refused_move(self, record, move: Move) -> ValidationError:
        return ValidationError(
            _("A recommendation that is %(status)s cannot be moved so (%(move)s).")
            % {"status": record.get_status_display(), "move": move.label},
            code="forbidden_move",
        )

    def refused_actor(self, record, move: Move) -> ValidationError:
        if move.name in self.unit_moves:
            return ValidationError(_("The subdivision it is assigned to reports on it."), code="not_yours")
        return ValidationError(_("The department's staff control the recommendations."), code="not_yours")

    def visible_to(self, user):
        return recommendations_visible_to(user)

    def check_work(self, record, move: Move, inputs: dict) -> None:
        if move.name == "report":
            errors = {}
            if not inputs.get("report", "").strip():
                errors["report"] = ValidationError(_("Say what was done."), code="required")
            if not record.evidence.exists():
                errors["report"] = ValidationError(
                    _("Attach the evidence of implementation first."), code="no_evidence"
                )
            if errors:
                raise ValidationError(errors)
        elif move.name == "implement" and not record.evidence.exists():
            raise ValidationError(_("A recommendation is implemented on evidence."), code="no_evidence")

    def apply_work(self, record, move: Move, *, actor, **inputs) -> dict:
        if move.name == "report":
            record.report = inputs["report"].strip()
            self.close_term(record, actor=actor)
        return {}


RECOMMENDATION_WORKFLOW = RecommendationWorkflow()


def moves_open_to(recommendation, user) -> list[Move]:
    return RECOMMENDATION_WORKFLOW.moves_open_to(recommendation, user)


def recommendation_move(*, recommendation: Recommendation, move: str, actor, **inputs) -> Recommendation:
    """Perform one move of a recommendation, or refuse it and change nothing."""
    if move not in MOVES:
        raise ValidationError(_("No such move."), code="forbidden_move")
    return RECOMMENDATION_WORKFLOW.perform(record=recommendation, move=move, actor=actor, **inputs)


def review_save(*, actor, review: Review) -> Review:
    """IR 7.5: a review cycle of a UN body, entered or corrected by IR staff."""
    check_ir_staff(actor)
    created = review.pk is None
    if created:
        review.created_by = actor
    review.full_clean()
    with transaction.atomic():
        review.save()
        audit_record(actor=actor, action=f"ir.review.{'created' if created else 'updated'}", obj=review)
    return review


def recommendation_save(*, actor, recommendation: Recommendation) -> Recommendation:
    """Its theme and texts corrected (a translation added) by IR staff, until it is implemented."""
    check_ir_staff(actor)
    if Recommendation.objects.get(pk=recommendation.pk).status == S.IMPLEMENTED:
        raise ValidationError(_("An implemented recommendation is no longer corrected."), code="closed")
    recommendation.full_clean()
    with transaction.atomic():
        recommendation.save()
        audit_record(actor=actor, action="ir.recommendation.updated", obj=recommendation)
    return recommendation


def evidence_add(*, actor, recommendation: Recommendation, upload, note: str) -> Evidence:
    """A document showing the implementation, attached by the subdivision at work on it (or
    by the IR's staff) while the recommendation is with the subdivision."""
    if not (works_on(actor, recommendation) or is_ir_staff(actor)):
        raise ValidationError(_("The subdivision it is assigned to attaches its evidence."), code="not_yours")
    if recommendation.status not in Recommendation.WITH_UNIT:
        raise ValidationError(
            {"file": ValidationError(_("Evidence is attached while the work goes on."), code="closed")}
        )
    if not note.strip():
        raise ValidationError({"note": ValidationError(_("Say what the document shows."), code="required")})
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        evidence = Evidence.objects.create(
            recommendation=recommendation, note=note.strip(), uploaded_by=actor, **fields
        )
        audit_record(
            actor=actor,
            action="ir.recommendation.evidence_added",
            obj=recommendation,
            after={"evidence": evidence.pk, "name": evidence.original_name, "sha256": evidence.sha256},
        )
    return evidence


# --- The import ----------------------------------------------------------------------------

COLUMNS = ("paragraph", "theme", "language", "text", "text_kk", "text_ru", "unit")
REQUIRED = ("paragraph", "theme", "text")
PARAGRAPH_MAX = Recommendation._meta.get_field("paragraph").max_length
THEME_MAX = Recommendation._meta.get_field("theme").max_length


def _row_errors(values: dict) -> list[str]:
    reasons = []
    if not values["paragraph"] or len(values["paragraph"]) > PARAGRAPH_MAX:
        reasons.append(_("the paragraph is 1 to %(limit)s characters") % {"limit": PARAGRAPH_MAX})
    if not values["theme"] or len(values["theme"]) > THEME_MAX:
        reasons.append(_("the theme is 1 to %(limit)s characters") % {"limit": THEME_MAX})
    if not values["text"]:
        reasons.append(_("the text is empty"))
    if values["language"] and values["language"].lower() not in dict(LANGUAGES):
        reasons.append(_("the language is a code of the list: %(codes)s") % {"codes": ", ".join(dict(LANGUAGES))})
    return reasons


def recommendations_import(*, actor, review: Review, upload, due_on: date | None = None) -> list[Recommendation]:
    """IR 7.5: the recommendations of a review read from a CSV or XLSX file, all or none. A row
    naming a subdivision (its code, column `unit`) is assigned to it with the term `due_on`."""
    check_ir_staff(actor)
    rows, units = read_assigned_rows(
        upload,
        columns=COLUMNS,
        required=REQUIRED,
        key="paragraph",
        existing=review.recommendations.values_list("paragraph", flat=True),
        row_errors=_row_errors,
        due_on=due_on,
    )
    with transaction.atomic():
        created = Recommendation.objects.bulk_create(
            Recommendation(
                review=review,
                paragraph=values["paragraph"],
                theme=values["theme"],
                original_language=values["language"].lower() or "en",
                text_original=values["text"],
                text_kk=values["text_kk"],
                text_ru=values["text_ru"],
            )
            for _number, values in rows
        )
        audit_record(actor=actor, action="ir.review.imported", obj=review, after={"recommendations": len(created)})
        assign_imported(
            created,
            rows,
            units,
            assign=lambda record, unit: recommendation_move(
                recommendation=record, move="assign", actor=actor, unit=unit, due_on=due_on
            ),
        )
    return created
