"""Pages of the anti-corruption programmes (ISD 6.12): for the central ISD and those it
reports to; 404 for anyone else."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import posted_move, rows_with_moves, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered, filtered_page

from ..export import programmes_workbook
from ..forms.plans import CONTROL_FORMS
from ..forms.programmes import ProgrammeFilterForm, ProgrammeForm, ProgrammeItemForm
from ..models import Programme
from ..permissions import isd_position, reads_central
from ..selectors import programmes as selectors
from ..services import programmes as services
from ..workflow import PROGRAMME_ITEM_WORKFLOW, programme_item_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_central(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.programme_register(request.user, **criteria)


def programme_list(request):
    _require_reader(request.user)
    context, programmes = filtered_page(request, ProgrammeFilterForm, _register(request), PAGE_SIZE)
    context |= {"programmes": programmes, "may_add": isd_position(request.user) is not None}
    return render(request, "internal_security/programme_list.html", context)


def programme_export(request):
    """Every item of the programmes chosen, with its executor, term and report."""
    _require_reader(request.user)
    _form, programmes = filtered(request, ProgrammeFilterForm, _register(request))
    read_record(user=request.user, obj=Programme, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(programmes_workbook(programmes), "isd-programmes.xlsx")


@require_http_methods(["GET", "POST"])
def programme_create(request):
    if isd_position(request.user) is None:
        raise Http404
    form = ProgrammeForm(request.POST or None, instance=Programme())
    if request.method == "POST":
        done, programme = service_result(
            form, lambda: services.programme_add(actor=request.user, programme=form.instance)
        )
        if done:
            messages.success(request, _("The programme is recorded."))
            return redirect(programme)
    return render(request, "internal_security/programme_form.html", {"form": form})


def _programme_page(request, programme, bound=None, item_form=None, bound_row=None):
    rows = rows_with_moves(
        PROGRAMME_ITEM_WORKFLOW,
        programme.items.all(),
        request.user,
        CONTROL_FORMS,
        prefix="item",
        bound=bound,
        bound_row=bound_row,
    )
    context = {
        "programme": programme,
        "rows": rows,
        "item_form": (item_form or ProgrammeItemForm()) if isd_position(request.user) is not None else None,
        "history": record_history(programme),
    }
    return render(request, "internal_security/programme_detail.html", context)


def programme_detail(request, pk):
    programme = selectors.get_programme_for_user(request.user, pk)
    read_record(user=request.user, obj=programme)
    return _programme_page(request, programme)


@require_POST
def programme_item_add(request, pk):
    programme = selectors.get_programme_for_user(request.user, pk)
    form = ProgrammeItemForm(request.POST)
    done, _item = service_result(
        form, lambda: services.programme_item_add(actor=request.user, programme=programme, item=form.instance)
    )
    if not done:
        return _programme_page(request, programme, item_form=form)
    messages.success(request, _("The item is under control."))
    return redirect(programme)


@require_POST
def programme_item_move_view(request, pk, item_pk, move):
    item = selectors.get_programme_item_for_user(request.user, pk, item_pk)
    if move not in PROGRAMME_ITEM_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        item,
        move=move,
        move_forms=CONTROL_FORMS,
        perform=lambda **inputs: programme_item_move(item=item, move=move, actor=request.user, **inputs),
        page=lambda bound: _programme_page(request, item.programme, bound, bound_row=item.pk),
        prefixed=f"item{item.pk}",
    )
