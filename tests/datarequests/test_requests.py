"""Requests to subdivisions, territorial offices and courts (issue 20, item 4): the ISD asks a
local court (ISD 5.6), the court answers (ISD 12) and sees nothing else of the ISD (ISD 7);
the IR asks a structural subdivision (IR 5.1); the refusals; the control figures."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courtadmin.audit.models import AuditEvent, ReadEvent
from courtadmin.core.periods import figures_period
from courtadmin.datarequests.models import DataRequest, RequestFile
from courtadmin.datarequests.selectors import request_figures, request_register, requests_visible_to
from courtadmin.datarequests.workflow import request_move
from courtadmin.deadlines.models import Deadline, Notification
from courtadmin.org.models import Unit
from tests.conftest import TODAY

from .conftest import answered, draft, pdf, sent

S = DataRequest.Status
COURT = "court-almaty-economic"


def codes(call) -> set[str]:
    with pytest.raises(ValidationError) as refused:
        call()
    return (
        {error.code for errors in refused.value.error_dict.values() for error in errors}
        if hasattr(refused.value, "error_dict")
        else {refused.value.code}
    )


def test_an_isd_request_to_a_local_court_answered_with_a_file_the_court_sees_nothing_else_isd_5_6_isd_12_isd_7(
    people, users, client_for, isd_case
):
    """GIVEN an ISD officer's request to the Almaty economic court, serving a case granted to him,
    signed and sent by the ISD head
    WHEN the court's user answers it with a file and the officer accepts the answer
    THEN the term is met, and the court's user reached the request and its answer alone: the
    case it serves, the other requests, the registers of the IR and the ISD are 404 to him."""
    officer, head, court = users["isd_officer"], users["isd_head"], users["court_almaty"]
    data_request = draft(officer, COURT, recipient=court, record=isd_case)
    assert data_request.status == S.DRAFT and not data_request.registration_number
    # Not yet sent: the court knows nothing of it.
    court_client = client_for("court_almaty")
    assert court_client.get(data_request.get_absolute_url()).status_code == 404

    head_client = client_for("isd_head")
    response = head_client.post(reverse("datarequests:request-move", args=[data_request.pk, "send"]))
    assert response.status_code == 302
    data_request.refresh_from_db()
    assert data_request.status == S.SENT and data_request.registration_number == "ЗП-1/2026"
    assert data_request.due_on == date(2026, 12, 1)  # 5 working days from Tuesday 24 November
    term = Deadline.objects.get(kind="isd.datarequest")
    assert term.responsible == court and term.due_on == data_request.due_on

    other_isd = sent(officer, head, "analytics", subject="Статистика")
    ir_request = sent(users["ir_officer"], users["ir_head"], "legal", department="IR")

    court_client = client_for("court_almaty")
    inbox = court_client.get(reverse("datarequests:request-inbox"))
    assert [r.pk for r in inbox.context["page"].object_list] == [data_request.pk]
    page = court_client.get(data_request.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200 and 'id="move-answer"' in html
    # ISD 7: neither the link to the case nor its number.
    assert page.context["record"] is None and 'id="served-record"' not in html
    assert isd_case.get_absolute_url() not in html and str(isd_case.number) not in html

    response = court_client.post(
        reverse("datarequests:request-move", args=[data_request.pk, "answer"]),
        {"answer-answer": "Копии протоколов прилагаются.", "answer-files": pdf("protocols.pdf")},
    )
    assert response.status_code == 302
    data_request.refresh_from_db()
    stored = RequestFile.objects.get()
    assert data_request.status == S.ANSWERED and data_request.answered_by == court
    assert stored.original_name == "protocols.pdf" and stored.uploaded_by == court
    download = reverse("datarequests:request-file-download", args=[data_request.pk, stored.pk])
    assert court_client.get(download).status_code == 200

    officer_client = client_for("isd_officer")
    page = officer_client.get(data_request.get_absolute_url())
    assert page.context["record"] == isd_case and 'id="served-record"' in page.content.decode()
    response = officer_client.post(reverse("datarequests:request-move", args=[data_request.pk, "accept"]))
    assert response.status_code == 302
    data_request.refresh_from_db()
    assert data_request.status == S.ACCEPTED and data_request.term_kept is True
    assert Deadline.objects.get(pk=term.pk).state == Deadline.State.MET

    # The court's user sees nothing else of the ISD, nor of the IR (ISD 7).
    court_client = client_for("court_almaty")
    for url in (
        isd_case.get_absolute_url(),
        other_isd.get_absolute_url(),
        ir_request.get_absolute_url(),
        reverse("datarequests:request-list"),
        reverse("datarequests:request-export"),
        reverse("internal_security:home"),
        reverse("international:home"),
    ):
        assert court_client.get(url).status_code == 404, url
    export = court_client.get(reverse("datarequests:inbox-export"))
    rows = list(load_workbook(BytesIO(b"".join(export.streaming_content))).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["ЗП-1/2026"]
    assert all(isd_case.number not in str(cell) for row in rows for cell in row)
    # Every opening and download of an ISD request is on the ISD's read log, the court's too.
    assert ReadEvent.objects.filter(user=court, department="ISD", action="download").exists()
    # Every move is audited.
    moves = AuditEvent.objects.filter(object_type="datarequests.datarequest", object_id=str(data_request.pk))
    assert {"datarequests.request.send", "datarequests.request.answer", "datarequests.request.accept"} <= set(
        moves.values_list("action", flat=True)
    )


def test_the_news_of_each_move_reaches_only_those_who_may_open_the_request(people, users, isd_case):
    """Sent: the recipient named is told; answered: the one who drafted and the one who sent;
    never anyone outside the request's reach."""
    from tests.documents.test_move_news import deliver_news, news_of

    officer, head, court = users["isd_officer"], users["isd_head"], users["court_almaty"]
    deliver_news()  # the complaint's assignment
    data_request = sent(officer, head, COURT, recipient=court, record=isd_case)
    assert deliver_news() == 1
    assert len(news_of(court)) == 1 and "ЗП-1/2026" in news_of(court)[0]
    answered(data_request, court)
    deliver_news()
    told = [title for title in news_of(officer) if "ЗП-1/2026" in title]
    assert len(told) == 1 and len([title for title in news_of(head) if "ЗП-1/2026" in title]) == 1
    assert not Notification.objects.filter(user=users["analyst"]).exists()


