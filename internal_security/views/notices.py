"""Pages of the notices under ISD 13: for the ISD head and deputy and those who file them;
404 for anyone else."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered, filtered_page

from ..export import notices_workbook
from ..forms.complaints import AttachmentForm
from ..forms.notices import NOTICE_FORMS, NoticeFilterForm, NoticeForm
from ..models import StaffNotice
from ..permissions import files_staff_notices, reads_staff_notices
from ..selectors import notices as selectors
from ..services import notices as services
from ..workflow import NOTICE_WORKFLOW, notice_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_staff_notices(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.notice_register(request.user, **criteria)


def notice_list(request):
    _require_reader(request.user)
    context, notices = filtered_page(request, NoticeFilterForm, _register(request), PAGE_SIZE)
    context |= {"notices": notices, "may_file": files_staff_notices(request.user)}
    return render(request, "internal_security/notice_list.html", context)


def notice_export(request):
    _require_reader(request.user)
    _form, notices = filtered(request, NoticeFilterForm, _register(request))
    read_record(user=request.user, obj=StaffNotice, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(notices_workbook(notices), "isd-13-notices.xlsx")


@require_http_methods(["GET", "POST"])
def notice_create(request):
    if not files_staff_notices(request.user):
        raise Http404
    form = NoticeForm(request.POST or None, instance=StaffNotice())
    if request.method == "POST":
        done, notice = service_result(form, lambda: services.notice_file(actor=request.user, notice=form.instance))
        if done:
            messages.success(request, _("The decision is entered; attach its materials and notify the ISD head."))
            return redirect(notice)
    return render(request, "internal_security/notice_form.html", {"form": form})


def _notice_page(request, notice, bound=None, material_form=None):
    may_attach = files_staff_notices(request.user) and notice.status in (
        StaffNotice.Status.PREPARED,
        StaffNotice.Status.NOTIFIED,
    )
    context = {
        "notice": notice,
        "materials": list(notice.materials.select_related("uploaded_by__person")),
        "material_form": (material_form or AttachmentForm()) if may_attach else None,
        "moves": moves_with_forms(NOTICE_WORKFLOW.moves_open_to(notice, request.user), NOTICE_FORMS, bound or {}),
        "history": record_history(notice),
    }
    return render(request, "internal_security/notice_detail.html", context)


def notice_detail(request, pk):
    notice = selectors.get_notice_for_user(request.user, pk)
    read_record(user=request.user, obj=notice)
    return _notice_page(request, notice)


@require_POST
def notice_move_view(request, pk, move):
    notice = selectors.get_notice_for_user(request.user, pk)
    if move not in NOTICE_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        notice,
        move=move,
        move_forms=NOTICE_FORMS,
        perform=lambda **inputs: notice_move(notice=notice, move=move, actor=request.user, **inputs),
        page=lambda bound: _notice_page(request, notice, bound),
    )


@require_POST
def notice_file_add(request, pk):
    notice = selectors.get_notice_for_user(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    done, _material = service_result(
        form, lambda: services.notice_material_add(actor=request.user, notice=notice, upload=form.cleaned_data["file"])
    )
    if not done:
        return _notice_page(request, notice, material_form=form)
    messages.success(request, _("The file is attached."))
    return redirect(notice)


def notice_file_download(request, pk, file_pk):
    material = selectors.get_notice_material_for_user(request.user, pk, file_pk)
    read_record(user=request.user, obj=material.notice, action="download", label=material.original_name)
    return stored_file_response(material)
