"""Pages of instructions (issue 20, item 3): the control list within the reader's reach, its
figures per executor and per unit over a period on a page of their own, giving an
instruction (of one's own, or split from one received), the instruction's page with its
chain, reports, files and moves. Outside reach, 404 on every page (ISD 7); every opening,
download and export of an ISD instruction goes to its read log."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_export, read_record
from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import flash_errors, posted_on_page, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import CappedPaginator
from courtadmin.org import departments

from . import permissions, selectors, services, workflow
from .export import instructions_workbook
from .forms import GiveForm, InstructionFilterForm, InterimReportForm, move_form
from .models import Instruction

PAGE_SIZE = 50


def _read(request, instruction, action: str = "open", label: str = "") -> None:
    """ISD 7: a need-to-know department's instructions are read on the record."""
    if departments.department(instruction.department).need_to_know:
        read_record(user=request.user, obj=instruction, action=action, label=label)


def _reached(request) -> list[str]:
    reached = selectors.departments_of_instructions(request.user)
    if not reached:
        raise Http404
    return reached


def _givings(user) -> dict:
    return {code: permissions.may_give(user, code) for code in permissions.givable_departments(user)}


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def instruction_list(request):
    reached = _reached(request)
    form = InstructionFilterForm(request.GET or None, reached=reached)
    page = CappedPaginator(selectors.instruction_register(request.user, form.filters()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "query": _query(request),
        "may_give": bool(permissions.givable_departments(request.user)),
    }
    return render(request, "instructions/instruction_list.html", context)


def instruction_figures(request):
    """The control figures of the instructions filtered as on the list, given within the
    period (at most a year; this year by default), per executor and per unit."""
    reached = _reached(request)
    form = InstructionFilterForm(request.GET or None, reached=reached)
    filters = form.filters()
    period = selectors.figures_period_of(filters)
    context = {
        "form": form,
        "query": _query(request),
        "period": period,
        "figures": selectors.instruction_figures(request.user, filters, period),
    }
    return render(request, "instructions/instruction_figures.html", context)


def instruction_export(request):
    """The same rows as the list and the figures of their period, as XLSX; an export that may hold ISD
    instructions goes to its read log."""
    reached = _reached(request)
    filters = InstructionFilterForm(request.GET or None, reached=reached).filters()
    period = selectors.figures_period_of(filters)
    content = instructions_workbook(
        selectors.instruction_register(request.user, filters),
        selectors.instruction_figures(request.user, filters, period),
        period,
    )
    read_export(
        user=request.user,
        model=Instruction,
        reached=reached,
        department=filters.department,
        query=request.GET.urlencode(),
    )
    return xlsx_response(content, "instructions.xlsx")


def _give(request, givings, parent=None):
    form = GiveForm(request.POST or None, givings=givings, parent=parent)
    if request.method == "POST":
        done, instruction = service_result(form, lambda: services.instruction_give(actor=request.user, **form.inputs()))
        if done:
            messages.success(request, _("Given under No. %(number)s.") % {"number": instruction.registration_number})
            return redirect(instruction)
    return render(request, "instructions/instruction_form.html", {"form": form, "parent": parent})


@require_http_methods(["GET", "POST"])
def instruction_create(request):
    givings = _givings(request.user)
    if not givings:
        raise Http404
    return _give(request, givings)


@require_http_methods(["GET", "POST"])
def instruction_split(request, pk):
    """An executor who heads a unit splits the instruction to the people below him."""
    parent = selectors.get_instruction_for_user(request.user, pk)
    giving = permissions.may_split(request.user, parent)
    if not giving:
        raise Http404
    return _give(request, {parent.department: giving}, parent=parent)


def instruction_detail(request, pk, **bound):
    """The instruction's page; `bound` holds a form posted from it that was refused, shown
    again as typed with the reasons beside its fields (a move's form by its move's name)."""
    instruction = selectors.get_instruction_for_user(request.user, pk)
    _read(request, instruction)
    refused = bound.pop("move_form", None)
    moves = workflow.moves_open_to(instruction, request.user)
    if refused is not None and refused.prefix not in {move.name for move in moves}:
        flash_errors(request, refused)  # a move no longer open to him (another made it first): said on top
    executors = selectors.executors_of(instruction)
    executes = any(executor.user_id == request.user.pk for executor in executors)
    parent, children = selectors.chain_of(instruction, request.user)
    context = {
        "instruction": instruction,
        "parent": parent,
        "children": children,
        "executors": executors,
        "reports": selectors.reports_of(instruction),
        "may_report": executes and instruction.is_running,
        "may_split": executes and instruction.is_running and bool(permissions.may_split(request.user, instruction)),
        "report_form": bound.pop("report_form", None) or InterimReportForm(prefix="interim"),
        "move_forms": [
            (move, refused if refused is not None and refused.prefix == move.name else move_form(move.name))
            for move in moves
        ],
        "history": record_history(instruction),
        **bound,
    }
    return render(request, "instructions/instruction_detail.html", context)


@require_POST
def instruction_move(request, pk, move):
    instruction = selectors.get_instruction_for_user(request.user, pk)
    if move not in workflow.MOVES or not workflow.MOVES[move].sources:
        raise Http404
    form = move_form(move, data=request.POST, files=request.FILES)
    return posted_on_page(
        request,
        instruction,
        form,
        lambda: workflow.instruction_move(instruction=instruction, move=move, actor=request.user, **form.inputs()),
        _("Done: %(move)s.") % {"move": workflow.MOVES[move].label},
        lambda form: instruction_detail(request, pk, move_form=form),
    )


@require_POST
def instruction_report_add(request, pk):
    instruction = selectors.get_instruction_for_user(request.user, pk)
    if not instruction.executors.filter(user_id=request.user.pk).exists():
        raise Http404
    form = InterimReportForm(request.POST, request.FILES, prefix="interim")
    return posted_on_page(
        request,
        instruction,
        form,
        lambda: services.instruction_report_add(actor=request.user, instruction=instruction, **form.inputs()),
        _("The interim report is sent."),
        lambda form: instruction_detail(request, pk, report_form=form),
    )


def instruction_file_download(request, pk, file_pk):
    stored = selectors.get_report_file_for_user(request.user, pk, file_pk)
    _read(request, stored.report.instruction, "download", stored.original_name)
    return stored_file_response(stored)
