"""The life of a legal-assistance request (IR 7.22), its cover letters signed per IR 13, the
check against the treaty basis, the court suggestion and the execution term."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from courtadmin.audit.models import AuditEvent
from courtadmin.deadlines import services as deadlines
from courtadmin.deadlines.calendar import is_working_day
from courtadmin.deadlines.models import Deadline, Reminder
from courtadmin.documents import services as documents
from courtadmin.documents.models import Document
from courtadmin.documents.signing.portal_ca import certificate_issue
from courtadmin.org.models import Absence, ActingAppointment, LineOfWork
from international.models import Country, KazakhCourt, LegalAssistanceRequest, RequestFile, TreatyBasis
from international.selectors.requests import (
    RegistryFilter,
    court_suggested,
    registry,
    request_checklist,
    treaty_suggested,
)
from international.services import requests as services
from international.workflow import request_move
from tests.conftest import DEMO_TEST_PASSWORD, TODAY, mark_second_factor_given, refusal_codes
from tests.documents.conftest import second_factor_code

from .factories import la_request, many_requests, party, post_registration, put, signed_letter

R = LegalAssistanceRequest
S = R.Status


def move(request, name, user, **kwargs):
    return request_move(request=request, move=name, actor=user, **kwargs)


def term_of(request):
    return Deadline.objects.get(record_id=str(request.pk), kind="ir.rogatory_execution")


def test_an_incoming_request_goes_through_every_state_ir_7_22(signing):
    """GIVEN a Russian court's request for service under the Minsk Convention
    WHEN the officer checks it, the legal-assistance deputy signs the letter to the court, the
    court executes it, and the head signs the letter back
    THEN it passes every state, the execution term runs from the court's receipt and is met."""
    people = signing
    officer = people["ir_officer"].user
    request = la_request(officer)
    assert request.status == S.REGISTERED and request.treaty.code == "minsk-1993"
    assert move(request, "check", officer).status == S.CHECKED

    karaganda = KazakhCourt.objects.get(code="karaganda-regional")
    letter = signed_letter(request, "forward_to_court", officer, people["ir_deputy_legal"].user, court=karaganda)
    assert letter.signature.capacity == "la_deputy" and letter.addressee == karaganda.name_kk
    assert move(request, "forward_to_court", officer).status == S.SENT_TO_COURT
    assert request.court == karaganda

    received = timezone.localdate() - timedelta(days=10)
    assert move(request, "court_received", officer, on=received).status == S.EXECUTING
    term = term_of(request)
    assert term.started_on >= received and term.due_on > term.started_on + timedelta(days=27)
    assert term.state == Deadline.State.OPEN

    assert move(request, "execution_received", officer, on=timezone.localdate()).status == S.EXECUTED
    term.refresh_from_db()
    assert term.state == Deadline.State.MET

    back = signed_letter(request, "answer", officer, people["ir_head"].user)
    assert back.signature.capacity == "head"
    # To Russia under the Minsk Convention the letter goes in Russian: no English section.
    assert set(back.versions.values_list("language", flat=True)) == {"kk", "ru"}
    assert back.addressee == request.foreign_authority.name_ru
    assert move(request, "answer", officer).status == S.ANSWERED
    assert move(request, "close", officer).status == S.CLOSED
    actions = set(AuditEvent.objects.filter(object_id=str(request.pk)).values_list("action", flat=True))
    assert {"ir.request.registered", "ir.request.check", "ir.request.forward_to_court", "ir.request.close"} <= actions


