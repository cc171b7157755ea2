"""Writes about accounts: language, the second factor, sessions. Each one is audited."""

import hashlib
import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from courtadmin.audit.services import audit_record
from courtadmin.core.jobs import job_promise

from .models import PortalSession
from .selectors import authenticator_of, second_factor_required

RECOVERY_CODE_COUNT = 10
# 10 characters from 31 unambiguous ones: about 49 bits each, shown as "abcde-fghjk".
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_TOTP_CODE = re.compile(r"^\d{6}$")


def user_set_language(*, user, language: str) -> None:
    """Remember the user's interface language on his account."""
    if user.language == language:
        return
    with transaction.atomic():
        before = {"language": user.language}
        user.language = language
        user.save(update_fields=["language"])
        audit_record(actor=user, action="user.language", obj=user, before=before, after={"language": language})


def password_change(*, user, password: str) -> None:
    """Set a new password (validated by the form against AUTH_PASSWORD_VALIDATORS) and end
    every session opened with the old one (ASVS 7.4.3)."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        sessions_end_all(actor=user, user=user, reason="password.changed")
        audit_record(actor=user, action="password.changed", obj=user)


# --- The second factor (ASVS 6.5) ---------------------------------------------------------


def _normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def _recovery_digest(code: str) -> str:
    """Recovery codes are kept only as digests (ASVS 6.5.2); they are random, so a plain
    SHA-256 is as strong as a slow hash would be."""
    return hashlib.sha256(_normalise(code).encode()).hexdigest()[:16]


def _verify_locked(device, token: str) -> tuple[bool, object]:
    """Check a token with the device row locked, so that two requests racing with the same
    code cannot both succeed: the first moves the device's last used step (TOTP) or deletes
    the code (recovery), the second waits and then fails. The failure count that throttles
    the next attempt is committed either way."""
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return False, details
        return device.verify_token(token), None


def _throttled_error(details) -> ValidationError:
    wait = max(1, int((details["locked_until"] - timezone.now()).total_seconds()) + 1)
    return ValidationError(
        ngettext(
            "Too many wrong codes. Wait %(seconds)d second and try again.",
            "Too many wrong codes. Wait %(seconds)d seconds and try again.",
            wait,
        )
        % {"seconds": wait},
        code="throttled",
    )


def second_factor_check(*, user, code: str, purpose: str, device=None):
    """Verify a six-digit code of the user's authenticator, or one of his recovery codes.

    Each code works once (django-otp keeps the last used time step; a recovery code is
    deleted), wrong codes throttle the device, and every outcome is written to the audit
    log. `device` checks an authenticator being enrolled instead of the confirmed one.
    Returns the device that accepted the code; raises ValidationError (on "code") otherwise.
    """
    normalised = _normalise(code)
    if device is not None or _TOTP_CODE.match(normalised):
        candidate, token = device or authenticator_of(user), normalised
    else:
        candidate, token = StaticDevice.objects.filter(user=user, confirmed=True).first(), _recovery_digest(normalised)
    if candidate is not None:
        accepted, throttled = _verify_locked(candidate, token)
        if throttled:
            audit_record(actor=user, action="second_factor.throttled", obj=user, after={"purpose": purpose})
            raise ValidationError({"code": _throttled_error(throttled)})
        if accepted:
            action = (
                "second_factor.recovery_code_used" if isinstance(candidate, StaticDevice) else "second_factor.verified"
            )
            audit_record(actor=user, action=action, obj=user, after={"purpose": purpose})
            return candidate
    audit_record(actor=user, action="second_factor.failed", obj=user, after={"purpose": purpose})
    raise ValidationError(
        {"code": ValidationError(_("The code is not right, or it has been used already."), code="wrong")}
    )


def second_factor_enrolment_start(*, user) -> TOTPDevice:
    """The authenticator being enrolled: a fresh secret, unconfirmed until a code proves it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def second_factor_enrol(*, user, device: TOTPDevice, code: str, current_code: str = "") -> list[str]:
    """Confirm a new authenticator with a code from it and issue new recovery codes.

    Replacing an enrolled factor needs a code of the current one first (ASVS 6.4.3): a
    stolen session alone cannot move the factor to the thief's phone.
    Returns the recovery codes, shown once and kept only as digests.
    """
    replacing = authenticator_of(user) is not None
    if replacing:
        try:
            second_factor_check(user=user, code=current_code, purpose="change")
        except ValidationError as error:
            raise ValidationError({"current_code": error.messages}) from error
    second_factor_check(user=user, code=code, purpose="enrolment", device=device)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        codes = _issue_recovery_codes(user)
        audit_record(actor=user, action="second_factor.replaced" if replacing else "second_factor.enrolled", obj=user)
    return codes


def _issue_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = ["".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10)) for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=_recovery_digest(code)) for code in codes)
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def recovery_codes_renew(*, user, code: str) -> list[str]:
    """New recovery codes in place of the old ones, for a code of the current factor."""
    second_factor_check(user=user, code=code, purpose="recovery_codes")
    with transaction.atomic():
        codes = _issue_recovery_codes(user)
        audit_record(actor=user, action="second_factor.recovery_codes_renewed", obj=user)
    return codes


