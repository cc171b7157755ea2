""" "My work" (courtadmin/core/work.py): the requests waiting for my unit's answer (IR 5.1,
ISD 5.6, ISD 12), the earliest due first; and the answers waiting for my acceptance, to the
requests I drafted or sent. Each panel only for those whose work it can be."""

from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.work import WorkItem, WorkPanel, counted

from .selectors import awaiting_my_acceptance, awaiting_my_answer, drafting_departments, has_inbox


def _to_answer(user, limit: int) -> tuple[list[WorkItem], int]:
    requests = awaiting_my_answer(user)
    total = counted(requests)
    if not total:
        return [], 0
    today = timezone.localdate()
    lines = [
        WorkItem(
            f"{data_request} · {data_request.subject}",
            data_request.get_absolute_url(),
            _("due %(date)s") % {"date": date_format(data_request.due_on, "SHORT_DATE_FORMAT")},
            data_request.due_on < today,
            quote=data_request.subject,
        )
        for data_request in requests[:limit]
    ]
    return lines, total


def _to_accept(user, limit: int) -> tuple[list[WorkItem], int]:
    requests = awaiting_my_acceptance(user)
    total = counted(requests)
    if not total:
        return [], 0
    lines = [
        WorkItem(
            f"{data_request} · {data_request.unit}",
            data_request.get_absolute_url(),
            _("answered %(date)s") % {"date": date_format(data_request.answered_on, "SHORT_DATE_FORMAT")},
            quote=data_request.subject,
        )
        for data_request in requests[:limit]
    ]
    return lines, total


PANELS = (
    WorkPanel(
        "requests-to-answer",
        gettext_lazy("Requests waiting for our answer"),
        gettext_lazy("No request waits for your unit's answer."),
        _to_answer,
        order=40,
        all_url=reverse_lazy("datarequests:request-inbox"),
        shown_to=has_inbox,
    ),
    WorkPanel(
        "requests-to-accept",
        gettext_lazy("Answers to our requests waiting for acceptance"),
        gettext_lazy("No answer waits for your acceptance."),
        _to_accept,
        order=41,
        all_url=reverse_lazy("datarequests:request-list"),
        shown_to=lambda user: bool(drafting_departments(user)),
    ),
)
