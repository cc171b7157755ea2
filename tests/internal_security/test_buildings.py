"""Court buildings (ISD 6.7, 6.8): a building with its floors, entrances and regime premises,
its surveys and anti-terrorist inspections with the measures they call for controlled to their
terms, its anti-terrorist passport reminded before its term lapses and replaced on review, its
security equipment; kept by the central ISD and the region's unit, 404 for anyone else."""

from datetime import timedelta
from io import BytesIO

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.models import Deadline, Notification, Reminder
from courtadmin.deadlines.services import reminders_scan, reminders_send
from courtadmin.org.models import Region
from internal_security.models import (
    BuildingInspection,
    BuildingMeasure,
    CourtBuilding,
    SecurityEquipment,
    TerrorPassport,
)
from internal_security.services import buildings as services
from internal_security.workflow import building_measure_move
from tests.conftest import TODAY, refusal_codes

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_building(people, username="isd_almaty", region="almaty", vulnerable=True, **fields):
    defaults = {
        "court": "Алматы қалалық соты",
        "address": "Алматы қ., Әйтеке би к-сі, 35",
        "floors": 5,
        "entrances": 3,
        "regime_premises": "Қару сақтау бөлмесі; серверлік",
        "category": "2" if vulnerable else "",
    }
    return services.building_add(
        actor=people[username].user,
        building=CourtBuilding(region=Region.objects.get(code=region), vulnerable=vulnerable, **{**defaults, **fields}),
    )


def a_passport(people, building, number="АТП-1", until=None, username="isd_almaty"):
    return services.passport_file(
        actor=people[username].user,
        building=building,
        passport=TerrorPassport(
            number=number,
            approved_on=TODAY.date() - timedelta(days=300),
            valid_until=until or TODAY.date() + timedelta(days=60),
        ),
        upload=SimpleUploadedFile("passport.pdf", b"%PDF-1.7\n%%EOF\n"),
    )


def an_inspection(people, building, kind="survey", username="isd_almaty"):
    return services.inspection_add(
        actor=people[username].user,
        building=building,
        inspection=BuildingInspection(
            kind=kind,
            held_on=TODAY.date() - timedelta(days=3),
            held_by="ІҚБ аумақтық бөлімшесі мен ғимарат пайдалану қызметі",
            state="fair",
            findings="Шатыр ағады; бейнебақылау камераларының екеуі істемейді.",
        ),
    )


def a_measure(people, inspection, days=20, username="isd_almaty"):
    return services.building_measure_add(
        actor=people[username].user,
        inspection=inspection,
        measure=BuildingMeasure(
            text="Шатырды жөндеу", owner="Әкімшілік бөлімі", due_on=TODAY.date() + timedelta(days=days)
        ),
    )


def test_an_anti_terror_passports_review_is_reminded_before_it_lapses_isd_6_7(people):
    """GIVEN the Almaty unit files a vulnerable building's passport valid for 60 days
    THEN nothing is reminded while its term is far; 5 working days before it lapses the filer
    is reminded and finds it among his notifications; filed again on review, the old passport
    is replaced, its term closed, and the new one's term runs to its own end."""
    building = a_building(people)
    passport = a_passport(people, building)
    term = Deadline.objects.get(kind="isd.terror_passport", record_id=str(passport.pk))
    almaty = people["isd_almaty"].user
    calendar = WorkingCalendar()
    assert (term.due_on, term.responsible_id) == (calendar.last_working_day_by(passport.valid_until), almaty.pk)
    reminders_scan(TODAY.date())
    assert not Reminder.objects.filter(deadline=term).exists()
    five_before = calendar.working_days_before(term.due_on, 5)
    assert calendar.add_working_days(five_before, 5) == term.due_on
    with time_machine.travel(five_before, tick=False):
        reminders_scan(five_before)
        reminders_send()
    reminded = Reminder.objects.get(deadline=term, key="before:5")
    assert reminded.recipient_id == almaty.pk and reminded.outcome == "sent"
    assert Notification.objects.filter(user=almaty, reminder=reminded).exists()
    renewed = a_passport(people, building, number="АТП-2", until=TODAY.date() + timedelta(days=400))
    passport.refresh_from_db()
    assert passport.replaced_on == TODAY.date()
    term.refresh_from_db()
    assert term.state == Deadline.State.MET
    renewed_term = Deadline.objects.get(kind="isd.terror_passport", record_id=str(renewed.pk))
    assert renewed_term.due_on == calendar.last_working_day_by(renewed.valid_until) <= renewed.valid_until
    assert TerrorPassport.objects.filter(building=building, replaced_on__isnull=True).get().pk == renewed.pk


def test_a_passport_is_for_a_vulnerable_building_with_a_term_ahead_and_a_file(people):
    plain = a_building(people, vulnerable=False)
    assert refusal_codes(a_passport, people=people, building=plain) == {"not_vulnerable"}
    building = a_building(people)
    with pytest.raises(ValidationError) as refused:
        a_passport(people, building, until=TODAY.date())
    assert refused.value.error_dict["valid_until"][0].code == "past"
    with pytest.raises(ValidationError) as refused:
        services.passport_file(
            actor=people["isd_almaty"].user,
            building=building,
            passport=TerrorPassport(number="1", approved_on=TODAY.date(), valid_until=TODAY.date() + timedelta(days=9)),
            upload=SimpleUploadedFile("passport.exe", b"MZ\x90\x00"),
        )
    assert "file" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        a_building(people, category="")
    assert refused.value.error_dict["category"][0].code == "required"


