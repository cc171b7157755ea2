from django.conf import settings
from django.db.models import Q
from django.http import Http404

from courtadmin.org import departments
from courtadmin.org.authority import LEADERSHIP_KINDS, Reach, departments_visible_to, person_of, records_reach
from courtadmin.org.models import Position, Unit

from .models import AuditEvent, ReadEvent


def audit_events_visible_to(user):
    """Events of departments the user may see, plus those tied to no department (ISD 7)."""
    return AuditEvent.objects.filter(department__in=["", *departments_visible_to(user)])


# The security events (ASVS 16.3): sign-in, second factor, sessions, passwords, denied access.
SECURITY_ACTION_PREFIXES = ("auth.", "second_factor.", "session.", "password.", "access.")


def _security_department(user) -> str:
    """The need-to-know department whose own security events `user` reads: its head's and
    deputy's (its own people with the whole of it in reach, ISD 7); "" for anyone else."""
    person = person_of(user)
    if person is None or person.position is None:
        return ""
    code = person.position.unit.department
    rules = departments.department(code)
    if rules is None or not rules.need_to_know or records_reach(user, code).kind is not Reach.ALL:
        return ""
    return code


def may_view_security_events(user) -> bool:
    """The system administrator; and a need-to-know department's head and deputy, for that
    department's own events."""
    return user.is_superuser or bool(_security_department(user))


def security_events_visible_to(user):
    """Security events the user may search. A need-to-know department's own events (about
    its records) are shown only to those it opens itself to, a superuser being no exception."""
    if not may_view_security_events(user):
        return AuditEvent.objects.none()
    events = audit_events_visible_to(user).filter(_security_actions())
    if not user.is_superuser:
        events = events.filter(department=_security_department(user))
    return events.select_related("actor__person").order_by("-id")


def _security_actions() -> Q:
    condition = Q()
    for prefix in SECURITY_ACTION_PREFIXES:
        condition |= Q(action__startswith=prefix)
    return condition


# --- The read log (issue 7.2) ------------------------------------------------------------


def may_view_reads(user, department: str) -> bool:
    """May `user` browse the read log of `department`?

    Issue 7.2 gives the ISD's read log to the ISD head. ISD 7: the ISD reports only to the
    Chairman and the Head of the Court Administration, so they read it too; nobody else,
    not the deputy head or staff of the ISD, not a deputy head of the Court Administration,
    and not a system administrator who holds none of these positions (a superuser is no
    exception). The IR's read log likewise goes to the IR head and the same leadership.

    "The head" is the holder of the head's position in the department's structural
    subdivision, not a territorial ISD unit's head and not a person acting for him.
    """
    if departments.department(department) is None:
        return False
    person = person_of(user)
    position = person.position if person is not None else None
    if position is None:
        return False
    if position.kind in LEADERSHIP_KINDS:
        return True
    return (
        position.kind == Position.Kind.HEAD
        and position.unit.department == department
        and position.unit.kind == Unit.Kind.STRUCTURAL
    )


def read_log_departments(user) -> list[str]:
    """The departments whose read log `user` may browse, the need-to-know ones (the ISD) first."""
    ordered = sorted(departments.registered(), key=lambda rules: not rules.need_to_know)
    return [rules.code for rules in ordered if may_view_reads(user, rules.code)]


def read_events(
    user, department: str, *, user_filter=None, action=None, record_text=None, date_from=None, date_to=None
):
    """The read log of `department`, newest first, narrowed by the criteria given (issue 7.2).

    `user_filter`: a user name (exact, any case) or part of the person's full name in any
    language; `action`: a `ReadEvent.Action`; `record_text`: part of the record's label or
    its exact id; `date_from`, `date_to`: inclusive days in the portal's time zone.
    Http404 for anyone `may_view_reads` refuses (ISD 7), so the page does not exist for them.
    """
    if not may_view_reads(user, department):
        raise Http404
    events = ReadEvent.objects.filter(department=department)
    if user_filter:
        by_name = Q(user__username__iexact=user_filter)
        for language in settings.MODELTRANSLATION_LANGUAGES:
            by_name |= Q(**{f"user__person__full_name_{language}__icontains": user_filter})
        events = events.filter(by_name)
    if action:
        events = events.filter(action=action)
    if record_text:
        events = events.filter(Q(record_label__icontains=record_text) | Q(record_id=record_text))
    if date_from:
        events = events.filter(at__date__gte=date_from)
    if date_to:
        events = events.filter(at__date__lte=date_to)
    return events.select_related("user", "user__person", "record_type").order_by("-at", "-id")
