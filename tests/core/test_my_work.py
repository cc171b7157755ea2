""" "My work" (the working-day issue, item 1): the home page lists, live and within the
reader's reach, the documents waiting for his visa or signature, his running terms by due
date (the overdue first), the records in his charge, and what changed on his records; each
line links to its record; an officer who lost his reach loses the line. Under a query budget."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from courtadmin.deadlines.models import Deadline, Notification
from courtadmin.documents import services as documents
from internal_security.models import ComplaintGrant
from internal_security.services import complaints as isd
from tests.documents.conftest import approved, draft
from tests.internal_security.factories import register

pytestmark = pytest.mark.django_db


def panel(page, code: str) -> str:
    """The HTML of one panel of the home page."""
    html = page.content.decode()
    start = html.index(f'id="work-{code}"')
    return html[start : html.index("</section>", start)]


def term_of(complaint, officer, due):
    """The complaint's АППК term (registration opened it), made `officer`'s and due on `due`."""
    term = Deadline.objects.get(record_id=str(complaint.pk), kind="isd.appeal")
    Deadline.objects.filter(pk=term.pk).update(responsible=officer, due_on=due)
    return Deadline.objects.get(pk=term.pk)


def test_a_document_waiting_for_a_signature_is_on_the_signers_home_and_nobody_elses(client_for, people):
    letter = approved(people["ir_officer"].user, subject="Хат Минскіге / Письмо в Минск")
    head = panel(client_for("ir_head").get(reverse("core:home")), "documents")
    assert letter.get_absolute_url() in head and "Хат Минскіге" in head
    assert letter.get_absolute_url() not in panel(client_for("ir_officer").get(reverse("core:home")), "documents")


def test_a_visa_waits_on_the_approvers_home_until_he_gives_it(client_for, people):
    deputy = people["ir_deputy_legal"].user
    letter = draft(people["ir_officer"].user, route=[[people["ir_deputy_legal"]]], subject="Виза / Visa")
    documents.document_act(document=letter, move="submit", actor=people["ir_officer"].user)
    assert letter.get_absolute_url() in panel(client_for("ir_deputy_legal").get(reverse("core:home")), "documents")
    documents.document_act(document=letter, move="approve", actor=deputy)
    assert letter.get_absolute_url() not in panel(client_for("ir_deputy_legal").get(reverse("core:home")), "documents")


def test_my_terms_overdue_first_and_a_term_of_a_record_i_no_longer_reach_is_not_shown(client_for, people):
    """GIVEN the ISD officer assigned to two complaints, one term overdue and one due
    tomorrow THEN both are listed, the overdue first and marked; once his grant on one is
    revoked its term leaves his home page (ISD 7), though it is still his on record."""
    head, officer = people["isd_head"].user, people["isd_officer"].user
    today = timezone.localdate()
    first, second = register(people), register(people)
    for complaint in (first, second):
        isd.complaint_assign(actor=head, complaint=complaint, officers=[officer])
    terms = {first: 1, second: -2}  # days from today: the second is overdue
    for complaint, days in terms.items():
        terms[complaint] = term_of(complaint, officer, today + timedelta(days=days))
    html = panel(client_for("isd_officer").get(reverse("core:home")), "terms")
    assert html.index(second.get_absolute_url()) < html.index(first.get_absolute_url())  # the overdue first
    assert html.count("text-bg-danger") == 1  # said in words, on a badge

    ComplaintGrant.objects.filter(content_object=second, user=officer).delete()
    html = panel(client_for("isd_officer").get(reverse("core:home")), "terms")
    assert second.get_absolute_url() not in html and first.get_absolute_url() in html
    assert terms[second].responsible == officer


def test_the_records_in_my_charge_and_what_changed_on_them(client_for, people):
    head, officer = people["isd_head"].user, people["isd_officer"].user
    complaint = register(people)
    home = client_for("isd_officer").get(reverse("core:home"))
    assert complaint.get_absolute_url() not in panel(home, "internal_security")  # not his yet
    isd.complaint_assign(actor=head, complaint=complaint, officers=[officer])
    Notification.objects.create(user=officer, title="Сізге шағым тағайындалды", url=complaint.get_absolute_url())
    home = client_for("isd_officer").get(reverse("core:home"))
    assert complaint.get_absolute_url() in panel(home, "internal_security")
    assert "Сізге шағым тағайындалды" in panel(home, "news")


def test_the_isd_head_sees_the_complaints_waiting_for_his_assignment_and_an_officer_does_not_isd_9(client_for, people):
    """ISD 9: a registered complaint nobody is assigned to waits on the head's and the deputy's
    home page until they give it to an officer; an officer's home page has no such panel."""
    complaint = register(people)
    html = panel(client_for("isd_head").get(reverse("core:home")), "internal_security_to_assign")
    assert complaint.get_absolute_url() in html
    assert (
        'id="work-internal_security_to_assign"'
        not in client_for("isd_officer").get(reverse("core:home")).content.decode()
    )
    isd.complaint_assign(actor=people["isd_head"].user, complaint=complaint, officers=[people["isd_officer"].user])
    html = panel(client_for("isd_deputy").get(reverse("core:home")), "internal_security_to_assign")
    assert complaint.get_absolute_url() not in html


