"""The read log (issue 7.2): every opening of a complaint, investigation or registry entry,
and every download, is written to a read log that the ISD head can browse and filter.

Who browses it follows ISD 7: the ISD reports only to the Chairman and the Head of the Court
Administration, so besides the ISD head only they read the ISD's log; a superuser is no
exception. The IR's log goes to the IR head and the same leadership.
"""

from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from courtadmin.audit.middleware import ClientAddressMiddleware
from courtadmin.audit.models import AuditEvent, ReadEvent
from courtadmin.audit.selectors import may_view_reads, read_events
from courtadmin.audit.services import read_record
from courtadmin.core.navigation import navigation_for
from courtadmin.org.models import Position
from internal_security.models import Complaint
from tests.conftest import PAGE, requires_postgres

ISD_LOG = reverse("audit:reads", args=["ISD"])
IR_LOG = reverse("audit:reads", args=["IR"])


def read_on(day: datetime, monkeypatch, **kwargs) -> ReadEvent:
    """A read written at a given moment (`at` is the moment the row is written)."""
    with time_machine.travel(day, tick=False):
        return read_record(**kwargs)


# --- Writing: read_record ------------------------------------------------------------------


def test_a_read_records_who_what_and_the_department_of_the_record(users, complaint):
    event = read_record(user=users["isd_officer"], obj=complaint)
    event.refresh_from_db()
    assert (event.user, event.department, event.action) == (users["isd_officer"], "ISD", ReadEvent.Action.OPEN)
    assert (event.record_type, event.record_id) == (ContentType.objects.get_for_model(Complaint), str(complaint.pk))
    assert event.record_label == "DL-1"  # the complaint's number when it was read
    assert event.ip_address is None  # outside a request (a task, this test)
    assert event.at is not None


def test_a_read_in_a_request_carries_the_request_address(users, complaint):
    """GIVEN a view behind ClientAddressMiddleware WHEN it records a download THEN the event
    carries the address the request came from."""

    def view(request):
        read_record(user=users["isd_head"], obj=complaint, action=ReadEvent.Action.DOWNLOAD, label="DL-1 scan.pdf")
        return HttpResponse()

    ClientAddressMiddleware(view)(RequestFactory().get("/", REMOTE_ADDR="10.7.7.7"))
    event = ReadEvent.objects.get()
    assert (event.action, event.record_label, event.ip_address) == ("download", "DL-1 scan.pdf", "10.7.7.7")


def test_an_export_of_a_list_names_the_type_and_no_record(users):
    event = read_record(user=users["isd_head"], obj=Complaint, action="export")
    assert (event.department, event.record_type, event.record_id) == (
        "ISD",
        ContentType.objects.get_for_model(Complaint),
        "",
    )
    assert event.record_label == str(Complaint._meta.verbose_name_plural)
    bare = read_record(user=users["ir_head"], action="export", label="Requests 2026", department="IR")
    assert (bare.record_type, bare.record_id, bare.record_label) == (None, "", "Requests 2026")


def test_a_read_is_one_insert_on_its_own_chain_and_leaves_the_audit_chain_alone(
    users, complaint, django_assert_num_queries
):
    """The read log's chain: its lock (PostgreSQL), a look at its last hash, one INSERT, in a
    savepoint of the test's transaction; never the audit chain's lock."""
    ContentType.objects.get_for_model(Complaint)  # the content type cache, warm as in a running server
    chained = AuditEvent.objects.count()
    with django_assert_num_queries(5 if connection.vendor == "postgresql" else 4):
        read_record(user=users["isd_head"], obj=complaint)
    assert AuditEvent.objects.count() == chained


@pytest.mark.parametrize(
    "kwargs",
    [
        {"department": "XX"},  # not a department
        {"obj": None},  # no record and no department: whose log would it go to?
        {"action": "edit"},  # not a read
    ],
)
def test_a_read_outside_the_log_s_vocabulary_is_a_programming_error(users, complaint, kwargs):
    with pytest.raises(ValueError):
        read_record(user=users["isd_head"], **{"obj": complaint, **kwargs})