def test_an_outgoing_request_goes_through_every_state_with_the_acting_deputy_signing_ir_13(signing):
    """GIVEN the legal-assistance deputy on leave, the protocol deputy acting for his line
    THEN the acting deputy signs the letter abroad, and the head the letter to the court."""
    people = signing
    officer = people["ir_officer"].user
    today = timezone.localdate()
    legal, protocol = people["ir_deputy_legal"], people["ir_deputy_protocol"]
    Absence.objects.create(person=legal, kind=Absence.Kind.LEAVE, start=today, end=today)
    ActingAppointment.objects.create(
        replaced=legal,
        acting=protocol,
        scope=LineOfWork.LEGAL_ASSISTANCE,
        start=today,
        end=today,
        order_number="13-ж",
        order_date=today,
    )
    certificate_issue(user=protocol.user, common_name=protocol.full_name)
    request = la_request(officer, direction="outgoing", country="KG", subject="evidence", language="kk")
    assert request.treaty.code == "bilateral-kg-1996"
    move(request, "check", officer)
    assert move(request, "translate", officer).status == S.TRANSLATION

    with pytest.raises(ValidationError):  # the deputy on leave has no power today
        signed_letter(request, "send_abroad", officer, legal.user)
    letter = Document.objects.get(record_id=str(request.pk), status=Document.Status.APPROVED)
    documents.document_sign(
        document=letter, actor=protocol.user, password=DEMO_TEST_PASSWORD, code=second_factor_code(protocol.user)
    )
    letter.refresh_from_db()
    assert letter.signature.capacity == "acting_la_deputy" and "13-ж" in letter.signature.capacity_ru
    assert move(request, "send_abroad", officer).status == S.SENT_ABROAD
    assert move(request, "answer_received", officer, on=today).status == S.ANSWER_RECEIVED
    signed_letter(request, "return_to_court", officer, people["ir_head"].user)
    assert move(request, "return_to_court", officer).status == S.RETURNED_TO_COURT
    assert move(request, "close", officer).status == S.CLOSED
    assert request.executed_on == today


def test_a_recognition_petition_is_checked_against_cpc_art_501_and_executed(signing):
    people = signing
    officer = people["ir_officer"].user
    effective = timezone.localdate() - timedelta(days=400)
    petition = la_request(
        officer,
        subject="recognition",
        country="KG",
        act_effective_on=effective,
        parties=[
            party(role="petitioner"),
            party(
                role="debtor", region_code="almaty", name="ТОО «Береке»", kind="legal_entity", identifier="123456789012"
            ),
        ],
    )
    codes = {item.code: item.state for item in request_checklist(petition)}
    assert codes["enforcement_term"] is True and codes["certified_copies"] is None
    assert refusal_codes(move, request=petition, name="check", user=officer) == {"unconfirmed"}
    move(petition, "check", officer, confirmed=["certified_copies"])
    suggestion = court_suggested(petition)
    assert suggestion.court.code == "almaty-regional"  # the debtor's region before the petitioner's
    signed_letter(petition, "forward_to_court", officer, people["ir_deputy_legal"].user, court=suggestion.court)
    move(petition, "forward_to_court", officer)
    move(petition, "court_received", officer, on=timezone.localdate())
    move(petition, "execution_received", officer, on=timezone.localdate())
    signed_letter(petition, "answer", officer, people["ir_head"].user)
    move(petition, "answer", officer)
    assert move(petition, "close", officer).status == S.CLOSED


def test_a_petition_received_after_three_years_shows_a_defect_cpc_art_501(people):
    officer = people["ir_officer"].user
    late = timezone.localdate() - timedelta(days=4 * 366)
    petition = la_request(officer, subject="recognition", country="KG", act_effective_on=late)
    assert {item.code: item.state for item in request_checklist(petition)}["enforcement_term"] is False
    assert refusal_codes(move, request=petition, name="check", user=officer) == {"defects"}
    assert move(petition, "return_defects", officer, reason="Срок истек").status == S.DEFECTS_RETURNED


def test_refusal_needs_a_reason_and_closes_the_running_term(people):
    officer = people["ir_officer"].user
    request = la_request(officer)
    move(request, "check", officer)
    put(request, court=KazakhCourt.objects.first())
    assert refusal_codes(move, request=request, name="refuse", user=officer) == {"required"}
    assert move(request, "refuse", officer, reason="Не подлежит исполнению").status == S.REFUSED
    assert refusal_codes(move, request=request, name="close", user=officer) == {"forbidden_move"}


def test_a_step_that_sends_needs_its_signed_cover_letter_ir_13(signing):
    people = signing
    officer = people["ir_officer"].user
    request = la_request(officer)
    move(request, "check", officer)
    court = KazakhCourt.objects.get(code="karaganda-regional")
    document = services.request_letter_prepare(actor=officer, request=request, move="forward_to_court", court=court)
    assert refusal_codes(move, request=request, name="forward_to_court", user=officer) == {"letter_unsigned"}
    documents.document_act(document=document, move="submit", actor=officer)
    protocol = people["ir_deputy_protocol"].user
    with pytest.raises(ValidationError):  # not a signer of legal-assistance documents (IR 13)
        documents.document_sign(
            document=document, actor=protocol, password=DEMO_TEST_PASSWORD, code=second_factor_code(protocol)
        )
    assert refusal_codes(move, request=request, name="forward_to_court", user=officer) == {"letter_unsigned"}


