"""Pages of complaints about corruption (ISD 6.23) and the ISD in figures (issue 7.6): within the
reader's reach (ISD 7), 404 outside it; every opening and download goes to the read log."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import YearForm, flash_errors, posted_on_page, service_result
from courtadmin.core.pagination import CappedPaginator
from courtadmin.core.receipts import receipt_response
from courtadmin.org.authority import live_grant

from .. import workflow
from ..export import complaints_workbook
from ..forms.complaints import (
    AssignForm,
    AttachmentForm,
    ComplaintCorrectionForm,
    ComplaintFilterForm,
    ComplaintForm,
    ConflictForm,
    ExtendForm,
    HandOverForm,
    MoveForm,
)
from ..models import Complaint, ComplaintGrant
from ..permissions import isd_position, may_read_figures, may_work_on, require_isd_access
from ..selectors import complaints as selectors
from ..services import complaints as services
from ..workflow import MOVES

LIST_PAGE_SIZE = 50


def _filter_form(request):
    return ComplaintFilterForm(request.GET or None, officers=selectors.isd_officers())


def complaint_list(request):
    """Issue 7.6: the complaints within the reader's reach, filtered, 50 a page."""
    require_isd_access(request.user)
    form = _filter_form(request)
    page = CappedPaginator(selectors.complaint_registry(request.user, form.filters()), LIST_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "complaints": page.object_list,
        "query": query.urlencode(),
        "may_register": isd_position(request.user) is not None,
        "may_read_figures": may_read_figures(request.user),
    }
    return render(request, "internal_security/complaint_list.html", context)


