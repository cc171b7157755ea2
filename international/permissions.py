"""Who may do what in the IR's records (IR 1-3, IR 13). Views, services and exports ask here.

- Reading the legal-assistance registry, its figures and the catalogs: the IR's staff and
  the Court Administration's leadership (`department_access`); anyone else gets 404.
- Registering and moving requests and applications, keeping the catalogs: the IR's staff.
  The leadership reads; it does not keep the registry.
- Signing cover letters and answers: the documents module asks `signing_authority` (IR 13).
- Work the IR assigns to another subdivision (a UN recommendation, a CEPEJ question): the
  subdivision reads that part, and nothing else of the IR (`assigned_to`, `works_on`).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from courtadmin.org.authority import department_access, person_of
from courtadmin.org.models import Department


def reads_ir(user) -> bool:
    """The IR's staff and the Court Administration's leadership read the IR's records."""
    return bool(department_access(user, Department.IR))


def require_ir_access(user) -> None:
    if not reads_ir(user):
        raise Http404


def is_ir_staff(user) -> bool:
    person = person_of(user)
    return bool(person is not None and person.position is not None and person.position.unit.department == Department.IR)


def check_ir_staff(actor) -> None:
    """For services: writing IR records is the IR's own work (IR 1-3); the leadership reads."""
    if not is_ir_staff(actor):
        raise PermissionDenied


def require_ir_staff(user) -> None:
    """Pages that write answer 404 to those who may only read (and to everyone else)."""
    if not is_ir_staff(user):
        raise Http404


# --- Work assigned to another subdivision (IR 5.1, 7.5, 7.28) ----------------------------------


def unit_outside_ir(user):
    """The subdivision whose assigned work the user does: his position's, if it is not the
    IR's own (the IR's staff read the whole of the work instead)."""
    person = person_of(user)
    position = person.position if person is not None else None
    if position is None or position.unit.department == Department.IR:
        return None
    return position.unit


def assigned_to(user) -> Q:
    """The assigned records (models.UnitAssignment) that are `user`'s subdivision's work, or
    his by name: the subdivision sees them and nothing else of the IR."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    unit = unit_outside_ir(user)
    mine = Q(executor_id=user.pk) | (Q(unit_id=unit.pk) if unit is not None else Q(pk__in=[]))
    return mine & Q(unit__isnull=False)


def works_on(user, record) -> bool:
    """Is `record`, an assigned record, the work of `user`'s subdivision or his by name?"""
    if record.unit_id is None:
        return False
    if record.executor_id == user.pk:
        return True
    unit = unit_outside_ir(user)
    return unit is not None and unit.pk == record.unit_id
