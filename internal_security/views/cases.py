"""Pages of the criminal-case registry (ISD 6.16): the ISD reads every entry, a territorial
ISD unit keeps its region's; 404 for anyone else (ISD 7)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import CappedPaginator

from ..export import cases_workbook
from ..forms.cases import CaseFilterForm, CriminalCaseForm
from ..models import CriminalCase
from ..permissions import case_keeping_region, require_isd_access
from ..selectors import cases as selectors
from ..selectors.complaints import complaints_visible_to
from ..selectors.investigations import investigations_visible_to
from ..services import cases as services

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
        "keeping_region": case_keeping_region(request.user),
    }
    return render(request, "internal_security/case_list.html", context)


def case_export(request):
    """The same rows as the list, as XLSX, written to the read log (issue 7.6)."""
    require_isd_access(request.user)
    _form, cases = _cases(request)
    content = cases_workbook(cases)
    read_record(user=request.user, obj=CriminalCase, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(content, "criminal-cases.xlsx")


@require_http_methods(["GET", "POST"])
def case_edit(request, pk=None):
    region = case_keeping_region(request.user)
    case = selectors.get_criminal_case_for_user(request.user, pk) if pk else CriminalCase()
    if region is None or (pk and case.region_id != region.pk):
        raise Http404
    form = CriminalCaseForm(request.POST or None, instance=case)
    if request.method == "POST":
        done, saved = service_result(
            form,
            lambda: services.criminal_case_save(
                actor=request.user,
                case=form.instance,
                complaint_numbers=form.cleaned_data["complaint_numbers"],
                investigation_numbers=form.cleaned_data["investigation_numbers"],
            ),
        )
        if done:
            messages.success(request, _("The criminal case is saved."))
            return redirect(saved)
    return render(request, "internal_security/case_form.html", {"form": form, "case": case, "region": region})


def case_detail(request, pk):
    case = selectors.get_criminal_case_for_user(request.user, pk)
    read_record(user=request.user, obj=case)
    region = case_keeping_region(request.user)
    context = {
        "case": case,
        "may_edit": region is not None and region.pk == case.region_id,
        # Linked records are shown only as far as the reader reaches them (ISD 7).
        "complaints": list(complaints_visible_to(request.user).filter(criminalcase=case)),
        "investigations": list(investigations_visible_to(request.user).filter(criminalcase=case)),
        "history": record_history(case),
    }
    return render(request, "internal_security/case_detail.html", context)
