"""Pages of the registers, which grow by the hundred thousand over the years."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from . import search

# Nobody pages through more (forty pages of fifty): beyond, the list says "more than" and the
# filters narrow it. The same as a common search's (core.search.COMMON), so that a list says
# one "more than" whatever narrowed it; a count reads at most this many rows (issue 27).
COUNT_CAP = search.COMMON


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP rows (`SELECT COUNT(*) FROM (... LIMIT COUNT_CAP + 1)`): the
    full count of a filtered million is the dearest query of a list page and tells the
    reader nothing the first pages do not. `capped` says there are more than the pages shown.
    The count drops the list's order: sorting the rows counted would cost more than counting them.
    A search already known to match more than core.search.COMMON rows (`known_common`) is not
    counted at all: the list says "more than COMMON" and asks for a narrower search."""

    @cached_property
    def cap(self) -> int:
        return search.COMMON if search.known_common(self.object_list) else COUNT_CAP

    @cached_property
    def _counted(self) -> int:
        if search.known_common(self.object_list):
            return self.cap + 1
        return self.object_list.order_by()[: COUNT_CAP + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @property
    def capped(self) -> bool:
        return self._counted > self.cap


def filtered(request, form_class, register):
    """A register as its reader filtered it: the filter form bound to the query string and the
    records `register(**criteria)` selects (every record within reach while the form is not
    valid: a filter it cannot read narrows nothing)."""
    form = form_class(request.GET or None)
    return form, register(**(form.cleaned_data if form.is_valid() else {}))


def filtered_page(request, form_class, register, page_size: int) -> tuple[dict, list]:
    """A register's list page: the context of its filter form, the page asked for and the
    query string without the page (for the pager's and the export's links), and the rows."""
    form, records = filtered(request, form_class, register)
    page = CappedPaginator(records, page_size).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"form": form, "page": page, "query": query.urlencode()}, page.object_list
