"""Writes of the corruption-risk register (ISD 6.13, 6.14), each audited: a risk identified
with its cause, likelihood and impact, the measures to remove it with their owners and terms,
the analysis of a period drafted for the ISD head's signature; its moves are
`workflow.risk_move` and `workflow.risk_measure_move`."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.text_language import state_language_of
from courtadmin.deadlines.services import deadline_open
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import live_document_of
from courtadmin.documents.services import document_save

from ..models import CorruptionRisk, RiskAnalysis, RiskMeasure
from ..permissions import isd_position, keeps_region, unit_region
from ..workflow import RISK_ANALYSIS_KIND, RISK_MEASURE_KIND

# The months of each period of an analysis.
PERIOD_MONTHS = {
    RiskAnalysis.Period.FIRST_HALF: (1, 6),
    RiskAnalysis.Period.SECOND_HALF: (7, 12),
    RiskAnalysis.Period.YEAR: (1, 12),
}


def risk_identify(*, actor, risk: CorruptionRisk) -> CorruptionRisk:
    """Record a risk the internal analysis found: the central ISD in any region, a territorial
    ISD unit in its own (whatever region was posted)."""
    own = unit_region(actor)
    if own is not None:
        risk.region = own
    if not risk.region_id or not keeps_region(actor, risk.region_id):
        raise PermissionDenied
    risk.registered_by = actor
    risk.full_clean()
    with transaction.atomic():
        risk.save()
        audit_record(
            actor=actor,
            action="isd.risk.identified",
            obj=risk,
            after={"process": risk.process, "likelihood": risk.likelihood, "impact": risk.impact},
        )
    return risk


def risk_measure_add(*, actor, risk: CorruptionRisk, measure: RiskMeasure) -> RiskMeasure:
    """A measure to remove a risk, with its owner and term, under the ISD's control: its term
    runs for whoever recorded the risk, and escalates to the ISD head when overdue."""
    if not keeps_region(actor, risk.region_id):
        raise ValidationError(_("Only the ISD and the region's unit keep this risk."), code="not_yours")
    if risk.status != CorruptionRisk.Status.OPEN:
        raise ValidationError(_("The risk is removed already."), code="closed")
    if measure.due_on and measure.due_on <= timezone.localdate():
        raise ValidationError({"due_on": ValidationError(_("The term is after today."), code="past")})
    measure.risk = risk
    measure.full_clean()
    with transaction.atomic():
        measure.save()
        deadline_open(
            record=measure,
            kind=RISK_MEASURE_KIND,
            received_at=timezone.now(),
            responsible=risk.registered_by,
            due_on=measure.due_on,
        )
        audit_record(
            actor=actor,
            action="isd.risk.measure_added",
            obj=risk,
            after={"measure": measure.pk, "text": measure.text, "owner": measure.owner, "due_on": measure.due_on},
        )
    return measure


def _analysis_text(analysis: RiskAnalysis, risks) -> str:
    lines = [
        _("Analysis of corruption risks in the judicial system for %(period)s %(year)s (ISD 6.13).")
        % {"period": analysis.get_period_display(), "year": analysis.year},
        _("Risks identified: %(count)s.") % {"count": len(risks)},
        "",
    ]
    for number, risk in enumerate(risks, start=1):
        lines.append(
            _(
                "%(number)s. %(process)s, %(subdivision)s (%(region)s). %(description)s Cause: %(cause)s "
                "Level: %(level)s. Status: %(status)s."
            )
            % {
                "number": number,
                "process": risk.get_process_display(),
                "subdivision": risk.subdivision,
                "region": risk.region.name,
                "description": risk.description,
                "cause": risk.cause,
                "level": risk.get_level_display(),
                "status": risk.get_status_display(),
            }
        )
        for measure in risk.measures.all():
            lines.append(
                _("- %(measure)s; %(owner)s; term %(term)s; %(status)s.")
                % {
                    "measure": measure.text,
                    "owner": measure.owner,
                    "term": f"{measure.due_on:%d.%m.%Y}",
                    "status": measure.get_status_display(),
                }
            )
    return "\n".join(lines)


def risk_analysis_prepare(*, actor, analysis: RiskAnalysis) -> Document:
    """The analysis of a period, drafted from the risks identified in it with their measures,
    for the ISD head's signature (ISD 6.13, ISD 15); the central ISD's staff draw it up, once a
    period. Its live draft is reused."""
    if isd_position(actor) is None:
        raise PermissionDenied
    stored = RiskAnalysis.objects.filter(year=analysis.year, period=analysis.period).first()
    if stored is not None:
        existing = live_document_of(stored, RISK_ANALYSIS_KIND)
        if existing is not None:
            return existing
        analysis = stored
    first, last = PERIOD_MONTHS[analysis.period]
    risks = list(
        CorruptionRisk.objects.filter(
            identified_on__year=analysis.year, identified_on__month__gte=first, identified_on__month__lte=last
        )
        .select_related("region")
        .prefetch_related("measures")
        .order_by("identified_on", "pk")
    )
    if not risks:
        raise ValidationError(_("No risk was identified in this period."), code="no_risks")
    with transaction.atomic():
        if analysis.pk is None:
            analysis.prepared_by = actor
            analysis.full_clean()
            analysis.save()
            audit_record(actor=actor, action="isd.risk_analysis.prepared", obj=analysis, after={"risks": len(risks)})
        # Written in the language the risks are recorded in: they are quoted as typed.
        language = state_language_of(*(f"{risk.description} {risk.cause}" for risk in risks))
        with translation.override(language):
            texts = {language: _analysis_text(analysis, risks)}
            document = Document(
                kind=RISK_ANALYSIS_KIND,
                language=language,
                subject=str(analysis),
                addressee=_("Chairman of the Supreme Court"),
                author=actor,
                marking=Document.Marking.OFFICIAL_USE,
                record_type=ContentType.objects.get_for_model(RiskAnalysis),
                record_id=str(analysis.pk),
            )
        return document_save(actor=actor, document=document, texts=texts)
