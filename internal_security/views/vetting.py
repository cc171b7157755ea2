"""Pages of the vetting of candidates (ISD 5.4, 5.8): for the ISD head and deputy and those
it reports to, a region's for its territorial ISD unit, and each for the officers assigned
to it; 404 for anyone else (ISD 7)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, service_flash, service_result
from courtadmin.core.pagination import filtered, filtered_page

from ..export import vettings_workbook
from ..forms.complaints import AssignForm
from ..forms.vetting import VETTING_FORMS, VettingCheckForm, VettingFilterForm, VettingForm
from ..models import VettingRequest
from ..permissions import is_isd_manager, reads_registers
from ..selectors import vetting as selectors
from ..selectors.complaints import isd_officers
from ..services import vetting as services
from ..workflow import VETTING_WORKFLOW, vetting_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.vetting_register(request.user, **criteria)


def vetting_list(request):
    _require_reader(request.user)
    context, vettings = filtered_page(request, VettingFilterForm, _register(request), PAGE_SIZE)
    context |= {"vettings": vettings, "may_register": is_isd_manager(request.user)}
    return render(request, "internal_security/vetting_list.html", context)


def vetting_export(request):
    _require_reader(request.user)
    _form, vettings = filtered(request, VettingFilterForm, _register(request))
    read_record(user=request.user, obj=VettingRequest, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(vettings_workbook(vettings), "isd-vetting.xlsx")


@require_http_methods(["GET", "POST"])
def vetting_create(request):
    if not is_isd_manager(request.user):
        raise Http404
    form = VettingForm(request.POST or None, instance=VettingRequest(), officers=isd_officers())
    if request.method == "POST":
        done, vetting = service_result(
            form,
            lambda: services.vetting_register(
                actor=request.user, vetting=form.instance, officers=list(form.cleaned_data["officers"])
            ),
        )
        if done:
            messages.success(request, _("The vetting is registered."))
            return redirect(vetting)
    return render(request, "internal_security/vetting_form.html", {"form": form})


def _vetting_page(request, vetting, bound=None, check_form=None):
    context = selectors.vetting_page(request.user, vetting)
    context |= {
        "check_form": (check_form or VettingCheckForm()) if context["may_work"] else None,
        "assign_form": AssignForm(officers=isd_officers()) if context["may_manage"] else None,
        "moves": moves_with_forms(VETTING_WORKFLOW.moves_open_to(vetting, request.user), VETTING_FORMS, bound or {}),
    }
    return render(request, "internal_security/vetting_detail.html", context)


def vetting_detail(request, pk):
    vetting = selectors.get_vetting_for_user(request.user, pk)
    read_record(user=request.user, obj=vetting)
    return _vetting_page(request, vetting)


def vetting_search(request, pk):
    """ISD 5.4: what the portal's registries hold about the candidate, each as far as the
    reader reaches it; every search is a line of the read log."""
    vetting = selectors.get_vetting_for_user(request.user, pk)
    read_record(user=request.user, obj=vetting, action="search", label=vetting.candidate)
    context = {"vetting": vetting, "found": selectors.found_on_record(request.user, vetting)}
    return render(request, "internal_security/vetting_search.html", context)


@require_POST
def vetting_assign(request, pk):
    vetting = selectors.get_vetting_for_user(request.user, pk)
    if not is_isd_manager(request.user):
        raise Http404
    form = AssignForm(request.POST, officers=isd_officers())
    service_flash(
        request,
        form,
        lambda: services.vetting_assign(actor=request.user, vetting=vetting, officers=form.cleaned_data["officers"]),
        _("The officers are assigned."),
    )
    return redirect(vetting)


@require_POST
def vetting_check_add(request, pk):
    vetting = selectors.get_vetting_for_user(request.user, pk)
    form = VettingCheckForm(request.POST)
    done, _check = service_result(
        form, lambda: services.vetting_check_add(actor=request.user, vetting=vetting, check=form.instance)
    )
    if not done:
        return _vetting_page(request, vetting, check_form=form)
    messages.success(request, _("The resource's answer is recorded."))
    return redirect(vetting)


@require_POST
def vetting_document(request, pk):
    """The draft conclusion, for the ISD head's signature (ISD 15)."""
    vetting = selectors.get_vetting_for_user(request.user, pk)
    try:
        document = services.vetting_conclusion_prepare(actor=request.user, vetting=vetting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(vetting)
    return redirect(document)


@require_POST
def vetting_move_view(request, pk, move):
    vetting = selectors.get_vetting_for_user(request.user, pk)
    if move not in VETTING_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        vetting,
        move=move,
        move_forms=VETTING_FORMS,
        perform=lambda **inputs: vetting_move(vetting=vetting, move=move, actor=request.user, **inputs),
        page=lambda bound: _vetting_page(request, vetting, bound),
    )
