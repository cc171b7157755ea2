"""Reads of the corruption-risk register (ISD 6.13, 6.14): every risk for the central ISD and
those it reports to, a region's for its territorial ISD unit (`registers_within_reach`);
anyone else finds none, and 404 on each page. The heat map counts the open risks by process
and region, in one query."""

from django.db.models import Count, F, Max, Q
from django.shortcuts import get_object_or_404

from courtadmin.documents.models import Document
from courtadmin.org.models import Region

from ..models import CorruptionRisk, RiskAnalysis, RiskMeasure
from ..permissions import central_within_reach, registers_within_reach


def risks_visible_to(user):
    return registers_within_reach(CorruptionRisk.objects.select_related("region"), user)


def get_risk_for_user(user, pk) -> CorruptionRisk:
    return get_object_or_404(risks_visible_to(user), pk=pk)


def get_measure_for_user(user, pk, measure_pk) -> RiskMeasure:
    risk = get_risk_for_user(user, pk)
    return get_object_or_404(RiskMeasure.objects.select_related("risk"), risk=risk, pk=measure_pk)


def measures_visible_to(user):
    return RiskMeasure.objects.filter(risk__in=risks_visible_to(user).values("pk"))


def analyses_visible_to(user):
    """The analyses cover every region: the central ISD's and the leadership's, not a unit's."""
    return central_within_reach(RiskAnalysis.objects.all(), user)


def risk_register(user, *, text="", process="", status="", region=None, level=None, open_measures=False):
    """The risks within the user's reach, filtered, the latest first, with their measures
    counted: all, still open."""
    risks = risks_visible_to(user)
    for lookup, value in (("process", process), ("status", status), ("region", region)):
        if value:
            risks = risks.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        risks = risks.filter(Q(subdivision__icontains=text) | Q(description__icontains=text) | Q(cause__icontains=text))
    if level:
        low, high = CorruptionRisk.SCORES[int(level)]
        risks = risks.alias(score=F("likelihood") * F("impact")).filter(score__gte=low, score__lte=high)
    open_filter = Q(measures__status=RiskMeasure.Status.PLANNED)
    if open_measures:
        still_open = RiskMeasure.objects.filter(status=RiskMeasure.Status.PLANNED)
        risks = risks.filter(pk__in=still_open.values("risk"))
    return risks.annotate(
        measure_count=Count("measures", distinct=True),
        open_count=Count("measures", filter=open_filter, distinct=True),
    ).order_by("-identified_on", "-pk")


def heat_map(risks) -> dict:
    """The open risks of `risks` by process (rows) and region (columns): their number and
    the highest score among them (likelihood x impact), for the map's cells and its text."""
    cells = (
        risks.filter(status=CorruptionRisk.Status.OPEN)
        .order_by()
        .values("process", "region")
        .annotate(count=Count("pk"), top=Max(F("likelihood") * F("impact")))
    )
    by_cell = {(cell["process"], cell["region"]): cell for cell in cells}
    region_ids = sorted({region for _process, region in by_cell})
    regions = list(Region.objects.filter(pk__in=region_ids).order_by("name"))
    rows = [
        (label, [by_cell.get((process, region.pk)) for region in regions])
        for process, label in CorruptionRisk.Process.choices
    ]
    return {"regions": regions, "rows": rows}


def analysis_documents(analyses) -> dict:
    """Each analysis's latest document, by the analysis's id."""
    documents = Document.objects.filter(
        record_type__app_label="internal_security",
        record_type__model="riskanalysis",
        record_id__in=[str(analysis.pk) for analysis in analyses],
    ).order_by("pk")
    return {int(document.record_id): document for document in documents}
