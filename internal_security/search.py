"""Search (courtadmin/core/search.py): the complaints, official investigations and criminal
cases the reader reaches (ISD 7), by number, the person or court concerned, the words of a
complaint's summary or of what is investigated. An applicant's name is not searched: he is
hidden from all but the assigned officers and the head."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from courtadmin.core.search import SearchSource, first_hits
from courtadmin.core.work import WorkItem

from .selectors.cases import criminal_cases_visible_to
from .selectors.complaints import complaints_visible_to
from .selectors.investigations import investigations_visible_to


def _complaints(user, text: str, limit: int):
    return first_hits(
        complaints_visible_to(user),
        ("-received_on", "-pk"),
        limit,
        lambda c: WorkItem(f"{c.number}: {c.person_concerned}", c.get_absolute_url(), c.get_status_display()),
        Q(number__icontains=text) | Q(person_concerned__icontains=text) | Q(court__icontains=text),
        prose=["summary"],
        text=text,
    )


def _investigations(user, text: str, limit: int):
    return first_hits(
        investigations_visible_to(user),
        ("-instruction_date", "-pk"),
        limit,
        lambda i: WorkItem(str(i), i.get_absolute_url(), i.get_status_display()),
        Q(number__icontains=text) | Q(persons__name__icontains=text),
        prose=["subject"],
        text=text,
    )


def _cases(user, text: str, limit: int):
    return first_hits(
        criminal_cases_visible_to(user),
        ("-opened_on", "-pk"),
        limit,
        lambda c: WorkItem(f"{c.person}, {c.court}", c.get_absolute_url(), c.get_stage_display()),
        Q(person__icontains=text) | Q(court__icontains=text),
    )


SOURCES = (
    SearchSource("isd-complaints", gettext_lazy("Complaints"), _complaints, order=30),
    SearchSource("isd-investigations", gettext_lazy("Official investigations"), _investigations, order=31),
    SearchSource("isd-cases", gettext_lazy("Criminal cases"), _cases, order=32),
)
