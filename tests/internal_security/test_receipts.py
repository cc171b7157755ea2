"""The applicant's receipt (талон) of a registered complaint (the working-day issue): in the
appeal's language, with its number, moment, channel and the answer's due date; the applicant
named only for those who may see him (ISD 7); the receipt's opening is in the read log."""

import pytest
from django.urls import reverse

from courtadmin.audit.models import ReadEvent
from internal_security.services import complaints as isd
from tests.internal_security.factories import register

pytestmark = pytest.mark.django_db


def receipt_of(page) -> str:
    html = page.content.decode()
    return html[html.index('<article class="receipt') : html.index("</article>")]


def test_a_russian_complaints_receipt_is_in_russian_with_its_number_and_due_date(client_for, people):
    complaint = register(people, language="ru", applicant_name="Омаров Ерлан")
    isd.complaint_assign(actor=people["isd_head"].user, complaint=complaint, officers=[people["isd_officer"].user])
    page = client_for("isd_officer").get(reverse("internal_security:complaint-receipt", args=[complaint.pk]))
    assert page.status_code == 200
    receipt = receipt_of(page)
    assert 'lang="ru"' in receipt[:120]
    assert "Талон" in receipt and complaint.number in receipt and "Ответ будет дан до" in receipt
    assert "Омаров Ерлан" in receipt  # the assigned officer sees the applicant
    assert ReadEvent.objects.filter(user=people["isd_officer"].user, record_id=str(complaint.pk)).exists()


def test_the_applicant_is_not_named_to_whom_isd_7_hides_him(client_for, people):
    complaint = register(people, language="kk", applicant_name="Омаров Ерлан")
    page = client_for("isd_deputy").get(reverse("internal_security:complaint-receipt", args=[complaint.pk]))
    assert page.status_code == 200
    receipt = receipt_of(page)
    assert complaint.number in receipt and "Омаров" not in receipt and "Талон" in receipt


def test_an_officer_outside_the_complaint_gets_404(client_for, people):
    complaint = register(people)
    assert (
        client_for("isd_officer2").get(reverse("internal_security:complaint-receipt", args=[complaint.pk])).status_code
        == 404
    )
