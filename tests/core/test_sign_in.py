"""Sign-in: every page needs a login unless public; lockout; idle and absolute session limits;
language remembered per user; sign-in events in the audit log."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courtadmin.accounts.sessions import LAST_SEEN_KEY as SESSION_LAST_SEEN_KEY
from courtadmin.accounts.sessions import STARTED_KEY as SESSION_STARTED_KEY
from courtadmin.audit.models import AuditEvent
from courtadmin.org.demo import PEOPLE
from tests.conftest import DEMO_TEST_PASSWORD


def sign_in(client, username, password=DEMO_TEST_PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7")


# SECOND_FACTOR_REQUIRED_FOR: the Chairman, the CA head, every head, every ISD user, the administrator,
# the personnel office that keeps the organisation.
SECOND_FACTOR_REQUIRED = {
    "chairman", "ca_head", "ir_head", "isd_head", "isd_deputy", "isd_officer", "isd_officer2", "isd_almaty", "sysadmin",
    "hr_keeper",
}  # fmt: skip


@pytest.mark.parametrize("username", [*PEOPLE, "sysadmin"])
def test_every_demo_account_signs_in(client, users, username):
    """GIVEN no factor enrolled yet WHEN each account signs in THEN the roles that must have a
    second factor are held at its enrolment, and the others reach their work."""
    response = sign_in(client, username)
    assert response.status_code == 302
    assert response.url == reverse("core:home")
    home = client.get(reverse("core:home"))
    if username in SECOND_FACTOR_REQUIRED:
        assert home.status_code == 302
        assert home.url.startswith(reverse("accounts:second-factor-enrol"))
    else:
        assert home.status_code == 200


def test_pages_need_a_login(client, db):
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_login_and_health_are_public(client, db, settings):
    settings.HEALTH_CHECK_CELERY = False
    assert client.get(reverse("accounts:login")).status_code == 200
    assert client.get(reverse("core:health")).status_code == 200


def test_login_page_is_kazakh_by_default_and_switches_language(client, db):
    page = client.get(reverse("accounts:login"))
    assert 'lang="kk"' in page.content.decode()
    assert "Кіру" in page.content.decode()
    client.post(reverse("core:set-language"), {"language": "ru", "next": reverse("accounts:login")})
    page = client.get(reverse("accounts:login"))
    assert 'lang="ru"' in page.content.decode()
    assert "Войти" in page.content.decode()


def test_language_is_remembered_on_the_account(client, users):
    client.force_login(users["ir_officer"])
    client.post(reverse("core:set-language"), {"language": "en", "next": "/"})
    users["ir_officer"].refresh_from_db()
    assert users["ir_officer"].language == "en"
    client.cookies.clear()
    client.force_login(users["ir_officer"])
    assert 'lang="en"' in client.get(reverse("core:home")).content.decode()


def test_language_switch_ignores_outside_redirect(client, db):
    response = client.post(reverse("core:set-language"), {"language": "ru", "next": "https://example.org/"})
    assert response.url == "/"


def test_wrong_password_is_refused_with_a_message_and_audited(client, users):
    response = sign_in(client, "ir_officer", "wrong-password-123")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].non_field_errors()
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.after == {"username": "ir_officer"}
    assert event.ip_address == "10.0.0.7"


def test_lockout_after_repeated_failures(client, users, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "ir_officer", "wrong-password-123")
    response = sign_in(client, "ir_officer")  # even the right password is refused now
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_successful_sign_in_is_audited(client, users):
    sign_in(client, "isd_head")
    event = AuditEvent.objects.get(action="auth.login")
    assert event.actor == users["isd_head"]
    assert event.ip_address == "10.0.0.7"


def _age_session(client, *, started_ago, last_seen_ago):
    session = client.session
    now = timezone.now()
    session[SESSION_STARTED_KEY] = (now - started_ago).timestamp()
    session[SESSION_LAST_SEEN_KEY] = (now - last_seen_ago).timestamp()
    session.save()


def test_session_ends_after_30_idle_minutes(client, users):
    sign_in(client, "ir_officer")
    _age_session(client, started_ago=timedelta(hours=1), last_seen_ago=timedelta(minutes=31))
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_session_survives_29_idle_minutes(client, users):
    sign_in(client, "ir_officer")
    _age_session(client, started_ago=timedelta(hours=1), last_seen_ago=timedelta(minutes=29))
    assert client.get(reverse("core:home")).status_code == 200


def test_session_ends_after_12_hours_even_when_active(client, users):
    sign_in(client, "ir_officer")
    _age_session(client, started_ago=timedelta(hours=12, minutes=1), last_seen_ago=timedelta(minutes=1))
    response = client.get(reverse("core:home"))
    assert response.status_code == 302


def test_session_key_changes_at_sign_in(client, users):
    client.get(reverse("accounts:login"))
    client.session.save()
    before = client.session.session_key
    sign_in(client, "ir_officer")
    assert client.session.session_key != before


def test_idle_timeout_is_the_cookie_age(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_ENGINE == "courtadmin.accounts.sessions"  # sessions in the database


def _session_writes(client, url) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    writes = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("UPDATE") and "session" in q["sql"]]
    return len(writes), response


def test_last_seen_is_written_at_most_once_a_minute_and_the_idle_limit_still_holds(client, users, time_machine):
    """A page within the minute writes nothing to the session (three queries fewer) and
    sends no cookie; the first page after it writes "last seen" and renews the cookie. The
    idle limit counts from that write: 30 minutes, to the minute."""
    time_machine.move_to(timezone.now(), tick=False)
    sign_in(client, "ir_officer")
    home = reverse("core:home")
    client.get(home)
    time_machine.shift(timedelta(seconds=59))
    writes, response = _session_writes(client, home)
    assert writes == 0 and settings.SESSION_COOKIE_NAME not in response.cookies
    time_machine.shift(timedelta(seconds=2))
    writes, response = _session_writes(client, home)
    assert writes == 1 and response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60
    seen = client.session[SESSION_LAST_SEEN_KEY]
    assert seen == pytest.approx(timezone.now().timestamp())
    time_machine.shift(timedelta(minutes=30, seconds=1))
    assert client.get(home).status_code == 302  # idle since the write: signed out


def test_password_needs_12_characters(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("short-pass1")
    validate_password("ұзын-құпия-сөз-2026")
