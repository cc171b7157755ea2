from courtadmin.org.authority import departments_visible_to

from .models import AuditEvent


def audit_events_visible_to(user):
    """Events of departments the user may see, plus those tied to no department (ISD 7)."""
    return AuditEvent.objects.filter(department__in=["", *departments_visible_to(user)])
