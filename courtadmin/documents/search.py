"""Search (courtadmin/core/search.py): documents the reader may read, by registration number
or subject (a part of it, or its words in any form: core.fulltext)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from courtadmin.core.search import SearchSource, first_hits
from courtadmin.core.work import WorkItem

from .selectors import documents_visible_to


def _documents(user, text: str, limit: int):
    return first_hits(
        documents_visible_to(user),
        ("-created_at", "-pk"),
        limit,
        lambda d: WorkItem(
            f"{d.registration_number or d.kind_label}: {d.subject}",
            d.get_absolute_url(),
            d.get_status_display(),
            quote=d.subject,
        ),
        Q(registration_number__icontains=text) | Q(subject__icontains=text),
        prose=["subject"],
        text=text,
    )


SOURCES = (SearchSource("documents", gettext_lazy("Documents"), _documents, order=10),)
