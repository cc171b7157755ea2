"""The outgoing journal (issue 20, item 7; IR 11, ISD 15): every signed letter of each
department within the reader's reach of documents (never wider), with its dispatch channel and
the incoming letter it answers; the answer started from the letter's page; the query budget."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.correspondence.models import IncomingLetter
from courtadmin.correspondence.services import letter_answer_start
from courtadmin.correspondence.workflow import letter_move
from courtadmin.documents import services as documents_services
from courtadmin.documents.models import Document
from tests.conftest import PAGE, TODAY, refusal_codes

from .conftest import register, resolve, signed_answer

pytestmark = pytest.mark.time_machine(TODAY)


def _sent(document, actor, channel=IncomingLetter.Channel.DIPLOMATIC):
    return documents_services.document_act(
        document=document, move="send", actor=actor, sent_on=TODAY.date(), sent_note="Нота МИД", channel=channel
    )


def _answered_letter(users):
    """An IR letter whose lead executor reported with a signed answer, the answer sent by the
    diplomatic channel."""
    officer, head = users["ir_officer"], users["ir_head"]
    letter = register(officer)
    resolve(letter, head, [officer])
    answer = signed_answer(officer, head)
    letter_move(letter=letter, move="report", actor=officer, report="Ответ направлен", answer=answer)
    return letter, _sent(answer, officer)


def test_the_journal_lists_signed_letters_with_dispatch_and_the_letter_answered_ir_11(
    people, users, client_for, signing_keys
):
    letter, answer = _answered_letter(users)
    waiting = signed_answer(users["ir_officer"], users["ir_head"])
    draft = Document(kind="ir.outgoing_letter", subject="Черновик", addressee="X", author=users["ir_officer"])
    documents_services.document_save(actor=users["ir_officer"], document=draft, texts={"kk": "a", "ru": "b"})
    response = client_for("ir_officer").get(reverse("correspondence:outgoing-list"))
    rows = {document.pk: document for document in response.context["page"].object_list}
    assert set(rows) == {answer.pk, waiting.pk}  # a draft is in no journal
    assert rows[answer.pk].answers_letter_number == letter.registration_number
    assert rows[waiting.pk].answers_letter_number is None
    html = response.content.decode()
    assert letter.get_absolute_url() in html and "Нота МИД" not in html
    assert answer.channel == "diplomatic" and answer.sent_on == TODAY.date()


def test_the_journal_filters_by_dispatch_channel_kind_year_and_text(people, users, client_for, signing_keys):
    _letter, sent = _answered_letter(users)
    waiting = signed_answer(users["ir_officer"], users["ir_head"])
    client = client_for("ir_officer")
    url = reverse("correspondence:outgoing-list")

    def listed(**query):
        return [document.pk for document in client.get(url, query).context["page"].object_list]

    assert listed(state="sent") == [sent.pk]
    assert listed(state="waiting") == [waiting.pk]
    assert listed(channel="diplomatic") == [sent.pk]
    assert listed(channel="post") == []
    assert sorted(listed(year=TODAY.year, kind="ir.outgoing_letter")) == sorted([sent.pk, waiting.pk])
    assert listed(year=TODAY.year - 1) == []
    assert sorted(listed(text="Korea")) == sorted([sent.pk, waiting.pk])
    assert listed(text=sent.registration_number) == [sent.pk]
    assert listed(registered_from="2026-11-25") == []
    assert client.get(url, {"department": "ISD"}).context["form"].errors  # not a department he reaches


def test_the_journal_never_reaches_wider_than_documents_isd_7(people, users, client_for, signing_keys):
    """An ISD letter signed by the ISD head is in the ISD head's journal, never in the IR's, nor
    in an ISD officer's who neither wrote it nor was on its route; its row and export are his 404."""
    isd_answer = signed_answer(users["isd_officer2"], users["isd_head"], kind="isd.memo_to_subdivision")
    ir_answer = signed_answer(users["ir_officer"], users["ir_head"])
    url = reverse("correspondence:outgoing-list")

    def listed(username):
        return {document.pk for document in client_for(username).get(url).context["page"].object_list}

    assert isd_answer.pk in listed("isd_head") and ir_answer.pk not in listed("isd_head")
    assert listed("ir_officer") == {ir_answer.pk}
    assert isd_answer.pk not in listed("isd_officer")
    officer = client_for("isd_officer")
    assert officer.get(isd_answer.get_absolute_url()).status_code == 404
    sheet = load_workbook(
        BytesIO(b"".join(officer.get(reverse("correspondence:outgoing-export")).streaming_content))
    ).active
    assert isd_answer.registration_number not in {row[0] for row in sheet.iter_rows(values_only=True)}
    assert client_for("sysadmin").get(url).status_code == 404


