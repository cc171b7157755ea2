"""The International Council at the Supreme Court (issue 22, item 7; IR 7.29): its members, its
meetings with agenda and minutes, and its decisions assigned through the instructions register."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from international.models import Councillor, Meeting
from international.selectors import council as selectors
from international.services import council as services
from tests.conftest import page_queries, refusal_codes

pytestmark = pytest.mark.time_machine(date(2026, 12, 7))


def meeting(officer, on=date(2026, 12, 4)) -> Meeting:
    record = Meeting(
        on=on, place="Астана, Жоғарғы Сот", agenda="1. Судьялардың этикасы.\n2. 2027 жылғы жоспар.", officer=officer
    )
    return services.meeting_save(actor=officer, meeting=record)


def test_a_meeting_is_held_with_its_minutes_and_its_decision_assigned_ir_7_29(users, client_for):
    officer, head = users["ir_officer"], users["ir_head"]
    held = meeting(officer)
    assert refusal_codes(services.meeting_move, meeting=held, move="hold", actor=officer, minutes=" ") == {"required"}
    later = meeting(officer, on=date(2026, 12, 20))
    assert refusal_codes(services.meeting_move, meeting=later, move="hold", actor=officer, minutes="x") == {"not_begun"}
    giving = {
        "department": "IR",
        "text": "2027 жылғы жоспардың жобасын дайындау",
        "executors": [officer],
        "lead": officer,
        "due_on": date(2026, 12, 7) + timedelta(days=14),
    }
    assert refusal_codes(services.decision_give, actor=head, meeting=held, **giving) == {"not_held"}
    response = client_for("ir_officer").post(
        reverse("international:meeting-move", args=[held.pk, "hold"]), {"minutes": "Жоспар мақұлданды."}
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert (held.status, held.minutes) == (Meeting.Status.HELD, "Жоспар мақұлданды.")
    decision = services.decision_give(actor=head, meeting=held, **giving)
    assert decision.instruction.given_by == head and decision.instruction.department == "IR"
    page = client_for("ir_head").get(held.get_absolute_url())
    assert list(page.context["decisions"]) == [decision]
    # The officer gives no instruction to the department: no decision page for him.
    assert client_for("ir_officer").get(reverse("international:meeting-decision", args=[held.pk])).status_code == 404
    # A held meeting is no longer corrected.
    held.place = "Алматы"
    assert refusal_codes(services.meeting_save, actor=officer, meeting=held) == {"closed"}


def test_the_members_serving_today_and_the_councils_reach(users, client_for):
    officer = users["ir_officer"]
    chair = services.councillor_save(
        actor=officer,
        councillor=Councillor(
            full_name="Jean Dupont", position="Président honoraire", role="chair", since=date(2024, 1, 1)
        ),
    )
    services.councillor_save(
        actor=officer,
        councillor=Councillor(full_name="Ex Member", position="Judge", since=date(2020, 1, 1), until=date(2025, 1, 1)),
    )
    assert list(selectors.council_members(users["ir_head"])) == [chair]
    assert refusal_codes(
        services.councillor_save,
        actor=officer,
        councillor=Councillor(full_name="X", position="Y", since=date(2026, 1, 1), until=date(2025, 1, 1)),
    ) == {"before_start"}
    held = meeting(officer)
    for username in ("legal_officer", "isd_head", "court_almaty", "sysadmin"):
        client = client_for(username)
        assert client.get(held.get_absolute_url()).status_code == 404, username
        assert client.get(reverse("international:meeting-list")).status_code == 404, username


def test_the_pages_cost_the_same_for_one_meeting_and_for_twenty(users, client_for):
    officer = users["ir_officer"]
    first = meeting(officer)
    client = client_for("ir_officer")
    urls = [reverse("international:meeting-list"), first.get_absolute_url()]
    few = [page_queries(client, url) for url in urls]
    for n in range(19):
        meeting(officer, on=date(2026, 11, 1) + timedelta(days=n))
        services.councillor_save(
            actor=officer, councillor=Councillor(full_name=f"Member {n}", position="Judge", since=date(2024, 1, 1))
        )
    assert [page_queries(client, url) for url in urls] == few
