"""Bad input on the ISD's pages: the reason beside its field, what was typed kept, nothing
written (issue 7)."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courtadmin.deadlines.models import Deadline
from courtadmin.org.models import Region
from internal_security.models import Complaint, Investigation, JudgeInterview
from internal_security.services import investigations as services

from .factories import A_TYPO, a_working_day, iin, open_investigation


def codes(form, field) -> set[str]:
    return {error.code for error in form.errors.as_data()[field]}


A_BIN = iin("05034000001")  # a legal entity registered in March 2005
A_BIN_TYPO = A_BIN[:11] + str((int(A_BIN[11]) + 1) % 10)
SUMMARY = "Сот орындаушысы пара сұрады"


def complaint_data(**overrides):
    received = datetime.combine(a_working_day(), time(10, 0))
    data = {
        "received_at": received.strftime("%Y-%m-%dT%H:%M"),
        "channel": Complaint.Channel.POST,
        "language": "kk",
        "applicant_kind": Complaint.ApplicantKind.INDIVIDUAL,
        "applicant_name": "Омаров Ерлан",
        "applicant_identifier": iin(),
        "applicant_address": "Астана қ., Сарыарқа д-лы, 5",
        "person_concerned": "Судья А.",
        "person_role": Complaint.PersonRole.JUDGE,
        "region": Region.objects.get(code="astana").pk,
        "court": "Астана қаласы Сарыарқа аудандық соты",
        "summary": SUMMARY,
        "substance": "Өтініш беруші судьяның ақша сұрағанын хабарлайды.",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"applicant_identifier": A_TYPO}, "applicant_identifier", "iin_checksum"),
        (
            {"applicant_kind": Complaint.ApplicantKind.LEGAL_ENTITY, "applicant_identifier": A_BIN_TYPO},
            "applicant_identifier",
            "iin_checksum",
        ),
        ({"substance": ""}, "substance", "required"),
    ],
)
def test_a_complaint_with_bad_input_is_refused_beside_its_field_and_kept(people, client_for, overrides, field, code):
    response = client_for("isd_officer").post(
        reverse("internal_security:complaint-create"), complaint_data(**overrides)
    )
    assert response.status_code == 200
    assert codes(response.context["form"], field) == {code}
    assert f'value="{SUMMARY}"' in response.content.decode()
    assert not Complaint.objects.exists() and not Deadline.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [{}, {"applicant_kind": Complaint.ApplicantKind.LEGAL_ENTITY, "applicant_identifier": A_BIN}],
)
def test_the_same_complaint_typed_right_is_registered(people, client_for, overrides):
    url = reverse("internal_security:complaint-create")
    response = client_for("isd_officer").post(url, complaint_data(**overrides))
    assert response.status_code == 302 and Complaint.objects.get().summary == SUMMARY


def investigation_data(people, **overrides):
    today = timezone.localdate()
    data = {
        "basis": Investigation.Basis.MISCONDUCT,
        "instructed_by": people["chairman"].pk,
        "instruction_number": "7-т",
        "instruction_date": (today - timedelta(days=1)).isoformat(),
        "region": Region.objects.get(code="karaganda").pk,
        "subject": "Судьяның әдеп нормаларын бұзуы",
        "due_on": (today + timedelta(days=30)).isoformat(),
        "person_name": "Судья Б.",
        "person_role": "judge",
        "person_position": "Қарағанды облыстық соты",
    }
    return {**data, **overrides}


def test_an_instruction_dated_in_the_future_is_refused_beside_its_field(people, client_for):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    url = reverse("internal_security:investigation-create")
    response = client_for("isd_head").post(url, investigation_data(people, instruction_date=tomorrow))
    assert response.status_code == 200
    assert codes(response.context["form"], "instruction_date") == {"future"}
    assert 'value="Судьяның әдеп нормаларын бұзуы"' in response.content.decode()
    assert not Investigation.objects.exists()
    assert client_for("isd_head").post(url, investigation_data(people)).status_code == 302


def test_an_interview_without_the_judges_consent_is_refused_and_the_record_kept_isd_5_3(people, client_for):
    investigation = open_investigation(people)
    officer = people["isd_officer"].user
    services.investigation_team_add(actor=people["isd_head"].user, investigation=investigation, officers=[officer])
    record = "Судья өз түсініктемесін берді, хаттама жасалды."
    data = {
        "judge": "Судья Б.",
        "permission": "Төрағаның № 5 рұқсаты",
        "held_on": timezone.localdate().isoformat(),
        "record": record,
    }
    url = reverse("internal_security:investigation-interview-add", args=[investigation.pk])
    response = client_for("isd_officer").post(url, data)
    assert response.status_code == 200
    assert codes(response.context["interview_form"], "consent_on") == {"no_consent"}
    assert record in response.content.decode()
    assert not JudgeInterview.objects.exists()
    consented = {**data, "consent_on": (timezone.localdate() - timedelta(days=1)).isoformat()}
    assert client_for("isd_officer").post(url, consented).status_code == 302
    assert JudgeInterview.objects.get().record == record
