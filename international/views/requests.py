"""Pages of the legal-assistance registry (IR 7.22, IR 7.27)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import flash_errors, posted_on_page, service_result
from courtadmin.core.pagination import CappedPaginator

from .. import workflow
from ..export import figures_workbook, registry_workbook
from ..forms.requests import (
    CheckForm,
    CourtLetterForm,
    MoveForm,
    PartyFormSet,
    RegistryFilterForm,
    RequestFileForm,
    RequestForm,
    parties_of,
)
from ..models import LegalAssistanceRequest, Subject
from ..permissions import is_ir_staff, require_ir_access, require_ir_staff
from ..selectors import requests as selectors
from ..selectors.requests import request_checklist
from ..services import requests as services
from ..workflow import MOVES, moves_open_to

PAGE_SIZE = 50

ROW = (
    '<tr class="request-row"><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
    "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"
)


def _due(row, overdue: str) -> str:
    if row.execution_due_on is None:
        return ""
    due = date_format(row.execution_due_on, "SHORT_DATE_FORMAT")
    return format_html('{} <span class="badge text-bg-danger">{}</span>', due, overdue) if row.is_overdue else due


def request_rows(rows):
    """The <tr> of each row of selectors.registry_page(), written in Python as Django's admin
    writes its changelist rows: a template node per cell cost about 10 ms for a page of 50
    requests on a million, a fifth of the page's time budget (docs/benchmarks.md, `la_list`).
    The same cells as the table's header in request_list.html, every value escaped by format_html."""
    # The labels once per page: get_FOO_display() rebuilds the whole choice list at every call.
    directions = {"incoming": gettext("incoming"), "outgoing": gettext("outgoing")}
    subjects, statuses = dict(Subject.choices), dict(LegalAssistanceRequest.Status.choices)
    overdue = gettext("overdue")
    return format_html_join(
        "",
        ROW,
        (
            (
                reverse("international:request-detail", args=[row.pk]),
                row.registration_number,
                date_format(row.received_on, "SHORT_DATE_FORMAT"),
                directions[row.direction],
                subjects[row.subject],
                row.country,
                row.case_number,
                row.court or "—",
                statuses[row.status],
                _due(row, overdue),
                str(row.officer),
            )
            for row in rows
        ),
    )


