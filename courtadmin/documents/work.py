""" "My work" (courtadmin/core/work.py): the documents waiting for my visa or my signature."""

from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.work import WorkItem, WorkPanel

from . import selectors


def _waiting(user, limit: int):
    lines, total = selectors.waiting_for_me(user, limit)
    notes = {"visa": _("for your visa"), "signature": _("for your signature")}
    items = [
        WorkItem(
            f"{document.kind_label}: {document.subject}",
            document.get_absolute_url(),
            notes[why],
            quote=document.subject,
        )
        for document, why in lines
    ]
    return items, total


PANELS = (
    WorkPanel(
        "documents",
        gettext_lazy("Waiting for my visa or signature"),
        gettext_lazy("No documents are waiting for you."),
        _waiting,
        order=10,
        all_url=reverse_lazy("documents:document-list"),
    ),
)