def test_only_ir_staff_move_a_request(people):
    request = la_request(people["ir_officer"].user)
    for username in ("chairman", "isd_officer"):
        assert refusal_codes(move, request=request, name="check", user=people[username].user) == {"not_ir_staff"}


def test_the_court_is_suggested_from_the_region_of_the_persons_address(people):
    officer = people["ir_officer"].user
    request = la_request(officer, parties=[party(role="witness", region_code="pavlodar"), party(region_code="atyrau")])
    suggestion = court_suggested(request)
    assert suggestion.court.code == "atyrau-regional"  # the addressee comes before a witness
    assert suggestion.party.role == "addressee"
    assert court_suggested(la_request(officer, number="2/2026", parties=[party(region_code=None)])) is None


@pytest.mark.parametrize(
    ("country", "subject", "expected"),
    [
        ("KG", "service", "bilateral-kg-1996"),
        ("BY", "service", "chisinau-2002"),
        ("RU", "service", "minsk-1993"),
        ("DE", "evidence", "hague-evidence-1970"),
        ("BR", "service", "reciprocity"),
    ],
)
def test_the_treaty_basis_suggested_is_the_one_binding_the_two_states(people, country, subject, expected):
    assert treaty_suggested(Country.objects.get(code=country), subject).code == expected


def test_the_checklist_of_a_hague_evidence_request_differs_from_a_minsk_one(people):
    """Hague Evidence: English accepted with a certified translation into Kazakh or Russian.
    Minsk: Kazakh or Russian, no legalisation (Minsk art. 13)."""
    officer = people["ir_officer"].user
    hague = la_request(officer, country="DE", subject="evidence", language="en")
    items = {item.code: item for item in request_checklist(hague)}
    assert items["language"].state is True and items["translation"].state is False
    hague.files.create(
        kind=RequestFile.Kind.TRANSLATION,
        language="ru",
        certified=True,
        original_name="t.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
        uploaded_by=officer,
    )
    hague = LegalAssistanceRequest.objects.get(pk=hague.pk)
    assert {item.code: item.state for item in request_checklist(hague)}["translation"] is True

    minsk = la_request(officer, number="2/2026", country="RU", language="en")
    minsk_items = {item.code: item for item in request_checklist(minsk)}
    assert minsk_items["language"].state is False  # Minsk takes Kazakh or Russian only
    assert minsk_items["legalisation"].state is True
    with translation.override("en"):
        assert "No legalisation" in {i.code: i for i in request_checklist(minsk)}["legalisation"].rule
    assert refusal_codes(move, request=minsk, name="check", user=officer) == {"defects"}
    russian = la_request(officer, number="3/2026", country="RU", language="ru")
    assert "translation" not in {item.code for item in request_checklist(russian)}


def test_the_checklist_cites_the_treatys_article_in_the_readers_language(people):
    """The contents check (Chisinau art. 7, DOMAIN.md) names the article in Kazakh on a Kazakh
    page and in Russian on a Russian one, never in English."""
    request = la_request(people["ir_officer"].user, country="RU")
    rules = {}
    for language in ("kk", "ru", "en"):
        with translation.override(language):
            rules[language] = {item.code: item for item in request_checklist(request)}["contents"].rule
    assert "Минск конвенциясының 7-бабы" in rules["kk"] and "Minsk" not in rules["kk"]
    assert "ст. 7 Минской конвенции" in rules["ru"] and "Minsk" not in rules["ru"]
    assert "Minsk art. 7" in rules["en"]


def test_a_basis_that_does_not_bind_the_two_states_needs_the_officers_confirmation(people):
    officer = people["ir_officer"].user
    hague = TreatyBasis.objects.get(code="hague-evidence-1970")
    assert refusal_codes(la_request, officer=officer, country="KG", subject="evidence", treaty=hague) == {
        "treaty_mismatch"
    }
    request = la_request(officer, country="KG", subject="evidence", treaty=hague, confirm_treaty=True)
    assert request.treaty_mismatch_confirmed
    assert {item.code: item.state for item in request_checklist(request)}["basis"] is None


def test_an_overdue_execution_escalates_to_the_supervising_deputy_not_the_head(people):
    officer = people["ir_officer"].user
    request = la_request(officer, received_on=timezone.localdate() - timedelta(days=120))
    move(request, "check", officer)
    LegalAssistanceRequest.objects.filter(pk=request.pk).update(
        court=KazakhCourt.objects.first(), status=S.SENT_TO_COURT
    )
    move(request, "court_received", officer, on=timezone.localdate() - timedelta(days=100))
    day = timezone.localdate()
    while not is_working_day(day):
        day += timedelta(days=1)
    deadlines.reminders_scan(day)
    escalated = set(
        Reminder.objects.filter(key__startswith="escalation:").values_list("recipient__username", flat=True)
    )
    assert escalated == {"ir_deputy_legal"}


