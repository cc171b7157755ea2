"""Pages of the threats and incidents (ISD 6.3, 6.4, 6.5): each for the ISD head and deputy,
the officers granted it, the leadership and the territorial unit of its region; 404 for
anyone else (ISD 7)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, service_flash, service_result
from courtadmin.core.pagination import filtered, filtered_page

from ..export import incidents_workbook
from ..forms.complaints import AssignForm
from ..forms.incidents import INCIDENT_FORMS, IncidentFilterForm, IncidentForm, IncidentMeasureForm
from ..models import SecurityIncident
from ..permissions import is_isd_manager, reads_registers, registers_incidents, unit_region
from ..selectors import incidents as selectors
from ..selectors.complaints import isd_officers
from ..services import incidents as services
from ..workflow import INCIDENT_WORKFLOW, incident_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.incident_register(request.user, **criteria)


def incident_list(request):
    _require_reader(request.user)
    context, incidents = filtered_page(request, IncidentFilterForm, _register(request), PAGE_SIZE)
    context |= {"incidents": incidents, "may_add": registers_incidents(request.user)}
    return render(request, "internal_security/incident_list.html", context)


def incident_export(request):
    _require_reader(request.user)
    _form, incidents = filtered(request, IncidentFilterForm, _register(request))
    read_record(user=request.user, obj=SecurityIncident, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(incidents_workbook(incidents), "isd-threats-and-incidents.xlsx")


@require_http_methods(["GET", "POST"])
def incident_create(request):
    if not registers_incidents(request.user):
        raise Http404
    form = IncidentForm(request.POST or None, instance=SecurityIncident(), unit_region=unit_region(request.user))
    if request.method == "POST":
        done, incident = service_result(
            form, lambda: services.incident_register(actor=request.user, incident=form.instance)
        )
        if done:
            messages.success(request, _("The threat or incident is recorded."))
            return redirect(incident)
    return render(request, "internal_security/incident_form.html", {"form": form})


def _incident_page(request, incident, bound=None, measure_form=None):
    context = selectors.incident_page(request.user, incident)
    context |= {
        "measure_form": (measure_form or IncidentMeasureForm()) if context["may_work"] else None,
        "assign_form": AssignForm(officers=isd_officers()) if context["may_manage"] else None,
        "moves": moves_with_forms(INCIDENT_WORKFLOW.moves_open_to(incident, request.user), INCIDENT_FORMS, bound or {}),
    }
    return render(request, "internal_security/incident_detail.html", context)


def incident_detail(request, pk):
    incident = selectors.get_incident_for_user(request.user, pk)
    read_record(user=request.user, obj=incident)
    return _incident_page(request, incident)


@require_POST
def incident_assign(request, pk):
    incident = selectors.get_incident_for_user(request.user, pk)
    if not is_isd_manager(request.user):
        raise Http404
    form = AssignForm(request.POST, officers=isd_officers())
    service_flash(
        request,
        form,
        lambda: services.incident_assign(actor=request.user, incident=incident, officers=form.cleaned_data["officers"]),
        _("The officers are assigned."),
    )
    return redirect(incident)


@require_POST
def incident_measure_add(request, pk):
    incident = selectors.get_incident_for_user(request.user, pk)
    form = IncidentMeasureForm(request.POST)
    done, _measure = service_result(
        form, lambda: services.incident_measure_add(actor=request.user, incident=incident, measure=form.instance)
    )
    if not done:
        return _incident_page(request, incident, measure_form=form)
    messages.success(request, _("The measure is recorded."))
    return redirect(incident)


@require_POST
def incident_move_view(request, pk, move):
    incident = selectors.get_incident_for_user(request.user, pk)
    if move not in INCIDENT_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        incident,
        move=move,
        move_forms=INCIDENT_FORMS,
        perform=lambda **inputs: incident_move(incident=incident, move=move, actor=request.user, **inputs),
        page=lambda bound: _incident_page(request, incident, bound),
    )
