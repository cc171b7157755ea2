"""The life of a complaint about corruption (ISD 6.23) under the АППК: registration, the
term and its extension, forwarding, anonymous appeals, decision and the signed answer
(ISD 15); its need-to-know (ISD 7): assignment, conflicts, the hidden applicant, the read log."""

from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from courtadmin.audit.models import AuditEvent, ReadEvent
from courtadmin.deadlines.calendar import ALMATY, add_working_days, is_working_day
from courtadmin.deadlines.models import Deadline
from courtadmin.documents import services as documents
from courtadmin.documents.models import Document
from courtadmin.org.models import Region
from internal_security.models import Complaint
from internal_security.services import complaints as services
from internal_security.workflow import complaint_move
from tests.conftest import DEMO_TEST_PASSWORD, refusal_codes
from tests.documents.conftest import second_factor_code

from .factories import A_TYPO, a_working_day, iin, register

S = Complaint.Status


def term_of(complaint, kind="isd.appeal"):
    return Deadline.objects.get(record_id=str(complaint.pk), kind=kind)


def test_a_complaint_is_registered_with_its_receipt_number_and_its_15_day_term_appk_64_76(people):
    complaint = register(people)
    year = complaint.received_on.year
    assert complaint.number == f"ІҚБ-{year}-0001" and register(people).number == f"ІҚБ-{year}-0002"
    term = term_of(complaint)
    assert term.started_on == complaint.received_on
    assert term.due_on == add_working_days(complaint.received_on, 15)


def test_an_appeal_received_after_hours_is_registered_the_next_working_day_appk_64(people):
    friday_evening = datetime.combine(a_working_day(), time(19, 0), tzinfo=ALMATY)
    complaint = register(people, at=friday_evening)
    assert complaint.received_on > friday_evening.date() and is_working_day(complaint.received_on)


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"applicant_identifier": A_TYPO}, "applicant_identifier", "iin_checksum"),
        ({"applicant_identifier": "90010130"}, "applicant_identifier", "iin_format"),
        ({"substance": "  "}, "substance", "required"),
        ({"applicant_address": ""}, "applicant_address", "required"),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_writes_nothing(people, fields, field, code):
    with pytest.raises(ValidationError) as refused:
        register(people, **fields)
    assert code in {error.code for error in refused.value.error_dict[field]}
    assert not Complaint.objects.exists() and not Deadline.objects.exists()


def test_a_future_time_of_receipt_is_refused(people):
    assert "future" in refusal_codes(register, people=people, at=timezone.now() + timedelta(hours=2))


def test_an_anonymous_appeal_is_left_without_consideration_and_gets_no_term(people):
    head = people["isd_head"].user
    complaint = register(
        people, applicant_kind="anonymous", applicant_name="", applicant_address="", applicant_identifier=""
    )
    assert not Deadline.objects.filter(record_id=str(complaint.pk)).exists()
    assert refusal_codes(services.complaint_assign, actor=head, complaint=complaint, officers=[head]) == {
        "forbidden_move"
    }
    assert refusal_codes(complaint_move, complaint=complaint, move="send_on", actor=head, forwarded_to="ДП") == {
        "forbidden_move"
    }
    complaint_move(complaint=complaint, move="leave", actor=head, reason="Аноним, АППК")
    assert complaint.status == S.NOT_CONSIDERED


def test_an_anonymous_appeal_reporting_a_crime_is_sent_on_at_once(people):
    head = people["isd_head"].user
    complaint = register(
        people,
        applicant_kind="anonymous",
        applicant_name="",
        applicant_address="",
        applicant_identifier="",
        crime_reported=True,
    )
    assert refusal_codes(complaint_move, complaint=complaint, move="leave", actor=head, reason="x") == {
        "forbidden_move"
    }
    complaint_move(complaint=complaint, move="send_on", actor=head, forwarded_to="Сыбайлас жемқорлыққа қарсы агенттік")
    assert complaint.status == S.SENT_ON and complaint.closed_on == timezone.localdate()


