"""Pages of requests (issue 20, item 4): the register of the departments' requests within the
reader's reach, the inbox of the requested side ("Requests to us"), the draft, the request's
page with its answer, files, moves and history. Outside reach, 404 on every page (ISD 7);
every opening, download and export of a need-to-know department's request goes to its read
log, whoever reads it (the court's user too)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_export, read_record
from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import flash_errors, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import CappedPaginator
from courtadmin.org import departments

from . import selectors, services, workflow
from .export import requests_workbook
from .forms import RequestFilterForm, RequestForm, move_form
from .models import DataRequest

PAGE_SIZE = 50


def _read(request, data_request, action: str = "open", label: str = "") -> None:
    """ISD 7: a need-to-know department's requests are read on the record."""
    if departments.department(data_request.department).need_to_know:
        read_record(user=request.user, obj=data_request, action=action, label=label)


def _register_reached(request) -> list[str]:
    reached = selectors.register_departments(request.user)
    if not reached:
        raise Http404
    return reached


def _require_inbox(request):
    unit = selectors.addressed_unit_of(request.user)
    if unit is None:
        raise Http404
    return unit


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def request_list(request):
    """The register: what the reader's departments asked."""
    reached = _register_reached(request)
    form = RequestFilterForm(request.GET or None, reached=reached)
    requests = selectors.request_register(request.user, form.filters())
    page = CappedPaginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "query": _query(request),
        "box": "register",
        "may_draft": bool(selectors.drafting_departments(request.user)),
        "has_inbox": selectors.has_inbox(request.user),
        "has_register": True,
    }
    return render(request, "datarequests/request_list.html", context)


def request_figures(request):
    """The control of the terms per addressed unit, of the register's requests filtered as on
    the list and sent within the period (at most a year; this year by default)."""
    reached = _register_reached(request)
    form = RequestFilterForm(request.GET or None, reached=reached)
    filters = form.filters()
    period = selectors.figures_period_of(filters)
    figures, totals = selectors.request_figures(selectors.request_register(request.user, filters), period)
    context = {"form": form, "query": _query(request), "period": period, "figures": figures, "totals": totals}
    return render(request, "datarequests/request_figures.html", context)


def request_inbox(request):
    """Requests to us: what was asked of the reader's unit, or of him by name."""
    _require_inbox(request)
    form = RequestFilterForm(request.GET or None, reached=departments.codes())
    requests = selectors.request_inbox(request.user, form.filters())
    page = CappedPaginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "query": _query(request),
        "box": "inbox",
        "has_inbox": True,
        "has_register": bool(selectors.register_departments(request.user)),
    }
    return render(request, "datarequests/request_list.html", context)


def _logged_export(request, filters, reached) -> None:
    read_export(
        user=request.user,
        model=DataRequest,
        reached=reached,
        department=filters.department,
        query=request.GET.urlencode(),
    )


def request_export(request):
    """The register's rows as filtered, as XLSX."""
    reached = _register_reached(request)
    filters = RequestFilterForm(request.GET or None, reached=reached).filters()
    content = requests_workbook(selectors.request_register(request.user, filters))
    _logged_export(request, filters, reached)
    return xlsx_response(content, "requests.xlsx")


def inbox_export(request):
    """The inbox's rows as filtered, as XLSX: the requests to the reader's unit alone."""
    _require_inbox(request)
    filters = RequestFilterForm(request.GET or None, reached=departments.codes()).filters()
    content = requests_workbook(selectors.request_inbox(request.user, filters))
    _logged_export(request, filters, departments.codes())
    return xlsx_response(content, "requests-to-us.xlsx")


@require_http_methods(["GET", "POST"])
def request_create(request):
    drafting = selectors.drafting_departments(request.user)
    if not drafting:
        raise Http404
    form = RequestForm(request.POST or None, instance=DataRequest(), drafting=drafting, user=request.user)
    if request.GET.get("record") and not form.is_bound and "record" in form.fields:
        form.initial["record"] = request.GET["record"]
    if request.method == "POST":
        done, created = service_result(
            form,
            lambda: services.request_draft(
                actor=request.user, request=form.instance, record=form.cleaned_data.get("record")
            ),
        )
        if done:
            messages.success(request, _("The request is drafted; the head signs and sends it."))
            return redirect(created)
    return render(request, "datarequests/request_form.html", {"form": form})


def request_detail(request, pk, refused=None):
    """The request's page; `refused` is a move's form that was refused, shown again as typed
    with the reasons beside its fields."""
    data_request = selectors.get_request_for_user(request.user, pk)
    _read(request, data_request)
    moves = workflow.moves_open_to(data_request, request.user)
    if refused is not None and refused.prefix not in {move.name for move in moves}:
        flash_errors(request, refused)  # a move no longer open to him (another made it first): said on top
    context = {
        "data_request": data_request,
        # ISD 7: the case it serves, for those who reach that case alone.
        "record": selectors.served_record(request.user, data_request),
        "files": data_request.files.select_related("uploaded_by__person"),
        "move_forms": [
            (move, refused if refused is not None and refused.prefix == move.name else move_form(move.name))
            for move in moves
        ],
        "history": record_history(data_request),
        "is_addressee_view": not selectors.register_departments(request.user),
    }
    return render(request, "datarequests/request_detail.html", context)


@require_POST
def request_move(request, pk, move):
    data_request = selectors.get_request_for_user(request.user, pk)
    if move not in workflow.MOVES:
        raise Http404
    form = move_form(move, data=request.POST, files=request.FILES)
    done, _result = service_result(
        form, lambda: workflow.request_move(request=data_request, move=move, actor=request.user, **form.inputs())
    )
    if not done:
        return request_detail(request, pk, refused=form)
    messages.success(request, _("Done: %(move)s.") % {"move": workflow.MOVES[move].label})
    return redirect(data_request)


def request_file_download(request, pk, file_pk):
    stored = selectors.get_request_file_for_user(request.user, pk, file_pk)
    _read(request, stored.request, "download", stored.original_name)
    return stored_file_response(stored)
