"""ISD 7: ISD pages and records exist only for those the ISD reports to and its own staff,
each case on a need-to-know grant; everyone else gets 404, superuser included."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courtadmin.org.models import Region
from internal_security.models import Complaint, ComplaintGrant
from internal_security.selectors.complaints import complaints_visible_to
from internal_security.services.complaints import complaint_grant_access
from tests.conftest import PAGE, TODAY

from .factories import make_complaints

# Its dates are set around the suite's today, which it states (time-machine).
pytestmark = pytest.mark.time_machine(TODAY)

OUTSIDERS = ["ca_deputy", "ir_head", "ir_officer", "sysadmin"]


@pytest.fixture
def cases(users):
    """One complaint granted to each officer, one in Almaty, one granted to nobody."""
    mine, others, unassigned = make_complaints(3)
    (almaty,) = make_complaints(1, "almaty")
    head = users["isd_head"]
    complaint_grant_access(actor=head, complaint=mine, user=users["isd_officer"], reason="assigned")
    complaint_grant_access(actor=head, complaint=others, user=users["isd_officer2"], reason="assigned")
    return {"mine": mine, "others": others, "unassigned": unassigned, "almaty": almaty}


def isd_urls(complaint):
    return [
        reverse("internal_security:home"),
        reverse("internal_security:complaint-list"),
        reverse("internal_security:complaint-detail", args=[complaint.pk]),
    ]


@pytest.mark.parametrize("username", OUTSIDERS)
def test_ISD_7_outsiders_get_404_on_every_isd_page(client_for, cases, username):
    client = client_for(username)
    for url in isd_urls(cases["mine"]):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("username", OUTSIDERS)
def test_ISD_7_outsiders_see_no_isd_entry_in_navigation(client_for, username):
    response = client_for(username).get(reverse("core:home"))
    assert response.status_code == 200
    assert reverse("internal_security:home").encode() not in response.content


@pytest.mark.parametrize("username", ["chairman", "ca_head", "isd_head", "isd_deputy"])
def test_ISD_7_leadership_and_isd_heads_open_every_complaint(client_for, cases, username):
    client = client_for(username)
    for complaint in cases.values():
        assert client.get(reverse("internal_security:complaint-detail", args=[complaint.pk])).status_code == 200


def test_ISD_7_officer_opens_his_case_and_not_his_colleagues(client_for, cases):
    client = client_for("isd_officer")
    detail = "internal_security:complaint-detail"
    assert client.get(reverse(detail, args=[cases["mine"].pk])).status_code == 200
    assert client.get(reverse(detail, args=[cases["others"].pk])).status_code == 404
    assert client.get(reverse(detail, args=[cases["unassigned"].pk])).status_code == 404
    listing = client.get(reverse("internal_security:complaint-list")).content.decode()
    assert cases["mine"].number in listing
    assert cases["others"].number not in listing


def test_ISD_7_territorial_unit_sees_its_region_only(client_for, cases):
    client = client_for("isd_almaty")
    detail = "internal_security:complaint-detail"
    assert client.get(reverse(detail, args=[cases["almaty"].pk])).status_code == 200
    assert client.get(reverse(detail, args=[cases["mine"].pk])).status_code == 404


def test_ISD_7_grant_lapses_by_itself(users, cases):
    officer = users["isd_officer"]
    grant = ComplaintGrant.objects.get(user=officer, content_object=cases["mine"])
    until = timezone.now() + timedelta(days=1)
    complaint_grant_access(
        actor=users["isd_head"], complaint=cases["mine"], user=officer, reason="x", valid_until=until
    )
    grant.refresh_from_db()
    assert grant.granted_by == users["isd_head"]
    assert list(complaints_visible_to(officer)) == [cases["mine"]]
    from internal_security.permissions import isd_records_within_reach

    later = isd_records_within_reach(
        Complaint.objects.all(), officer, grant_model=ComplaintGrant, at=until + timedelta(seconds=1)
    )
    assert list(later) == []


def test_ISD_9_only_head_or_deputy_grants_access(users, cases):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        complaint_grant_access(
            actor=users["isd_officer"], complaint=cases["unassigned"], user=users["isd_officer"], reason="self"
        )
    assert not ComplaintGrant.objects.filter(content_object=cases["unassigned"]).exists()


def _list_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("internal_security:complaint-list"))
    assert response.status_code == 200
    return len(ctx), response


def test_ISD_7_list_costs_the_same_queries_for_2_and_50_granted_records(client_for, users, django_assert_num_queries):
    officer, head = users["isd_officer"], users["isd_head"]
    complaints = make_complaints(50)
    for complaint in complaints[:2]:
        complaint_grant_access(actor=head, complaint=complaint, user=officer, reason="assigned")
    client = client_for("isd_officer")
    with_two, response = _list_queries(client)
    assert response.content.decode().count("complaint-row") == 2
    for complaint in complaints[2:]:
        complaint_grant_access(actor=head, complaint=complaint, user=officer, reason="assigned")
    with_fifty, response = _list_queries(client)
    assert response.content.decode().count("complaint-row") == 50
    assert with_two == with_fifty
    # PAGE; the page's count and its rows (the need-to-know filter is inside each), the filter
    # form's regions and officers
    with django_assert_num_queries(PAGE + 4):
        client.get(reverse("internal_security:complaint-list"))


def test_ISD_7_an_officer_with_50_grants_among_10000_complaints_costs_the_same(
    client_for, users, django_assert_num_queries
):
    """The grant check is inside the list's one query, however large the register."""
    officer, head = users["isd_officer"], users["isd_head"]
    region = Region.objects.get(code="astana")
    Complaint.objects.bulk_create(
        Complaint(
            number=f"BULK-{n}",
            received_on=date(2026, 1, 1) + timedelta(days=n % 300),
            region=region,
            court="Сот",
            summary="Өтініш",
            substance="Мазмұны",
        )
        for n in range(10_000)
    )
    for complaint in Complaint.objects.order_by("?")[:50]:
        complaint_grant_access(actor=head, complaint=complaint, user=officer, reason="assigned")
    client = client_for("isd_officer")
    client.get(reverse("internal_security:complaint-list"))
    with django_assert_num_queries(PAGE + 4):  # as for 50 records above
        response = client.get(reverse("internal_security:complaint-list"))
    assert response.content.decode().count("complaint-row") == 50