def test_the_term_is_extended_by_the_head_within_two_months_with_a_notice_appk_76(people):
    complaint = register(people)
    head, officer = people["isd_head"].user, people["isd_officer"].user
    term = term_of(complaint)
    beyond = term.started_on + timedelta(days=70)
    assert refusal_codes(
        services.complaint_term_extend, actor=head, complaint=complaint, to=beyond, decision="Күрделі іс"
    ) == {"beyond_cap"}
    with pytest.raises(PermissionDenied):
        services.complaint_term_extend(
            actor=officer, complaint=complaint, to=term.due_on + timedelta(days=10), decision="x"
        )
    services.complaint_term_extend(
        actor=head, complaint=complaint, to=term.due_on + timedelta(days=10), decision="Күрделі іс"
    )
    assert term_of(complaint).state == Deadline.State.EXTENDED
    assert term_of(complaint, "isd.appeal.extension_notice").state == Deadline.State.OPEN


@pytest.mark.parametrize(("days_back", "forwarding"), [(1, Deadline.State.MET), (10, Deadline.State.MISSED)])
def test_a_complaint_outside_the_isd_competence_is_forwarded_within_3_working_days_appk_65(
    people, days_back, forwarding
):
    complaint = register(people, at=datetime.combine(a_working_day(days_back), time(10, 0), tzinfo=ALMATY))
    assert refusal_codes(
        complaint_move, complaint=complaint, move="forward", actor=people["isd_head"].user, forwarded_to=" "
    ) == {"required"}
    complaint_move(complaint=complaint, move="forward", actor=people["isd_head"].user, forwarded_to="Бас прокуратура")
    assert complaint.status == S.FORWARDED and complaint.closed_on == timezone.localdate()
    assert term_of(complaint).state == Deadline.State.MET  # the 15 working days stop running too
    term = term_of(complaint, "isd.appeal.forwarding")
    assert term.started_on == complaint.received_on and term.closed_on == timezone.localdate()
    assert term.state == forwarding


def test_decided_then_answered_once_the_head_signs_the_answer_isd_15(signing):
    people = signing
    head, officer = people["isd_head"].user, people["isd_officer"].user
    complaint = register(people)
    services.complaint_assign(actor=head, complaint=complaint, officers=[officer])
    assert refusal_codes(
        complaint_move, complaint=complaint, move="decide", actor=officer, decision="", reason="x"
    ) == {"required"}
    complaint_move(complaint=complaint, move="decide", actor=officer, decision="not_confirmed", reason="Расталмады")
    answer = services.complaint_answer_prepare(actor=officer, complaint=complaint)
    assert answer.marking == Document.Marking.OFFICIAL_USE and answer.record == complaint
    assert refusal_codes(complaint_move, complaint=complaint, move="answer", actor=officer) == {"answer_unsigned"}
    documents.document_act(document=answer, move="submit", actor=officer)
    assert answer.status == Document.Status.APPROVED  # no default visa: the deputy does not see the applicant
    documents.document_sign(document=answer, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head))
    complaint_move(complaint=complaint, move="answer", actor=officer)
    assert complaint.status == S.ANSWERED and term_of(complaint).state == Deadline.State.MET


