"""Pages of the hearings with heightened risk (ISD 6.5, 6.11): for the ISD's staff and those it
reports to, a region's for its territorial unit; 404 for anyone else."""

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

from ..export import hearings_workbook
from ..forms.hearings import HEARING_FORMS, HearingFilterForm, HearingForm
from ..models import HearingSecurity
from ..permissions import keeps_region, reads_registers, unit_region
from ..selectors import hearings as selectors
from ..selectors.incidents import incidents_visible_to
from ..services import hearings as services
from ..workflow import HEARING_WORKFLOW, hearing_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.hearing_register(request.user, **criteria)


def hearing_list(request):
    _require_reader(request.user)
    context, hearings = filtered_page(request, HearingFilterForm, _register(request), PAGE_SIZE)
    context |= {"hearings": hearings, "may_add": keeps_region(request.user)}
    return render(request, "internal_security/hearing_list.html", context)


def hearing_export(request):
    _require_reader(request.user)
    _form, hearings = filtered(request, HearingFilterForm, _register(request))
    read_record(user=request.user, obj=HearingSecurity, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(hearings_workbook(hearings), "isd-hearings.xlsx")


@require_http_methods(["GET", "POST"])
def hearing_create(request):
    """Plan a hearing's security; from a threat's page, it follows that threat (ISD 6.3, 6.5)."""
    if not keeps_region(request.user):
        raise Http404
    own = unit_region(request.user)
    incident = None
    incident_pk = request.GET.get("incident", "")
    if incident_pk.isdigit():
        incident = incidents_visible_to(request.user).filter(pk=incident_pk).first()
    form = HearingForm(
        request.POST or None, instance=HearingSecurity(), unit_region=own, bailiffs=selectors.bailiffs_of(own)
    )
    if request.method == "POST":
        done, hearing = service_result(
            form,
            lambda: services.hearing_plan(
                actor=request.user,
                hearing=form.instance,
                bailiffs=list(form.cleaned_data["bailiffs"]),
                incident=incident,
            ),
        )
        if done:
            messages.success(request, _("The hearing's security is planned."))
            return redirect(hearing)
    return render(request, "internal_security/hearing_form.html", {"form": form, "incident": incident})


def _hearing_page(request, hearing, bound=None):
    context = {
        "hearing": hearing,
        "bailiffs": list(hearing.bailiffs.order_by("full_name")),
        "incident": incidents_visible_to(request.user).filter(pk=hearing.incident_id).first()
        if hearing.incident_id
        else None,
        "moves": moves_with_forms(
            HEARING_WORKFLOW.moves_open_to(hearing, request.user), HEARING_FORMS, bound or {}, prefixed=True
        ),
        "history": record_history(hearing),
    }
    return render(request, "internal_security/hearing_detail.html", context)


def hearing_detail(request, pk):
    hearing = selectors.get_hearing_for_user(request.user, pk)
    read_record(user=request.user, obj=hearing)
    return _hearing_page(request, hearing)


@require_POST
def hearing_move_view(request, pk, move):
    hearing = selectors.get_hearing_for_user(request.user, pk)
    if move not in HEARING_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        hearing,
        move=move,
        move_forms=HEARING_FORMS,
        prefixed=True,
        perform=lambda **inputs: hearing_move(hearing=hearing, move=move, actor=request.user, **inputs),
        page=lambda bound: _hearing_page(request, hearing, bound),
    )
