"""Security events of accounts go to the audit log with time, user and address (ASVS 16.3)."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from courtadmin.audit.services import audit_record

from . import sessions
from .middleware import SECOND_FACTOR_KEY, second_factor_state
from .services import sessions_end_all


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    audit_record(actor=user, action="auth.login", obj=user)
    if request is not None and hasattr(request, "session"):
        now = timezone.now().timestamp()
        request.session[sessions.STARTED_KEY] = now
        request.session[sessions.LAST_SEEN_KEY] = now
        request.session[sessions.ADDRESS_KEY] = request.META.get("REMOTE_ADDR")
        request.session[sessions.AGENT_KEY] = request.headers.get("User-Agent", "")[:300]
        request.session[SECOND_FACTOR_KEY] = second_factor_state(user)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(actor=user, action="auth.logout", obj=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    audit_record(actor=None, action="auth.login_failed", object_repr=username, after={"username": username})


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):
    username = str(username or "")[:150]
    audit_record(
        actor=None, action="auth.locked_out", object_repr=username, after={"username": username}, ip_address=ip_address
    )


@receiver(post_save, sender=get_user_model())
def on_user_saved(sender, instance, **kwargs):
    """A disabled account loses every open session at once, whichever path disabled it."""
    if not instance.is_active:
        sessions_end_all(actor=None, user=instance, reason="account.disabled")
