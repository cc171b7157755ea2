"""Who may do what in the IR's records (IR 1-3, IR 13). Views, services and exports ask here.

- Reading the legal-assistance registry, its figures and the catalogs: the IR's staff and
  the Court Administration's leadership (`department_access`); anyone else gets 404.
- Registering and moving requests and applications, keeping the catalogs: the IR's staff.
  The leadership reads; it does not keep the registry.
- Signing cover letters and answers: the documents module asks `signing_authority` (IR 13).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from courtadmin.org.authority import department_access, person_of
from courtadmin.org.models import Department


def require_ir_access(user) -> None:
    if not department_access(user, Department.IR):
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
