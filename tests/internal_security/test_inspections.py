"""Inspections of territorial subdivisions on anti-corruption work (ISD 5.10): by a programme,
held with findings, its recommendations with terms controlled by the ISD until each is done
(ISD 6.10, 6.18); kept by the central ISD and the region's territorial ISD unit alone."""

from datetime import date, datetime, time, timedelta
from io import BytesIO

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courtadmin.deadlines.calendar import ALMATY, WorkingCalendar
from courtadmin.deadlines.models import Deadline, Reminder
from courtadmin.deadlines.services import reminders_scan
from courtadmin.org.models import Region
from internal_security.models import Inspection, Recommendation
from internal_security.services import inspections as services
from internal_security.workflow import inspection_move, recommendation_move
from tests.conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def an_inspection(people, username="isd_almaty", region="almaty", led_by="isd_almaty", days_ago=10):
    today = timezone.localdate()
    return services.inspection_plan(
        actor=people[username].user,
        inspection=Inspection(
            region=Region.objects.get(code=region),
            subdivision="Медеу аудандық сотының кеңсесі",
            programme="Сыбайлас жемқорлыққа қарсы іс-шаралар",
            starts_on=today - timedelta(days=days_ago),
            ends_on=today - timedelta(days=days_ago - 3),
            led_by=people[led_by],
        ),
    )


def held(people, inspection, username="isd_almaty"):
    return inspection_move(inspection=inspection, move="hold", actor=people[username].user, findings="Бұзушылықтар")


def a_recommendation(people, inspection, username="isd_almaty", days=20):
    return services.recommendation_add(
        actor=people[username].user,
        inspection=inspection,
        recommendation=Recommendation(
            text="Тіркеу журналын жүргізу", responsible="Кеңсе меңгерушісі", due_on=TODAY.date() + timedelta(days=days)
        ),
    )


def test_an_inspections_recommendation_is_controlled_to_done_and_only_then_it_closes_isd_6_18(people):
    """GIVEN the Almaty unit's inspection, held, with two recommendations under control
    WHEN one is reported done and the other is still to be done
    THEN the inspection does not close; once the second is done it closes, each term closed
    as met or missed by its day, and the ISD head escalated the one overdue."""
    almaty = people["isd_almaty"].user
    inspection = an_inspection(people)
    with pytest.raises(ValidationError) as refused:  # no recommendation before the findings
        a_recommendation(people, inspection)
    assert refused.value.code == "not_held"
    held(people, inspection)
    first, second = a_recommendation(people, inspection, days=5), a_recommendation(people, inspection, days=8)
    term = Deadline.objects.get(kind="isd.recommendation", record_id=str(first.pk))
    assert (term.due_on, term.responsible) == (first.due_on, almaty)

    recommendation_move(recommendation=first, move="report", actor=almaty, result="Журнал енгізілді", on=TODAY.date())
    with pytest.raises(ValidationError) as refused:
        inspection_move(inspection=inspection, move="close", actor=almaty)
    assert refused.value.code == "recommendations_open"
    assert Inspection.objects.get(pk=inspection.pk).status == Inspection.Status.HELD

    overdue = WorkingCalendar().add_working_days(second.due_on, 1)
    reminders_scan(overdue)
    assert set(Reminder.objects.filter(key__startswith="escalation:").values_list("recipient", flat=True)) == {
        people["isd_head"].user_id
    }
    officer = people["isd_officer"].user  # the central ISD controls any region's
    with time_machine.travel(datetime.combine(overdue, time(10), ALMATY)):
        recommendation_move(recommendation=second, move="report", actor=officer, result="Оқу", on=overdue)
        inspection_move(inspection=inspection, move="close", actor=almaty)
    assert Inspection.objects.get(pk=inspection.pk).status == Inspection.Status.CLOSED
    states = dict(Deadline.objects.filter(kind="isd.recommendation").values_list("record_id", "state"))
    assert states == {str(first.pk): Deadline.State.MET, str(second.pk): Deadline.State.MISSED}


def test_an_inspection_is_held_only_once_its_last_day_is_past_and_with_its_findings(people):
    running = an_inspection(people, days_ago=1)  # ends in two days
    with pytest.raises(ValidationError) as refused:
        held(people, running)
    assert refused.value.code == "not_over"
    past = an_inspection(people)
    with pytest.raises(ValidationError) as refused:
        inspection_move(inspection=past, move="hold", actor=people["isd_almaty"].user, findings="  ")
    assert refused.value.error_dict["findings"][0].code == "required"
    assert Inspection.objects.get(pk=past.pk).status == Inspection.Status.PLANNED