def test_an_officer_cannot_send_without_signing_power_isd_15(people, users):
    data_request = draft(users["isd_officer"], COURT)
    assert codes(lambda: request_move(request=data_request, move="send", actor=users["isd_officer"])) == {"not_signer"}
    data_request.refresh_from_db()
    assert data_request.status == S.DRAFT and not DataRequest.objects.exclude(number=None).exists()
    # The IR's officer neither; the IR's head sends the IR's requests, not the ISD's.
    assert codes(lambda: request_move(request=data_request, move="send", actor=users["ir_head"])) == {"not_signer"}


def test_the_court_cannot_answer_a_request_addressed_to_another_unit_isd_12(people, users, client_for):
    to_legal = sent(users["ir_officer"], users["ir_head"], "legal", department="IR")
    assert codes(lambda: answered(to_legal, users["court_almaty"])) == {"not_yours"}
    url = reverse("datarequests:request-move", args=[to_legal.pk, "answer"])
    assert client_for("court_almaty").post(url, {"answer-answer": "x"}).status_code == 404
    to_legal.refresh_from_db()
    assert to_legal.status == S.SENT


def test_the_requester_cannot_accept_twice_and_a_returned_request_is_answered_again_ir_5_1(people, users):
    officer, head, legal = users["ir_officer"], users["ir_head"], users["legal_officer"]
    data_request = sent(officer, head, "legal", department="IR", recipient=legal)
    answered(data_request, legal)
    assert codes(lambda: request_move(request=data_request, move="return", actor=officer, reason=" ")) == {"required"}
    request_move(request=data_request, move="return", actor=officer, reason="Не хватает договоров.")
    assert data_request.status == S.RETURNED
    answered(data_request, legal)
    request_move(request=data_request, move="accept", actor=officer)
    assert codes(lambda: request_move(request=data_request, move="accept", actor=officer)) == {"forbidden_move"}
    # The answerer decides nothing on his own answer.
    other = sent(officer, head, "legal", department="IR", recipient=legal)
    answered(other, legal)
    assert codes(lambda: request_move(request=other, move="accept", actor=legal)) == {"not_yours"}


def test_a_user_of_another_unit_reaches_nothing_and_answers_nothing_isd_7(people, users, client_for):
    data_request = sent(users["isd_officer"], users["isd_head"], COURT, recipient=users["court_almaty"])
    answered(data_request, users["court_almaty"], files=[pdf()])
    stored = RequestFile.objects.get()
    for username in ("analyst", "legal_officer", "ir_officer", "isd_almaty", "hr_keeper", "sysadmin", "ca_deputy"):
        client = client_for(username)
        for url in (
            data_request.get_absolute_url(),
            reverse("datarequests:request-file-download", args=[data_request.pk, stored.pk]),
        ):
            assert client.get(url).status_code == 404, (username, url)
        assert client.post(reverse("datarequests:request-move", args=[data_request.pk, "accept"])).status_code == 404
        assert data_request not in requests_visible_to(users[username])
    assert codes(lambda: request_move(request=data_request, move="accept", actor=users["analyst"])) == {"not_yours"}


def test_an_isd_officer_reaches_the_requests_he_drafted_or_whose_case_he_reaches_isd_7(people, users, isd_case):
    officer, officer2, head = users["isd_officer"], users["isd_officer2"], users["isd_head"]
    his = sent(officer, head, "analytics")
    bound = sent(head, head, COURT, record=isd_case)  # a case granted to isd_officer, not to isd_officer2
    sent(head, head, "analytics")  # neither his nor of his case
    assert set(requests_visible_to(officer).values_list("pk", flat=True)) == {his.pk, bound.pk}
    assert not requests_visible_to(officer2).exists()
    # The head and the leadership the ISD reports to see them all; the CA deputy none (ISD 7).
    for username in ("isd_head", "isd_deputy", "chairman", "ca_head"):
        assert requests_visible_to(users[username]).count() == 3
    assert not requests_visible_to(users["ca_deputy"]).exists()


