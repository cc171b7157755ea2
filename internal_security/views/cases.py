"""Pages of the criminal-case registry (ISD 6.16): the ISD reads every entry, a territorial
ISD unit keeps its region's; 404 for anyone else (ISD 7)."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import CappedPaginator

from ..export import cases_workbook
from ..forms.cases import STAGE_FORMS, CaseFilterForm, CriminalCaseForm
from ..models import CriminalCase
from ..permissions import is_isd_manager, keeps_region, require_isd_access, unit_region
from ..selectors import cases as selectors
from ..selectors.complaints import complaints_visible_to
from ..selectors.investigations import investigations_visible_to
from ..services import cases as services
from ..workflow import CASE_WORKFLOW, case_move

PAGE_SIZE = 50


def _cases(request):
    form = CaseFilterForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {}
    return form, selectors.case_registry(request.user, **criteria)


def case_list(request):
    require_isd_access(request.user)
    form, cases = _cases(request)
    page = CappedPaginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "cases": page.object_list,
        "query": query.urlencode(),
        "may_enter": keeps_region(request.user),
    }
    return render(request, "internal_security/case_list.html", context)


def case_figures(request):
    """The registry's figures by region and by article, stage by stage (ISD 6.16), for the
    cases the list's filters choose within the reader's reach."""
    require_isd_access(request.user)
    form, cases = _cases(request)
    context = {"form": form, "figures": selectors.case_figures(cases), "query": request.GET.urlencode()}
    return render(request, "internal_security/case_figures.html", context)


def case_export(request):
    """The same rows as the list, as XLSX, written to the read log (issue 7.6)."""
    require_isd_access(request.user)
    _form, cases = _cases(request)
    content = cases_workbook(cases)
    read_record(user=request.user, obj=CriminalCase, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(content, "criminal-cases.xlsx")


@require_http_methods(["GET", "POST"])
def case_edit(request, pk=None):
    """Enter a case, or correct one with the reason (ISD 6.16): its keepers alone."""
    case = selectors.get_criminal_case_for_user(request.user, pk) if pk else CriminalCase()
    if not keeps_region(request.user, case.region_id if pk else None):
        raise Http404
    form = CriminalCaseForm(request.POST or None, instance=case, own_region=unit_region(request.user))
    if request.method == "POST":
        done, saved = service_result(
            form,
            lambda: services.criminal_case_save(
                actor=request.user,
                case=form.instance,
                complaint_numbers=form.cleaned_data["complaint_numbers"],
                investigation_numbers=form.cleaned_data["investigation_numbers"],
                opening_decision=form.cleaned_data.get("opening_decision", ""),
                reason=form.cleaned_data.get("reason", ""),
            ),
        )
        if done:
            messages.success(request, _("The criminal case is saved."))
            return redirect(saved)
    return render(request, "internal_security/case_form.html", {"form": form, "case": case})


def _case_page(request, case, bound=None):
    context = {
        "case": case,
        "may_edit": keeps_region(request.user, case.region_id),
        "stages": list(case.stages.select_related("entered_by__person")),
        "moves": moves_with_forms(
            CASE_WORKFLOW.moves_open_to(case, request.user), STAGE_FORMS, bound or {}, prefixed=True
        ),
        # Linked records are shown only as far as the reader reaches them (ISD 7).
        "complaints": list(complaints_visible_to(request.user).filter(criminalcase=case)),
        "investigations": list(
            investigations_visible_to(request.user)
            .filter(Q(criminalcase=case) | Q(conviction_case=case))
            .distinct()
            .order_by("instruction_date", "pk")
        ),
        # ISD 6.22: a conviction may call for an investigation of the convicted staff's superiors.
        "may_open_supervisor_investigation": is_isd_manager(request.user)
        and case.outcome == CriminalCase.Outcome.CONVICTED,
        "history": record_history(case),
    }
    return render(request, "internal_security/case_detail.html", context)


def case_detail(request, pk):
    case = selectors.get_criminal_case_for_user(request.user, pk)
    read_record(user=request.user, obj=case)
    return _case_page(request, case)


@require_http_methods(["POST"])
def case_move_view(request, pk, move):
    """The case's next stage, as the authority decided it (ISD 6.16); its keepers alone."""
    case = selectors.get_criminal_case_for_user(request.user, pk)
    if move not in CASE_WORKFLOW.moves or not keeps_region(request.user, case.region_id):
        raise Http404
    return posted_move(
        request,
        case,
        move=move,
        move_forms=STAGE_FORMS,
        prefixed=True,
        perform=lambda **inputs: case_move(case=case, move=move, actor=request.user, **inputs),
        page=lambda bound: _case_page(request, case, bound),
    )
