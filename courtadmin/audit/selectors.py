from django.db.models import Q

from courtadmin.org.authority import Reach, departments_visible_to, isd_reach, person_of
from courtadmin.org.models import Department

from .models import AuditEvent


def audit_events_visible_to(user):
    """Events of departments the user may see, plus those tied to no department (ISD 7)."""
    return AuditEvent.objects.filter(department__in=["", *departments_visible_to(user)])


# The security events (ASVS 16.3): sign-in, second factor, sessions, passwords, denied access.
SECURITY_ACTION_PREFIXES = ("auth.", "second_factor.", "session.", "password.", "access.")


def may_view_security_events(user) -> bool:
    """The system administrator; and, for the ISD's own events, the ISD's head and deputy
    (the department's own people with the whole of it in reach, ISD 7)."""
    if user.is_superuser:
        return True
    person = person_of(user)
    in_isd = person is not None and person.position is not None and person.position.unit.department == Department.ISD
    return in_isd and isd_reach(user).kind is Reach.ALL


def security_events_visible_to(user):
    """Security events the user may search. The ISD's own events (about its records) are
    shown only to those ISD 7 opens the department to, a superuser being no exception."""
    if not may_view_security_events(user):
        return AuditEvent.objects.none()
    events = audit_events_visible_to(user).filter(_security_actions())
    if not user.is_superuser:
        events = events.filter(department=Department.ISD)
    return events.select_related(None).order_by("-id")


def _security_actions() -> Q:
    condition = Q()
    for prefix in SECURITY_ACTION_PREFIXES:
        condition |= Q(action__startswith=prefix)
    return condition
