"""Applications of persons and legal entities about legal assistance (IR 7.25): registered
with the АППК term (art. 76: 15 working days; art. 64: received after hours or on a day
off, counted from the next working day), answered by a document signed under IR 13, then
closed with the term met; outsiders of the IR see nothing (404)."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from courtadmin.audit.models import AuditEvent
from courtadmin.deadlines.calendar import ALMATY, WorkingCalendar
from courtadmin.deadlines.models import Deadline
from courtadmin.documents import services as documents
from courtadmin.documents.models import Document
from courtadmin.documents.signing.portal_ca import certificate_issue
from international.models import Application
from international.selectors import applications as application_selectors
from international.services import applications
from international.workflow import application_close
from tests.conftest import DEMO_TEST_PASSWORD, TODAY, refusal_codes
from tests.documents.conftest import second_factor_code

# Its dates are set around the suite's today, which it states (time-machine).
pytestmark = pytest.mark.time_machine(TODAY)

# Tuesday 3 November 2026: a working day, and no holiday in the three weeks after it.
TUESDAY_MORNING = datetime(2026, 11, 3, 10, 0, tzinfo=ALMATY)


def new_application(people, number="ЗЛ-1", received_at=TUESDAY_MORNING, officer="ir_officer", **fields):
    values = {
        "number": number,
        "received_at": received_at,
        "applicant_name": "Серік Асқарұлы Нұрланов",
        "applicant_identifier": "850101300124",
        "applicant_address": "Астана, Мәңгілік Ел д-лы, 8",
        "language": "kk",
        "substance": "Прошу разъяснить порядок признания решения суда Кыргызской Республики.",
        "officer": people[officer].user,
    }
    values.update(fields)
    return Application(**values)


def register(people, **fields) -> Application:
    return applications.application_register(
        actor=people["ir_officer"].user, application=new_application(people, **fields)
    )


def term_of(application) -> Deadline:
    return application_selectors.application_term(application)


def sign(document, username, people):
    user = people[username].user
    return documents.document_sign(
        document=document, actor=user, password=DEMO_TEST_PASSWORD, code=second_factor_code(user)
    )


def answer_submitted(people, application) -> Document:
    officer = people["ir_officer"].user
    answer = applications.application_answer_prepare(actor=officer, application=application)
    documents.document_act(document=answer, move="submit", actor=officer)
    assert answer.status == Document.Status.APPROVED  # the kind has no default visas
    return answer


# --- Registration and the term ----------------------------------------------------------------


def test_IR_7_25_registration_opens_a_term_of_15_working_days_appk_76(people):
    application = register(people)
    term = term_of(application)
    assert application.status == Application.Status.REGISTERED
    assert term.kind == "ir.application"
    assert term.started_on == date(2026, 11, 3)
    assert term.due_on == date(2026, 11, 24)  # the 15th working day after the 3rd
    assert WorkingCalendar().working_days_between(term.started_on, term.due_on) == 15
    assert term.responsible == people["ir_officer"].user
    assert term.state == Deadline.State.OPEN
    event = AuditEvent.objects.get(action="ir.application.registered")
    assert (event.object_id, event.department) == (str(application.pk), "IR")
    assert event.after["due_on"] == "2026-11-24"


@pytest.mark.parametrize(
    ("received", "starts", "due"),
    [
        (datetime(2026, 11, 3, 18, 29, tzinfo=ALMATY), date(2026, 11, 3), date(2026, 11, 24)),
        (datetime(2026, 11, 3, 18, 31, tzinfo=ALMATY), date(2026, 11, 4), date(2026, 11, 25)),
        (datetime(2026, 11, 7, 11, 0, tzinfo=ALMATY), date(2026, 11, 9), date(2026, 11, 30)),  # a Saturday
    ],
)
def test_appk_64_76_received_after_hours_or_on_a_day_off_counts_from_the_next_working_day(
    people, received, starts, due
):
    term = term_of(register(people, received_at=received))
    assert (term.started_on, term.due_on) == (starts, due)


def test_IR_7_25_a_reader_of_the_registry_may_not_register(people):
    with pytest.raises(PermissionDenied):
        applications.application_register(actor=people["chairman"].user, application=new_application(people))
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"received_at": timezone.now() + timedelta(days=1)}, {"received_at": "future"}),
        ({"applicant_name": " ", "substance": ""}, {"applicant_name": "required", "substance": "required"}),
        ({"applicant_address": ""}, {"applicant_address": "required"}),
        ({"applicant_identifier": "12345"}, {"applicant_identifier": "iin_format"}),
        ({"officer": "isd_officer"}, {"officer": "officer"}),
    ],
)
def test_appk_63_bad_registrations_are_refused_beside_their_fields(people, fields, errors):
    with pytest.raises(ValidationError) as refused:
        register(people, **fields)
    got = {field: {error.code for error in items} for field, items in refused.value.error_dict.items()}
    assert got == {field: {code} for field, code in errors.items()}
    assert not Application.objects.exists()
    assert not Deadline.objects.exists()


def test_a_number_is_registered_once(people):
    register(people)
    with pytest.raises(ValidationError) as refused:
        register(people, received_at=TUESDAY_MORNING + timedelta(hours=1))
    assert [error.code for error in refused.value.error_dict["number"]] == ["number_taken"]
    assert Application.objects.count() == 1
    assert Deadline.objects.count() == 1


# --- The answer (IR 13) and closing ----------------------------------------------------------------


def test_IR_7_25_the_answer_is_drafted_once_in_the_applications_language(people):
    application = register(people)
    officer = people["ir_officer"].user
    answer = applications.application_answer_prepare(actor=officer, application=application)
    assert answer.kind == "ir.application_answer"
    assert answer.status == Document.Status.DRAFT
    assert answer.record_id == str(application.pk)
    assert answer.record_type.model_class() is Application
    assert application.number in answer.subject
    assert answer.addressee.startswith(application.applicant_name)
    texts = dict(answer.versions.values_list("language", "text"))
    assert set(texts) == {application.language} and answer.language == application.language
    assert all(application.number in text and application.applicant_name in text for text in texts.values())
    again = applications.application_answer_prepare(actor=officer, application=application)
    assert again.pk == answer.pk
    assert Document.objects.count() == 1


def test_a_cancelled_answer_makes_room_for_a_new_one(people):
    application = register(people)
    officer = people["ir_officer"].user
    first = applications.application_answer_prepare(actor=officer, application=application)
    documents.document_act(document=first, move="cancel", actor=officer)
    second = applications.application_answer_prepare(actor=officer, application=application)
    assert second.pk != first.pk


def test_IR_7_25_IR_13_answer_signed_by_the_legal_assistance_deputy_closes_the_application_term_met(signing):
    people = signing
    officer = people["ir_officer"].user
    # Received an hour ago: its term runs 15 working days from now on, so it is met today.
    application = register(people, received_at=timezone.now() - timedelta(hours=1))
    answer = answer_submitted(people, application)
    sign(answer, "ir_deputy_legal", people)
    assert answer.signature.capacity == "la_deputy"
    assert answer.signature.clause == "IR 13"

    application_close(actor=officer, application=application)
    assert application.status == Application.Status.ANSWERED
    assert application.answered_on == timezone.localdate(answer.registered_at)
    term = term_of(application)
    assert term.state == Deadline.State.MET
    assert term.closed_on == application.answered_on
    event = AuditEvent.objects.get(action="ir.application.close")
    assert event.before == {"status": "registered"}
    assert event.after["registration_number"] == answer.registration_number

    assert refusal_codes(application_close, actor=officer, application=application) == {"answered"}
    assert AuditEvent.objects.filter(action="ir.application.close").count() == 1


def test_IR_13_the_protocol_deputy_may_not_sign_a_legal_assistance_answer(signing):
    """GIVEN the deputy head supervising protocol, with a signing certificate of his own (he
    signs when acting for the head) WHEN he signs an answer on legal assistance THEN IR 13
    refuses him, and the application cannot be closed on that answer."""
    people = signing
    certificate_issue(user=people["ir_deputy_protocol"].user, common_name=people["ir_deputy_protocol"].full_name)
    application = register(people)
    answer = answer_submitted(people, application)
    assert refusal_codes(sign, document=answer, username="ir_deputy_protocol", people=people) == {"not_yours"}
    answer.refresh_from_db()
    assert answer.status == Document.Status.APPROVED
    officer = people["ir_officer"].user
    assert refusal_codes(application_close, actor=officer, application=application) == {"no_signed_answer"}
    application.refresh_from_db()
    assert application.status == Application.Status.REGISTERED
    assert term_of(application).state == Deadline.State.OPEN


def test_closing_without_a_signed_answer_is_refused_with_the_reason(people, client_for):
    application = register(people)
    client = client_for("ir_officer")
    response = client.post(reverse("international:application-close", args=[application.pk]), follow=True)
    shown = " ".join(str(message) for message in response.context["messages"])
    assert "IR 13" in shown  # the reason names the clause, in the officer's language
    application.refresh_from_db()
    assert application.status == Application.Status.REGISTERED
    assert application.answered_on is None
    assert term_of(application).state == Deadline.State.OPEN
    assert not AuditEvent.objects.filter(action="ir.application.close").exists()


# --- Pages ---------------------------------------------------------------------------------------


def form_data(**fields):
    data = {
        "number": "ЗЛ-7",
        "external_number": "",
        "received_at": "2026-11-03T10:00",
        "applicant_kind": "individual",
        "applicant_name": "Айгүл Серікқызы Омарова",
        "applicant_identifier": "",
        "applicant_address": "Алматы, Абай д-лы, 1",
        "language": "ru",
        "substance": "Прошу сообщить, на каком этапе исполнение поручения.",
        "request": "",
    }
    data.update(fields)
    return data


def test_an_officer_registers_from_the_form_and_is_the_default_officer(client_for, users):
    client = client_for("ir_officer")
    url = reverse("international:application-create")
    form = client.get(url).context["form"]
    assert form["officer"].value() == users["ir_officer"].pk
    response = client.post(url, form_data(officer=users["ir_officer"].pk))
    application = Application.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("international:application-detail", args=[application.pk])
    assert term_of(application).due_on == date(2026, 11, 24)
    page = client.get(response.url)
    assert page.status_code == 200
    assert "24.11.2026" in page.content.decode()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"received_at": (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")}, "received_at"),
        ({"number": "ЗЛ-1"}, "number"),
        ({"applicant_name": ""}, "applicant_name"),
        ({"request": "NO-SUCH-REQUEST"}, "request"),
    ],
)
def test_bad_input_on_the_form_gives_field_errors_and_writes_nothing(client_for, people, users, fields, field):
    register(people)  # "ЗЛ-1" is taken
    client = client_for("ir_officer")
    before = (Application.objects.count(), Deadline.objects.count(), AuditEvent.objects.count())
    response = client.post(
        reverse("international:application-create"), form_data(officer=users["ir_officer"].pk, **fields)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field]
    assert form["applicant_address"].value() == "Алматы, Абай д-лы, 1"  # what was typed stays
    assert (Application.objects.count(), Deadline.objects.count(), AuditEvent.objects.count()) == before


def test_preparing_the_answer_opens_its_draft_for_editing(client_for, people):
    application = register(people)
    client = client_for("ir_officer")
    response = client.post(reverse("international:application-answer", args=[application.pk]))
    answer = Document.objects.get(kind="ir.application_answer")
    assert response.url == reverse("documents:document-update", args=[answer.pk])
    page = client.get(reverse("international:application-detail", args=[application.pk])).content.decode()
    assert answer.get_absolute_url() in page
    assert reverse("international:application-close", args=[application.pk]) not in page


def test_the_detail_offers_to_close_once_the_answer_is_signed(client_for, signing):
    people = signing
    application = register(people, received_at=timezone.now() - timedelta(hours=1))
    answer = answer_submitted(people, application)
    sign(answer, "ir_head", people)
    client = client_for("ir_officer")
    url = reverse("international:application-detail", args=[application.pk])
    page = client.get(url).content.decode()
    assert reverse("international:application-close", args=[application.pk]) in page
    assert answer.registration_number in page
    response = client.post(reverse("international:application-close", args=[application.pk]))
    assert response.url == url
    application.refresh_from_db()
    assert application.status == Application.Status.ANSWERED


def _every_url(application):
    return {
        "list": ("get", reverse("international:application-list")),
        "create": ("get", reverse("international:application-create")),
        "detail": ("get", reverse("international:application-detail", args=[application.pk])),
        "answer": ("post", reverse("international:application-answer", args=[application.pk])),
        "close": ("post", reverse("international:application-close", args=[application.pk])),
    }


@pytest.mark.parametrize("username", ["isd_head", "isd_officer", "isd_almaty"])
def test_isd_staff_get_404_on_every_application_url(client_for, people, username):
    application = register(people)
    client = client_for(username)
    for name, (method, url) in _every_url(application).items():
        assert getattr(client, method)(url).status_code == 404, name
    assert Document.objects.count() == 0


def test_the_chairman_reads_but_may_not_register_or_answer(client_for, people):
    application = register(people)
    client = client_for("chairman")
    urls = _every_url(application)
    assert client.get(urls["list"][1]).status_code == 200
    detail = client.get(urls["detail"][1])
    assert detail.status_code == 200
    assert urls["answer"][1] not in detail.content.decode()
    for name in ("create", "answer", "close"):
        method, url = urls[name]
        assert getattr(client, method)(url).status_code == 404, name
    assert client.post(urls["create"][1], form_data()).status_code == 404
    assert Document.objects.count() == 0


def test_the_list_shows_newest_first_in_pages_of_50(client_for, people):
    for n in range(51):
        register(people, number=f"ЗЛ-{n}", received_at=TUESDAY_MORNING + timedelta(minutes=n))
    client = client_for("ir_head")
    first = client.get(reverse("international:application-list")).context["page"]
    assert len(first) == 50
    assert first[0].number == "ЗЛ-50"
    second = client.get(reverse("international:application-list"), {"page": 2}).context["page"]
    assert [application.number for application in second] == ["ЗЛ-0"]


def test_the_demos_signed_answer_holds_no_placeholder(people):
    """The working-day issue, item 8: no signed document of the demo keeps "[the explanation]"."""
    from courtadmin.documents.demo import load_demo_signing
    from courtadmin.documents.models import DocumentVersion
    from international.demo import load_demo_applications

    load_demo_signing(people)
    load_demo_applications(people)
    signed = DocumentVersion.objects.filter(document__status__in=["signed", "sent"], document__kind__startswith="ir.")
    assert signed.exists()
    assert not [version.text for version in signed if "[" in version.text]
