""" "My work" (courtadmin/core/work.py): the instructions I execute that are running, the ones I
lead first, by due date, a panel a department (built only for those who may open it, ISD 7);
and the final reports waiting for my acceptance; each counted up to core.work.COUNT_CAP."""

from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.work import WorkItem, WorkPanel, counted
from courtadmin.org.models import Department

from .selectors import awaiting_my_acceptance, my_instructions


def _line(instruction, note: str, overdue: bool) -> WorkItem:
    quote = Truncator(instruction.text).chars(80)
    return WorkItem(
        f"{instruction.registration_number} · {quote}", instruction.get_absolute_url(), note, overdue, quote=quote
    )


def _executed_by_me(department: str):
    def items(user, limit: int) -> tuple[list[WorkItem], int]:
        mine = my_instructions(user).filter(department=department)
        total = counted(mine)
        if not total:
            return [], 0
        today = timezone.localdate()
        lines = [
            _line(
                instruction,
                _("due %(date)s") % {"date": date_format(instruction.due_on, "SHORT_DATE_FORMAT")},
                instruction.due_on < today,
            )
            for instruction in mine[:limit]
        ]
        return lines, total

    return items


def _to_accept(user, limit: int) -> tuple[list[WorkItem], int]:
    total = counted(awaiting_my_acceptance(user))
    if not total:
        return [], 0
    lines = [
        _line(
            instruction,
            _("reported %(date)s") % {"date": date_format(instruction.reported_on, "SHORT_DATE_FORMAT")},
            instruction.reported_on > instruction.due_on,
        )
        for instruction in awaiting_my_acceptance(user)[:limit]
    ]
    return lines, total


def _accepts(user) -> bool:
    """Only those who gave something wait for reports."""
    return awaiting_my_acceptance(user).exists()


ALL = reverse_lazy("instructions:instruction-list")
PANELS = (
    WorkPanel(
        "instructions-ir",
        gettext_lazy("Instructions I execute: international relations"),
        gettext_lazy("No instruction is on execution with you."),
        _executed_by_me(Department.IR),
        order=46,
        department=Department.IR,
        all_url=ALL,
    ),
    WorkPanel(
        "instructions-isd",
        gettext_lazy("Instructions I execute: internal security"),
        gettext_lazy("No instruction is on execution with you."),
        _executed_by_me(Department.ISD),
        order=46,
        department=Department.ISD,
        all_url=ALL,
    ),
    WorkPanel(
        "instructions-to-accept",
        gettext_lazy("Reports on my instructions waiting for acceptance"),
        gettext_lazy("No report waits for your acceptance."),
        _to_accept,
        order=44,
        shown_to=_accepts,
    ),
)
