"""In a real browser (issue 3): enrolment with the QR code, the code computed from the key
shown beside it; sign-in with the second factor; no Content-Security-Policy violation."""

import base64
import time

from django_otp.oath import TOTP

from tests.browser.conftest import screenshot
from tests.conftest import DEMO_TEST_PASSWORD


def code_from_key(base32_key: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key (RFC 6238, 30-second steps, 6 digits)."""
    totp = TOTP(base64.b32decode(base32_key), step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def sign_in_with_password(page, username):
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_TEST_PASSWORD)
    page.click("main button[type=submit]")


def test_enrol_by_qr_code_then_sign_in_with_the_code(page, people):
    # The ISD head must have a second factor: after the password, the enrolment page.
    sign_in_with_password(page, "isd_head")
    page.wait_for_url(lambda url: "/accounts/second-factor/enrol/" in url)
    qr_code = page.locator("img.qr-code")
    assert qr_code.is_visible()
    assert qr_code.evaluate("image => image.complete && image.naturalWidth > 0")  # drawn, not broken
    key = page.get_attribute("#totp-secret", "data-secret")
    screenshot(page, "second-factor-enrol-kk")

    page.fill("#id_code", code_from_key(key))
    page.click("main form button[type=submit]")
    assert page.locator("#recovery-codes li").count() == 10
    page.click("#recovery-codes-done")
    page.wait_for_url(lambda url: "second-factor" not in url)

    # Sign out, sign in again: now the code is asked for.
    page.goto("/")
    page.click("form[action$='/accounts/logout/'] button")
    sign_in_with_password(page, "isd_head")
    page.wait_for_url(lambda url: "/accounts/second-factor/" in url)
    page.fill("#id_code", code_from_key(key, steps_ahead=1))  # the enrolment used this step's code
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "second-factor" not in url)
    assert people["isd_head"].full_name in page.content()
    screenshot(page, "home-after-second-factor-kk")

    assert page.console_errors == []
