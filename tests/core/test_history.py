""" "History" on every record page (the working-day issue, item 3): who did what and when,
from the audit chain, in the reader's language, people by name and never by login, and
nothing of an event's stored details (ISD 7: the page shows its history only to those who
open the record, and only what the page shows anyway)."""

import pytest
from django.urls import reverse
from django.utils import translation

from courtadmin.org.authority import person_of
from internal_security.services import complaints as isd
from tests.internal_security.factories import register

pytestmark = pytest.mark.django_db


def history_of(page) -> str:
    html = page.content.decode()
    start = html.index('id="history"')
    return html[start : html.index("</section>", start)]


def test_a_complaints_history_names_the_people_and_the_moves_in_the_readers_language(client_for, people, users):
    officer, head = users["isd_officer"], users["isd_head"]
    complaint = register(people, applicant_name="Омаров Ерлан")
    isd.complaint_assign(actor=head, complaint=complaint, officers=[officer])
    url = reverse("internal_security:complaint-detail", args=[complaint.pk])

    client = client_for("isd_head")
    client.post(reverse("core:set-language"), {"language": "ru", "next": url})
    ru = history_of(client.get(url))
    client.post(reverse("core:set-language"), {"language": "kk", "next": url})
    kk = history_of(client.get(url))

    for history, language in ((ru, "ru"), (kk, "kk")):
        with translation.override(language):
            assert str(person_of(officer)) in history and str(person_of(head)) in history
        assert "isd_officer" not in history and "isd_head" not in history  # no login names
        assert "Омаров" not in history  # no stored details: the applicant is not the history's
    assert "<td>зарегистрировано</td>" in ru and "<td>Назначить сотрудников</td>" in ru
    assert "<td>тіркелді</td>" in kk and "<td>Қызметкерлерді тағайындау</td>" in kk


def test_a_documents_history_shows_each_visa_in_order(client_for, people):
    from courtadmin.documents import services as documents
    from tests.documents.conftest import draft

    officer, deputy = people["ir_officer"].user, people["ir_deputy_protocol"].user
    letter = draft(officer, route=[[people["ir_deputy_protocol"]]], subject="Хат")
    documents.document_act(document=letter, move="submit", actor=officer)
    documents.document_act(document=letter, move="approve", actor=deputy)
    history = history_of(client_for("ir_officer").get(letter.get_absolute_url()))
    rows = history.split("<tr>")[2:]  # the header's row first
    # The default route set on saving, the draft created, its route set, submitted, approved.
    assert len(rows) == 5, history
    assert str(people["ir_officer"]) in rows[-2] and str(people["ir_deputy_protocol"]) in rows[-1]
    assert "Келісуге жіберу" in rows[-2] and "келісуде" in rows[-2]  # the move, and the status it led to
    assert "Келісу" in rows[-1] and "келісілді" in rows[-1]