def test_dates_of_moves_cannot_be_in_the_future_nor_before_receipt(people):
    officer = people["ir_officer"].user
    request = la_request(officer)
    move(request, "check", officer)
    LegalAssistanceRequest.objects.filter(pk=request.pk).update(
        court=KazakhCourt.objects.first(), status=S.SENT_TO_COURT
    )
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert refusal_codes(move, request=request, name="court_received", user=officer, on=tomorrow) == {"future"}
    early = request.received_on - timedelta(days=1)
    assert refusal_codes(move, request=request, name="court_received", user=officer, on=early) == {"too_early"}
    assert not Deadline.objects.filter(record_id=str(request.pk)).exists()


def test_choosing_another_court_withdraws_the_unsigned_letter_to_the_first(people):
    officer = people["ir_officer"].user
    request = la_request(officer)
    move(request, "check", officer)
    first = services.request_letter_prepare(
        actor=officer, request=request, move="forward_to_court", court=KazakhCourt.objects.get(code="atyrau-regional")
    )
    again = services.request_letter_prepare(
        actor=officer, request=request, move="forward_to_court", court=KazakhCourt.objects.get(code="atyrau-regional")
    )
    assert again == first  # the live letter is reused, not doubled
    karaganda = KazakhCourt.objects.get(code="karaganda-regional")
    second = services.request_letter_prepare(actor=officer, request=request, move="forward_to_court", court=karaganda)
    first.refresh_from_db()
    request.refresh_from_db()
    assert first.status == Document.Status.CANCELLED and second.addressee == karaganda.name_kk
    assert request.court == karaganda


def test_a_letter_abroad_needs_the_foreign_authority_and_the_right_step(people):
    officer = people["ir_officer"].user
    request = la_request(officer, direction="outgoing", country="KG", language="kk")
    assert refusal_codes(services.request_letter_prepare, actor=officer, request=request, move="send_abroad") == {
        "not_now"
    }
    assert refusal_codes(services.request_letter_prepare, actor=officer, request=request, move="check") == {"no_letter"}


@pytest.mark.parametrize(
    ("country", "treaty", "languages", "addressed_in"),
    [("RU", "minsk-1993", {"kk", "ru"}, "ru"), ("TR", "bilateral-tr-1995", {"kk", "ru", "en"}, "en")],
)
def test_a_letter_abroad_is_written_in_the_language_its_treaty_corresponds_in(
    people, country, treaty, languages, addressed_in
):
    """GIVEN an executed request from a foreign court
    WHEN the officer prepares the answer's cover letter (IR 13)
    THEN it is addressed and written in the treaty's language of correspondence: Russian to a
    CIS state, English (beside Kazakh and Russian) elsewhere."""
    officer = people["ir_officer"].user
    request = la_request(officer, country=country)
    names = {"ru": "Суд запрашивающего государства", "en": "Court of the requesting state"}
    request.foreign_authority.name_ru, request.foreign_authority.name_en = names["ru"], names["en"]
    request.foreign_authority.save()
    put(request, status=S.EXECUTED)
    request.refresh_from_db()
    assert request.treaty.code == treaty

    letter = services.request_letter_prepare(actor=officer, request=request, move="answer")
    assert set(letter.versions.values_list("language", flat=True)) == languages
    assert letter.addressee == names[addressed_in]


# --- The registry's pages (IR 7.22, IR 7.27) ---------------------------------------------------


def test_an_officer_registers_a_request_and_the_minsk_basis_is_suggested(officer_client):
    response = post_registration(officer_client)
    request = R.objects.get(registration_number="15/2026")
    assert response.status_code == 302 and response["Location"] == request.get_absolute_url()
    assert request.treaty.code == "minsk-1993" and request.parties.get().name == "Серікбаев Ерлан"
    assert "серікбаев" in request.search_text


def test_filters_and_search_find_the_request(people, officer_client):
    officer = officer_client.officer
    target = la_request(officer, number="7/2026", case_number="2-999/2026", country="KG", subject="evidence")
    la_request(officer, number="8/2026", case_number="2-111/2026")
    url = reverse("international:request-list")
    for query in ({"text": "2-999"}, {"text": "СЕРІКБАЕВ", "country": target.country_id}, {"subject": "evidence"}):
        rows = officer_client.get(url, query).context["rows"]
        assert [row.pk for row in rows] == [target.pk], query


