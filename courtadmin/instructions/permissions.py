"""Who may give an instruction, and to whom (issue 20, item 3). One place answers it, with the
clause and a code for the refusal; the services, the forms and the pages ask it.

- The Chairman and the leadership of the Court Administration give instructions to a
  department they reach (IR 11; ISD 7: the ISD only from the Chairman and the Head, never
  from a deputy head of the Court Administration), to any of its staff.
- The head of a department, or whoever replaces him (the department's signer of the day,
  IR 13, ISD 15, as for a resolution on a letter), to his own staff (IR 11, ISD 9); the ISD
  head also to the staff of the territorial ISD units, binding on them (ISD 5.12, ISD 9).
- An executor who heads a unit splits an instruction he received into instructions to the
  people below him: the head (or his replacement) as above; a deputy head of a department to
  its staff (IR 11: the deputies organise and control the staff's execution); the head of a
  territorial ISD unit to his unit. A child's term is never later than its parent's.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _

from courtadmin.org.authority import CA_LEADERSHIP_KINDS, department_access, person_of, signing_authority
from courtadmin.org.models import Department, Position, Unit

NOBODY = Q(pk__in=[])


@dataclass(frozen=True)
class Giving:
    """May someone give an instruction, with the clause and, if not, why (a code for tests and
    the field it is shown beside); `executors` filters the accounts he may name."""

    allowed: bool
    clause: str
    reason: str = ""
    code: str = ""
    executors: Q = NOBODY

    def __bool__(self) -> bool:
        return self.allowed


def _department_clause(department: str) -> str:
    return "ISD 9" if department == Department.ISD else "IR 11"


def _staff_of_head(user, department: str) -> Q:
    """The head's own staff (his department's structural unit), and, for the ISD head, the
    staff of the territorial ISD units (ISD 5.12)."""
    staff = Q(person__position__unit__department=department, person__position__unit__kind=Unit.Kind.STRUCTURAL)
    if department == Department.ISD:
        staff |= Q(person__position__unit__kind=Unit.Kind.TERRITORIAL_ISD)
    return staff & ~Q(pk=user.pk)


def may_give(user, department: str) -> Giving:
    """An instruction of one's own to `department` (not split from another)."""
    person = person_of(user)
    position = person.position if person is not None else None
    if position is None:
        return Giving(False, "", _("Only the leadership or the department's head gives instructions."), "not_giver")
    if position.kind in CA_LEADERSHIP_KINDS:
        access = department_access(user, department)
        if not access:
            # ISD 7: the ISD takes instructions from the Chairman and the Head alone.
            return Giving(
                False,
                "ISD 7",
                _("The department reports only to the Chairman and the Head of the Court Administration."),
                "not_reporting",
            )
        return Giving(True, access.clause or _department_clause(department), executors=_members(department))
    if signing_authority(person, department):
        return Giving(True, _department_clause(department), executors=_staff_of_head(user, department))
    return Giving(
        False,
        _department_clause(department),
        _("Only the leadership, the department's head or whoever replaces him gives instructions."),
        "not_giver",
    )


def _members(department: str) -> Q:
    return Q(person__position__unit__department=department)


def may_split(user, parent) -> Giving:
    """An instruction split from `parent` by one of its executors to the people below him."""
    if not parent.executors.filter(user_id=user.pk).exists():
        return Giving(False, "", _("Only an executor of an instruction splits it."), "not_executor")
    if not parent.is_running:
        return Giving(False, "", _("Only an instruction on execution is split."), "parent_not_running")
    person = person_of(user)
    position = person.position if person is not None else None
    department = parent.department
    if position is not None and signing_authority(person, department):
        return Giving(True, _department_clause(department), executors=_staff_of_head(user, department))
    if position is not None and position.unit.department == department:
        unit = Q(person__position__unit_id=position.unit_id) & ~Q(pk=user.pk)
        if position.kind == Position.Kind.DEPUTY and position.unit.kind == Unit.Kind.STRUCTURAL:
            return Giving(
                True,
                "IR 11" if department == Department.IR else "ISD 11",
                executors=unit & Q(person__position__kind=Position.Kind.STAFF),
            )
        if position.kind == Position.Kind.HEAD and position.unit.kind == Unit.Kind.TERRITORIAL_ISD:
            return Giving(True, "ISD 5.12", executors=unit)
    return Giving(False, "", _("Nobody stands below you to split this instruction to."), "nobody_below")


def executor_candidates(giving: Giving):
    """The active accounts a giver may name, by name."""
    return (
        get_user_model()
        .objects.filter(giving.executors, is_active=True, person__position__isnull=False)
        .select_related("person")
        .order_by("person__full_name", "pk")
    )


def givable_departments(user) -> list[str]:
    """The departments `user` gives instructions of his own to (the form's choices)."""
    from courtadmin.org import departments

    return [code for code in departments.codes() if may_give(user, code)]