def test_the_head_assigns_and_only_the_assigned_officer_opens_it_isd_7(people, client_for):
    head = people["isd_head"].user
    mine, theirs = register(people), register(people)
    services.complaint_assign(actor=head, complaint=mine, officers=[people["isd_officer"].user])
    services.complaint_assign(actor=head, complaint=theirs, officers=[people["isd_officer2"].user])
    client = client_for("isd_officer")
    assert client.get(reverse("internal_security:complaint-detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("internal_security:complaint-detail", args=[theirs.pk])).status_code == 404
    listed = client.get(reverse("internal_security:complaint-list")).context["complaints"]
    assert [c.pk for c in listed] == [mine.pk]


def test_a_declared_conflict_ends_the_officers_access_for_good(people, client_for):
    head, officer = people["isd_head"].user, people["isd_officer"].user
    complaint = register(people)
    services.complaint_assign(actor=head, complaint=complaint, officers=[officer])
    client = client_for("isd_officer")
    url = reverse("internal_security:complaint-detail", args=[complaint.pk])
    response = client.post(
        reverse("internal_security:complaint-conflict", args=[complaint.pk]), {"conflict-reason": "Бұрынғы сотым"}
    )
    assert response.status_code == 302 and client.get(url).status_code == 404
    assert refusal_codes(services.complaint_assign, actor=head, complaint=complaint, officers=[officer]) == {"conflict"}
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("username", "visible"),
    [("isd_head", True), ("isd_officer", True), ("isd_deputy", False), ("chairman", False), ("ca_head", False)],
)
def test_the_applicant_is_shown_to_the_assigned_officer_and_the_head_alone(people, client_for, username, visible):
    complaint = register(people)
    services.complaint_assign(actor=people["isd_head"].user, complaint=complaint, officers=[people["isd_officer"].user])
    page = client_for(username).get(reverse("internal_security:complaint-detail", args=[complaint.pk]))
    content = page.content.decode()
    assert ("Омаров Ерлан" in content) is visible and (iin() in content) is visible
    assert page.context["applicant_visible"] is visible


def test_every_opening_and_download_is_in_the_read_log(people, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    complaint = register(people)
    services.complaint_assign(actor=people["isd_head"].user, complaint=complaint, officers=[people["isd_officer"].user])
    officer = people["isd_officer"].user
    attachment = services.complaint_attachment_add(
        actor=officer,
        complaint=complaint,
        upload=SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf"),
    )
    client = client_for("isd_officer")
    client.get(reverse("internal_security:complaint-detail", args=[complaint.pk]))
    client.get(reverse("internal_security:complaint-file-download", args=[complaint.pk, attachment.pk]))
    events = ReadEvent.objects.filter(user=officer).order_by("pk").values_list("action", "record_id", "department")
    assert list(events) == [("open", str(complaint.pk), "ISD"), ("download", str(complaint.pk), "ISD")]


def test_the_chairman_reads_a_complaint_but_attaches_nothing_to_it_isd_7_isd_9(people, client_for):
    """Files are attached by those who work on the complaint: the ISD head and deputy and its
    officers (ISD 9). The Chairman reads it (ISD 7) and is offered no attaching, nor may he."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    complaint = register(people)
    services.complaint_assign(actor=people["isd_head"].user, complaint=complaint, officers=[people["isd_officer"].user])
    url = reverse("internal_security:complaint-detail", args=[complaint.pk])
    assert client_for("chairman").get(url).context["attachment_form"] is None
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf")
    refused = client_for("chairman").post(
        reverse("internal_security:complaint-file-add", args=[complaint.pk]), {"file": pdf}
    )
    assert refused.status_code == 200 and not complaint.attachments.exists()
    assert refusal_codes(
        services.complaint_attachment_add, actor=people["chairman"].user, complaint=complaint, upload=pdf
    ) == {"not_yours"}
    assert client_for("isd_officer").get(url).context["attachment_form"] is not None


def test_filters_the_export_and_the_read_log_obey_need_to_know_issue_7_6(people, client_for):
    from io import BytesIO

    from openpyxl import load_workbook

    head = people["isd_head"].user
    mine, theirs = register(people, summary="Пара талап ету"), register(people, summary="Сыйлық алу")
    services.complaint_assign(actor=head, complaint=mine, officers=[people["isd_officer"].user])
    services.complaint_assign(actor=head, complaint=theirs, officers=[people["isd_officer2"].user])
    client = client_for("isd_officer")
    listed = client.get(reverse("internal_security:complaint-list"), {"text": "сыйлық"}).context["complaints"]
    assert list(listed) == []  # the other's complaint is not found by a search either
    response = client.get(reverse("internal_security:complaint-export"))
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == [mine.number]
    assert ReadEvent.objects.filter(user=people["isd_officer"].user, action="export").exists()
    head_rows = client_for("isd_head").get(
        reverse("internal_security:complaint-list"), {"officer": people["isd_officer2"].user.pk}
    )
    assert [c.pk for c in head_rows.context["complaints"]] == [theirs.pk]


def test_the_answer_is_written_in_the_appeals_language_alone(people):
    """Law on Languages, art. 11: a Russian appeal gets a Russian answer, with no other version."""
    from courtadmin.documents import services as documents_services

    head, officer = people["isd_head"].user, people["isd_officer"].user
    complaint = register(people, language="ru")
    services.complaint_assign(actor=head, complaint=complaint, officers=[officer])
    complaint_move(complaint=complaint, move="decide", actor=officer, decision="confirmed", reason="Расталды")
    answer = services.complaint_answer_prepare(actor=officer, complaint=complaint)
    assert answer.language == "ru" and list(answer.versions.values_list("language", flat=True)) == ["ru"]
    with pytest.raises(ValidationError) as refused:
        documents_services.document_save(actor=officer, document=answer, texts={"ru": "Ответ", "kk": "Жауап"})
    assert set(refused.value.error_dict) == {"text_kk"}


@pytest.mark.parametrize("username", ["isd_head", "isd_almaty", "isd_officer", "ir_officer"])
def test_the_overdue_count_is_what_the_overdue_list_holds_for_every_reach(people, username):
    """The dashboards count overdue complaints without a pass over the complaints when the
    reader reaches them all (ISD 7); for any reach it is the list's own count."""
    from internal_security.selectors.complaints import ComplaintFilter, complaint_registry, complaints_overdue_count

    almaty = Region.objects.get(code="almaty")
    complaints = [register(people), register(people, region=almaty), register(people, region=almaty), register(people)]
    services.complaint_assign(
        actor=people["isd_head"].user, complaint=complaints[1], officers=[people["isd_officer"].user]
    )
    overdue = [complaint.pk for complaint in complaints[:3]]
    Deadline.objects.filter(kind="isd.appeal", record_id__in=[str(pk) for pk in overdue]).update(
        due_on=timezone.localdate() - timedelta(days=1)
    )
    user = people[username].user
    expected = {"isd_head": 3, "isd_almaty": 2, "isd_officer": 1, "ir_officer": 0}[username]
    assert complaints_overdue_count(user) == expected
    assert complaint_registry(user, ComplaintFilter(overdue=True)).count() == expected


def test_the_term_s_reminders_follow_the_assignment_and_leave_a_recused_officer(people):
    """The security issue: reminders went to whoever registered a complaint and never followed
    its assignment (an officer was reminded of complaints he could not open, escalations named
    the wrong officer)."""
    from courtadmin.deadlines.models import DeadlineEvent
    from internal_security.selectors.complaints import appeal_term
    from internal_security.services.complaints import complaint_assign, complaint_conflict_declare

    from .factories import register

    complaint = register(people, "isd_deputy")  # registered by the deputy, answered by the officers
    head, first, second = people["isd_head"].user, people["isd_officer"].user, people["isd_officer2"].user
    assert appeal_term(complaint).responsible == people["isd_deputy"].user
    complaint_assign(actor=head, complaint=complaint, officers=[first, second])
    assert appeal_term(complaint).responsible == first
    complaint_conflict_declare(actor=first, complaint=complaint, reason="Туысы")
    assert appeal_term(complaint).responsible == second  # still assigned, may open it
    complaint_conflict_declare(actor=second, complaint=complaint, reason="Танысы")
    assert appeal_term(complaint).responsible == head  # nobody assigned: the head answers for it
    assert DeadlineEvent.objects.filter(deadline=appeal_term(complaint), action="handed_over").count() == 3


def test_an_officer_who_registers_a_complaint_he_does_not_reach_leaves_its_term_to_the_head_isd_7(people, client_for):
    """An officer registers every appeal the day it arrives, but reaches only what he is given
    (ISD 7): the term's reminders go to the head until an officer is assigned, never to a
    person the complaint answers 404."""
    from internal_security.selectors.complaints import appeal_term

    from .factories import register

    complaint = register(people, "isd_officer")
    assert client_for("isd_officer").get(complaint.get_absolute_url()).status_code == 404
    assert appeal_term(complaint).responsible == people["isd_head"].user


def test_a_registered_complaint_is_corrected_with_its_reason_in_its_history_isd_6_23(people, client_for):
    """GIVEN a registered complaint assigned to an officer WHEN he corrects its court on its
    page, saying why THEN the complaint holds the new court, its history shows the correction
    and the reason, and the audit keeps before and after; without a reason, or by someone not
    on it, or once closed, it is refused and nothing changes."""
    complaint = register(people, "isd_head")
    officer = people["isd_officer"].user
    services.complaint_assign(actor=people["isd_head"].user, complaint=complaint, officers=[officer])
    client = client_for("isd_officer")
    url = reverse("internal_security:complaint-update", args=[complaint.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    refused = client.post(url, {**data, "court": "Астана қаласы Есіл аудандық соты", "reason": " "})
    assert refused.status_code == 200 and "reason" in refused.context["form"].errors
    assert refused.context["form"]["court"].value() == "Астана қаласы Есіл аудандық соты"
    done = client.post(url, {**data, "court": "Астана қаласы Есіл аудандық соты", "reason": "Сот қате көрсетілген"})
    assert done.status_code == 302
    complaint.refresh_from_db()
    assert complaint.court == "Астана қаласы Есіл аудандық соты"
    event = AuditEvent.objects.get(action="isd.complaint.corrected")
    assert event.before == {"court": "Астана қаласы Сарыарқа аудандық соты"}
    assert event.after == {"court": "Астана қаласы Есіл аудандық соты", "reason": "Сот қате көрсетілген"}
    history = client.get(complaint.get_absolute_url()).context["history"]
    assert [line.reason for line in history if line.reason] == ["Сот қате көрсетілген"]

    assert refusal_codes(
        services.complaint_correct, actor=people["isd_officer2"].user, complaint=complaint, reason="..."
    ) == {"not_yours"}
    assert client_for("isd_officer2").get(url).status_code == 404
    complaint_move(complaint=complaint, move="leave", actor=people["isd_head"].user, reason="Қайталама өтініш")
    complaint.refresh_from_db()
    complaint.court = "Басқа сот"
    assert refusal_codes(services.complaint_correct, actor=officer, complaint=complaint, reason="...") == {"closed"}


def test_the_deputy_corrects_what_he_sees_and_never_the_applicants_identity_issue_7_2(people):
    complaint = register(people, "isd_head")
    deputy = people["isd_deputy"].user
    complaint.applicant_name = "Басқа адам"
    complaint.summary = "Түзетілген қысқаша мазмұны"
    services.complaint_correct(actor=deputy, complaint=complaint, reason="Қате")
    complaint.refresh_from_db()
    assert (complaint.applicant_name, complaint.summary) == ("Омаров Ерлан", "Түзетілген қысқаша мазмұны")


def test_the_head_hands_a_complaint_from_one_officer_to_another_with_its_term_isd_6_23(people, client_for):
    """GIVEN a complaint assigned to an officer, who answers for its term WHEN the ISD head
    hands it to another officer, saying why THEN the first loses it (404), the second reaches
    it and answers for the term, and the history says why; an officer who declared a conflict
    on it is never handed it."""
    head, first, second = people["isd_head"].user, people["isd_officer"].user, people["isd_officer2"].user
    complaint = register(people, "isd_head")
    services.complaint_assign(actor=head, complaint=complaint, officers=[first])
    assert term_of(complaint).responsible == first
    assert refusal_codes(
        services.complaint_hand_over, actor=head, complaint=complaint, officer=first, to=second, reason=""
    ) == {"required"}
    assert refusal_codes(
        services.complaint_hand_over, actor=head, complaint=complaint, officer=second, to=first, reason="..."
    ) == {"not_assigned"}
    with pytest.raises(PermissionDenied):
        services.complaint_hand_over(actor=first, complaint=complaint, officer=first, to=second, reason="...")

    page = client_for("isd_head").post(
        reverse("internal_security:complaint-hand-over", args=[complaint.pk]),
        {"hand_over-officer": first.pk, "hand_over-to": second.pk, "hand_over-reason": "Іссапарға кетті"},
    )
    assert page.status_code == 302
    assert term_of(complaint).responsible == second
    assert client_for("isd_officer").get(complaint.get_absolute_url()).status_code == 404
    assert client_for("isd_officer2").get(complaint.get_absolute_url()).status_code == 200
    history = client_for("isd_head").get(complaint.get_absolute_url()).context["history"]
    assert [line.reason for line in history if line.reason] == ["Іссапарға кетті"]

    services.complaint_conflict_declare(actor=second, complaint=complaint, reason="Туысы")
    services.complaint_assign(actor=head, complaint=complaint, officers=[first])
    assert refusal_codes(
        services.complaint_hand_over, actor=head, complaint=complaint, officer=first, to=second, reason="..."
    ) == {"conflict"}
