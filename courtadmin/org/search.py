"""Search (courtadmin/core/search.py): the organisation's people by name, in any of their
names' languages, with their position: whom to ask, or whom a record names."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from courtadmin.core.search import SearchSource, first_rows
from courtadmin.core.work import WorkItem

from .authority import person_of
from .models import Person


def _people(user, text: str, limit: int):
    if person_of(user) is None:
        return [], False  # the staff's directory is for the staff
    found = Person.objects.filter(
        Q(full_name_kk__icontains=text) | Q(full_name_ru__icontains=text) | Q(full_name__icontains=text)
    ).select_related("position__unit")
    return first_rows(
        found.order_by("full_name", "pk"),
        limit,
        lambda p: WorkItem(str(p), "", f"{p.position.title}, {p.position.unit.name}" if p.position else ""),
    )


SOURCES = (SearchSource("people", gettext_lazy("People"), _people, order=90),)
