"""Search (courtadmin/core/search.py): the legal-assistance requests (by number, case number,
a party's name: their search text; the case and what is asked, by their words) and the
applications (by number or applicant) the reader reaches."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from courtadmin.core.search import SearchSource, first_hits
from courtadmin.core.work import WorkItem

from .selectors.applications import applications_visible_to
from .selectors.requests import requests_visible_to


def _line(record) -> WorkItem:
    return WorkItem(f"{record}", record.get_absolute_url(), record.get_status_display())


def _requests(user, text: str, limit: int):
    parts = Q(registration_number__icontains=text) | Q(search_text__contains=text.casefold())
    order = ("-received_on", "-pk")
    return first_hits(requests_visible_to(user), order, limit, _line, parts, ["case_name", "asked"], text)


def _applications(user, text: str, limit: int):
    parts = Q(number__icontains=text) | Q(applicant_name__icontains=text)
    return first_hits(applications_visible_to(user), ("-received_at", "-pk"), limit, _line, parts)


SOURCES = (
    SearchSource("ir-requests", gettext_lazy("Legal-assistance requests"), _requests, order=20),
    SearchSource("ir-applications", gettext_lazy("Applications of persons"), _applications, order=21),
)