def complaint_export(request):
    """The same rows as the list, as XLSX; the export itself goes to the read log."""
    require_isd_access(request.user)
    complaints = selectors.complaint_registry(request.user, _filter_form(request).filters())
    content = complaints_workbook(complaints)
    read_record(user=request.user, obj=Complaint, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(content, "complaints.xlsx")


def complaint_figures(request):
    """Issue 7.6: the ISD in figures for a year, for its head and the leadership (ISD 7)."""
    form = YearForm(request.GET or None)
    year = form.year_or(timezone.localdate().year)
    context = {**selectors.isd_figures(request.user, year), "months": range(1, 13), "form": form}
    return render(request, "internal_security/complaint_figures.html", context)


@require_http_methods(["GET", "POST"])
def complaint_create(request):
    """ISD 6.23, АППК art. 64: an appeal is registered the day it arrives, never refused."""
    if isd_position(request.user) is None:
        raise Http404
    form = ComplaintForm(request.POST or None, instance=Complaint())
    if request.method == "POST":
        done, complaint = service_result(
            form, lambda: services.complaint_register(actor=request.user, complaint=form.instance)
        )
        if done:
            messages.success(
                request,
                _("Registered under No. %(number)s: give this number to the applicant.") % {"number": complaint.number},
            )
            # Need-to-know (ISD 7): until the head assigns it, the registrar may not reach it.
            if selectors.complaints_visible_to(request.user).filter(pk=complaint.pk).exists():
                return redirect(complaint)
            return redirect("internal_security:complaint-list")
    return render(request, "internal_security/complaint_form.html", {"form": form})


def complaint_detail(request, pk, **bound):
    """The complaint's page; `bound` holds a form posted from it that was refused, shown again
    with what was typed and the reasons beside its fields (a move's form by its move's name)."""
    context = selectors.complaint_page(request.user, pk)
    complaint = context["complaint"]
    read_record(user=request.user, obj=complaint)
    moves = workflow.moves_open_to(complaint, request.user)
    refused = bound.pop("move_form", None)
    context.update(
        {
            "moves": moves,
            "attachment_form": AttachmentForm() if may_work_on(request.user, complaint) else None,
            "move_forms": [
                (
                    move,
                    refused if refused is not None and refused.prefix == move.name else MoveForm(prefix=move.name),
                )
                for move in moves
            ],
            "assign_form": AssignForm(officers=selectors.isd_officers()) if context["may_manage"] else None,
            "hand_over_form": _hand_over_form(complaint) if context["may_manage"] and context["grants"] else None,
            "may_correct": may_work_on(request.user, complaint) and complaint.closed_on is None,
            "conflict_form": ConflictForm(),
            "extend_form": ExtendForm(),
            **bound,
        }
    )
    return render(request, "internal_security/complaint_detail.html", context)


@require_POST
def complaint_move(request, pk, move):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    if move not in MOVES or move == "assign":
        raise Http404
    form = MoveForm(request.POST, prefix=move)
    return posted_on_page(
        request,
        complaint,
        form,
        lambda: workflow.complaint_move(
            complaint=complaint,
            move=move,
            actor=request.user,
            reason=form.cleaned_data["reason"],
            forwarded_to=form.cleaned_data["forwarded_to"],
            decision=form.cleaned_data["decision"],
        ),
        _("Done: %(move)s.") % {"move": MOVES[move].label},
        lambda form: complaint_detail(request, pk, move_form=form),
    )


@require_POST
def complaint_assign(request, pk):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    form = AssignForm(request.POST, officers=selectors.isd_officers())
    return posted_on_page(
        request,
        complaint,
        form,
        lambda: services.complaint_assign(
            actor=request.user,
            complaint=complaint,
            officers=form.cleaned_data["officers"],
            valid_until=form.cleaned_data["valid_until"],
        ),
        _("The officers are assigned."),
        lambda form: complaint_detail(request, pk, assign_form=form),
    )


@require_POST
def complaint_conflict(request, pk):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    form = ConflictForm(request.POST)
    done, _conflict = service_result(
        form,
        lambda: services.complaint_conflict_declare(
            actor=request.user, complaint=complaint, reason=form.cleaned_data["reason"]
        ),
    )
    if not done:
        return complaint_detail(request, pk, conflict_form=form)
    messages.success(request, _("Your conflict of interest is recorded; the complaint is no longer open to you."))
    return redirect("internal_security:complaint-list")


@require_POST
def complaint_extend(request, pk):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    form = ExtendForm(request.POST)
    return posted_on_page(
        request,
        complaint,
        form,
        lambda: services.complaint_term_extend(
            actor=request.user, complaint=complaint, to=form.cleaned_data["to"], decision=form.cleaned_data["decision"]
        ),
        _("The term is extended; the notice to the applicant is due in 3 working days."),
        lambda form: complaint_detail(request, pk, extend_form=form),
    )


@require_POST
def complaint_answer(request, pk):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    form = MoveForm(request.POST)
    done, document = service_result(
        form, lambda: services.complaint_answer_prepare(actor=request.user, complaint=complaint)
    )
    if not done:
        flash_errors(request, form)
        return redirect(complaint)
    return redirect(document)


@require_POST
def complaint_file_add(request, pk):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    done, _attachment = service_result(
        form,
        lambda: services.complaint_attachment_add(
            actor=request.user, complaint=complaint, upload=form.cleaned_data["file"]
        ),
    )
    if not done:
        return complaint_detail(request, pk, attachment_form=form)
    messages.success(request, _("The file is attached."))
    return redirect("internal_security:complaint-detail", pk=complaint.pk)


def complaint_file_download(request, pk, file_pk):
    attachment = selectors.get_complaint_attachment_for_user(request.user, pk, file_pk)
    read_record(user=request.user, obj=attachment.complaint, action="download", label=attachment.original_name)
    return stored_file_response(attachment)


def complaint_receipt(request, pk):
    """The applicant's receipt (талон) of the complaint, in its language, to print."""
    complaint = selectors.get_complaint_for_user(request.user, pk)
    read_record(user=request.user, obj=complaint)
    return receipt_response(request, lambda c: selectors.complaint_receipt(request.user, c), complaint)


@require_http_methods(["GET", "POST"])
def complaint_update(request, pk):
    """A registered complaint corrected by the ISD head, deputy or its officers, with the reason
    kept in its history (ISD 6.23); the applicant's identity only by those who see it."""
    complaint = selectors.get_complaint_for_user(request.user, pk)
    if not may_work_on(request.user, complaint):
        raise Http404
    form = ComplaintCorrectionForm(
        request.POST or None, instance=complaint, corrected=services.corrected_fields(request.user, complaint)
    )
    if request.method == "POST":
        done, _complaint = service_result(
            form,
            lambda: services.complaint_correct(
                actor=request.user, complaint=form.instance, reason=form.cleaned_data["reason"]
            ),
        )
        if done:
            messages.success(request, _("The complaint is corrected; the reason is in its history."))
            return redirect(complaint)
    return render(request, "internal_security/complaint_form.html", {"form": form, "correcting": complaint})


def _hand_over_form(complaint, data=None):
    assigned = selectors.isd_officers().filter(
        pk__in=ComplaintGrant.objects.filter(content_object=complaint).filter(live_grant()).values("user")
    )
    return HandOverForm(data, assigned=assigned, officers=selectors.isd_officers())


@require_POST
def complaint_hand_over(request, pk):
    """The ISD head or deputy hands the complaint from one officer to another, saying why."""
    complaint = selectors.get_complaint_for_user(request.user, pk)
    form = _hand_over_form(complaint, request.POST)
    return posted_on_page(
        request,
        complaint,
        form,
        lambda: services.complaint_hand_over(actor=request.user, complaint=complaint, **form.cleaned_data),
        _("The complaint is handed over."),
        lambda form: complaint_detail(request, pk, hand_over_form=form),
    )
