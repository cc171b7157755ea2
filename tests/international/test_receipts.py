"""The applicant's receipt (талон) of a registered application (the working-day issue, IR
7.25): in the application's language, with its number, moment and the answer's due date;
outside the IR's reach, 404."""

import pytest
from django.urls import reverse

from tests.international.test_applications import register

pytestmark = pytest.mark.django_db


def test_a_kazakh_applications_receipt_is_in_kazakh_with_its_due_date(officer_client, people):
    application = register(people, language="kk")
    page = officer_client.get(reverse("international:application-receipt", args=[application.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    receipt = html[html.index('<article class="receipt') : html.index("</article>")]
    assert 'lang="kk"' in receipt[:120] and "Талон" in receipt and application.number in receipt
    assert "Жауап берілетін мерзім" in receipt and application.applicant_name in receipt


def test_outside_the_ir_the_receipt_is_not_found(client_for, people):
    application = register(people, language="ru")
    assert (
        client_for("isd_officer").get(reverse("international:application-receipt", args=[application.pk])).status_code
        == 404
    )
