"""Pages of the International Council at the Supreme Court (IR 7.29). Reading: the IR's staff
and the leadership; writing: the IR's staff; decisions by whoever gives the IR's instructions;
404 otherwise."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.forms import moves_with_forms, posted_move, service_result
from courtadmin.core.history import record_history
from courtadmin.instructions.forms import GiveForm
from courtadmin.instructions.permissions import may_give
from courtadmin.org.models import Department

from ..forms.council import MOVE_FORMS, CouncillorForm, MeetingForm
from ..models import Councillor, Meeting
from ..permissions import is_ir_staff, require_ir_access, require_ir_staff
from ..selectors import council as selectors
from ..services import council as services


def meeting_list(request):
    """The Council: its members serving today and its meetings."""
    require_ir_access(request.user)
    context = {
        "members": selectors.council_members(request.user),
        "meetings": selectors.meeting_register(request.user)[:100],
        "may_write": is_ir_staff(request.user),
    }
    return render(request, "international/meeting_list.html", context)


@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk=None):
    require_ir_staff(request.user)
    meeting = selectors.get_meeting_for_user(request.user, pk) if pk else Meeting()
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST":
        done, meeting = service_result(form, lambda: services.meeting_save(actor=request.user, meeting=form.instance))
        if done:
            messages.success(request, _("The meeting is saved."))
            return redirect(meeting)
    return render(request, "international/meeting_form.html", {"form": form, "meeting": meeting})


def meeting_detail(request, pk, bound=None):
    meeting = selectors.get_meeting_for_user(request.user, pk)
    context = {
        "meeting": meeting,
        "decisions": selectors.meeting_decisions(meeting),
        "moves": moves_with_forms(
            services.MEETING_WORKFLOW.moves_open_to(meeting, request.user), MOVE_FORMS, bound or {}
        ),
        "may_write": is_ir_staff(request.user) and meeting.status == Meeting.Status.PLANNED,
        "may_decide": meeting.status == Meeting.Status.HELD and bool(may_give(request.user, Department.IR)),
        "history": record_history(meeting),
    }
    return render(request, "international/meeting_detail.html", context)


@require_POST
def meeting_move(request, pk, move):
    meeting = selectors.get_meeting_for_user(request.user, pk)
    require_ir_staff(request.user)
    return posted_move(
        request,
        meeting,
        move=move,
        move_forms=MOVE_FORMS,
        perform=lambda **inputs: services.meeting_move(meeting=meeting, move=move, actor=request.user, **inputs),
        page=lambda bound: meeting_detail(request, pk, bound=bound),
    )


@require_http_methods(["GET", "POST"])
def meeting_decision(request, pk):
    """A decision of a held meeting, assigned through the instructions register (IR 7.29)."""
    meeting = selectors.get_meeting_for_user(request.user, pk)
    giving = may_give(request.user, Department.IR)
    if meeting.status != Meeting.Status.HELD or not giving:
        raise Http404
    form = GiveForm(request.POST or None, givings={Department.IR: giving})
    if request.method == "POST":
        done, _decision = service_result(
            form, lambda: services.decision_give(actor=request.user, meeting=meeting, **form.inputs())
        )
        if done:
            messages.success(request, _("The decision is assigned."))
            return redirect(meeting)
    return render(request, "international/meeting_decision.html", {"form": form, "meeting": meeting})


@require_http_methods(["GET", "POST"])
def councillor_edit(request, pk=None):
    require_ir_staff(request.user)
    councillor = selectors.get_councillor_for_user(request.user, pk) if pk else Councillor()
    form = CouncillorForm(request.POST or None, instance=councillor)
    if request.method == "POST":
        done, _saved = service_result(
            form, lambda: services.councillor_save(actor=request.user, councillor=form.instance)
        )
        if done:
            messages.success(request, _("The member is saved."))
            return redirect("international:meeting-list")
    return render(request, "international/councillor_form.html", {"form": form, "councillor": councillor})