def test_an_anonymous_read_is_refused(complaint):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ValueError):
        read_record(user=AnonymousUser(), obj=complaint)


def test_read_events_cannot_be_changed_through_the_orm(users, complaint):
    event = read_record(user=users["isd_head"], obj=complaint)
    event.record_label = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


@requires_postgres()
def test_postgres_trigger_refuses_update_and_delete(users, complaint):
    event = read_record(user=users["isd_head"], obj=complaint)
    for sql in (
        "UPDATE audit_readevent SET record_label = 'x' WHERE id = %s",
        "DELETE FROM audit_readevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert ReadEvent.objects.filter(pk=event.pk, record_label="DL-1").exists()


# --- Who browses: may_view_reads (ISD 7) ---------------------------------------------------


@pytest.mark.parametrize("username", ["isd_head", "chairman", "ca_head"])
def test_ISD_7_the_isd_head_and_those_the_isd_reports_to_browse_the_isd_log(client_for, username):
    assert client_for(username).get(ISD_LOG).status_code == 200


@pytest.mark.parametrize("username", ["isd_deputy", "isd_officer", "isd_almaty", "ir_head", "ca_deputy", "sysadmin"])
def test_ISD_7_nobody_else_finds_the_isd_log_a_superuser_included(client_for, username, users):
    assert client_for(username).get(ISD_LOG).status_code == 404
    assert not may_view_reads(users[username], "ISD")
    with pytest.raises(Http404):
        read_events(users[username], "ISD")


@pytest.mark.parametrize(
    ("username", "found"),
    [
        ("ir_head", 200),
        ("chairman", 200),
        ("ca_head", 200),
        ("ir_deputy_legal", 404),
        ("ir_officer", 404),
        ("ca_deputy", 404),
        ("isd_head", 404),
        ("sysadmin", 404),
    ],
)
def test_the_ir_log_is_for_the_ir_head_and_the_leadership(client_for, username, found):
    assert client_for(username).get(IR_LOG).status_code == found


@pytest.mark.parametrize("username", ["chairman", "isd_head", "sysadmin"])
def test_an_unknown_department_has_no_read_log(client_for, username):
    assert client_for(username).get(reverse("audit:reads", args=["XX"])).status_code == 404


def test_ISD_7_the_head_of_a_territorial_isd_unit_is_not_the_isd_head(people, django_user_model):
    """GIVEN a head's position in a territorial ISD unit THEN its holder does not browse the
    ISD's log: issue 7.2 gives it to the head of the department (the structural subdivision)."""
    person = people["isd_almaty"]
    person.position = Position.objects.create(
        code="isd-almaty-head", title="Head", unit=person.position.unit, kind=Position.Kind.HEAD
    )
    person.save()
    assert not may_view_reads(django_user_model.objects.get(pk=person.user_id), "ISD")


def test_the_navigation_leads_each_reader_to_his_log(users):
    def read_log_link(username):
        return [item.url for item in navigation_for(users[username]) if item.key == "reads"]

    assert read_log_link("isd_head") == [ISD_LOG]
    assert read_log_link("chairman") == [ISD_LOG]  # the ISD first; the page links the IR's
    assert read_log_link("ir_head") == [IR_LOG]
    assert read_log_link("isd_deputy") == read_log_link("sysadmin") == read_log_link("ca_deputy") == []


def test_the_leadership_switches_between_the_two_logs(client_for):
    assert f'href="{IR_LOG}"' in client_for("chairman").get(ISD_LOG).content.decode()
    assert f'href="{IR_LOG}"' not in client_for("isd_head").get(ISD_LOG).content.decode()


# --- Browsing and filtering ----------------------------------------------------------------


@pytest.fixture
def log(users, complaint, monkeypatch):
    """Three ISD reads on three days and one IR read, which the ISD log never shows."""
    read_on(datetime(2026, 11, 10, 6, tzinfo=UTC), monkeypatch, user=users["isd_head"], obj=complaint)
    read_on(
        datetime(2026, 11, 15, 6, tzinfo=UTC),
        monkeypatch,
        user=users["isd_officer"],
        obj=complaint,
        action="download",
        label="DL-1 scan.pdf",
    )
    read_on(
        datetime(2026, 11, 20, 6, tzinfo=UTC),
        monkeypatch,
        user=users["chairman"],
        obj=Complaint,
        action="export",
        label="Complaints, November",
    )
    read_on(datetime(2026, 11, 16, 6, tzinfo=UTC), monkeypatch, user=users["ir_head"], department="IR", label="LA-7")


def found(client, **query):
    return [(e.user.username, e.action, e.record_label) for e in client.get(ISD_LOG, query).context["page"]]


def test_the_isd_log_lists_isd_reads_newest_first(client_for, log):
    response = client_for("isd_head").get(ISD_LOG)
    assert found(client_for("isd_head")) == [
        ("chairman", "export", "Complaints, November"),
        ("isd_officer", "download", "DL-1 scan.pdf"),
        ("isd_head", "open", "DL-1"),
    ]
    assert "LA-7" not in response.content.decode()


def test_filters_by_person(client_for, people, log):
    client = client_for("isd_head")
    assert found(client, user_filter="ISD_OFFICER") == [("isd_officer", "download", "DL-1 scan.pdf")]
    # part of the name, in any of the person's languages
    part = people["chairman"].full_name_ru.split()[-1][:5]
    assert found(client, user_filter=part) == [("chairman", "export", "Complaints, November")]


def test_filters_by_action(client_for, log):
    assert found(client_for("isd_head"), action="open") == [("isd_head", "open", "DL-1")]


def test_filters_by_record_number_or_label(client_for, complaint, log):
    client = client_for("isd_head")
    assert [row[1] for row in found(client, record_text="dl-1")] == ["download", "open"]
    assert found(client, record_text="november") == [("chairman", "export", "Complaints, November")]
    assert [row[1] for row in found(client, record_text=str(complaint.pk))] == ["download", "open"]


def test_filters_by_dates(client_for, log):
    client = client_for("isd_head")
    assert [row[1] for row in found(client, date_from="2026-11-15")] == ["export", "download"]
    assert [row[1] for row in found(client, date_to="2026-11-15")] == ["download", "open"]
    assert found(client, date_from="2026-11-11", date_to="2026-11-19") == [("isd_officer", "download", "DL-1 scan.pdf")]


def test_a_period_ending_before_it_starts_is_refused_beside_the_field(client_for, log):
    response = client_for("isd_head").get(ISD_LOG, {"date_from": "2026-11-16", "date_to": "2026-11-01"})
    assert response.context["form"].errors["date_to"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert [e.action for e in response.context["page"]] == ["export"]  # the valid criterion still applies


def test_pages_keep_the_filters(client_for, users, complaint):
    for _n in range(51):
        read_record(user=users["isd_officer"], obj=complaint)
    read_record(user=users["isd_head"], obj=complaint)
    content = client_for("isd_head").get(ISD_LOG, {"action": "open", "user_filter": "isd_officer"}).content.decode()
    assert "?action=open&amp;user_filter=isd_officer&amp;page=2" in content


@pytest.mark.parametrize("events", [2, 50])
def test_the_log_costs_the_same_queries_for_2_and_50_events(
    client_for, users, complaint, django_assert_num_queries, events
):
    client = client_for("isd_head")
    readers = ["isd_head", "isd_officer", "isd_officer2"]
    for n in range(events):
        read_record(user=users[readers[n % len(readers)]], obj=complaint)
    # PAGE (access and navigation); count, page
    with django_assert_num_queries(PAGE + 2):
        assert client.get(ISD_LOG).status_code == 200
