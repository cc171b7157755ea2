"""Pages of the meetings with the territorial units (ISD 5.11, 5.13): for the ISD's staff and
those it reports to, and for a unit taking part; 404 for anyone else."""

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

from ..export import meetings_workbook
from ..forms.complaints import AttachmentForm
from ..forms.meetings import MEETING_FORMS, MeetingFilterForm, MeetingForm
from ..models import UnitMeeting
from ..permissions import isd_position, reads_registers
from ..selectors import meetings as selectors
from ..services import meetings as services
from ..workflow import MEETING_WORKFLOW, meeting_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.meeting_register(request.user, **criteria)


def meeting_list(request):
    _require_reader(request.user)
    context, meetings = filtered_page(request, MeetingFilterForm, _register(request), PAGE_SIZE)
    context |= {"meetings": meetings, "may_plan": isd_position(request.user) is not None}
    return render(request, "internal_security/meeting_list.html", context)


def meeting_export(request):
    _require_reader(request.user)
    _form, meetings = filtered(request, MeetingFilterForm, _register(request))
    read_record(user=request.user, obj=UnitMeeting, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(meetings_workbook(meetings), "isd-meetings.xlsx")


@require_http_methods(["GET", "POST"])
def meeting_create(request):
    if isd_position(request.user) is None:
        raise Http404
    form = MeetingForm(request.POST or None, instance=UnitMeeting())
    if request.method == "POST":
        done, meeting = service_result(
            form,
            lambda: services.meeting_plan(
                actor=request.user, meeting=form.instance, regions=list(form.cleaned_data["regions"])
            ),
        )
        if done:
            messages.success(request, _("The meeting is planned."))
            return redirect(meeting)
    return render(request, "internal_security/meeting_form.html", {"form": form})


def _meeting_page(request, meeting, bound=None, file_form=None):
    may_attach = isd_position(request.user) is not None
    context = {
        "meeting": meeting,
        "regions": list(meeting.regions.order_by("name")),
        "files": list(meeting.files.select_related("uploaded_by__person")),
        "file_form": (file_form or AttachmentForm()) if may_attach else None,
        "moves": moves_with_forms(MEETING_WORKFLOW.moves_open_to(meeting, request.user), MEETING_FORMS, bound or {}),
        "history": record_history(meeting),
    }
    return render(request, "internal_security/meeting_detail.html", context)


def meeting_detail(request, pk):
    meeting = selectors.get_meeting_for_user(request.user, pk)
    read_record(user=request.user, obj=meeting)
    return _meeting_page(request, meeting)


@require_POST
def meeting_move_view(request, pk, move):
    meeting = selectors.get_meeting_for_user(request.user, pk)
    if move not in MEETING_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        meeting,
        move=move,
        move_forms=MEETING_FORMS,
        perform=lambda **inputs: meeting_move(meeting=meeting, move=move, actor=request.user, **inputs),
        page=lambda bound: _meeting_page(request, meeting, bound),
    )


@require_POST
def meeting_file_add(request, pk):
    meeting = selectors.get_meeting_for_user(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    done, _stored = service_result(
        form, lambda: services.meeting_file_add(actor=request.user, meeting=meeting, upload=form.cleaned_data["file"])
    )
    if not done:
        return _meeting_page(request, meeting, file_form=form)
    messages.success(request, _("The file is attached."))
    return redirect(meeting)


def meeting_file_download(request, pk, file_pk):
    stored = selectors.get_meeting_file_for_user(request.user, pk, file_pk)
    read_record(user=request.user, obj=stored.meeting, action="download", label=stored.original_name)
    return stored_file_response(stored)