@pytest.mark.parametrize(
    ("username", "shown", "not_shown"),
    [
        ("ir_officer", "international", "internal_security"),
        ("isd_officer", "internal_security", "international"),
        ("ca_deputy", "international", "internal_security"),
    ],
)
def test_a_departments_panel_only_for_those_who_may_open_the_department_isd_7(client_for, username, shown, not_shown):
    """ISD 7: the ISD's part of the home page is not built for the IR's people, nor for the CA
    deputy head, as the dashboard's is not; nor the IR's for the ISD's officers."""
    html = client_for(username).get(reverse("core:home")).content.decode()
    assert f'id="work-{shown}"' in html and f'id="work-{not_shown}"' not in html


def test_a_panel_shows_eight_lines_and_says_how_many_more(client_for, people):
    head, officer = people["isd_head"].user, people["isd_officer"].user
    for _ in range(11):
        isd.complaint_assign(actor=head, complaint=register(people), officers=[officer])
    html = panel(client_for("isd_officer").get(reverse("core:home")), "internal_security")
    assert html.count('class="list-group-item') == 8
    assert ">11<" in html  # the badge counts them all


def test_a_panel_counts_up_to_its_cap_and_says_more_than(client_for, people, monkeypatch):
    """core.work.COUNT_CAP: a panel counts its lines up to the cap and says "99+" beyond, so
    the home page costs the same for someone in charge of eleven records or of a hundred
    thousand; at the cap itself the count is exact."""
    from courtadmin.core import work

    head, officer = people["isd_head"].user, people["isd_officer"].user
    for _ in range(11):
        isd.complaint_assign(actor=head, complaint=register(people), officers=[officer])
    monkeypatch.setattr(work, "COUNT_CAP", 10)
    html = panel(client_for("isd_officer").get(reverse("core:home")), "internal_security")
    assert ">10+<" in html and html.count('class="list-group-item') == 8
    with translation.override("kk"):  # the officer reads Kazakh
        assert ngettext("and over %(more)s more", "and over %(more)s more", 2) % {"more": 2} in html
    monkeypatch.setattr(work, "COUNT_CAP", 11)
    html = panel(client_for("isd_officer").get(reverse("core:home")), "internal_security")
    with translation.override("kk"):
        assert ngettext("and %(more)s more", "and %(more)s more", 3) % {"more": 3} in html
    assert ">11<" in html


def test_my_first_terms_are_read_past_the_ones_whose_records_i_no_longer_reach(people, monkeypatch):
    """deadlines.selectors.my_running_terms reads the terms in due order, `limit` at a time,
    until `limit` of them are on records he reaches (ISD 7): a term he lost is skipped and the
    next ones fill its place; it reads READS times at most, whatever he holds."""
    from courtadmin.deadlines import selectors as deadlines
    from courtadmin.deadlines.selectors import my_running_terms

    head, officer = people["isd_head"].user, people["isd_officer"].user
    today = timezone.localdate()
    complaints = [register(people) for _ in range(4)]
    for days, complaint in enumerate(complaints):
        isd.complaint_assign(actor=head, complaint=complaint, officers=[officer])
        term_of(complaint, officer, today + timedelta(days=days))
    lost = complaints[:2]
    ComplaintGrant.objects.filter(content_object__in=lost, user=officer).delete()

    assert [record for _term, record in my_running_terms(officer, 2)] == complaints[2:]
    assert [record for _term, record in my_running_terms(officer, 1)] == complaints[2:3]
    assert [record for _term, record in my_running_terms(officer, 5)] == complaints[2:]
    monkeypatch.setattr(deadlines, "READS", 2)  # two reads of one term: both on records he lost
    assert my_running_terms(officer, 1) == []


@pytest.mark.parametrize("username", ["ir_head", "isd_officer", "chairman"])
def test_the_home_page_costs_the_same_few_queries_however_much_is_waiting(client_for, people, username):
    """Query budget: 10 more complaints assigned, 10 more letters to sign, 10 more terms and
    notifications change nothing in the number of queries."""
    client = client_for(username)
    client.get(reverse("core:home"))
    with CaptureQueriesContext(connection) as before:
        assert client.get(reverse("core:home")).status_code == 200
    head, officer = people["isd_head"].user, people["isd_officer"].user
    today = timezone.localdate()
    for n in range(10):
        complaint = register(people)
        isd.complaint_assign(actor=head, complaint=complaint, officers=[officer])
        term_of(complaint, officer, today + timedelta(days=n))
        approved(people["ir_officer"].user, subject=f"Хат {n}")
        Notification.objects.create(user=people[username].user, title=f"Жаңалық {n}")
    with CaptureQueriesContext(connection) as after:
        assert client.get(reverse("core:home")).status_code == 200
    assert len(after.captured_queries) <= len(before.captured_queries) + 2, [q["sql"] for q in after.captured_queries]
    # The budget: most of it is the authority module asked who signs what today (IR 13, ISD 15).
    assert len(after.captured_queries) <= 60
