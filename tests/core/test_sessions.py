"""Sessions (issue 3.2): kept in the database per user, a new key at sign-in, a page to see
and end one's other sessions, all of them ended when the account is disabled or the password
changes. Idle and absolute timeouts: test_sign_in."""

import pytest
from django.test import Client
from django.urls import reverse

from courtadmin.accounts.models import PortalSession
from courtadmin.audit.models import AuditEvent
from tests.conftest import DEMO_TEST_PASSWORD, mark_second_factor_given


def signed_in_browser(username, agent):
    browser = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR="10.1.1.1")
    browser.post(reverse("accounts:login"), {"username": username, "password": DEMO_TEST_PASSWORD})
    mark_second_factor_given(browser)
    return browser


def test_sign_in_issues_a_new_session_key(client, users):
    """A session fixed before sign-in (ASVS 7.2.4) is not the one the user works in."""
    anonymous = client.session
    anonymous["seen"] = True
    anonymous.save()
    before = client.cookies["sessionid"].value
    client.post(reverse("accounts:login"), {"username": "ir_officer", "password": DEMO_TEST_PASSWORD})
    after = client.cookies["sessionid"].value
    assert before and after and before != after
    assert not PortalSession.objects.filter(session_key=before).exists()


def test_each_session_is_a_row_with_its_user_browser_and_address(users):
    signed_in_browser("ir_officer", "Firefox at the office")
    signed_in_browser("ir_officer", "Chromium at home")
    rows = PortalSession.objects.filter(user=users["ir_officer"])
    assert sorted(rows.values_list("user_agent", flat=True)) == ["Chromium at home", "Firefox at the office"]
    assert set(rows.values_list("ip_address", flat=True)) == {"10.1.1.1"}


def test_a_user_sees_and_ends_his_other_session(users):
    office = signed_in_browser("ir_officer", "Firefox at the office")
    home = signed_in_browser("ir_officer", "Chromium at home")
    page = office.get(reverse("accounts:security"))
    sessions = list(page.context["sessions"])
    assert len(sessions) == 2
    other = next(session for session in sessions if session.user_agent == "Chromium at home")
    assert other.session_key not in page.content.decode()  # keys never reach a page

    office.post(reverse("accounts:session-end", args=[other.public_id]))

    assert home.get(reverse("core:home")).status_code == 302
    assert office.get(reverse("core:home")).status_code == 200
    assert AuditEvent.objects.filter(action="session.ended", actor=users["ir_officer"]).exists()


def test_the_current_session_is_not_ended_from_the_list(users):
    office = signed_in_browser("ir_officer", "Firefox")
    current = PortalSession.objects.get(session_key=office.session.session_key)
    office.post(reverse("accounts:session-end", args=[current.public_id]))
    assert office.get(reverse("core:home")).status_code == 200


def test_end_all_other_sessions(users):
    browsers = [signed_in_browser("ir_officer", f"browser {n}") for n in range(3)]
    browsers[0].post(reverse("accounts:sessions-end-others"))
    assert [browser.get(reverse("core:home")).status_code for browser in browsers] == [200, 302, 302]


def test_another_users_session_is_not_found(users):
    theirs = signed_in_browser("isd_officer", "theirs")
    mine = signed_in_browser("ir_officer", "mine")
    their_session = PortalSession.objects.get(session_key=theirs.session.session_key)
    assert mine.post(reverse("accounts:session-end", args=[their_session.public_id])).status_code == 404
    assert theirs.get(reverse("core:home")).status_code == 200


def test_disabling_an_account_ends_all_its_sessions(users):
    browsers = [signed_in_browser("ir_officer", f"browser {n}") for n in range(2)]
    user = users["ir_officer"]
    user.is_active = False
    user.save()
    assert not PortalSession.objects.filter(user=user).exists()
    assert all(browser.get(reverse("core:home")).status_code == 302 for browser in browsers)
    assert AuditEvent.objects.filter(action="session.all_ended", object_id=str(user.pk)).exists()


def test_a_new_password_ends_the_other_sessions_and_keeps_this_one(users):
    here = signed_in_browser("ir_officer", "here")
    elsewhere = signed_in_browser("ir_officer", "elsewhere")
    response = here.post(
        reverse("accounts:password-change"),
        {
            "old_password": DEMO_TEST_PASSWORD,
            "new_password1": "steppe wind over the river",
            "new_password2": "steppe wind over the river",
        },
    )
    assert response.status_code == 302
    assert here.get(reverse("core:home")).status_code == 200
    assert elsewhere.get(reverse("core:home")).status_code == 302
    assert AuditEvent.objects.filter(action="password.changed", actor=users["ir_officer"]).exists()


@pytest.mark.parametrize(
    ("password", "refused"),
    [
        ("short pass11", False),  # exactly 12 characters, no composition rules
        ("eleven char", True),  # 11 characters
        ("password1234", True),  # on Django's list of common passwords
        ("Sotakimshiligi2026", True),  # the organisation's name gives no length credit
        ("Courtadmin!!2026", True),
        ("Верховный суд 2026", True),
        ("123456789012", True),  # a sequence (zxcvbn)
        ("qwertyuiop12", True),  # a keyboard row
        ("sudadministration", True),  # words a guesser tries early
        ("kazakhstan2026!", True),  # the organisation's words are the guesser's first
        ("the court of the steppe winds", False),  # a passphrase that merely contains "court"
        ("қызғалдақ далада гүлдейді", False),  # Kazakh passphrase
    ],
)
def test_password_rules(client_for, password, refused):
    """Issue 3.3: at least 12 characters, no composition rules, common and organisation words
    refused; the security issue: sequences, keyboard rows and easily guessed words refused."""
    client = client_for("ir_officer")
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": DEMO_TEST_PASSWORD, "new_password1": password, "new_password2": password},
    )
    if refused:
        assert response.status_code == 200
        assert response.context["form"].errors["new_password2"]
    else:
        assert response.status_code == 302
