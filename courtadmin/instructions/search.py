"""Search (courtadmin/core/search.py): instructions within the reader's reach, by registration
number or by a part of their text."""

from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy

from courtadmin.core.search import SearchSource, first_hits
from courtadmin.core.work import WorkItem

from .selectors import instructions_visible_to


def _instructions(user, text: str, limit: int):
    def line(instruction) -> WorkItem:
        quote = Truncator(instruction.text).chars(120)
        return WorkItem(
            f"{instruction.registration_number} ({instruction.department}): {quote}",
            instruction.get_absolute_url(),
            instruction.get_status_display(),
            quote=quote,
        )

    return first_hits(
        instructions_visible_to(user),
        ("-given_at", "-pk"),
        limit,
        line,
        Q(registration_number__icontains=text) | Q(text__icontains=text),
    )


SOURCES = (SearchSource("instructions", gettext_lazy("Instructions"), _instructions, order=16),)
