"""The gifts register (issue 21, item 5): gifts given and received, their value and what was done
with them; a gift received above the threshold read also by the ISD head (ISD 6.14) and by no
other outsider."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from international.models import Gift
from international.selectors import gifts as selectors
from international.services import gifts as services
from tests.conftest import refusal_codes
from tests.international.factories import event

pytestmark = pytest.mark.time_machine(date(2026, 12, 6))


def gift(actor, *, value, direction=Gift.Direction.RECEIVED, **fields):
    record = Gift(
        direction=direction,
        description=fields.pop("description", "Күміс ыдыс"),
        value=Decimal(value),
        on=date(2026, 12, 1),
        counterpart="Түркия Кассациялық сотының төрағасы",
        person=fields.pop("person", actor),
        disposition=fields.pop(
            "disposition", Gift.Disposition.STATE if direction == Gift.Direction.RECEIVED else "presented"
        ),
        **fields,
    )
    return services.gift_save(actor=actor, gift=record)


def test_a_gift_received_above_the_threshold_is_read_by_the_isd_head_and_no_other_outsider_isd_6_14(
    users, client_for, settings
):
    settings.GIFT_DISCLOSURE_THRESHOLD = 40_000
    officer = users["ir_officer"]
    above = gift(officer, value="150000", event=event(officer))
    at_threshold = gift(officer, value="40000", description="Кітап")
    given = gift(officer, value="90000", direction=Gift.Direction.GIVEN, description="Кілем")
    assert set(selectors.gifts_visible_to(users["isd_head"])) == {above}
    assert set(selectors.gifts_visible_to(users["ir_head"])) == {above, at_threshold, given}
    head = client_for("isd_head")
    assert head.get(above.get_absolute_url()).status_code == 200
    assert list(head.get(reverse("international:gift-list")).context["page"].object_list) == [above]
    for other in (at_threshold, given):
        assert head.get(other.get_absolute_url()).status_code == 404
    assert head.get(reverse("international:gift-update", args=[above.pk])).status_code == 404
    # His work shows it; the event it came from stays closed to him.
    assert head.get(above.event.get_absolute_url()).status_code == 404
    for username in ("isd_deputy", "isd_officer", "legal_officer", "court_almaty", "sysadmin"):
        client = client_for(username)
        assert client.get(above.get_absolute_url()).status_code == 404, username
        assert client.get(reverse("international:gift-list")).status_code == 404, username
        assert client.get(reverse("international:gift-export")).status_code == 404, username


def test_the_isd_heads_work_lists_the_gifts_above_the_threshold(users, client_for, settings):
    settings.GIFT_DISCLOSURE_THRESHOLD = 40_000
    above = gift(users["ir_officer"], value="150000")
    panels = {item["panel"].code: item for item in client_for("isd_head").get(reverse("core:home")).context["panels"]}
    assert [line.url for line in panels["international_gifts"]["items"]] == [above.get_absolute_url()]
    officer_panels = client_for("isd_officer").get(reverse("core:home")).context["panels"]
    assert "international_gifts" not in {item["panel"].code for item in officer_panels}


def test_what_is_done_with_a_gift_fits_its_direction(users):
    officer = users["ir_officer"]
    assert refusal_codes(gift, actor=officer, value="1000", direction=Gift.Direction.GIVEN, disposition="kept") == {
        "given_kept"
    }
    assert refusal_codes(gift, actor=officer, value="1000", disposition="presented") == {"received"}
    assert refusal_codes(gift, actor=officer, value="-1") == {"min_value"}


def test_a_bad_value_is_refused_beside_the_field_and_what_was_typed_stays(users, client_for):
    data = {
        "direction": "received",
        "description": "Күміс ыдыс",
        "value": "көп",
        "on": "2026-12-01",
        "counterpart": "Елші",
        "person": users["ir_head"].pk,
        "disposition": "pending",
    }
    response = client_for("ir_officer").post(reverse("international:gift-create"), data)
    assert response.status_code == 200 and not Gift.objects.exists()
    form = response.context["form"]
    assert form.has_error("value") and form["description"].value() == "Күміс ыдыс"


def test_the_gift_list_costs_the_same_for_two_gifts_and_for_thirty(users, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    officer = users["ir_officer"]
    client = client_for("ir_officer")
    url = reverse("international:gift-list")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    for n in range(2):
        gift(officer, value=str(1000 + n), event=event(officer))
    few = queries()
    for n in range(28):
        gift(officer, value=str(100_000 + n), event=event(officer))
    assert queries() == few
