"""Sign-in behind the reverse proxy (the security issue, ASVS 6.3): the client's address is
read from the trusted proxies' X-Forwarded-For, never from what the client wrote himself; an
account locks whatever the address; an address that fails over many accounts is slowed."""

import pytest
from django.test import Client
from django.urls import reverse

from courtadmin.audit.models import AuditEvent
from tests.conftest import DEMO_TEST_PASSWORD

PROXY = "10.0.0.1"


@pytest.fixture(autouse=True)
def _one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 5
    settings.SIGN_IN_ADDRESS_FAILURE_LIMIT = 20


def sign_in(username, password, *, client_address, forged=""):
    """A browser at `client_address` behind the proxy; `forged` is what it writes in the header itself."""
    forwarded = f"{forged}, {client_address}" if forged else client_address
    browser = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    return browser.post(reverse("accounts:login"), {"username": username, "password": password})


def test_the_client_is_the_address_the_proxy_saw_not_the_one_he_wrote(users):
    sign_in("ir_officer", DEMO_TEST_PASSWORD, client_address="192.0.2.7", forged="203.0.113.66")
    event = AuditEvent.objects.get(action="auth.login", actor=users["ir_officer"])
    assert event.ip_address == "192.0.2.7"


def test_without_trusted_proxies_the_header_is_ignored(users, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    sign_in("ir_officer", DEMO_TEST_PASSWORD, client_address="192.0.2.7")
    assert AuditEvent.objects.get(action="auth.login").ip_address == PROXY


def test_a_locked_account_stays_locked_from_another_address(users):
    for _ in range(5):
        sign_in("isd_head", "wrong-password-123", client_address="192.0.2.10")
    refused = sign_in("isd_head", DEMO_TEST_PASSWORD, client_address="198.51.100.20")
    assert refused.status_code == 429  # django-axes' lockout page
    assert "_auth_user_id" not in refused.client.session


def test_one_persons_failures_lock_no_one_else_behind_the_same_proxy(users):
    for _ in range(5):
        sign_in("isd_head", "wrong-password-123", client_address="192.0.2.10")
    assert sign_in("ir_officer", DEMO_TEST_PASSWORD, client_address="192.0.2.10").status_code == 302


def test_a_password_spray_from_one_address_is_slowed(users):
    """GIVEN 20 wrong passwords over 12 accounts from one address (none locked: at most 2 each)
    WHEN that address signs in again, even with a right password THEN it waits (429), its
    password unchecked; another address signs in."""
    accounts = [name for name in users if name != "sysadmin"][:12]
    for attempt in range(20):
        sign_in(accounts[attempt % 12], f"spray-{attempt}-winter2026", client_address="192.0.2.99")
    throttled = sign_in("ir_officer", DEMO_TEST_PASSWORD, client_address="192.0.2.99")
    assert throttled.status_code == 429
    assert throttled.context["form"].non_field_errors()  # said on the page, the name kept
    assert throttled.context["form"]["username"].value() == "ir_officer"
    assert "_auth_user_id" not in throttled.client.session
    assert AuditEvent.objects.filter(action="auth.address_throttled", object_repr="192.0.2.99").exists()
    assert AuditEvent.objects.filter(action="auth.login_failed").count() == 20  # the 21st was not checked
    assert sign_in("ir_officer", DEMO_TEST_PASSWORD, client_address="198.51.100.20").status_code == 302
