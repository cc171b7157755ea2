"""Search (courtadmin/core/search.py): requests within the reader's reach (ISD 7), the requested
side's included, by registration number or subject (a part of either)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from courtadmin.core.search import SearchSource, first_hits
from courtadmin.core.work import WorkItem

from .selectors import requests_visible_to


def _requests(user, text: str, limit: int):
    return first_hits(
        requests_visible_to(user).select_related("unit"),
        ("-drafted_at", "-pk"),
        limit,
        lambda data_request: WorkItem(
            f"{data_request} ({data_request.department}): {data_request.unit}, {data_request.subject}",
            data_request.get_absolute_url(),
            data_request.get_status_display(),
            quote=data_request.subject,
        ),
        Q(registration_number__icontains=text) | Q(subject__icontains=text),
    )


SOURCES = (SearchSource("datarequests", gettext_lazy("Requests for documents"), _requests, order=16),)