def test_a_whole_number_is_looked_up_whole_and_a_part_of_one_searched_for(people, officer_client):
    """A case or registration number typed whole finds that request alone, not the others
    whose numbers contain it; a part of a number is still searched for within them."""
    officer = officer_client.officer
    whole = la_request(officer, number="7/2026", case_number="2-99/2026")
    longer = la_request(officer, number="8/2026", case_number="2-99/2026-1")
    url = reverse("international:request-list")
    for text, expected in (("2-99/2026", [whole]), ("7/2026", [whole]), ("2-99", [longer, whole])):
        rows = officer_client.get(url, {"text": text}).context["rows"]
        assert sorted(row.pk for row in rows) == sorted(r.pk for r in expected), text


def test_the_export_says_when_it_stops_at_its_limit(people, officer_client, monkeypatch):
    from international import export

    monkeypatch.setattr(export, "EXPORT_LIMIT", 2)
    many_requests(officer_client.officer, 3)
    response = officer_client.get(reverse("international:request-export"))
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert len(rows) == 4 and rows[3][1] is None and "2" in rows[3][0]


def test_a_row_of_the_list_shows_the_request_escaped_with_its_due_date(officer_client):
    import time_machine

    from courtadmin.deadlines.models import Deadline

    request = la_request(officer_client.officer, number="7/2026", case_number='2-<b>15</b>/"26"')
    request_move(request=request, move="check", actor=officer_client.officer)
    LegalAssistanceRequest.objects.filter(pk=request.pk).update(
        court=KazakhCourt.objects.first(), status="sent_to_court"
    )
    request_move(request=request, move="court_received", actor=officer_client.officer, on=timezone.localdate())
    html = officer_client.get(reverse("international:request-list")).content.decode()
    row = html[html.index('<tr class="request-row">') : html.index("</tr>", html.index('<tr class="request-row">'))]
    assert f'<a href="{reverse("international:request-detail", args=[request.pk])}">7/2026</a>' in row
    assert "2-&lt;b&gt;15&lt;/b&gt;/&quot;26&quot;" in row and "<b>" not in row
    assert str(KazakhCourt.objects.first()) in row and "text-bg-danger" not in row
    term = Deadline.objects.get(record_id=str(request.pk))
    with time_machine.travel(term.due_on + timedelta(days=1), tick=False):  # a day past the term
        officer_client.force_login(officer_client.officer)  # the old session is long idle
        mark_second_factor_given(officer_client)
        html = officer_client.get(reverse("international:request-list")).content.decode()
    assert '<span class="badge text-bg-danger">' in html


@pytest.mark.time_machine(TODAY)
def test_the_request_keeps_its_running_terms_due_date_through_every_move_ir_7_27(people):
    """The registry's "overdue only" (IR 7.27) reads the due date the request keeps: it
    follows the execution term when it opens, is extended, stands still, resumes and ends."""
    officer = people["ir_officer"].user
    request = la_request(officer, received_on=timezone.localdate() - timedelta(days=120))
    move(request, "check", officer)
    LegalAssistanceRequest.objects.filter(pk=request.pk).update(
        court=KazakhCourt.objects.first(), status=S.SENT_TO_COURT
    )

    def kept():
        return LegalAssistanceRequest.objects.values_list("execution_due_on", flat=True).get(pk=request.pk)

    def overdue_only():
        return list(registry(officer, RegistryFilter(overdue=True)).values_list("pk", flat=True))

    assert kept() is None
    move(request, "court_received", officer, on=timezone.localdate() - timedelta(days=100))
    term = term_of(request)
    assert kept() == term.due_on
    assert term.due_on < timezone.localdate()
    assert overdue_only() == [request.pk]
    later = timezone.localdate() + timedelta(days=30)
    deadlines.deadline_extend(deadline=term, actor=officer, to=later, decision="The court asked for time")
    assert kept() == later and overdue_only() == []
    deadlines.deadline_suspend(deadline=term, actor=officer, reason="Translation awaited")
    assert kept() is None
    term = deadlines.deadline_resume(deadline=term, actor=officer)
    assert kept() == term.due_on
    assert term.due_on >= later
    move(request, "execution_received", officer, on=timezone.localdate())
    assert kept() is None and overdue_only() == []
