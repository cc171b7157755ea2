""" "My work" (courtadmin/core/work.py): the incoming letters on execution with me, the ones I
lead first, by due date, within my reach (IR 11, ISD 9). One panel a department, built only
for those who may open that department (ISD 7)."""

from django.db.models import Count
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.work import WorkItem, WorkPanel
from courtadmin.org.models import Department

from .selectors import my_letters, registering_departments


def _counts(user) -> dict[str, int]:
    """How many letters are on execution with `user`, by department: one query for both
    panels, kept on the user object for the request; none for someone of no department (the
    leadership), whom no resolution names (executors are the department's staff)."""
    if not registering_departments(user):
        return {}
    if not hasattr(user, "_courtadmin_letters_executed"):
        rows = my_letters(user).order_by().values_list("department").annotate(count=Count("pk", distinct=True))
        user._courtadmin_letters_executed = dict(rows)
    return user._courtadmin_letters_executed


def _executed_by_me(department: str):
    def items(user, limit: int) -> tuple[list[WorkItem], int]:
        total = _counts(user).get(department, 0)
        if not total:
            return [], 0
        letters = my_letters(user).filter(department=department)
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
