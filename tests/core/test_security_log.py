"""Security events (issue 3.6): sign-ins, failures, lockouts, second-factor events and denied
access reach the audit log with time, user and address; the administrator searches them; the
ISD's own events are shown only to ISD 7's people."""

import pytest
from django.urls import reverse

from courtadmin.audit.models import AuditEvent
from courtadmin.audit.selectors import security_events_visible_to
from courtadmin.audit.services import audit_record
from internal_security.demo import load_demo_complaints
from internal_security.models import Complaint
from tests.conftest import DEMO_TEST_PASSWORD, PAGE

LOG = reverse("audit:security-events")


def sign_in(client, username, password, address):
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_sign_in_failure_and_lockout_are_recorded_with_the_address(client, users, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        sign_in(client, "ir_officer", "not the password", "10.9.9.9")
    assert sign_in(client, "ir_officer", DEMO_TEST_PASSWORD, "10.9.9.9").status_code == 429
    failed = AuditEvent.objects.filter(action="auth.login_failed", object_repr="ir_officer")
    assert failed.count() >= 3
    assert set(failed.values_list("ip_address", flat=True)) == {"10.9.9.9"}
    locked = AuditEvent.objects.filter(action="auth.locked_out").first()
    assert locked.object_repr == "ir_officer" and locked.ip_address == "10.9.9.9"


def test_a_successful_sign_in_is_recorded_with_user_and_address(client, users):
    sign_in(client, "ir_officer", DEMO_TEST_PASSWORD, "10.2.2.2")
    event = AuditEvent.objects.get(action="auth.login")
    assert (event.actor, event.ip_address) == (users["ir_officer"], "10.2.2.2")


@pytest.fixture
def complaint(people):
    load_demo_complaints(people)
    return Complaint.objects.order_by("pk").first()


def test_denied_access_to_an_isd_record_is_an_isd_event(client_for, users, complaint):
    url = reverse("internal_security:complaint-detail", args=[complaint.pk])
    assert client_for("ir_head").get(url, REMOTE_ADDR="10.3.3.3").status_code == 404
    event = AuditEvent.objects.get(action="access.denied")
    assert (event.actor, event.ip_address, event.department) == (users["ir_head"], "10.3.3.3", "ISD")
    assert event.after == {"view": "internal_security:complaint-detail", "kwargs": {"pk": str(complaint.pk)}}

    # ISD 7: the administrator does not see it; the ISD head does.
    assert event not in security_events_visible_to(users["sysadmin"])
    assert event in security_events_visible_to(users["isd_head"])
    assert client_for("sysadmin").get(LOG).status_code == 200
    assert url.encode() not in client_for("sysadmin").get(LOG).content
    seen = client_for("isd_head").get(LOG).content.decode()
    assert url in seen
    # In words, in the reader's language: no code, no stored dictionary.
    assert "access.denied" not in seen and "{&#x27;" not in seen and "{'" not in seen


def test_the_isd_head_sees_only_isd_events(users, client_for):
    sign_in_event = audit_record(actor=users["ir_officer"], action="auth.login", obj=users["ir_officer"])
    assert sign_in_event in security_events_visible_to(users["sysadmin"])
    assert sign_in_event not in security_events_visible_to(users["isd_head"])


@pytest.mark.parametrize("username", ["ir_head", "ir_officer", "isd_officer", "chairman"])
def test_the_log_is_not_found_for_others(client_for, username):
    assert client_for(username).get(LOG).status_code == 404


def test_search_by_user_kind_address_and_dates(client_for, users):
    for address, action in [("10.0.0.1", "auth.login"), ("10.0.0.2", "second_factor.failed")]:
        audit_record(actor=users["ir_officer"], action=action, obj=users["ir_officer"], ip_address=address)
    audit_record(actor=users["ca_head"], action="auth.login", obj=users["ca_head"], ip_address="10.0.0.3")
    audit_record(actor=users["ca_head"], action="user.language", obj=users["ca_head"])  # not a security event
    client = client_for("sysadmin")

    def found(**query):
        return [(e.actor_name, e.action) for e in client.get(LOG, query).context["page"]]

    assert found(user="ir_officer") == [("ir_officer", "second_factor.failed"), ("ir_officer", "auth.login")]
    assert found(kind="second_factor.") == [("ir_officer", "second_factor.failed")]
    assert found(address="10.0.0.3") == [("ca_head", "auth.login")]
    assert ("ca_head", "user.language") not in found()
    assert found(date_from="2000-01-01", date_to="2000-01-02") == []


def test_a_period_ending_before_it_starts_is_refused_beside_the_field(client_for):
    response = client_for("sysadmin").get(LOG, {"date_from": "2026-05-02", "date_to": "2026-05-01", "user": "abc"})
    form = response.context["form"]
    assert form.errors["date_to"]
    assert form["user"].value() == "abc"
    assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.parametrize("events", [2, 50])
def test_the_log_costs_the_same_queries_for_2_and_50_events(client_for, users, django_assert_num_queries, events):
    client = client_for("sysadmin")
    for n in range(events):
        audit_record(actor=users["ir_officer"], action="auth.login", obj=users["ir_officer"], ip_address=f"10.0.1.{n}")
    # PAGE (navigation); count, page
    with django_assert_num_queries(PAGE + 2):
        assert client.get(LOG).status_code == 200
