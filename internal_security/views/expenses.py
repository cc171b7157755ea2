"""Pages of the security spending proposals (ISD 6.8): every one for the central ISD and those
it reports to, a region's for its territorial unit; 404 for anyone else. The list carries the
totals of what it shows."""

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

from ..export import expenses_workbook
from ..forms.complaints import AttachmentForm
from ..forms.expenses import EXPENSE_FORMS, ExpenseFilterForm, ExpenseForm
from ..models import SpendingProposal
from ..permissions import keeps_region, reads_registers
from ..selectors import expenses as selectors
from ..selectors.buildings import buildings_visible_to
from ..services import expenses as services
from ..workflow import EXPENSE_WORKFLOW, expense_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.expense_register(request.user, **criteria)


def expense_list(request):
    _require_reader(request.user)
    context, proposals = filtered_page(request, ExpenseFilterForm, _register(request), PAGE_SIZE)
    _form, chosen = filtered(request, ExpenseFilterForm, _register(request))
    context |= {
        "proposals": proposals,
        "totals": selectors.expense_totals(chosen),
        "may_add": keeps_region(request.user),
    }
    return render(request, "internal_security/expense_list.html", context)


def expense_export(request):
    _require_reader(request.user)
    _form, proposals = filtered(request, ExpenseFilterForm, _register(request))
    read_record(user=request.user, obj=SpendingProposal, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(expenses_workbook(proposals), "isd-security-spending.xlsx")


@require_http_methods(["GET", "POST"])
def expense_create(request):
    if not keeps_region(request.user):
        raise Http404
    buildings = buildings_visible_to(request.user).order_by("region__name", "court")
    form = ExpenseForm(request.POST or None, instance=SpendingProposal(), buildings=buildings)
    if request.method == "POST":
        done, proposal = service_result(form, lambda: services.expense_add(actor=request.user, proposal=form.instance))
        if done:
            messages.success(request, _("The proposal is drafted: attach its technical specification."))
            return redirect(proposal)
    return render(request, "internal_security/expense_form.html", {"form": form})


def _expense_page(request, proposal, bound=None, file_form=None):
    drafting = proposal.status == SpendingProposal.Status.DRAFTED and keeps_region(request.user, proposal.region_id)
    context = {
        "proposal": proposal,
        "files": list(proposal.specifications.select_related("uploaded_by__person")),
        "file_form": (file_form or AttachmentForm()) if drafting else None,
        "moves": moves_with_forms(EXPENSE_WORKFLOW.moves_open_to(proposal, request.user), EXPENSE_FORMS, bound or {}),
        "history": record_history(proposal),
    }
    return render(request, "internal_security/expense_detail.html", context)


def expense_detail(request, pk):
    proposal = selectors.get_expense_for_user(request.user, pk)
    read_record(user=request.user, obj=proposal)
    return _expense_page(request, proposal)


@require_POST
def expense_move_view(request, pk, move):
    proposal = selectors.get_expense_for_user(request.user, pk)
    if move not in EXPENSE_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        proposal,
        move=move,
        move_forms=EXPENSE_FORMS,
        perform=lambda **inputs: expense_move(proposal=proposal, move=move, actor=request.user, **inputs),
        page=lambda bound: _expense_page(request, proposal, bound),
    )


@require_POST
def expense_file_add(request, pk):
    proposal = selectors.get_expense_for_user(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    done, _stored = service_result(
        form,
        lambda: services.specification_add(actor=request.user, proposal=proposal, upload=form.cleaned_data["file"]),
    )
    if not done:
        return _expense_page(request, proposal, file_form=form)
    messages.success(request, _("The file is attached."))
    return redirect(proposal)


def expense_file_download(request, pk, file_pk):
    stored = selectors.get_specification_for_user(request.user, pk, file_pk)
    read_record(user=request.user, obj=stored.proposal, action="download", label=stored.original_name)
    return stored_file_response(stored)
