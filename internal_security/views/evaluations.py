"""Pages of the ISD head's evaluations of the units' heads (ISD 9): for the ISD head and deputy
and those the ISD reports to; 404 for anyone else."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered, filtered_page

from ..export import evaluations_workbook
from ..forms.evaluations import EvaluationFilterForm, EvaluationForm
from ..models import HeadEvaluation
from ..permissions import is_isd_head, reads_evaluations
from ..selectors import evaluations as selectors
from ..services import evaluations as services

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_evaluations(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.evaluation_register(request.user, **criteria)


def evaluation_list(request):
    _require_reader(request.user)
    context, evaluations = filtered_page(request, EvaluationFilterForm, _register(request), PAGE_SIZE)
    context |= {"evaluations": evaluations, "may_evaluate": is_isd_head(request.user)}
    return render(request, "internal_security/evaluation_list.html", context)


def evaluation_export(request):
    _require_reader(request.user)
    _form, evaluations = filtered(request, EvaluationFilterForm, _register(request))
    read_record(user=request.user, obj=HeadEvaluation, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(evaluations_workbook(evaluations), "isd-evaluations.xlsx")


@require_http_methods(["GET", "POST"])
def evaluation_create(request):
    if not is_isd_head(request.user):
        raise Http404
    form = EvaluationForm(request.POST or None, instance=HeadEvaluation(year=timezone.localdate().year))
    if request.method == "POST":
        done, evaluation = service_result(
            form, lambda: services.evaluation_record(actor=request.user, evaluation=form.instance)
        )
        if done:
            messages.success(request, _("The evaluation is recorded."))
            return redirect(evaluation)
    return render(request, "internal_security/evaluation_form.html", {"form": form})


def evaluation_detail(request, pk):
    evaluation = selectors.get_evaluation_for_user(request.user, pk)
    read_record(user=request.user, obj=evaluation)
    context = {"evaluation": evaluation, "history": record_history(evaluation)}
    return render(request, "internal_security/evaluation_detail.html", context)
