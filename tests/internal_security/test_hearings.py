"""Hearings with heightened risk (ISD 6.5) and the court bailiffs assigned to them (ISD 6.11):
planned with the reason and the measures, the bailiffs in service in the hearing's region;
held once begun with how it went, or cancelled; kept by the central ISD and the region's unit."""

from datetime import datetime, time, timedelta
from io import BytesIO

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.deadlines.calendar import ALMATY
from courtadmin.org.models import Region
from internal_security.models import Bailiff, HearingSecurity
from internal_security.services import bailiffs as bailiff_services
from internal_security.services import hearings as services
from internal_security.workflow import hearing_move
from tests.conftest import TODAY, refusal_codes

from .test_incidents import an_incident

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_bailiff(people, name="Сот приставы Н.", region="almaty", username="isd_officer"):
    return bailiff_services.bailiff_add(
        actor=people[username].user,
        bailiff=Bailiff(
            full_name=name, post="аға сот приставы", court="Медеу аудандық соты", region=Region.objects.get(code=region)
        ),
    )


def a_hearing(people, bailiffs, username="isd_almaty", days=3, incident=None):
    return services.hearing_plan(
        actor=people[username].user,
        hearing=HearingSecurity(
            region=Region.objects.get(code="almaty"),
            court="Алматы қаласы Медеу аудандық соты",
            case_number="7511-26-00-1/245",
            starts_at=datetime.combine(TODAY.date() + timedelta(days=days), time(10), ALMATY),
            hall="№ 4",
            risk="Сотталушы бұрын судьяға қоқан-лоққы жасаған.",
            measures="Залға кіру металл іздегіш арқылы; екі пристав залда.",
        ),
        bailiffs=bailiffs,
        incident=incident,
    )


def test_a_hearing_with_heightened_risk_and_its_bailiffs_isd_6_5_6_11(people, client_for):
    """GIVEN two Almaty bailiffs and a threat to the judge
    WHEN the Almaty unit plans the hearing's security with both, from the threat
    THEN its page names them and the threat, the threat's page the hearing, and each
    bailiff's count of hearings planned is one; a Shymkent bailiff is refused beside the field."""
    threat = an_incident(people)
    first, second = a_bailiff(people), a_bailiff(people, "Сот приставы О.")
    hearing = a_hearing(people, [first, second], incident=threat)
    page = client_for("isd_head").get(hearing.get_absolute_url())
    assert [b.pk for b in page.context["bailiffs"]] == [first.pk, second.pk]
    assert page.context["incident"].pk == threat.pk
    assert [h.pk for h in client_for("isd_head").get(threat.get_absolute_url()).context["hearings"]] == [hearing.pk]
    rows = client_for("isd_almaty").get(reverse("internal_security:bailiff-list")).context["bailiffs"]
    assert [row.planned_hearings for row in rows] == [1, 1]
    elsewhere = a_bailiff(people, "Сот приставы Ш.", region="shymkent")
    with pytest.raises(ValidationError) as refused:
        a_hearing(people, [first, elsewhere])
    assert refused.value.error_dict["bailiffs"][0].code == "outside_region"
    with pytest.raises(ValidationError) as refused:
        a_hearing(people, [])
    assert refused.value.error_dict["bailiffs"][0].code == "required"


def test_it_is_held_once_begun_with_how_it_went(people):
    hearing = a_hearing(people, [a_bailiff(people)])
    almaty = people["isd_almaty"].user
    assert refusal_codes(hearing_move, hearing=hearing, move="hold", actor=almaty, report="Тәртіп бұзылмады") == {
        "not_yet"
    }
    with time_machine.travel(hearing.starts_at + timedelta(hours=3)):
        hearing_move(hearing=hearing, move="hold", actor=almaty, report="Тәртіп бұзылмады")
    hearing.refresh_from_db()
    assert hearing.status == HearingSecurity.Status.HELD and hearing.report == "Тәртіп бұзылмады"


def test_a_unit_sees_its_regions_hearings_alone_and_the_lists_are_exported(people, client_for):
    hearing = a_hearing(people, [a_bailiff(people)])
    shymkent = services.hearing_plan(
        actor=people["isd_officer"].user,
        hearing=HearingSecurity(
            region=Region.objects.get(code="shymkent"),
            court="Шымкент қалалық соты",
            case_number="1",
            starts_at=datetime.combine(TODAY.date(), time(15), ALMATY),
            risk=".",
            measures=".",
        ),
        bailiffs=[a_bailiff(people, region="shymkent")],
    )
    client = client_for("isd_almaty")
    assert client.get(shymkent.get_absolute_url()).status_code == 404
    assert [h.pk for h in client.get(reverse("internal_security:hearing-list")).context["hearings"]] == [hearing.pk]
    response = client_for("isd_head").get(reverse("internal_security:hearing-export"), {"text": "Шымкент"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Шымкент қалалық соты"]
    response = client_for("isd_head").get(reverse("internal_security:bailiff-export"), {"region": hearing.region_id})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Сот приставы Н."]


@pytest.mark.parametrize(
    "name", ["hearing-list", "hearing-create", "hearing-export", "bailiff-list", "bailiff-create", "bailiff-export"]
)
def test_the_registers_pages_are_404_to_outsiders(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username
