"""Pages of the corruption-risk register (ISD 6.13, 6.14): every risk for the central ISD and
those it reports to, a region's for its territorial ISD unit; 404 for anyone else. The list
carries the heat map of open risks and the analyses of each period."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import flash_errors, moves_with_forms, posted_move, rows_with_moves, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered, filtered_page
from courtadmin.dashboard.charts import GridCell, grid_svg

from ..export import risks_workbook
from ..forms.plans import CONTROL_FORMS
from ..forms.risks import RISK_FORMS, AnalysisForm, MeasureForm, RiskFilterForm, RiskForm
from ..models import CorruptionRisk, RiskAnalysis
from ..permissions import isd_position, keeps_region, reads_registers, unit_region
from ..selectors import risks as selectors
from ..services import risks as services
from ..workflow import RISK_MEASURE_WORKFLOW, RISK_WORKFLOW, risk_measure_move, risk_move

PAGE_SIZE = 50
ANALYSES_SHOWN = 12  # the latest periods' analyses on the list page


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.risk_register(request.user, **criteria)


def risk_list(request):
    _require_reader(request.user)
    context, risks = filtered_page(request, RiskFilterForm, _register(request), PAGE_SIZE)
    _form, chosen = filtered(request, RiskFilterForm, _register(request))
    analyses = list(selectors.analyses_visible_to(request.user)[:ANALYSES_SHOWN])
    documents = selectors.analysis_documents(analyses)
    context |= {
        "risks": risks,
        "may_add": keeps_region(request.user),
        "heat_map": risk_heat_map(selectors.heat_map(chosen)),
        "analyses": [(analysis, documents.get(analysis.pk)) for analysis in analyses],
        "analysis_form": AnalysisForm() if isd_position(request.user) is not None else None,
    }
    return render(request, "internal_security/risk_list.html", context)


# The colour of a cell by the highest level among its risks (ISD 6.13), and of its text.
LEVEL_SHADES = {
    CorruptionRisk.Level.LOW: ("#fff3cd", "#212529"),
    CorruptionRisk.Level.MEDIUM: ("#fd9843", "#212529"),
    CorruptionRisk.Level.HIGH: ("#b02a37", "#ffffff"),
}


def risk_heat_map(cells: dict) -> str:
    """The open risks by process and region as a grid drawn on the server (ISD 6.13): in each
    cell their number, shaded by the highest level among them, and the same said in words."""
    regions = cells["regions"]
    said, rows = [], []
    for label, row in cells["rows"]:
        drawn = []
        for region, cell in zip(regions, row, strict=True):
            if cell is None:
                drawn.append(None)
                continue
            level = CorruptionRisk.level_of(cell["top"])
            fill, ink = LEVEL_SHADES[level]
            drawn.append(GridCell(str(cell["count"]), fill, ink))
            said.append(
                _("%(process)s, %(region)s: %(count)s, the highest %(level)s")
                % {"process": label, "region": region.name, "count": cell["count"], "level": level.label}
            )
        rows.append((label, drawn))
    description = "; ".join(said) + "." if said else _("No open risk.")
    return grid_svg(
        "risk-heat-map",
        _("Open corruption risks by process and region"),
        description,
        [region.name for region in regions],
        rows,
    )


def risk_export(request):
    _require_reader(request.user)
    _form, risks = filtered(request, RiskFilterForm, _register(request))
    read_record(user=request.user, obj=CorruptionRisk, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(risks_workbook(risks), "isd-corruption-risks.xlsx")


@require_http_methods(["GET", "POST"])
def risk_create(request):
    if not keeps_region(request.user):
        raise Http404
    form = RiskForm(request.POST or None, instance=CorruptionRisk(), unit_region=unit_region(request.user))
    if request.method == "POST":
        done, risk = service_result(form, lambda: services.risk_identify(actor=request.user, risk=form.instance))
        if done:
            messages.success(request, _("The risk is recorded."))
            return redirect(risk)
    return render(request, "internal_security/risk_form.html", {"form": form})


def _risk_page(request, risk, bound=None, measure_form=None, bound_row=None):
    keeps = keeps_region(request.user, risk.region_id)
    rows = rows_with_moves(
        RISK_MEASURE_WORKFLOW,
        risk.measures.all(),
        request.user,
        CONTROL_FORMS,
        prefix="measure",
        bound=bound,
        bound_row=bound_row,
    )
    context = {
        "risk": risk,
        "rows": rows,
        "measure_form": (measure_form or MeasureForm())
        if keeps and risk.status == CorruptionRisk.Status.OPEN
        else None,
        "moves": moves_with_forms(
            RISK_WORKFLOW.moves_open_to(risk, request.user), RISK_FORMS, (bound or {}) if bound_row is None else {}
        ),
        "history": record_history(risk),
    }
    return render(request, "internal_security/risk_detail.html", context)


def risk_detail(request, pk):
    risk = selectors.get_risk_for_user(request.user, pk)
    read_record(user=request.user, obj=risk)
    return _risk_page(request, risk)


@require_POST
def risk_move_view(request, pk, move):
    risk = selectors.get_risk_for_user(request.user, pk)
    if move not in RISK_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        risk,
        move=move,
        move_forms=RISK_FORMS,
        perform=lambda **inputs: risk_move(risk=risk, move=move, actor=request.user, **inputs),
        page=lambda bound: _risk_page(request, risk, bound),
    )


@require_POST
def risk_measure_add(request, pk):
    risk = selectors.get_risk_for_user(request.user, pk)
    form = MeasureForm(request.POST)
    done, _measure = service_result(
        form, lambda: services.risk_measure_add(actor=request.user, risk=risk, measure=form.instance)
    )
    if not done:
        return _risk_page(request, risk, measure_form=form)
    messages.success(request, _("The measure is under control."))
    return redirect(risk)


@require_POST
def risk_measure_move_view(request, pk, measure_pk, move):
    measure = selectors.get_measure_for_user(request.user, pk, measure_pk)
    if move not in RISK_MEASURE_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        measure,
        move=move,
        move_forms=CONTROL_FORMS,
        perform=lambda **inputs: risk_measure_move(measure=measure, move=move, actor=request.user, **inputs),
        page=lambda bound: _risk_page(request, measure.risk, bound, bound_row=measure.pk),
        prefixed=f"measure{measure.pk}",
    )


@require_POST
def risk_analysis(request):
    """The analysis of a period drafted for the ISD head's signature (ISD 6.13, ISD 15)."""
    if isd_position(request.user) is None:
        raise Http404
    form = AnalysisForm(request.POST)
    if not form.is_valid():
        flash_errors(request, form)
        return redirect("internal_security:risk-list")
    analysis = RiskAnalysis(year=form.cleaned_data["year"], period=form.cleaned_data["period"])
    try:
        document = services.risk_analysis_prepare(actor=request.user, analysis=analysis)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("internal_security:risk-list")
    return redirect(document)
