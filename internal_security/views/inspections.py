"""Pages of the inspections of territorial subdivisions (ISD 5.10, 6.10, 6.18): every one for
the central ISD and those it reports to, a region's for its territorial ISD unit; 404 for
anyone else."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, rows_with_moves, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered, filtered_page

from ..export import inspections_workbook
from ..forms.inspections import INSPECTION_FORMS, InspectionFilterForm, InspectionForm, RecommendationForm
from ..forms.plans import CONTROL_FORMS
from ..models import Inspection
from ..permissions import keeps_region, reads_registers, unit_region
from ..selectors import inspections as selectors
from ..services import inspections as services
from ..workflow import INSPECTION_WORKFLOW, RECOMMENDATION_WORKFLOW, inspection_move, recommendation_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.inspection_register(request.user, **criteria)


def inspection_list(request):
    _require_reader(request.user)
    context, inspections = filtered_page(request, InspectionFilterForm, _register(request), PAGE_SIZE)
    context |= {"inspections": inspections, "may_plan": keeps_region(request.user)}
    return render(request, "internal_security/inspection_list.html", context)


def inspection_export(request):
    _require_reader(request.user)
    _form, inspections = filtered(request, InspectionFilterForm, _register(request))
    read_record(user=request.user, obj=Inspection, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(inspections_workbook(inspections), "isd-inspections.xlsx")


@require_http_methods(["GET", "POST"])
def inspection_create(request):
    if not keeps_region(request.user):
        raise Http404
    own = unit_region(request.user)
    form = InspectionForm(
        request.POST or None,
        instance=Inspection(),
        unit_region=own,
        inspectors=selectors.inspection_inspectors(own),
    )
    if request.method == "POST":
        done, inspection = service_result(
            form, lambda: services.inspection_plan(actor=request.user, inspection=form.instance)
        )
        if done:
            messages.success(request, _("The inspection is planned."))
            return redirect(inspection)
    return render(request, "internal_security/inspection_form.html", {"form": form})


def _inspection_page(request, inspection, bound=None, recommendation_form=None, bound_row=None):
    keeps = keeps_region(request.user, inspection.region_id)
    rows = rows_with_moves(
        RECOMMENDATION_WORKFLOW,
        inspection.recommendations.all(),
        request.user,
        CONTROL_FORMS,
        prefix="recommendation",
        bound=bound,
        bound_row=bound_row,
    )
    context = {
        "inspection": inspection,
        "rows": rows,
        "recommendation_form": (
            (recommendation_form or RecommendationForm())
            if keeps and inspection.status == Inspection.Status.HELD
            else None
        ),
        "moves": moves_with_forms(
            INSPECTION_WORKFLOW.moves_open_to(inspection, request.user),
            INSPECTION_FORMS,
            (bound or {}) if bound_row is None else {},
        ),
        "history": record_history(inspection),
    }
    return render(request, "internal_security/inspection_detail.html", context)


def inspection_detail(request, pk):
    inspection = selectors.get_inspection_for_user(request.user, pk)
    read_record(user=request.user, obj=inspection)
    return _inspection_page(request, inspection)


@require_POST
def inspection_move_view(request, pk, move):
    inspection = selectors.get_inspection_for_user(request.user, pk)
    if move not in INSPECTION_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        inspection,
        move=move,
        move_forms=INSPECTION_FORMS,
        perform=lambda **inputs: inspection_move(inspection=inspection, move=move, actor=request.user, **inputs),
        page=lambda bound: _inspection_page(request, inspection, bound),
    )


@require_POST
def inspection_recommendation_add(request, pk):
    inspection = selectors.get_inspection_for_user(request.user, pk)
    form = RecommendationForm(request.POST)
    done, _recommendation = service_result(
        form,
        lambda: services.recommendation_add(actor=request.user, inspection=inspection, recommendation=form.instance),
    )
    if not done:
        return _inspection_page(request, inspection, recommendation_form=form)
    messages.success(request, _("The recommendation is under control."))
    return redirect(inspection)


@require_POST
def inspection_recommendation_move(request, pk, recommendation_pk, move):
    recommendation = selectors.get_recommendation_for_user(request.user, pk, recommendation_pk)
    if move not in RECOMMENDATION_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        recommendation,
        move=move,
        move_forms=CONTROL_FORMS,
        perform=lambda **inputs: recommendation_move(
            recommendation=recommendation, move=move, actor=request.user, **inputs
        ),
        page=lambda bound: _inspection_page(request, recommendation.inspection, bound, bound_row=recommendation.pk),
        prefixed=f"recommendation{recommendation.pk}",
    )