def second_factor_remove(*, user, code: str) -> None:
    """A user for whom the factor is optional turns it off, proving it with a code first."""
    if second_factor_required(user):
        raise ValidationError(
            _("Your position requires a second factor; it cannot be turned off."), code="second_factor_required"
        )
    second_factor_check(user=user, code=code, purpose="removal")
    _remove_devices(actor=user, user=user, action="second_factor.removed")


def second_factor_reset(*, actor, user) -> None:
    """The administrator clears a user's factor (a lost phone); the user enrols again at
    his next sign-in, and his open sessions end now."""
    if not actor.is_superuser:
        raise PermissionError("Only an administrator resets a second factor.")
    _remove_devices(actor=actor, user=user, action="second_factor.reset")
    sessions_end_all(actor=actor, user=user, reason="second_factor.reset")


def _remove_devices(*, actor, user, action: str) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit_record(actor=actor, action=action, obj=user)


# --- Sessions (ASVS 7.4, 7.5) ---------------------------------------------------------------


def session_end(*, actor, session) -> None:
    """End one of the actor's own sessions (a browser left signed in elsewhere)."""
    with transaction.atomic():
        audit_record(actor=actor, action="session.ended", obj=actor, after={"session": session.public_id})
        session.delete()


def sessions_end_others(*, user, keep_session_key: str) -> int:
    """End every session of the user but the one he is using."""
    with transaction.atomic():
        count, _deleted = user.portal_sessions.exclude(session_key=keep_session_key).delete()
        audit_record(actor=user, action="session.others_ended", obj=user, after={"count": count})
    return count


def sessions_clear_expired() -> int:
    """Delete the session rows past their expiry: idle past the timeout, or past the absolute
    lifetime since sign-in (beat runs it every hour). A second run finds nothing to delete."""
    now = timezone.now()
    expired = Q(expire_date__lt=now) | Q(started_at__lt=now - settings.SESSION_ABSOLUTE_LIFETIME)
    count, _deleted = PortalSession.objects.filter(expired).delete()
    return count


def sessions_end_all(*, actor, user, reason: str) -> int:
    """End every session of the user at once (account disabled, factor reset)."""
    with transaction.atomic():
        count, _deleted = user.portal_sessions.all().delete()
        if count:
            audit_record(actor=actor, action="session.all_ended", obj=user, after={"count": count, "reason": reason})
    return count


# --- What the system administrator does with accounts (the security issue) ----------------------
#
# He keeps accounts working and never becomes their user: he unlocks, disables, and sends a
# one-time link with which the user himself sets a new password. He never sets or learns a
# password, never changes the address the link goes to, and holds no position.


def _check_administrator(actor, user) -> None:
    if not actor.is_superuser:
        raise PermissionError("Only an administrator does this.")
    if actor.pk == user.pk:
        raise ValidationError(_("An administrator does not do this to his own account."), code="own_account")


RESET_LINK_JOB = "accounts.reset_link"


def account_reset(*, actor, user) -> None:
    """The old password stops working at once, every session ends, and a one-time link goes to
    the user's own address, with which he sets a new password (his second factor still asked
    at sign-in). The administrator never sees the link: it is made when the mail is sent."""
    _check_administrator(actor, user)
    if not user.email:
        raise ValidationError(_("The account has no e-mail address to send the link to."), code="no_email")
    with transaction.atomic():
        user.set_unusable_password()
        user.save(update_fields=["password"])
        sessions_end_all(actor=actor, user=user, reason="account.reset")
        audit_record(actor=actor, action="account.reset", obj=user, after={"link_sent_to": user.email})
        job_promise(RESET_LINK_JOB, f"{user.pk}:{timezone.now().isoformat()}", user_id=user.pk)


def reset_link_send(payload: dict) -> None:
    """The job of a reset: the one-time link, in the user's language, to his own address."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.tokens import default_token_generator
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = get_user_model().objects.get(pk=payload["user_id"])
    link = settings.PORTAL_URL.rstrip("/") + reverse(
        "accounts:password-reset",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
    )
    with translation.override(user.language):
        body = render_to_string("accounts/email/password_reset.txt", {"user": user, "link": link})
        subject = _("Set a new password for the court administration portal")
    send_mail(subject, body, None, [user.email])


def account_unlock(*, actor, user) -> int:
    """Lift the lockout of an account after failed sign-ins (django-axes)."""
    from axes.utils import reset

    _check_administrator(actor, user)
    count = reset(username=user.get_username())
    audit_record(actor=actor, action="account.unlocked", obj=user, after={"lockouts_cleared": count})
    return count


def account_disable(*, actor, user) -> None:
    """Disable an account: every session ends at once (signals.on_user_saved)."""
    _check_administrator(actor, user)
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        audit_record(actor=actor, action="account.disabled", obj=user, before={"is_active": True})


ACCOUNT_POWER_FIELDS = ("is_active", "is_staff", "is_superuser")


def account_powers(user) -> dict:
    """What decides what an account may do: its flags, groups and permissions."""
    if user.pk is None:
        return {}
    return {
        **{field: getattr(user, field) for field in ACCOUNT_POWER_FIELDS},
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "permissions": sorted(user.user_permissions.values_list("codename", flat=True)),
    }


def account_powers_audit(*, actor, user, before: dict) -> None:
    """One audit event for a change of an account's flags, groups or permissions."""
    after = account_powers(user)
    if after != before:
        audit_record(actor=actor, action="account.powers", obj=user, before=before or None, after=after)
