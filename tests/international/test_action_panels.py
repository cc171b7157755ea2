"""The action panels of a legal-assistance request's page (the working-day issue, item 6): a
move refused comes back on the page itself, with what was typed and the reason beside the
field of that move's own panel; nothing moves."""

import pytest
from django.urls import reverse

from international.models import LegalAssistanceRequest
from tests.international.factories import la_request

pytestmark = pytest.mark.django_db


def panel(page, move: str) -> str:
    html = page.content.decode()
    start = html.index(f'action="{reverse("international:request-move", args=[page.request_pk, move])}"')
    return html[start : html.index("</form>", start)]


def test_a_refusal_without_its_ground_names_the_field_and_nothing_moves(officer_client):
    request = la_request(officer_client.officer)
    page = officer_client.post(
        reverse("international:request-move", args=[request.pk, "refuse"]), {"refuse-reason": ""}
    )
    assert page.status_code == 200
    page.request_pk = request.pk
    form = panel(page, "refuse")
    assert 'id="id_refuse-reason_error"' in form and 'aria-invalid="true"' in form
    request.refresh_from_db()
    assert request.status == LegalAssistanceRequest.Status.REGISTERED


def test_a_date_that_is_not_a_date_comes_back_as_typed_beside_its_field(officer_client):
    request = la_request(officer_client.officer, status=LegalAssistanceRequest.Status.SENT_TO_COURT)
    page = officer_client.post(
        reverse("international:request-move", args=[request.pk, "court_received"]), {"court_received-on": "31.02.2026"}
    )
    assert page.status_code == 200
    page.request_pk = request.pk
    form = panel(page, "court_received")
    assert 'value="31.02.2026"' in form and 'id="id_court_received-on_error"' in form
    request.refresh_from_db()
    assert request.status == LegalAssistanceRequest.Status.SENT_TO_COURT
