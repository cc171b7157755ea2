"""Pages of the passes and service IDs (ISD 5.5, 6.6): every one for the central ISD and those
it reports to, a region's for its territorial unit; 404 for anyone else."""

from functools import partial

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered, filtered_page
from courtadmin.org.models import Department, Person

from ..export import passes_workbook
from ..forms.passes import PASS_FORMS, PassFilterForm, PassForm
from ..models import AccessPass
from ..permissions import is_isd_manager, keeps_region, reads_registers
from ..selectors import passes as selectors
from ..selectors.buildings import buildings_visible_to
from ..services import passes as services
from ..workflow import PASS_WORKFLOW, pass_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _filters(request):
    return partial(PassFilterForm, buildings=buildings_visible_to(request.user).order_by("region__name", "court"))


def _register(request):
    return lambda **criteria: selectors.pass_register(request.user, **criteria)


def pass_list(request):
    _require_reader(request.user)
    context, passes = filtered_page(request, _filters(request), _register(request), PAGE_SIZE)
    context |= {"passes": passes, "may_add": keeps_region(request.user)}
    return render(request, "internal_security/pass_list.html", context)


def pass_export(request):
    _require_reader(request.user)
    _form, passes = filtered(request, _filters(request), _register(request))
    read_record(user=request.user, obj=AccessPass, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(passes_workbook(passes), "isd-passes.xlsx")


@require_http_methods(["GET", "POST"])
def pass_create(request):
    """Issue a pass; from a building's page, to that building (ISD 6.6)."""
    if not keeps_region(request.user):
        raise Http404
    buildings = buildings_visible_to(request.user).order_by("region__name", "court")
    officers = Person.objects.none()
    if is_isd_manager(request.user):  # who issues service IDs (ISD 5.5)
        officers = Person.objects.filter(position__unit__department=Department.ISD).order_by("full_name")
    initial = {"kind": AccessPass.Kind.PERMANENT}
    building = request.GET.get("building", "")
    if building.isdigit():
        initial["building"] = buildings.filter(pk=building).first()
    form = PassForm(
        request.POST or None, instance=AccessPass(), buildings=buildings, officers=officers, initial=initial
    )
    if request.method == "POST":
        done, access_pass = service_result(
            form, lambda: services.pass_issue(actor=request.user, access_pass=form.instance)
        )
        if done:
            messages.success(request, _("The pass is issued."))
            return redirect(access_pass)
    return render(request, "internal_security/pass_form.html", {"form": form})


def _pass_page(request, access_pass, bound=None):
    context = {
        "access_pass": access_pass,
        "moves": moves_with_forms(PASS_WORKFLOW.moves_open_to(access_pass, request.user), PASS_FORMS, bound or {}),
        "history": record_history(access_pass),
    }
    return render(request, "internal_security/pass_detail.html", context)


def pass_detail(request, pk):
    access_pass = selectors.get_pass_for_user(request.user, pk)
    read_record(user=request.user, obj=access_pass)
    return _pass_page(request, access_pass)


@require_POST
def pass_move_view(request, pk, move):
    access_pass = selectors.get_pass_for_user(request.user, pk)
    if move not in PASS_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        access_pass,
        move=move,
        move_forms=PASS_FORMS,
        perform=lambda **inputs: pass_move(access_pass=access_pass, move=move, actor=request.user, **inputs),
        page=lambda bound: _pass_page(request, access_pass, bound),
    )
