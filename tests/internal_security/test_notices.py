"""Notices under ISD 13: a decision to dismiss, or to bring to disciplinary liability, a head
or member of staff of a territorial ISD unit is reported to the ISD head with copies of all
its materials; the portal refuses to record it as final before the notice is on file."""

from datetime import timedelta
from io import BytesIO

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courtadmin.deadlines.models import Deadline
from courtadmin.org.models import Region
from internal_security.models import StaffNotice
from internal_security.services import notices as services
from internal_security.workflow import notice_move
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def a_notice(people, username="hr_keeper", **fields):
    defaults = {
        "region": Region.objects.get(code="almaty"),
        "person": "Ерлан Б.",
        "role": StaffNotice.Role.STAFF,
        "measure": StaffNotice.Measure.DISMISSAL,
        "grounds": "Қызметтік тексеру қорытындысы бойынша.",
        "deciding_body": "Сот әкімшілігінің басшысы",
    }
    return services.notice_file(actor=people[username].user, notice=StaffNotice(**{**defaults, **fields}))


def material(people, notice, name="conclusion.pdf", username="hr_keeper"):
    upload = SimpleUploadedFile(name, b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")
    return services.notice_material_add(actor=people[username].user, notice=notice, upload=upload)


def move(people, notice, name, username="hr_keeper", **inputs):
    return notice_move(notice=notice, move=name, actor=people[username].user, **inputs)


@time_machine.travel(TODAY)
def test_a_territorial_officers_dismissal_is_refused_as_final_until_its_notice_is_on_file_isd_13(people):
    notice = a_notice(people)
    with pytest.raises(ValidationError) as refused:
        move(people, notice, "record_final", decision="Бұйрық № 12-ж")
    assert refused.value.code == "notice_missing"
    assert StaffNotice.objects.get(pk=notice.pk).status == StaffNotice.Status.PREPARED
    # Notified without its materials: refused too, since the notice goes with all of them.
    with pytest.raises(ValidationError) as refused:
        move(people, notice, "notify", due_on=timezone.localdate() + timedelta(days=7))
    assert refused.value.error_dict["due_on"][0].code == "no_materials"
    material(people, notice)
    move(people, notice, "notify", due_on=timezone.localdate() + timedelta(days=7))
    move(people, notice, "give_position", "isd_head", position="Келісемін.")
    move(people, notice, "record_final", decision="Бұйрық № 12-ж")
    notice.refresh_from_db()
    assert notice.status == StaffNotice.Status.FINAL
    assert (notice.notified_on, notice.head_position, notice.final_decision) == (
        timezone.localdate(),
        "Келісемін.",
        "Бұйрық № 12-ж",
    )


@time_machine.travel(TODAY)
def test_the_isd_heads_position_is_awaited_within_its_term_and_the_term_closes_with_it(people):
    notice = a_notice(people)
    material(people, notice)
    due = timezone.localdate() + timedelta(days=7)
    move(people, notice, "notify", due_on=due)
    term = Deadline.objects.get(kind="isd.staff_notice", record_id=str(notice.pk))
    assert (term.due_on, term.responsible) == (due, people["isd_head"].user)
    with pytest.raises(ValidationError) as refused:
        move(people, notice, "record_final", decision="Бұйрық № 12-ж")
    assert refused.value.code == "position_awaited"
    with pytest.raises(ValidationError) as refused:
        move(people, notice, "give_position", "isd_deputy", position="Келісемін.")
    assert refused.value.code == "not_yours"
    move(people, notice, "give_position", "isd_head", position="Қарсымын: материалдар толық емес.")
    term.refresh_from_db()
    assert term.state == Deadline.State.MET


def test_once_the_term_passes_unanswered_the_decision_may_be_final(people):
    with time_machine.travel(TODAY):
        notice = a_notice(people)
        material(people, notice)
        move(people, notice, "notify", due_on=timezone.localdate() + timedelta(days=3))
    with time_machine.travel(TODAY + timedelta(days=10)):
        move(people, notice, "record_final", decision="Бұйрық № 12-ж")
        assert StaffNotice.objects.get(pk=notice.pk).status == StaffNotice.Status.FINAL
        term = Deadline.objects.get(kind="isd.staff_notice", record_id=str(notice.pk))
        assert term.state == Deadline.State.MISSED


@pytest.mark.parametrize("username", ["isd_officer", "isd_almaty", "ir_head", "isd_head"])
def test_only_the_leadership_and_the_personnel_office_file_a_notice(people, username):
    with pytest.raises(PermissionDenied):
        a_notice(people, username)
    assert not StaffNotice.objects.exists()


@pytest.mark.parametrize("username", ["chairman", "ca_head", "hr_keeper"])
def test_the_leadership_and_the_personnel_office_file_one(people, username):
    assert a_notice(people, username).filed_by == people[username].user


@time_machine.travel(TODAY)
def test_the_notice_reaches_the_isd_heads_and_its_filers_and_nobody_else(people, client_for):
    notice = a_notice(people)
    upload = material(people, notice)
    for username in ("isd_head", "isd_deputy", "hr_keeper", "chairman", "ca_head"):
        client = client_for(username)
        assert client.get(notice.get_absolute_url()).status_code == 200, username
        rows = client.get(reverse("internal_security:notice-list")).context["notices"]
        assert [row.pk for row in rows] == [notice.pk], username
    download = reverse("internal_security:notice-file-download", args=[notice.pk, upload.pk])
    for username in ("isd_officer", "isd_almaty", "ir_head", "ca_deputy"):
        client = client_for(username)
        for url in (notice.get_absolute_url(), download, reverse("internal_security:notice-list")):
            assert client.get(url).status_code == 404, (username, url)


@time_machine.travel(TODAY)
def test_the_register_is_filtered_and_exported(people, client_for):
    a_notice(people)
    a_notice(people, person="Айгүл С.", measure=StaffNotice.Measure.DISCIPLINARY)
    client = client_for("isd_head")
    rows = client.get(reverse("internal_security:notice-list"), {"measure": "disciplinary"}).context["notices"]
    assert [row.person for row in rows] == ["Айгүл С."]
    response = client.get(reverse("internal_security:notice-export"), {"measure": "disciplinary"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Айгүл С."]


@time_machine.travel(TODAY)
def test_the_notify_form_keeps_the_reason_beside_its_field(people, client_for):
    notice = a_notice(people)
    client = client_for("hr_keeper")
    url = reverse("internal_security:notice-move", args=[notice.pk, "notify"])
    page = client.post(url, {"due_on": (timezone.localdate() + timedelta(days=5)).isoformat()})
    assert page.status_code == 200
    form = next(form for m, form in page.context["moves"] if m.name == "notify")
    assert form.errors.as_data()["due_on"][0].code == "no_materials"
    assert form["due_on"].value() == (timezone.localdate() + timedelta(days=5)).isoformat()
    empty = client.post(url, {"due_on": "31.02.2026"})
    assert empty.status_code == 200 and StaffNotice.objects.get(pk=notice.pk).status == "prepared"


@time_machine.travel(TODAY)
def test_a_dropped_decision_keeps_its_reason_and_closes_its_materials(people):
    notice = a_notice(people)
    move(people, notice, "drop", reason="Шешім қабылданбады.")
    notice.refresh_from_db()
    assert (notice.status, notice.closing_note) == (StaffNotice.Status.DROPPED, "Шешім қабылданбады.")
    with pytest.raises(ValidationError) as refused:
        material(people, notice)
    assert refused.value.code == "closed"
