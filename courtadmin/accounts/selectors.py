"""Reads about accounts: who must use a second factor, which devices and sessions a user has."""

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from courtadmin.org.authority import person_of

from .models import PortalSession


def user_roles(user) -> set[str]:
    """The names SECOND_FACTOR_REQUIRED_FOR speaks of: the position's kind ("chairman",
    "ca_head", "head", ...), the department of the unit ("isd", "ir"), "keeper" for the
    personnel office that keeps the organisation, and "administrator"."""
    roles = set()
    if user.is_superuser or user.is_staff:
        roles.add("administrator")
    person = person_of(user)
    if person is not None and person.position is not None:
        roles.add(person.position.kind)
        if person.position.keeps_organisation:
            roles.add("keeper")
        if person.position.unit.department:
            roles.add(person.position.unit.department.lower())
    return roles


def second_factor_required(user) -> bool:
    """The second factor is compulsory for the roles the setting lists (while enforced)."""
    if not settings.SECOND_FACTOR_ENFORCED:
        return False
    return bool(user_roles(user) & set(settings.SECOND_FACTOR_REQUIRED_FOR))


def authenticator_of(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if he has enrolled one."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(user) -> int:
    device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    return device.token_set.count() if device else 0


def sessions_of(user):
    """The user's live sessions, the most recently active first."""
    return PortalSession.objects.filter(user=user, expire_date__gt=timezone.now()).order_by("-last_seen_at")


def get_session_for_user(user, public_id: str) -> PortalSession:
    """One of the user's own sessions by its public id; anybody else's answers 404."""
    for session in sessions_of(user):
        if session.public_id == public_id:
            return session
    raise Http404


def sign_in_failures_from(address: str | None) -> int:
    """Failed sign-ins from `address` over any accounts within the lockout's cool-off."""
    from courtadmin.audit.models import AuditEvent

    if not address:
        return 0
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AuditEvent.objects.filter(action="auth.login_failed", ip_address=address, at__gte=since).count()


def address_throttled(address: str | None) -> bool:
    """Too many failed sign-ins from this address: it waits for the cool-off (a spray is slowed)."""
    return sign_in_failures_from(address) >= settings.SIGN_IN_ADDRESS_FAILURE_LIMIT
