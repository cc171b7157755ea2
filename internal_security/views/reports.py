"""Pages of the territorial units' periodic reports (ISD 5.12, 6.18): every unit's for the
central ISD and those it reports to, a unit's own for that unit; 404 for anyone else."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered, filtered_page

from ..export import reports_workbook
from ..forms.complaints import AttachmentForm
from ..forms.reports import REPORT_FORMS, CallForm, ReportFilterForm, ReportingFormForm
from ..models import ReportingForm, UnitReport
from ..permissions import is_isd_manager, reads_registers, unit_region
from ..selectors import reports as selectors
from ..services import reports as services
from ..workflow import REPORT_WORKFLOW, report_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.report_register(request.user, **criteria)


def report_list(request, call_form=None, form_form=None):
    _require_reader(request.user)
    context, reports = filtered_page(request, ReportFilterForm, _register(request), PAGE_SIZE)
    manages = is_isd_manager(request.user)
    context |= {
        "reports": reports,
        "forms": list(selectors.reporting_forms()) if manages else [],
        "call_form": (call_form or CallForm()) if manages else None,
        "form_form": (form_form or ReportingFormForm()) if manages else None,
    }
    return render(request, "internal_security/report_list.html", context)


def report_export(request):
    _require_reader(request.user)
    _form, reports = filtered(request, ReportFilterForm, _register(request))
    read_record(user=request.user, obj=UnitReport, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(reports_workbook(reports), "isd-unit-reports.xlsx")


@require_POST
def report_form_add(request):
    if not is_isd_manager(request.user):
        raise Http404
    form = ReportingFormForm(request.POST, instance=ReportingForm())
    done, _added = service_result(form, lambda: services.reporting_form_add(actor=request.user, form=form.instance))
    if not done:
        return report_list(request, form_form=form)
    messages.success(request, _("The form of report is added."))
    return redirect("internal_security:report-list")


@require_POST
def report_call(request):
    if not is_isd_manager(request.user):
        raise Http404
    form = CallForm(request.POST)
    done, called = service_result(form, lambda: services.reports_call(actor=request.user, **form.cleaned_data))
    if not done:
        return report_list(request, call_form=form)
    count = len(called)
    messages.success(
        request,
        ngettext("%(count)s unit is called to report.", "%(count)s units are called to report.", count)
        % {"count": count},
    )
    return redirect("internal_security:report-list")


def _report_page(request, report, bound=None, file_form=None):
    own = unit_region(request.user)
    may_attach = own is not None and own.pk == report.region_id and report.status in selectors.OPEN
    context = {
        "report": report,
        "files": list(report.files.select_related("uploaded_by__person")),
        "file_form": (file_form or AttachmentForm()) if may_attach else None,
        "moves": moves_with_forms(REPORT_WORKFLOW.moves_open_to(report, request.user), REPORT_FORMS, bound or {}),
        "history": record_history(report),
    }
    return render(request, "internal_security/report_detail.html", context)


def report_detail(request, pk):
    report = selectors.get_report_for_user(request.user, pk)
    read_record(user=request.user, obj=report)
    return _report_page(request, report)


@require_POST
def report_move_view(request, pk, move):
    report = selectors.get_report_for_user(request.user, pk)
    if move not in REPORT_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        report,
        move=move,
        move_forms=REPORT_FORMS,
        perform=lambda **inputs: report_move(report=report, move=move, actor=request.user, **inputs),
        page=lambda bound: _report_page(request, report, bound),
    )


@require_POST
def report_file_add(request, pk):
    report = selectors.get_report_for_user(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    done, _stored = service_result(
        form, lambda: services.report_file_add(actor=request.user, report=report, upload=form.cleaned_data["file"])
    )
    if not done:
        return _report_page(request, report, file_form=form)
    messages.success(request, _("The file is attached."))
    return redirect(report)


def report_file_download(request, pk, file_pk):
    stored = selectors.get_report_file_for_user(request.user, pk, file_pk)
    read_record(user=request.user, obj=stored.report, action="download", label=stored.original_name)
    return stored_file_response(stored)
