"""The outgoing journal (issue 20, item 7; IR 11, ISD 15): every signed letter of each
department the reader reaches, as `documents_visible_to` reaches them and never wider, with
its dispatch and the incoming letter it answers; filters, search, pages and XLSX."""

from django.http import Http404
from django.shortcuts import render

from courtadmin.audit.services import read_export
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.pagination import CappedPaginator
from courtadmin.documents.models import Document

from .. import selectors
from ..export import outgoing_workbook
from ..forms import OutgoingFilterForm

PAGE_SIZE = 50


def _reached(request) -> list[str]:
    reached = selectors.departments_of_letters(request.user)
    if not reached:
        raise Http404
    return reached


def outgoing_list(request):
    reached = _reached(request)
    form = OutgoingFilterForm(request.GET or None, reached=reached)
    page = CappedPaginator(selectors.outgoing_register(request.user, form.filters()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "correspondence/outgoing_list.html", {"form": form, "page": page, "query": query.urlencode()}
    )


def outgoing_export(request):
    """The same rows as the journal's page, as XLSX; an export that may hold a need-to-know
    department's documents goes to its read log (ISD 7)."""
    reached = _reached(request)
    filters = OutgoingFilterForm(request.GET or None, reached=reached).filters()
    content = outgoing_workbook(selectors.outgoing_register(request.user, filters))
    read_export(
        user=request.user,
        model=Document,
        reached=reached,
        department=filters.department,
        query=request.GET.urlencode(),
    )
    return xlsx_response(content, "outgoing-letters.xlsx")