def test_a_surveys_measure_is_controlled_to_its_term_and_an_overdue_one_is_found_isd_6_8(people, client_for):
    building = a_building(people)
    inspection = an_inspection(people, building)
    done, late = a_measure(people, inspection, days=10), a_measure(people, inspection, days=3)
    almaty = people["isd_almaty"].user
    building_measure_move(measure=done, move="report", actor=almaty, result="Жөнделді", on=TODAY.date())
    assert Deadline.objects.get(kind="isd.building_measure", record_id=str(done.pk)).state == Deadline.State.MET
    assert refusal_codes(a_measure, people=people, inspection=inspection, days=0) == {"past"}
    overdue_url = reverse("internal_security:building-list") + "?overdue=on"
    assert list(client_for("isd_head").get(overdue_url).context["buildings"]) == []
    with time_machine.travel(TODAY + timedelta(days=5), tick=False):
        rows = list(client_for("isd_head").get(overdue_url).context["buildings"])
        assert [(row.pk, row.open_count, row.overdue_count) for row in rows] == [(building.pk, 1, 1)]
        reminders_scan(WorkingCalendar().add_working_days(late.due_on, 1))
    escalated = Reminder.objects.filter(key__startswith="escalation:", deadline__kind="isd.building_measure")
    assert set(escalated.values_list("recipient", flat=True)) == {people["isd_head"].user_id}


def test_a_building_is_kept_by_the_isd_and_its_unit_and_is_404_for_anyone_else(people, client_for):
    building = a_building(people, "isd_head", region="shymkent")
    passport = a_passport(people, building, username="isd_head")
    inspection = an_inspection(people, building, username="isd_head")
    measure = a_measure(people, inspection, username="isd_head")
    download = reverse("internal_security:building-passport-download", args=[building.pk, passport.pk])
    for username in ("chairman", "ca_head", "isd_head", "isd_officer"):
        client = client_for(username)
        assert client.get(building.get_absolute_url()).status_code == 200, username
        assert client.get(download).status_code == 200, username
    for username in ("isd_almaty", "ir_head", "sysadmin", "court_almaty"):
        client = client_for(username)
        assert client.get(building.get_absolute_url()).status_code == 404, username
        assert client.get(download).status_code == 404, username
        listed = client.get(reverse("internal_security:building-list"))
        assert listed.status_code == 404 or building.pk not in [b.pk for b in listed.context["buildings"]], username
    move = reverse("internal_security:building-measure-move", args=[building.pk, measure.pk, "report"])
    assert client_for("isd_almaty").post(move, {f"measure{measure.pk}-report-result": "."}).status_code == 404
    assert refusal_codes(an_inspection, people=people, building=building, username="isd_almaty") == {"not_yours"}


def test_equipment_is_installed_under_a_contract_of_the_buildings_region_and_its_state_kept(people, client_for):
    from .test_contracts import a_contract

    building = a_building(people)
    ours, theirs = a_contract(people), a_contract(people, "isd_head", region="shymkent")
    almaty = people["isd_almaty"].user
    camera = services.equipment_add(
        actor=almaty,
        building=building,
        equipment=SecurityEquipment(
            kind="video", description="Кіреберістегі камера", installed_on=TODAY.date(), contract=ours
        ),
    )
    with pytest.raises(ValidationError) as refused:
        services.equipment_add(
            actor=almaty,
            building=building,
            equipment=SecurityEquipment(
                kind="access", description="Турникет", installed_on=TODAY.date(), contract=theirs
            ),
        )
    assert refused.value.error_dict["contract"][0].code == "outside_region"
    client = client_for("isd_almaty")
    state_url = reverse("internal_security:building-equipment-state", args=[building.pk, camera.pk])
    assert client.post(state_url, {f"equipment{camera.pk}-state": "faulty"}).status_code == 302
    camera.refresh_from_db()
    assert camera.state == "faulty"
    page = client.get(building.get_absolute_url())
    assert [item.pk for item in page.context["equipment"]] == [camera.pk]
    assert camera.pk in [item.pk for item in client.get(ours.get_absolute_url()).context["equipment"]]


def test_the_register_is_filtered_and_exported(people, client_for):
    building = a_building(people)
    a_passport(people, building, until=TODAY.date() + timedelta(days=20))
    a_building(people, court="Медеу аудандық соты", vulnerable=False)
    client = client_for("isd_head")
    url = reverse("internal_security:building-list")
    assert [b.pk for b in client.get(url + "?passport=lapsing").context["buildings"]] == [building.pk]
    assert len(client.get(url + "?text=Медеу").context["buildings"]) == 1
    assert len(client.get(url + "?vulnerable=on").context["buildings"]) == 1
    sheet = load_workbook(
        BytesIO(b"".join(client.get(reverse("internal_security:building-export")).streaming_content))
    ).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted(row[0] for row in rows) == ["Алматы қалалық соты", "Медеу аудандық соты"]


def test_a_refused_form_keeps_what_was_typed(people, client_for):
    building = a_building(people)
    client = client_for("isd_almaty")
    page = client.post(
        reverse("internal_security:building-inspection-add", args=[building.pk]),
        {"inspection-kind": "terror", "inspection-held_on": "2099-01-01", "inspection-held_by": "Комиссия"},
    )
    assert page.status_code == 200
    form = page.context["inspection_form"]
    assert form.errors["held_on"] and form.errors["findings"] and form["held_by"].value() == "Комиссия"


@pytest.mark.parametrize("name", ["building-list", "building-create", "building-export"])
def test_the_registers_pages_are_404_to_outsiders(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username