def request_list(request):
    require_ir_access(request.user)
    form = RegistryFilterForm(request.GET or None)
    page = CappedPaginator(selectors.registry(request.user, form.filters()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    rows = selectors.registry_page(page.object_list)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "rows_html": request_rows(rows),
        "query": query.urlencode(),
        "may_register": is_ir_staff(request.user),
    }
    return render(request, "international/request_list.html", context)


def request_export(request):
    require_ir_access(request.user)
    filters = RegistryFilterForm(request.GET or None).filters()
    return xlsx_response(registry_workbook(selectors.registry(request.user, filters)), "legal-assistance.xlsx")


def request_figures(request):
    form = RegistryFilterForm(request.GET or None)
    context = {
        "form": form,
        "figures": selectors.figures(request.user, form.filters()),
        "query": request.GET.urlencode(),
    }
    return render(request, "international/request_figures.html", context)


def request_figures_export(request):
    filters = RegistryFilterForm(request.GET or None).filters()
    return xlsx_response(figures_workbook(selectors.figures(request.user, filters)), "legal-assistance-figures.xlsx")


@require_http_methods(["GET", "POST"])
def request_edit(request, pk=None):
    require_ir_staff(request.user)
    if pk is None:
        instance = LegalAssistanceRequest(
            officer=request.user, registration_number=selectors.next_registration_number()
        )
    else:
        instance = selectors.get_request_for_user(request.user, pk)
        if instance.status not in services.EDITABLE:
            raise Http404
    data = request.POST if request.method == "POST" else None
    form = RequestForm(data, instance=instance)
    formset = PartyFormSet(data, instance=instance, prefix="parties")
    if request.method == "POST":
        parties_valid = formset.is_valid()
        done, saved = service_result(
            form,
            lambda: (
                services.request_save(
                    actor=request.user,
                    request=form.instance,
                    parties=parties_of(formset),
                    related_numbers=form.cleaned_data["related_numbers"],
                    confirm_treaty=form.cleaned_data["confirm_treaty"],
                )
                if parties_valid
                else None
            ),
        )
        if done and saved is not None:
            messages.success(request, _("The request is registered.") if pk is None else _("The request is saved."))
            return redirect(saved)
    context = {"form": form, "formset": formset, "object": instance if pk else None}
    return render(request, "international/request_form.html", context)


def request_detail(request, pk, file_form=None, move_form=None):
    """The request's page; a form posted from it that was refused comes back as typed, with
    the reasons beside its fields (`file_form`, or a move's `move_form` by its prefix)."""
    context = selectors.request_page(request.user, pk)
    la_request = context["la_request"]
    moves = moves_open_to(la_request, request.user)
    letters = {letter.move: letter.document for letter in context["letters"]}
    context.update(
        {
            "checklist": request_checklist(la_request),
            "moves": [
                {
                    "move": move,
                    "letter": letters.get(move.name) if move.letter else None,
                    "form": move_form
                    if move_form is not None and move_form.prefix == move.name
                    else MoveForm(prefix=move.name),
                }
                for move in moves
                if move.name != "check"
            ],
            "may_check": any(move.name == "check" for move in moves),
            "may_edit": is_ir_staff(request.user) and la_request.status in services.EDITABLE,
            "suggestion": selectors.court_suggested(la_request) if moves else None,
            "court_form": CourtLetterForm(initial={"court": la_request.court_id}),
            "file_form": file_form or RequestFileForm(),
        }
    )
    if context["suggestion"] and not la_request.court_id:
        context["court_form"] = CourtLetterForm(initial={"court": context["suggestion"].court.pk})
    return render(request, "international/request_detail.html", context)


@require_http_methods(["GET", "POST"])
def request_check(request, pk):
    """IR 7.22: the officer checks the request against its treaty basis, item by item."""
    require_ir_staff(request.user)
    context = selectors.request_page(request.user, pk)
    la_request = context["la_request"]
    items = request_checklist(la_request)
    form = CheckForm(request.POST or None, items=items)
    if request.method == "POST":
        done, _moved = service_result(
            form,
            lambda: workflow.request_move(
                request=la_request, move="check", actor=request.user, confirmed=form.cleaned_data["confirmed"]
            ),
        )
        if done:
            messages.success(request, _("The request is checked."))
            return redirect(la_request)
    context.update({"checklist": items, "form": form})
    return render(request, "international/request_check.html", context)


@require_POST
def request_move(request, pk, move):
    la_request = selectors.get_request_for_user(request.user, pk)
    if move not in MOVES or move == "check":
        raise Http404
    require_ir_staff(request.user)
    form = MoveForm(request.POST, prefix=move)
    return posted_on_page(
        request,
        la_request,
        form,
        lambda: workflow.request_move(
            request=la_request,
            move=move,
            actor=request.user,
            on=form.cleaned_data["on"],
            reason=form.cleaned_data["reason"],
        ),
        _("Done: %(move)s.") % {"move": MOVES[move].label},
        lambda form: request_detail(request, pk, move_form=form),
    )


@require_POST
def request_letter(request, pk, move):
    """Prepare the cover letter for a move and open its draft (IR 13 names its signer)."""
    la_request = selectors.get_request_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = CourtLetterForm(request.POST) if move == "forward_to_court" else MoveForm(request.POST)
    done, document = service_result(
        form,
        lambda: services.request_letter_prepare(
            actor=request.user, request=la_request, move=move, court=form.cleaned_data.get("court")
        ),
    )
    if not done:
        flash_errors(request, form)
        return redirect(la_request)
    return redirect(document)


@require_POST
def request_file_add(request, pk):
    la_request = selectors.get_request_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = RequestFileForm(request.POST, request.FILES)
    done, _file = service_result(
        form,
        lambda: services.request_file_add(
            actor=request.user,
            request=la_request,
            upload=form.cleaned_data["file"],
            kind=form.cleaned_data["kind"],
            language=form.cleaned_data["language"],
            certified=form.cleaned_data["certified"],
        ),
    )
    if not done:
        return request_detail(request, pk, file_form=form)
    messages.success(request, _("The file is attached."))
    return redirect(la_request)


def request_file_download(request, pk, file_pk):
    return stored_file_response(selectors.get_request_file_for_user(request.user, pk, file_pk))
