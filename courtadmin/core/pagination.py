"""Pages of the registers, which grow by the hundred thousand over the years."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

# Nobody pages through more: beyond, the list says "more than" and the filters narrow it.
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP rows (`SELECT COUNT(*) FROM (... LIMIT COUNT_CAP + 1)`): the
    full count of a filtered million is the dearest query of a list page and tells the
    reader nothing the first pages do not. `capped` says there are more than the pages shown.
    The count drops the list's order: sorting the rows counted would cost more than counting them."""

    @cached_property
    def _counted(self) -> int:
        return self.object_list.order_by()[: COUNT_CAP + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, COUNT_CAP)

    @property
    def capped(self) -> bool:
        return self._counted > COUNT_CAP
