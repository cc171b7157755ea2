"""Pages of the best practice the ISD studied (ISD 6.2): for the central ISD and those it
reports to; 404 for anyone else."""

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

from ..export import practices_workbook
from ..forms.practices import PRACTICE_FORMS, PracticeFilterForm, PracticeForm
from ..models import Practice
from ..permissions import isd_position, reads_central
from ..selectors import practices as selectors
from ..services import practices as services
from ..workflow import PRACTICE_WORKFLOW, practice_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_central(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.practice_register(request.user, **criteria)


def practice_list(request):
    _require_reader(request.user)
    context, practices = filtered_page(request, PracticeFilterForm, _register(request), PAGE_SIZE)
    context |= {"practices": practices, "may_add": isd_position(request.user) is not None}
    return render(request, "internal_security/practice_list.html", context)


def practice_export(request):
    _require_reader(request.user)
    _form, practices = filtered(request, PracticeFilterForm, _register(request))
    read_record(user=request.user, obj=Practice, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(practices_workbook(practices), "isd-best-practice.xlsx")


@require_http_methods(["GET", "POST"])
def practice_create(request):
    if isd_position(request.user) is None:
        raise Http404
    form = PracticeForm(request.POST or None, instance=Practice())
    if request.method == "POST":
        done, practice = service_result(form, lambda: services.practice_add(actor=request.user, practice=form.instance))
        if done:
            messages.success(request, _("The practice is recorded."))
            return redirect(practice)
    return render(request, "internal_security/practice_form.html", {"form": form})


def _practice_page(request, practice, bound=None):
    context = {
        "practice": practice,
        "moves": moves_with_forms(
            PRACTICE_WORKFLOW.moves_open_to(practice, request.user), PRACTICE_FORMS, bound or {}, prefixed=True
        ),
        "history": record_history(practice),
    }
    return render(request, "internal_security/practice_detail.html", context)


def practice_detail(request, pk):
    practice = selectors.get_practice_for_user(request.user, pk)
    read_record(user=request.user, obj=practice)
    return _practice_page(request, practice)


@require_POST
def practice_move_view(request, pk, move):
    practice = selectors.get_practice_for_user(request.user, pk)
    if move not in PRACTICE_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        practice,
        move=move,
        move_forms=PRACTICE_FORMS,
        prefixed=True,
        perform=lambda **inputs: practice_move(practice=practice, move=move, actor=request.user, **inputs),
        page=lambda bound: _practice_page(request, practice, bound),
    )