def test_ISD_7_a_recused_officer_no_longer_reads_the_answer_he_drafted(people, client_for):
    """The security issue: after a declared conflict of interest the complaint answered 404
    but its answer document still opened for the officer who drafted it."""
    from django.urls import reverse

    from courtadmin.documents.selectors import documents_visible_to
    from internal_security.services.complaints import (
        complaint_answer_prepare,
        complaint_assign,
        complaint_conflict_declare,
    )
    from internal_security.workflow import complaint_move

    from .factories import register

    complaint = register(people)
    head, officer = people["isd_head"].user, people["isd_officer"].user
    complaint_assign(actor=head, complaint=complaint, officers=[officer])
    complaint_move(complaint=complaint, move="decide", actor=officer, decision="confirmed", reason="Расталды")
    answer = complaint_answer_prepare(actor=officer, complaint=complaint)
    client = client_for("isd_officer")
    assert client.get(reverse("documents:document-detail", args=[answer.pk])).status_code == 200
    complaint_conflict_declare(actor=officer, complaint=complaint, reason="Туысы")
    assert client.get(reverse("internal_security:complaint-detail", args=[complaint.pk])).status_code == 404
    assert client.get(reverse("documents:document-detail", args=[answer.pk])).status_code == 404
    assert answer not in documents_visible_to(officer)
    assert answer in documents_visible_to(head)  # the head reaches every ISD record


def test_the_applicant_named_in_an_answer_reaches_only_those_who_see_him(signing, client_for):
    """The security issue: the complainant's name reached the Chairman, the Head of the Court
    Administration and the ISD deputy through the answer document (its page, its PDF and the
    ISD journal), though the complaint's page hid it from them."""
    from django.urls import reverse

    from courtadmin.documents import services as documents
    from courtadmin.documents.selectors import journal
    from internal_security.services.complaints import complaint_answer_prepare, complaint_assign
    from internal_security.workflow import complaint_move
    from tests.conftest import DEMO_TEST_PASSWORD
    from tests.documents.conftest import second_factor_code

    from .factories import register

    people = signing
    complaint = register(people)
    head, officer = people["isd_head"].user, people["isd_officer"].user
    complaint_assign(actor=head, complaint=complaint, officers=[officer])
    complaint_move(complaint=complaint, move="decide", actor=officer, decision="confirmed", reason="Расталды")
    answer = complaint_answer_prepare(actor=officer, complaint=complaint)
    assert not answer.steps.exists()  # no default visa of the deputy
    url = reverse("documents:document-detail", args=[answer.pk])
    for reader in ("isd_officer", "isd_head"):
        assert client_for(reader).get(url).status_code == 200, reader
    for outsider in ("chairman", "ca_head", "isd_deputy", "isd_officer2"):
        assert client_for(outsider).get(url).status_code == 404, outsider
        assert complaint.applicant_name not in client_for(outsider).get(complaint.get_absolute_url()).content.decode()

    # Signed and registered: the journal lists its number for those who read the journal,
    # and withholds its subject and addressee from those who do not see the applicant.
    documents.document_act(document=answer, move="submit", actor=officer)
    documents.document_sign(document=answer, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head))
    answer.refresh_from_db()
    by_chairman = journal(people["chairman"].user, "ISD").get(pk=answer.pk)
    by_head = journal(head, "ISD").get(pk=answer.pk)
    assert by_chairman.content_hidden and not by_head.content_hidden
    assert not journal(people["chairman"].user, "ISD", text="Омаров").exists()
    page = client_for("chairman").get(reverse("documents:journal", args=["ISD"])).content.decode()
    assert answer.registration_number in page and complaint.applicant_name not in page