def test_a_draft_names_a_unit_the_department_may_address_and_a_case_the_drafter_reaches(people, users, isd_case):
    officer = users["isd_officer2"]  # isd_case is not granted to him
    with pytest.raises(ValidationError) as refused:
        draft(officer, COURT, record=isd_case)
    assert set(refused.value.message_dict) == {"record"}
    # ISD 7: the IR addresses no territorial ISD unit; nobody addresses his own department.
    isd_unit = Unit.objects.filter(kind=Unit.Kind.TERRITORIAL_ISD).first()
    with pytest.raises(ValidationError) as refused:
        draft(users["ir_officer"], isd_unit.code, department="IR")
    assert set(refused.value.message_dict) == {"unit"}
    # The recipient named works in the addressed unit.
    with pytest.raises(ValidationError) as refused:
        draft(officer, COURT, recipient=users["analyst"])
    assert set(refused.value.message_dict) == {"recipient"}
    # Only a department's own staff draft its requests.
    with pytest.raises(PermissionDenied):
        draft(users["court_almaty"], "analytics")
    with pytest.raises(PermissionDenied):
        draft(users["ir_officer"], COURT, department="ISD")
    assert not DataRequest.objects.exists()


@pytest.mark.time_machine(TODAY)
def test_the_control_figures_on_a_known_set_per_addressed_unit(people, users):
    """GIVEN to the court: one accepted on time, one accepted late, one overdue; to the Legal
    Department: one running, one answered awaiting acceptance; a draft
    THEN the figures per unit and in total, counted in the database."""
    officer, head, court, legal = users["ir_officer"], users["ir_head"], users["court_almaty"], users["legal_officer"]
    ir = {"department": "IR"}
    on_time = sent(officer, head, COURT, **ir)
    answered(on_time, court)
    request_move(request=on_time, move="accept", actor=officer)
    late = sent(officer, head, COURT, sent_on=TODAY.date() - timedelta(days=30), **ir)
    answered(late, court)
    request_move(request=late, move="accept", actor=officer)
    sent(officer, head, COURT, sent_on=TODAY.date() - timedelta(days=20), **ir)  # overdue
    sent(officer, head, "legal", **ir)  # running
    answered(sent(officer, head, "legal", recipient=legal, **ir), legal)  # awaiting acceptance
    draft(officer, "legal", **ir)
    late.refresh_from_db()
    assert late.term_kept is False and on_time.term_kept is True
    this_year = figures_period(None, None, TODAY.date())
    rows, totals = request_figures(request_register(officer), this_year)
    by_unit = {
        row["unit"].code: {k: row[k] for k in ("sent", "running", "overdue", "awaiting", "on_time", "late")}
        for row in rows
    }
    assert by_unit == {
        COURT: {"sent": 3, "running": 0, "overdue": 1, "awaiting": 0, "on_time": 1, "late": 1},
        "legal": {"sent": 2, "running": 1, "overdue": 0, "awaiting": 1, "on_time": 0, "late": 0},
    }
    assert totals == {"sent": 5, "running": 1, "overdue": 1, "awaiting": 1, "on_time": 1, "late": 1}
    # The ISD's head, who does not reach the IR, counts none of them.
    assert request_figures(request_register(users["isd_head"]), this_year)[1]["sent"] == 0
    # Those sent before the period are not counted in it.
    earlier = figures_period(date(2025, 1, 1), date(2025, 12, 31), TODAY.date())
    assert request_figures(request_register(officer), earlier)[1]["sent"] == 0


def test_a_request_entered_as_sent_on_paper_counts_its_term_from_that_day(people, users):
    data_request = draft(users["ir_officer"], "legal", department="IR", working_days=5)
    future = timezone.localdate() + timedelta(days=1)
    assert codes(lambda: request_move(request=data_request, move="send", actor=users["ir_head"], sent_on=future)) == {
        "sent_on"
    }
    request_move(request=data_request, move="send", actor=users["ir_head"], sent_on=date(2026, 11, 16))
    assert data_request.due_on == date(2026, 11, 23) and data_request.overdue


def test_a_refused_upload_changes_nothing_isd_12(people, users):
    data_request = sent(users["isd_officer"], users["isd_head"], COURT)
    from django.core.files.uploadedfile import SimpleUploadedFile

    bomb = SimpleUploadedFile("x.pdf", b"MZ\x90\x00")
    assert codes(lambda: answered(data_request, users["court_almaty"], files=[bomb])) == {"upload_content"}
    data_request.refresh_from_db()
    assert data_request.status == S.SENT and not RequestFile.objects.exists()
