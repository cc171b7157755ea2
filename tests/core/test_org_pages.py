"""Absences and acting appointments kept in the portal: bad input is refused beside the
field with what was typed kept, and only the people one keeps can be touched."""

from datetime import date

import pytest
from django.urls import reverse

from courtadmin.audit.models import AuditEvent
from courtadmin.org.models import Absence, ActingAppointment
from tests.conftest import PAGE, TODAY

# Its dates are set around the suite's today, which it states (time-machine).
pytestmark = pytest.mark.time_machine(TODAY)


def absence_form(person, **overrides):
    data = {"person": person.pk, "kind": "leave", "start": "2026-12-01", "end": "2026-12-10", "note": "еңбек демалысы"}
    return {**data, **overrides}


def appointment_form(replaced, acting, **overrides):
    data = {
        "replaced": replaced.pk,
        "acting": acting.pk,
        "scope": "all",
        "start": "2026-12-01",
        "end": "2026-12-10",
        "order_number": "45-ж",
        "order_date": "2026-11-25",
    }
    return {**data, **overrides}


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


def test_staff_member_records_his_own_absence(client_for, people):
    response = client_for("ir_officer").post(reverse("org:absence-create"), absence_form(people["ir_officer"]))
    assert response.status_code == 302
    absence = Absence.objects.get(person=people["ir_officer"])
    assert (absence.start, absence.end) == (date(2026, 12, 1), date(2026, 12, 10))
    event = AuditEvent.objects.get(action="org.absence.create")
    assert event.after["end"] == "2026-12-10"
    assert event.actor == people["ir_officer"].user


def test_malformed_date_is_refused_beside_the_field_and_input_kept(client_for, people):
    response = client_for("ir_officer").post(
        reverse("org:absence-create"), absence_form(people["ir_officer"], start="2026-13-45")
    )
    assert response.status_code == 200
    assert field_errors(response, "start") == ["Күнді дұрыс енгізіңіз."]
    content = response.content.decode()
    assert 'value="2026-13-45"' in content
    assert "еңбек демалысы" in content
    assert not Absence.objects.exists()


def test_absence_ending_before_it_starts_is_refused_beside_the_end(client_for, people):
    response = client_for("ir_officer").post(
        reverse("org:absence-create"), absence_form(people["ir_officer"], start="2026-12-10", end="2026-12-01")
    )
    assert response.status_code == 200
    assert field_errors(response, "end") == ["Аяқталу күні басталу күнінен ерте бола алмайды."]
    assert 'value="2026-12-01"' in response.content.decode()
    assert not Absence.objects.exists()


def test_overlapping_acting_appointments_for_same_person_and_scope_are_refused(client_for, people):
    client = client_for("ca_head")  # the IR head's replacement is ordered from above
    first = client.post(reverse("org:acting-create"), appointment_form(people["ir_head"], people["ir_deputy_protocol"]))
    assert first.status_code == 302
    clash = client.post(
        reverse("org:acting-create"),
        appointment_form(
            people["ir_head"], people["ir_deputy_legal"], start="2026-12-05", end="2026-12-20", order_number="46-ж"
        ),
    )
    assert clash.status_code == 200
    (message,) = field_errors(clash, "start")
    assert "45-ж" in message and "01.12.2026" in message
    assert 'value="46-ж"' in clash.content.decode()
    assert ActingAppointment.objects.count() == 1


def test_appointments_for_different_lines_of_the_same_person_do_not_clash(client_for, people):
    client = client_for("ir_head")
    legal = people["ir_deputy_legal"]
    for scope, acting, number in [("legal_assistance", "ir_deputy_protocol", "1"), ("protocol", "ir_officer", "2")]:
        response = client.post(
            reverse("org:acting-create"), appointment_form(legal, people[acting], scope=scope, order_number=number)
        )
        assert response.status_code == 302
    assert ActingAppointment.objects.filter(replaced=legal).count() == 2


def test_all_powers_clashes_with_a_line_of_work(client_for, people):
    client = client_for("ir_head")
    legal = people["ir_deputy_legal"]
    client.post(reverse("org:acting-create"), appointment_form(legal, people["ir_deputy_protocol"], scope="protocol"))
    response = client.post(
        reverse("org:acting-create"), appointment_form(legal, people["ir_officer"], order_number="9")
    )
    assert response.status_code == 200
    assert field_errors(response, "start")


def test_staff_member_cannot_name_his_own_substitute(client_for):
    assert client_for("ir_officer").get(reverse("org:acting-create")).status_code == 404


def test_head_cannot_keep_absences_of_another_department(client_for, people):
    response = client_for("ir_head").post(reverse("org:absence-create"), absence_form(people["isd_officer"]))
    assert response.status_code == 200
    assert field_errors(response, "person")
    assert not Absence.objects.exists()


def test_absence_of_another_unit_answers_404(client_for, people):
    absence = Absence.objects.create(
        person=people["isd_officer"], kind="leave", start=date(2026, 12, 1), end=date(2026, 12, 2)
    )
    client = client_for("ir_head")
    assert client.get(reverse("org:absence-update", args=[absence.pk])).status_code == 404
    assert client.post(reverse("org:absence-delete", args=[absence.pk])).status_code == 404
    assert Absence.objects.filter(pk=absence.pk).exists()


@pytest.mark.parametrize("rows", [2, 50])
def test_absence_list_query_budget(client_for, people, django_assert_num_queries, rows):
    for i in range(rows):
        Absence.objects.create(
            person=people["ir_officer"], kind="leave", start=date(2027, 1, 1 + i % 28), end=date(2027, 2, 1)
        )
    client = client_for("ir_head")
    # PAGE; absences, appointments, whose appointments he may change, the appointments, the
    # positions and the IINs awaiting a second person: the same for 2 rows as for 50
    with django_assert_num_queries(PAGE + 6):
        response = client.get(reverse("org:absence-list"))
    assert response.content.decode().count(reverse("org:absence-update", args=[1])[:-2]) >= rows


def test_head_deletes_an_absence_of_his_unit_and_it_is_audited(client_for, people):
    absence = Absence.objects.create(
        person=people["ir_officer"], kind="leave", start=date(2026, 12, 1), end=date(2026, 12, 2)
    )
    response = client_for("ir_head").post(reverse("org:absence-delete", args=[absence.pk]))
    assert response.status_code == 302
    assert not Absence.objects.filter(pk=absence.pk).exists()
    event = AuditEvent.objects.get(action="org.absence.delete")
    assert event.before["start"] == "2026-12-01"