def test_a_unit_inspects_its_own_region_the_central_isd_any(people):
    almaty = Region.objects.get(code="almaty")
    own = an_inspection(people, region="shymkent")  # its own region, whatever was posted
    assert own.region == almaty
    shymkent = an_inspection(people, "isd_officer", region="shymkent", led_by="isd_officer")
    held(people, shymkent, "isd_officer")
    with pytest.raises(ValidationError) as refused:
        a_recommendation(people, shymkent, "isd_almaty")
    assert refused.value.code == "not_yours"
    with pytest.raises(PermissionDenied):
        an_inspection(people, "ir_head", led_by="isd_officer")
    with pytest.raises(ValidationError) as refused:  # led by someone outside the ISD
        an_inspection(people, "isd_officer", led_by="ir_officer")
    assert refused.value.error_dict["led_by"][0].code == "outsider"


def test_the_almaty_unit_sees_almatys_inspections_and_404_for_another_regions(people, client_for):
    own = an_inspection(people)
    other = an_inspection(people, "isd_officer", region="shymkent", led_by="isd_officer")
    client = client_for("isd_almaty")
    rows = client.get(reverse("internal_security:inspection-list")).context["inspections"]
    assert [row.pk for row in rows] == [own.pk]
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    rows = client_for("isd_head").get(reverse("internal_security:inspection-list")).context["inspections"]
    assert {row.pk for row in rows} == {own.pk, other.pk}
    for outsider in ("ir_head", "ca_deputy", "court_almaty"):
        assert client_for(outsider).get(reverse("internal_security:inspection-list")).status_code == 404


def test_the_register_is_filtered_by_open_recommendations_and_exported(people, client_for):
    with_open = an_inspection(people)
    held(people, with_open)
    a_recommendation(people, with_open)
    an_inspection(people, "isd_officer", region="shymkent", led_by="isd_officer")
    client = client_for("isd_head")
    rows = client.get(reverse("internal_security:inspection-list"), {"open_recommendations": "on"}).context[
        "inspections"
    ]
    assert [(row.pk, row.recommendation_count, row.open_count) for row in rows] == [(with_open.pk, 1, 1)]
    response = client.get(reverse("internal_security:inspection-export"), {"open_recommendations": "on"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[6:] for row in sheet.iter_rows(min_row=2, values_only=True)] == [(1, 1)]


def test_a_recommendation_refused_on_the_page_keeps_what_was_typed(people, client_for):
    inspection = an_inspection(people)
    held(people, inspection)
    client = client_for("isd_almaty")
    url = reverse("internal_security:inspection-recommendation-add", args=[inspection.pk])
    page = client.post(url, {"text": "Оқу өткізу", "responsible": "Меңгеруші", "due_on": "2026-11-01"})
    assert page.status_code == 200
    form = page.context["recommendation_form"]
    assert form.errors.as_data()["due_on"][0].code == "past" and form["text"].value() == "Оқу өткізу"
    assert not Recommendation.objects.exists()
    ends_before = client.post(
        reverse("internal_security:inspection-create"),
        {
            "subdivision": "Кеңсе",
            "programme": "...",
            "starts_on": "2026-12-10",
            "ends_on": "2026-12-01",
            "led_by": people["isd_almaty"].pk,
        },
    )
    assert ends_before.status_code == 200 and "ends_on" in ends_before.context["form"].errors
    assert Inspection.objects.count() == 1


def test_the_execution_form_keeps_the_reason_beside_the_recommendations_field(people, client_for):
    inspection = an_inspection(people)
    held(people, inspection)
    recommendation = a_recommendation(people, inspection)
    url = reverse("internal_security:inspection-recommendation-move", args=[inspection.pk, recommendation.pk, "report"])
    prefix = f"recommendation{recommendation.pk}-report"
    page = client_for("isd_almaty").post(url, {f"{prefix}-result": "", f"{prefix}-on": date(2026, 11, 20)})
    assert page.status_code == 200
    moves = next(moves for row, moves in page.context["rows"] if row.pk == recommendation.pk)
    form = next(form for move, form in moves if move.name == "report")
    assert "result" in form.errors
    assert Recommendation.objects.get(pk=recommendation.pk).status == Recommendation.Status.PLANNED
