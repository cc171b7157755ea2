"""Official investigations (ISD 6.21, 6.22): opened only on the instruction of the Chairman
or the Head of the Court Administration; explanations (ISD 5.2); interviews of judges only
with permission and consent (ISD 5.3); personal files studied under a permission that
lapses on its date (ISD 5.9); concluded with a conclusion signed per ISD 15."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courtadmin.deadlines.models import Deadline
from courtadmin.documents import services as documents
from courtadmin.org.models import Region
from internal_security.models import InvestigatedPerson, Investigation, JudgeInterview
from internal_security.services import investigations as services
from internal_security.services.cases import criminal_case_save
from internal_security.services.signals import signal_save
from internal_security.workflow import case_move, investigation_conclude
from tests.conftest import DEMO_TEST_PASSWORD, refusal_codes
from tests.documents.conftest import second_factor_code

from .factories import a_case, open_investigation, register, signal


def test_an_investigation_opens_on_the_chairmans_instruction_with_its_term_isd_6_21(people):
    investigation = open_investigation(people)
    assert investigation.number.startswith("ҚТ-") and investigation.opened_by == people["isd_head"].user
    term = Deadline.objects.get(record_id=str(investigation.pk), kind="isd.investigation")
    assert term.due_on == investigation.due_on


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"instructed_by": "isd_head"}, "instructed_by", "not_instructing"),
        ({"instructed_by": "ca_deputy"}, "instructed_by", "not_instructing"),
        ({"instruction_date": timezone.localdate() + timedelta(days=1)}, "instruction_date", "future"),
    ],
)
def test_without_an_instruction_of_the_chairman_or_the_ca_head_there_is_no_investigation(people, fields, field, code):
    instructed_by = fields.pop("instructed_by", "chairman")
    with pytest.raises(Exception) as refused:
        open_investigation(people, instructed_by=instructed_by, **fields)
    assert code in {error.code for error in refused.value.error_dict[field]}
    assert not Investigation.objects.exists()


def test_the_ca_head_may_order_one_too_and_an_officer_may_not_enter_it(people):
    assert open_investigation(people, instructed_by="ca_head").pk
    with pytest.raises(PermissionDenied):
        services.investigation_open(actor=people["isd_officer"].user, investigation=Investigation(), persons=[])


def interview(**fields):
    defaults = {
        "judge": "Судья Б.",
        "permission": "Төрағаның 2026 ж. 20.11 № 5 рұқсаты",
        "consent_on": timezone.localdate() - timedelta(days=1),
        "held_on": timezone.localdate(),
        "record": "Судья түсініктеме берді.",
    }
    return JudgeInterview(**{**defaults, **fields})


def test_a_judge_is_interviewed_only_with_permission_and_consent_isd_5_3(people):
    investigation = open_investigation(people)
    officer = people["isd_officer"].user
    services.investigation_team_add(actor=people["isd_head"].user, investigation=investigation, officers=[officer])
    record = services.interview_record
    assert refusal_codes(record, actor=officer, investigation=investigation, interview=interview(permission="")) == {
        "no_permission"
    }
    assert refusal_codes(record, actor=officer, investigation=investigation, interview=interview(consent_on=None)) == {
        "no_consent"
    }
    assert not JudgeInterview.objects.exists()
    assert record(actor=officer, investigation=investigation, interview=interview()).pk


def test_a_personal_file_permission_is_the_leaderships_and_lapses_on_its_date_isd_5_9(people):
    investigation = open_investigation(people)
    head = people["isd_head"].user
    request = services.personal_file_request(
        actor=head, investigation=investigation, person="Судья Б.", reason="Тексеру"
    )
    assert not request.permits()
    with pytest.raises(PermissionDenied):
        services.personal_file_grant(actor=head, request=request, valid_until=timezone.localdate())
    today = timezone.localdate()
    services.personal_file_grant(actor=people["chairman"].user, request=request, valid_until=today + timedelta(days=5))
    assert request.permits(today) and request.permits(today + timedelta(days=5))
    assert not request.permits(today + timedelta(days=6))


def test_an_explanation_is_kept_with_its_dates_and_file_isd_5_2(people):
    investigation = open_investigation(people)
    head = people["isd_head"].user
    upload = SimpleUploadedFile("e.pdf", b"%PDF-1.7\n%explanation\n", content_type="application/pdf")
    today = timezone.localdate()
    assert refusal_codes(
        services.explanation_add,
        actor=head,
        investigation=investigation,
        person="Хатшы В.",
        summoned_on=today,
        given_on=today - timedelta(days=1),
        upload=upload,
    ) == {"before_summons"}
    explanation = services.explanation_add(
        actor=head,
        investigation=investigation,
        person="Хатшы В.",
        summoned_on=today - timedelta(days=1),
        given_on=today,
        upload=upload,
    )
    assert explanation.sha256 and explanation.original_name == "e.pdf"


def test_it_concludes_once_the_head_signs_the_conclusion_isd_15(signing):
    people = signing
    investigation = open_investigation(people)
    head, officer = people["isd_head"].user, people["isd_officer"].user
    services.investigation_team_add(actor=head, investigation=investigation, officers=[officer])
    assert refusal_codes(
        investigation_conclude, investigation=investigation, actor=officer, outcome="no_violation"
    ) == {"conclusion_unsigned"}
    conclusion = services.conclusion_prepare(actor=officer, investigation=investigation)
    documents.document_act(document=conclusion, move="submit", actor=officer)
    documents.document_act(document=conclusion, move="approve", actor=people["isd_deputy"].user)
    documents.document_sign(document=conclusion, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head))
    investigation_conclude(investigation=investigation, actor=officer, outcome="disciplinary")
    assert investigation.status == "concluded" and investigation.outcome == "disciplinary"
    assert investigation.concluded_on == timezone.localdate(conclusion.signature.signed_at)
    assert Deadline.objects.get(record_id=str(investigation.pk), kind="isd.investigation").state == Deadline.State.MET


def test_only_the_team_and_those_the_isd_reports_to_open_an_investigation_isd_7(people, client_for):
    investigation = open_investigation(people)
    services.investigation_team_add(
        actor=people["isd_head"].user, investigation=investigation, officers=[people["isd_officer"].user]
    )
    url = reverse("internal_security:investigation-detail", args=[investigation.pk])
    for username in ("isd_officer", "isd_head", "isd_deputy", "chairman", "ca_head"):
        assert client_for(username).get(url).status_code == 200, username
    for username in ("isd_officer2", "isd_almaty", "ca_deputy", "ir_head", "sysadmin"):
        assert client_for(username).get(url).status_code == 404, username


def test_the_list_is_filtered_and_exported_within_reach(people, client_for):
    from io import BytesIO

    from openpyxl import load_workbook

    overdue = open_investigation(people, due_on=timezone.localdate() - timedelta(days=1))  # its term has passed
    current = open_investigation(people, instruction_number="13-т")
    services.investigation_team_add(
        actor=people["isd_head"].user, investigation=current, officers=[people["isd_officer"].user]
    )
    listed = client_for("isd_head").get(reverse("internal_security:investigation-list"), {"overdue": "on"})
    assert [i.pk for i in listed.context["investigations"]] == [overdue.pk]
    response = client_for("isd_officer").get(reverse("internal_security:investigation-export"))
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == [current.number]  # only his team's


def test_an_investigation_is_extended_by_who_instructed_it_and_concluded_with_linked_records_isd_6_21(
    signing, client_for
):
    """GIVEN the CA head's instruction, a complaint and information on corruption about the
    judge, and a criminal case entered by the registry
    WHEN the team adds a second person, links the complaint and the information, attaches a
    material, the CA head extends the term on his decision and the team concludes on the
    signed conclusion
    THEN the page shows every linked record and the material, the term's new date is the
    investigation's and the deadline's, its history says why; nobody else extends it."""
    people = signing
    head, officer, ca_head = people["isd_head"].user, people["isd_officer"].user, people["ca_head"].user
    investigation = open_investigation(people, instructed_by="ca_head")
    services.investigation_team_add(actor=head, investigation=investigation, officers=[officer])
    complaint = register(people, "isd_head", region=investigation.region)
    about_the_judge = signal_save(actor=head, signal=signal(person="Судья Б.", region=investigation.region))
    case = criminal_case_save(
        actor=head,
        case=a_case(region=investigation.region),
        investigation_numbers=[investigation.number],
        opening_decision="КҚБТ № 2611",
    )

    services.investigation_person_add(
        actor=officer,
        investigation=investigation,
        person=InvestigatedPerson(name="Сот төрағасы Д.", role="official", position="Қарағанды облыстық соты"),
    )
    client = client_for("isd_officer")
    page = client.get(investigation.get_absolute_url())
    assert [s.pk for s in page.context["link_form"].offered] == [about_the_judge.pk]  # it names "Судья Б."
    # A complaint the officer is not assigned to is not his to link (ISD 7); the head links it.
    assert refusal_codes(
        services.investigation_link, actor=officer, investigation=investigation, complaint_numbers=[complaint.number]
    ) == {"unknown"}
    services.investigation_link(
        actor=head, investigation=investigation, complaint_numbers=[complaint.number], signals=[about_the_judge]
    )
    pdf = SimpleUploadedFile("akt.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")
    services.investigation_material_add(actor=officer, investigation=investigation, upload=pdf, description="Акт")

    later = investigation.due_on + timedelta(days=20)
    for someone in ("isd_head", "chairman"):
        assert refusal_codes(
            services.investigation_extend,
            actor=people[someone].user,
            investigation=investigation,
            to=later,
            decision="№ 7",
        ) == {"not_instructing"}, someone
    assert refusal_codes(
        services.investigation_extend, actor=ca_head, investigation=investigation, to=later, decision=" "
    ) == {"required"}
    services.investigation_extend(actor=ca_head, investigation=investigation, to=later, decision="Шешім № 7")
    term = Deadline.objects.get(record_id=str(investigation.pk), kind="isd.investigation")
    assert (investigation.due_on, term.due_on, term.extension_decision) == (later, later, "Шешім № 7")

    assert client.get(investigation.get_absolute_url()).context["complaints"] == []  # not his (ISD 7)
    page = client_for("isd_head").get(investigation.get_absolute_url())
    assert [c.pk for c in page.context["complaints"]] == [complaint.pk]
    assert [c.pk for c in page.context["cases"]] == [case.pk]
    assert [s.pk for s in page.context["signals"]] == [about_the_judge.pk]
    assert [m.description for m in page.context["materials"]] == ["Акт"]
    assert len(page.context["persons"]) == 2
    assert [line.reason for line in page.context["history"] if line.reason] == ["Шешім № 7"]

    conclusion = services.conclusion_prepare(actor=officer, investigation=investigation)
    documents.document_act(document=conclusion, move="submit", actor=officer)
    documents.document_act(document=conclusion, move="approve", actor=people["isd_deputy"].user)
    documents.document_sign(document=conclusion, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head))
    investigation_conclude(investigation=investigation, actor=officer, outcome="disciplinary")
    assert Investigation.objects.get(pk=investigation.pk).status == Investigation.Status.CONCLUDED
    assert term.__class__.objects.get(pk=term.pk).state == Deadline.State.MET
    assert refusal_codes(
        services.investigation_extend, actor=ca_head, investigation=investigation, to=later, decision="№ 8"
    ) == {"closed"}


def test_an_investigation_under_isd_6_22_names_the_conviction_it_follows(people, client_for):
    """ISD 6.22: an investigation of officials whose subordinates were convicted names the
    criminal case of the conviction; without one, or with a case nobody is convicted in, it
    is refused beside the field; the convicted case's page offers to open it."""
    head = people["isd_head"].user
    almaty = Region.objects.get(code="almaty")
    pending = criminal_case_save(actor=head, case=a_case(region=almaty), opening_decision="КҚБТ № 1")
    assert refusal_codes(open_investigation, people=people, basis=Investigation.Basis.SUBORDINATES_CONVICTED) == {
        "conviction_missing"
    }
    assert refusal_codes(
        open_investigation, people=people, basis=Investigation.Basis.SUBORDINATES_CONVICTED, conviction_case=pending
    ) == {"not_convicted"}
    convicted = criminal_case_save(
        actor=head, case=a_case(person="Пристав Ж.", region=almaty), opening_decision="КҚБТ № 2"
    )
    case_move(
        case=convicted,
        move="to_court",
        actor=head,
        decided_on=timezone.localdate(),
        authority="Прокурор",
        decision="№ 3",
    )
    case_move(
        case=convicted,
        move="verdict",
        actor=head,
        decided_on=timezone.localdate(),
        authority="Сот",
        decision="Үкім № 4",
        outcome="convicted",
    )
    client = client_for("isd_head")
    case_page = client.get(convicted.get_absolute_url())
    assert case_page.context["may_open_supervisor_investigation"] is True
    form = client.get(
        reverse("internal_security:investigation-create"), {"basis": "6.22", "conviction_case": convicted.pk}
    )
    assert form.context["form"]["conviction_case"].value() == str(convicted.pk)
    investigation = open_investigation(
        people, basis=Investigation.Basis.SUBORDINATES_CONVICTED, conviction_case=convicted
    )
    assert [c.pk for c in client.get(investigation.get_absolute_url()).context["cases"]] == [convicted.pk]
    assert (
        client_for("isd_officer").get(convicted.get_absolute_url()).context["may_open_supervisor_investigation"]
        is False
    )


def test_a_material_is_refused_beside_its_field_and_read_only_within_reach(people, client_for):
    investigation = open_investigation(people)
    head = people["isd_head"].user
    client = client_for("isd_head")
    url = reverse("internal_security:investigation-file-add", args=[investigation.pk])
    fake = SimpleUploadedFile("akt.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    page = client.post(url, {"material-description": "Акт", "material-file": fake})
    assert page.status_code == 200 and "file" in page.context["material_form"].errors
    assert page.context["material_form"]["description"].value() == "Акт"
    pdf = SimpleUploadedFile("akt.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")
    material = services.investigation_material_add(
        actor=head, investigation=investigation, upload=pdf, description="Акт"
    )
    download = reverse("internal_security:investigation-file-download", args=[investigation.pk, material.pk])
    assert client.get(download).status_code == 200
    for outsider in ("isd_officer", "ir_head", "ca_deputy", "isd_almaty"):
        assert client_for(outsider).get(download).status_code == 404, outsider
