""" "My work" (courtadmin/core/work.py): the incoming letters on execution with me, the ones I
lead first, by due date, within my reach (IR 11, ISD 9). One panel a department, built only
for those who may open that department (ISD 7)."""

from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.work import WorkItem, WorkPanel, counted
from courtadmin.org.models import Department

from .selectors import my_letters, registering_departments


def _executed_by_me(department: str):
    def items(user, limit: int) -> tuple[list[WorkItem], int]:
        # None for someone of no department (the leadership), whom no resolution names
        # (executors are the department's staff).
        if not registering_departments(user):
            return [], 0
        letters = my_letters(user).filter(department=department)
        total = counted(letters)
        if not total:
            return [], 0
        today = timezone.localdate()
        lines = []
        for letter in letters[:limit]:
            due = letter.resolution.due_on
            note = _("due %(date)s") % {"date": date_format(due, "SHORT_DATE_FORMAT")}
            lines.append(
                WorkItem(
                    f"{letter.registration_number} · {letter.subject}",
                    letter.get_absolute_url(),
                    note,
                    due < today,
                    quote=letter.subject,
                )
            )
        return lines, total

    return items


PANELS = (
    WorkPanel(
        "letters-ir",
        gettext_lazy("Incoming letters I execute: international relations"),
        gettext_lazy("No incoming letter is on execution with you."),
        _executed_by_me(Department.IR),
        order=45,
        department=Department.IR,
        all_url=reverse_lazy("correspondence:letter-list"),
    ),
    WorkPanel(
        "letters-isd",
        gettext_lazy("Incoming letters I execute: internal security"),
        gettext_lazy("No incoming letter is on execution with you."),
        _executed_by_me(Department.ISD),
        order=45,
        department=Department.ISD,
        all_url=reverse_lazy("correspondence:letter-list"),
    ),
)