def test_the_export_holds_the_filtered_rows_with_the_letter_answered(people, users, client_for, signing_keys):
    letter, answer = _answered_letter(users)
    signed_answer(users["ir_officer"], users["ir_head"])
    response = client_for("ir_officer").get(reverse("correspondence:outgoing-export"), {"state": "sent"})
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][0] == answer.registration_number and rows[1][-1] == letter.registration_number
    assert rows[1][7] == str(IncomingLetter.Channel.DIPLOMATIC.label)


def test_the_document_says_which_letter_it_answers_only_to_a_reader_of_that_letter_isd_7(
    people, users, client_for, signing_keys
):
    """GIVEN an official-use IR letter registered and answered by an IR deputy
    THEN the IR head reads "answers incoming letter ВХ-…" on the answer's page; the IR officer,
    who reads the IR's documents but not an official-use letter that is not his, does not."""
    deputy, head = users["ir_deputy_protocol"], users["ir_head"]
    letter = register(deputy, marking=IncomingLetter.Marking.OFFICIAL_USE)
    resolve(letter, head, [deputy])
    answer = signed_answer(deputy, head)
    letter_move(letter=letter, move="report", actor=deputy, report="Готово", answer=answer)
    html = client_for("ir_head").get(answer.get_absolute_url()).content.decode()
    assert 'id="document-answers"' in html and letter.registration_number in html
    assert client_for("ir_officer").get(letter.get_absolute_url()).status_code == 404
    response = client_for("ir_officer").get(answer.get_absolute_url())
    assert response.status_code == 200
    assert 'id="document-answers"' not in response.content.decode()


def test_the_lead_executor_starts_the_answer_linked_to_the_letter(people, users, client_for):
    officer, head = users["ir_officer"], users["ir_head"]
    letter = register(officer)
    resolve(letter, head, [officer], lead=officer)
    # Not for one who executes nothing of it: 404 on the form, no panel on the page.
    url = reverse("correspondence:letter-answer-start", args=[letter.pk])
    assert client_for("ir_deputy_protocol").post(url, {"kind": "ir.outgoing_letter"}).status_code == 404
    assert 'id="answer-start"' not in client_for("ir_deputy_protocol").get(letter.get_absolute_url()).content.decode()
    client = client_for("ir_officer")
    assert 'id="answer-start"' in client.get(letter.get_absolute_url()).content.decode()
    response = client.post(url, {"kind": "isd.outgoing_letter"})
    assert response.status_code == 200 and "kind" in response.context["answer_form"].errors
    response = client.post(url, {"kind": "ir.outgoing_letter"})
    letter.refresh_from_db()
    document = letter.answer
    assert response.status_code == 302 and response.url == reverse("documents:document-update", args=[document.pk])
    assert (document.author, document.addressee, document.status) == (officer, letter.sender_name, "draft")
    # The report offers it, and a second answer is refused while this one lives.
    forms = {move.name: form for move, form in client.get(letter.get_absolute_url()).context["move_forms"]}
    assert forms["report"]["answer"].value() == document.pk
    assert refusal_codes(letter_answer_start, actor=officer, letter=letter, kind="ir.outgoing_letter") == {
        "answer_exists"
    }


# --- Query budget: the same for 2 letters as for 30 ----------------------------------------------

# PAGE (tests/conftest.py); whether his own letters are few (the letters' reach), the count,
# the page (the signature joined, the letter answered and its number as subqueries within reach).
OUTGOING_LIST = PAGE + 1 + 2


@pytest.mark.parametrize("rows", [2, 30])
def test_the_journal_costs_the_same_for_2_and_30_letters(
    people, users, client_for, signing_keys, django_assert_num_queries, rows
):
    officer, head = users["ir_officer"], users["ir_head"]
    for n in range(rows):
        letter = register(officer, subject=f"Письмо {n}")
        resolve(letter, head, [officer])
        answer = signed_answer(officer, head)
        letter_move(letter=letter, move="report", actor=officer, report="Готово", answer=answer)
    client = client_for("ir_officer")
    url = reverse("correspondence:outgoing-list")
    client.get(url)
    with django_assert_num_queries(OUTGOING_LIST):
        response = client.get(url, {"state": "waiting"})
    page = response.context["page"].object_list
    assert len(page) == rows and all(document.answers_letter_number for document in page)
