"""A record's page with several forms (the gates issue): each form under a prefix of its own,
so that no two fields on the page share an id and each label names its own field (WCAG 2.1
1.3.1, 4.1.1); the view a form is posted to reads it under the same prefix. The browser tests
check every page with the Nu HTML Checker; these run without it."""

import re
from collections import Counter
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from internal_security.models import Complaint
from internal_security.services import complaints as isd_complaints
from internal_security.services import investigations as isd_investigations
from international.models import LegalAssistanceRequest
from tests.internal_security.test_complaints import register
from tests.internal_security.test_investigations import open_investigation
from tests.international.factories import la_request


def repeated_ids(response) -> list[str]:
    """The ids on the page given twice (or empty)."""
    ids = Counter(re.findall(r'\sid="([^"]*)"', response.content.decode()))
    return sorted(value for value, count in ids.items() if count > 1 or not value)


def form_action(response, form_id: str) -> str:
    """Where the page's form of that id posts to, as the user's browser would."""
    form = re.search(rf'<form\b[^>]*\bid="{form_id}"[^>]*>', response.content.decode()).group(0)
    return re.search(r'action="([^"]+)"', form).group(1)


def test_a_complaint_s_moves_and_the_conflict_each_have_their_fields(people, client_for):
    complaint = register(people)
    isd_complaints.complaint_assign(
        actor=people["isd_head"].user, complaint=complaint, officers=[people["isd_officer"].user]
    )
    url = complaint.get_absolute_url()
    assert repeated_ids(client_for("isd_head").get(url)) == []
    page = client_for("isd_officer").get(url)
    assert repeated_ids(page) == []
    assert 'for="id_decide-reason"' in page.content.decode() and 'for="id_conflict-reason"' in page.content.decode()

    client_for("isd_officer").post(
        form_action(page, "move-decide"), {"decide-decision": "not_confirmed", "decide-reason": "Фактілер расталмады"}
    )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.DECIDED and complaint.outcome_note == "Фактілер расталмады"


def test_a_request_s_moves_each_have_their_fields(people, client_for):
    request = la_request(people["ir_officer"].user)
    client = client_for("ir_officer")
    assert repeated_ids(client.get(request.get_absolute_url())) == []

    move = reverse("international:request-move", args=[request.pk, "return_defects"])
    client.post(move, {"return_defects-reason": "Аударма жоқ"})
    request.refresh_from_db()
    assert request.status == LegalAssistanceRequest.Status.DEFECTS_RETURNED and request.outcome_note == "Аударма жоқ"


def test_each_personal_file_awaiting_permission_has_its_own_form_isd_5_9(people, client_for):
    investigation = open_investigation(people)
    head = people["isd_head"].user
    first, second = (
        isd_investigations.personal_file_request(
            actor=head, investigation=investigation, person=person, reason="Тексеру"
        )
        for person in ("Судья Б.", "Судья көмекшісі Д.")
    )
    assert repeated_ids(client_for("isd_head").get(investigation.get_absolute_url())) == []
    client = client_for("chairman")
    assert repeated_ids(client.get(investigation.get_absolute_url())) == []

    until = timezone.localdate() + timedelta(days=10)
    grant = reverse("internal_security:investigation-personal-file-grant", args=[investigation.pk, second.pk])
    client.post(grant, {f"grant-{second.pk}-valid_until": until.isoformat()})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.valid_until, second.valid_until) == (None, until)
