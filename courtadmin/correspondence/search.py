"""Search (courtadmin/core/search.py): incoming letters within the reader's reach (ISD 7), by
registration number, sender, sender's number or subject (a part of any)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from courtadmin.core.search import SearchSource, first_hits
from courtadmin.core.work import WorkItem

from .selectors import letters_visible_to


def _letters(user, text: str, limit: int):
    return first_hits(
        letters_visible_to(user),
        ("-year", "-number", "-pk"),  # the journal's order, which its index keeps
        limit,
        lambda letter: WorkItem(
            f"{letter.registration_number} ({letter.department}): {letter.sender_name}, {letter.subject}",
            letter.get_absolute_url(),
            letter.get_status_display(),
            quote=f"{letter.sender_name}, {letter.subject}",
        ),
        Q(registration_number__icontains=text)
        | Q(sender_name__icontains=text)
        | Q(sender_number__icontains=text)
        | Q(subject__icontains=text),
    )


SOURCES = (SearchSource("letters", gettext_lazy("Incoming letters"), _letters, order=15),)
