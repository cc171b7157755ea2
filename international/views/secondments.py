"""Pages of the judges in international bodies (IR 7.3). Reading: the IR's staff and the
leadership; writing: the IR's staff; 404 otherwise."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import posted_on_page, service_result
from courtadmin.core.history import record_history

from ..export import secondments_workbook
from ..forms.secondments import SecondmentFilterForm, SecondmentForm, SecondmentReportForm, SupportForm
from ..models import Secondment
from ..permissions import is_ir_staff, require_ir_access, require_ir_staff
from ..selectors import secondments as selectors
from ..services import secondments as services
from .trips import _page


def secondment_list(request):
    require_ir_access(request.user)
    form = SecondmentFilterForm(request.GET or None)
    context = _page(request, selectors.secondment_register(request.user, form.filters()), form)
    return render(request, "international/secondment_list.html", context)


def secondment_export(request):
    require_ir_access(request.user)
    secondments = selectors.secondment_register(request.user, SecondmentFilterForm(request.GET or None).filters())
    return xlsx_response(secondments_workbook(secondments), "judges-in-international-bodies.xlsx")


@require_http_methods(["GET", "POST"])
def secondment_edit(request, pk=None):
    require_ir_staff(request.user)
    secondment = selectors.get_secondment_for_user(request.user, pk) if pk else Secondment()
    form = SecondmentForm(request.POST or None, instance=secondment)
    if request.method == "POST":
        done, secondment = service_result(
            form, lambda: services.secondment_save(actor=request.user, secondment=form.instance)
        )
        if done:
            messages.success(request, _("The judge's work in the body is saved."))
            return redirect(secondment)
    return render(request, "international/secondment_form.html", {"form": form, "secondment": secondment})


def secondment_detail(request, pk, support_form=None, report_form=None):
    secondment = selectors.get_secondment_for_user(request.user, pk)
    may_write = is_ir_staff(request.user)
    context = {
        "secondment": secondment,
        **selectors.secondment_parts(secondment),
        "may_write": may_write,
        "support_form": (support_form or SupportForm()) if may_write else None,
        "report_form": (report_form or SecondmentReportForm()) if may_write else None,
        "history": record_history(secondment),
    }
    return render(request, "international/secondment_detail.html", context)


@require_POST
def secondment_support_add(request, pk):
    secondment = selectors.get_secondment_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = SupportForm(request.POST)
    return posted_on_page(
        request,
        secondment,
        form,
        lambda: services.support_add(actor=request.user, secondment=secondment, **form.cleaned_data),
        _("The support is recorded."),
        lambda form: secondment_detail(request, pk, support_form=form),
    )


@require_POST
def secondment_report_add(request, pk):
    secondment = selectors.get_secondment_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = SecondmentReportForm(request.POST, request.FILES)
    return posted_on_page(
        request,
        secondment,
        form,
        lambda: services.report_add(actor=request.user, secondment=secondment, upload=form.cleaned_data["file"]),
        _("The report is attached."),
        lambda form: secondment_detail(request, pk, report_form=form),
    )


def secondment_report_download(request, pk, report_pk):
    return stored_file_response(selectors.get_report_for_user(request.user, pk, report_pk))
