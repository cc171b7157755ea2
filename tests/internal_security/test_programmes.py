"""Anti-corruption strategies and programmes (ISD 6.12): the items that fall to the judicial
system, each with its executor and term, controlled by the central ISD until reported; read
by the ISD and those it reports to, not by a territorial unit."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.models import Deadline, Reminder
from courtadmin.deadlines.services import reminders_scan
from internal_security.models import Programme, ProgrammeItem
from internal_security.services import programmes as services
from internal_security.workflow import programme_item_move
from tests.conftest import TODAY, refusal_codes

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_programme(people, username="isd_officer", **fields):
    defaults = {
        "title": "2022-2026 жылдарға арналған сыбайлас жемқорлыққа қарсы саясат тұжырымдамасы",
        "level": Programme.Level.STATE,
        "approved_by": "Президент Жарлығы, 02.02.2022 № 802",
        "first_year": 2022,
        "last_year": TODAY.year,
    }
    return services.programme_add(actor=people[username].user, programme=Programme(**{**defaults, **fields}))


def an_item(people, programme, days=10, username="isd_officer"):
    return services.programme_item_add(
        actor=people[username].user,
        programme=programme,
        item=ProgrammeItem(
            number="3.4",
            text="Сот төрелігі актілерін жариялау",
            executor="Сот әкімшілігі",
            due_on=TODAY.date() + timedelta(days=days),
        ),
    )


def test_an_item_is_reported_done_and_an_overdue_one_escalates_isd_6_12(people):
    programme = a_programme(people)
    done, late = an_item(people, programme, days=5), an_item(people, programme, days=8)
    officer = people["isd_officer"].user
    programme_item_move(item=done, move="report", actor=officer, result="Жарияланды", on=TODAY.date())
    assert Deadline.objects.get(kind="isd.programme_item", record_id=str(done.pk)).state == Deadline.State.MET
    reminders_scan(WorkingCalendar().add_working_days(late.due_on, 1))
    escalated = Reminder.objects.filter(key__startswith="escalation:", deadline__kind="isd.programme_item")
    assert set(escalated.values_list("recipient", flat=True)) == {people["isd_head"].user_id}
    assert refusal_codes(
        programme_item_move, item=late, move="report", actor=people["isd_almaty"].user, result=".", on=TODAY.date()
    ) == {"not_yours"}


def test_an_items_term_falls_within_the_programmes_years_and_after_today(people):
    programme = a_programme(people, first_year=2022, last_year=TODAY.year)
    with pytest.raises(ValidationError) as refused:
        an_item(people, programme, days=400)
    assert refused.value.error_dict["due_on"][0].code == "outside_years"
    with pytest.raises(ValidationError) as refused:
        an_item(people, programme, days=0)
    assert refused.value.error_dict["due_on"][0].code == "past"
    with pytest.raises(ValidationError) as refused:
        a_programme(people, first_year=2027, last_year=2025)
    assert "last_year" in refused.value.error_dict


def test_the_register_is_filtered_and_exported_item_by_item(people, client_for):
    programme = a_programme(people)
    an_item(people, programme)
    a_programme(people, title="Ведомстволық бағдарлама", level=Programme.Level.DEPARTMENTAL)
    client = client_for("chairman")
    rows = client.get(reverse("internal_security:programme-list"), {"open_items": "on"}).context["programmes"]
    assert [row.pk for row in rows] == [programme.pk] and rows[0].open_count == 1
    response = client.get(reverse("internal_security:programme-export"), {"level": "state"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["3.4"]


@pytest.mark.parametrize("name", ["programme-list", "programme-create", "programme-export"])
def test_the_registers_pages_are_404_to_outsiders_and_to_a_unit(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper", "isd_almaty"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username


def test_only_the_central_isd_records_a_programme(people):
    for username in ("isd_almaty", "chairman", "ir_head"):
        with pytest.raises(PermissionDenied):
            a_programme(people, username)
