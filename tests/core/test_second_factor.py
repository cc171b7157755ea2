"""The second factor (issue 3.1): TOTP with a QR enrolment, one-time recovery codes, each code
usable once, throttling, compulsory for the roles SECOND_FACTOR_REQUIRED_FOR lists, needed
again to change the factor."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from courtadmin.accounts import services
from courtadmin.accounts.middleware import SECOND_FACTOR_KEY
from courtadmin.audit.models import AuditEvent
from tests.conftest import DEMO_TEST_PASSWORD, refusal_codes


def code_for(device, steps_ahead=0) -> str:
    """The code the user's phone would show, `steps_ahead` 30-second steps from now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def sign_in_with_password(client, username):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": DEMO_TEST_PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )


def enrolled(user) -> tuple[TOTPDevice, list[str]]:
    device = services.second_factor_enrolment_start(user=user)
    codes = services.second_factor_enrol(user=user, device=device, code=code_for(device))
    device.refresh_from_db()
    return device, codes


def actions_of(user) -> list[str]:
    return list(AuditEvent.objects.filter(actor=user).order_by("id").values_list("action", flat=True))


@pytest.mark.parametrize("username", ["chairman", "ca_head", "ir_head", "isd_officer", "isd_almaty", "sysadmin"])
def test_listed_roles_cannot_open_any_page_before_enrolling(client, users, username):
    sign_in_with_password(client, username)
    for url in [reverse("core:home"), reverse("org:absence-list"), reverse("accounts:security")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:second-factor-enrol"))
    assert client.get(reverse("accounts:second-factor-enrol")).status_code == 200


@pytest.mark.parametrize("username", ["ir_officer", "ir_deputy_legal", "ca_deputy"])
def test_others_may_work_without_a_factor(client, users, username):
    sign_in_with_password(client, username)
    assert client.get(reverse("core:home")).status_code == 200


def test_demo_mode_leaves_the_factor_optional_unless_enforced(client, users, settings):
    settings.SECOND_FACTOR_ENFORCED = False
    sign_in_with_password(client, "isd_head")
    assert client.get(reverse("core:home")).status_code == 200


def test_enrolment_by_qr_code_gives_ten_recovery_codes_and_a_new_session_key(client, users):
    sign_in_with_password(client, "isd_head")
    page = client.get(reverse("accounts:second-factor-enrol"))
    assert page.context["qr_image"].startswith("data:image/svg+xml;base64,")  # drawn on the server
    device = TOTPDevice.objects.get(user=users["isd_head"], confirmed=False)
    assert page.context["secret"] in device.config_url
    key_before = client.session.session_key

    response = client.post(reverse("accounts:second-factor-enrol"), {"code": code_for(device)})

    assert response.status_code == 200
    assert len(response.context["codes"]) == 10
    assert client.session.session_key != key_before
    assert client.get(reverse("core:home")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    # Recovery codes are kept as digests only.
    stored = set(StaticToken.objects.filter(device__user=users["isd_head"]).values_list("token", flat=True))
    assert not stored & {code.replace("-", "") for code in response.context["codes"]}
    assert "second_factor.enrolled" in actions_of(users["isd_head"])


def test_a_wrong_enrolment_code_is_refused_beside_the_field(client, users):
    sign_in_with_password(client, "isd_head")
    client.get(reverse("accounts:second-factor-enrol"))
    response = client.post(reverse("accounts:second-factor-enrol"), {"code": "000000"})
    assert response.context["form"].errors["code"]
    assert not TOTPDevice.objects.filter(user=users["isd_head"], confirmed=True).exists()
    assert client.get(reverse("core:home")).status_code == 302


def test_sign_in_asks_for_the_code_and_refuses_a_wrong_one(client, users):
    device, _codes = enrolled(users["ir_head"])
    sign_in_with_password(client, "ir_head")
    assert client.get(reverse("core:home")).url.startswith(reverse("accounts:second-factor-verify"))

    wrong = client.post(reverse("accounts:second-factor-verify"), {"code": "123456"}, REMOTE_ADDR="10.0.0.9")
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["code"]
    assert wrong.context["form"]["code"].value() == "123456"  # what was typed is kept
    assert client.get(reverse("core:home")).status_code == 302
    failed = AuditEvent.objects.filter(action="second_factor.failed", actor=users["ir_head"]).get()
    assert failed.ip_address == "10.0.0.9"

    device.throttle_reset()
    key_before = client.session.session_key
    right = client.post(reverse("accounts:second-factor-verify"), {"code": code_for(device, 1), "next": "/org/"})
    assert right.status_code == 302
    assert right.url == "/org/"
    assert client.session.session_key != key_before
    assert client.get(reverse("core:home")).status_code == 200


def test_a_used_code_is_refused_the_second_time(users):
    device, _codes = enrolled(users["ir_head"])
    code = code_for(device, 1)
    services.second_factor_check(user=users["ir_head"], code=code, purpose="sign_in")
    again = refusal_codes(services.second_factor_check, user=users["ir_head"], code=code, purpose="sign_in")
    assert again == {"wrong"}


def test_a_recovery_code_works_once(users):
    user = users["ir_officer"]
    _device, codes = enrolled(user)
    services.second_factor_check(user=user, code=codes[0].upper(), purpose="sign_in")
    assert refusal_codes(services.second_factor_check, user=user, code=codes[0], purpose="sign_in") == {"wrong"}
    assert StaticToken.objects.filter(device__user=user).count() == 9
    assert "second_factor.recovery_code_used" in actions_of(user)


def test_wrong_codes_throttle_even_the_right_one(users):
    user = users["ir_officer"]
    device, _codes = enrolled(user)
    assert refusal_codes(services.second_factor_check, user=user, code="000000", purpose="sign_in") == {"wrong"}
    right_but_too_soon = refusal_codes(
        services.second_factor_check, user=user, code=code_for(device, 1), purpose="sign_in"
    )
    assert right_but_too_soon == {"throttled"}
    assert "second_factor.throttled" in actions_of(user)


def test_replacing_the_factor_needs_a_code_of_the_current_one(client, client_for, users):
    user = users["ir_officer"]
    old, _codes = enrolled(user)
    client = client_for("ir_officer")
    client.get(reverse("accounts:second-factor-enrol"))
    new = TOTPDevice.objects.get(user=user, confirmed=False)

    refused = client.post(reverse("accounts:second-factor-enrol"), {"current_code": "", "code": code_for(new)})
    assert refused.context["form"].errors["current_code"]
    assert list(TOTPDevice.objects.filter(user=user, confirmed=True)) == [old]

    old.throttle_reset()
    accepted = client.post(
        reverse("accounts:second-factor-enrol"), {"current_code": code_for(old, 1), "code": code_for(new, 1)}
    )
    assert len(accepted.context["codes"]) == 10
    assert list(TOTPDevice.objects.filter(user=user, confirmed=True)) == [new]
    assert "second_factor.replaced" in actions_of(user)


def test_a_required_factor_cannot_be_turned_off_but_an_optional_one_can(users):
    _device, codes = enrolled(users["isd_head"])
    refused = refusal_codes(services.second_factor_remove, user=users["isd_head"], code=codes[0])
    assert refused == {"second_factor_required"}
    assert TOTPDevice.objects.filter(user=users["isd_head"]).exists()
    _device, codes = enrolled(users["ir_officer"])
    services.second_factor_remove(user=users["ir_officer"], code=codes[0])
    assert not TOTPDevice.objects.filter(user=users["ir_officer"]).exists()


def test_an_administrator_resets_a_lost_factor_and_ends_the_sessions(client, client_for, users):
    enrolled(users["isd_head"])
    client_for("isd_head")
    services.second_factor_reset(actor=users["sysadmin"], user=users["isd_head"])
    assert not TOTPDevice.objects.filter(user=users["isd_head"]).exists()
    assert client.get(reverse("core:home")).status_code == 302  # signed out
    with pytest.raises(PermissionError):
        services.second_factor_reset(actor=users["ir_head"], user=users["isd_head"])


def test_a_session_without_a_recorded_state_is_held_until_decided(client, users):
    """A session from before the gate existed is decided at its next request, failing closed."""
    enrolled(users["ir_head"])
    client.force_login(users["ir_head"])
    session = client.session
    del session[SECOND_FACTOR_KEY]
    session.save()
    assert client.get(reverse("core:home")).url.startswith(reverse("accounts:second-factor-verify"))
