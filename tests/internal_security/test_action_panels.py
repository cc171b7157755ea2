"""The action panels of a complaint's page (the working-day issue, items 5 and 6): a form
refused keeps what was typed and says why beside the field, on the page itself; an access
that would end in the past is refused beside its field, and nobody is assigned."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from internal_security.models import Complaint, ComplaintGrant
from internal_security.services import complaints as isd
from tests.internal_security.factories import register

pytestmark = pytest.mark.django_db

REASONING = "Фактілер расталмады: " + "судьяның әрекеттері заңға сәйкес. " * 60  # about 2,000 characters


def test_a_decision_without_its_choice_keeps_the_reasoning_typed_and_names_the_field(client_for, people):
    head = people["isd_head"].user
    complaint = register(people)
    isd.complaint_assign(actor=head, complaint=complaint, officers=[people["isd_officer"].user])
    page = client_for("isd_officer").post(
        reverse("internal_security:complaint-move", args=[complaint.pk, "decide"]),
        {"decide-decision": "", "decide-reason": REASONING},
    )
    assert page.status_code == 200  # the page again, not a redirect that loses the text
    html = page.content.decode()
    form = html[html.index('id="move-decide"') :]
    form = form[: form.index("</form>")]
    assert REASONING.strip()[:200] in form  # what was typed is still there
    assert 'id="id_decide-decision_error"' in form and 'aria-invalid="true"' in form  # the error beside its field
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.IN_WORK


def test_an_access_ending_in_the_past_is_refused_beside_its_field_and_nobody_is_assigned(client_for, people):
    complaint = register(people)
    officer = people["isd_officer"].user
    yesterday = timezone.localtime() - timedelta(days=1)
    page = client_for("isd_head").post(
        reverse("internal_security:complaint-assign", args=[complaint.pk]),
        {"officers": [officer.pk], "valid_until": yesterday.strftime("%Y-%m-%dT%H:%M")},
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="id_valid_until_error"' in html
    assert not ComplaintGrant.objects.filter(content_object=complaint).exists()
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.REGISTERED


def test_the_officers_are_offered_by_name_not_by_login(client_for, people):
    complaint = register(people)
    html = (
        client_for("isd_head").get(reverse("internal_security:complaint-detail", args=[complaint.pk])).content.decode()
    )
    form = html[html.index('id="assign-form"') :]
    form = form[: form.index("</form>")]
    assert str(people["isd_officer"]) in form and "isd_officer" not in form.replace('name="officers"', "")
