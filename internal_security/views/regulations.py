"""Pages of the territorial units' regulations (ISD 9): every unit's for the central ISD and
those it reports to, a unit's own for that unit; 404 for anyone else."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.forms import moves_with_forms, posted_move, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered_page

from ..forms.regulations import REGULATION_FORMS, RegulationFilterForm, RegulationForm
from ..models import UnitRegulation
from ..permissions import keeps_region, reads_registers, unit_region
from ..selectors import regulations as selectors
from ..services import regulations as services
from ..workflow import REGULATION_WORKFLOW, regulation_move

PAGE_SIZE = 50


def regulation_list(request):
    if not reads_registers(request.user):
        raise Http404
    context, regulations = filtered_page(
        request,
        RegulationFilterForm,
        lambda **criteria: selectors.regulation_register(request.user, **criteria),
        PAGE_SIZE,
    )
    context |= {"regulations": regulations, "may_submit": keeps_region(request.user)}
    return render(request, "internal_security/regulation_list.html", context)


@require_http_methods(["GET", "POST"])
def regulation_create(request):
    if not keeps_region(request.user):
        raise Http404
    form = RegulationForm(request.POST or None, instance=UnitRegulation(), unit_region=unit_region(request.user))
    if request.method == "POST":
        done, regulation = service_result(
            form, lambda: services.regulation_submit(actor=request.user, regulation=form.instance)
        )
        if done:
            messages.success(request, _("The regulations are sent for the ISD head's agreement."))
            return redirect(regulation)
    return render(request, "internal_security/regulation_form.html", {"form": form})


def _regulation_page(request, regulation, bound=None):
    context = {
        "regulation": regulation,
        "moves": moves_with_forms(
            REGULATION_WORKFLOW.moves_open_to(regulation, request.user), REGULATION_FORMS, bound or {}
        ),
        "history": record_history(regulation),
    }
    return render(request, "internal_security/regulation_detail.html", context)


def regulation_detail(request, pk):
    regulation = selectors.get_regulation_for_user(request.user, pk)
    read_record(user=request.user, obj=regulation)
    return _regulation_page(request, regulation)


@require_POST
def regulation_move_view(request, pk, move):
    regulation = selectors.get_regulation_for_user(request.user, pk)
    if move not in REGULATION_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        regulation,
        move=move,
        move_forms=REGULATION_FORMS,
        perform=lambda **inputs: regulation_move(regulation=regulation, move=move, actor=request.user, **inputs),
        page=lambda bound: _regulation_page(request, regulation, bound),
    )
