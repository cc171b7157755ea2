"""Pages of the compliance controls in procurement and personnel matters (ISD 6.19, 6.20):
every one for the central ISD and those it reports to, a region's for its territorial ISD
unit; 404 for anyone else."""

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

from ..export import controls_workbook
from ..forms.controls import COMPLIANCE_FORMS, ControlFilterForm, ControlForm
from ..models import ComplianceControl
from ..permissions import keeps_region, reads_registers, unit_region
from ..selectors import controls as selectors
from ..services import controls as services
from ..workflow import CONTROL_WORKFLOW, control_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.control_register(request.user, **criteria)


def control_list(request):
    _require_reader(request.user)
    context, controls = filtered_page(request, ControlFilterForm, _register(request), PAGE_SIZE)
    context |= {"controls": controls, "may_add": keeps_region(request.user)}
    return render(request, "internal_security/control_list.html", context)


def control_export(request):
    _require_reader(request.user)
    _form, controls = filtered(request, ControlFilterForm, _register(request))
    read_record(user=request.user, obj=ComplianceControl, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(controls_workbook(controls), "isd-compliance-controls.xlsx")


@require_http_methods(["GET", "POST"])
def control_create(request):
    if not keeps_region(request.user):
        raise Http404
    form = ControlForm(request.POST or None, instance=ComplianceControl(), unit_region=unit_region(request.user))
    if request.method == "POST":
        done, control = service_result(form, lambda: services.control_open(actor=request.user, control=form.instance))
        if done:
            messages.success(request, _("The control is recorded."))
            return redirect(control)
    return render(request, "internal_security/control_form.html", {"form": form})


def _control_page(request, control, bound=None):
    context = {
        "control": control,
        "moves": moves_with_forms(CONTROL_WORKFLOW.moves_open_to(control, request.user), COMPLIANCE_FORMS, bound or {}),
        "history": record_history(control),
    }
    return render(request, "internal_security/control_detail.html", context)


def control_detail(request, pk):
    control = selectors.get_control_for_user(request.user, pk)
    read_record(user=request.user, obj=control)
    return _control_page(request, control)


@require_POST
def control_move_view(request, pk, move):
    control = selectors.get_control_for_user(request.user, pk)
    if move not in CONTROL_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        control,
        move=move,
        move_forms=COMPLIANCE_FORMS,
        perform=lambda **inputs: control_move(control=control, move=move, actor=request.user, **inputs),
        page=lambda bound: _control_page(request, control, bound),
    )
