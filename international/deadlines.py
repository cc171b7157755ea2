"""The IR's terms (DOMAIN.md "International legal assistance")."""

from django.utils.translation import gettext_lazy as _

from courtadmin.deadlines.kinds import DeadlineKind
from courtadmin.org.models import Department

KINDS = [
    DeadlineKind(
        "ir.rogatory_execution",
        Department.IR,
        _("Execution of a letter rogatory"),
        _("One month from receipt by the court"),
        months=1,
        remind_before=(5, 1),
    ),
]
