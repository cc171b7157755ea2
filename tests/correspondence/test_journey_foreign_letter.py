"""Issue 20, "Done when": a foreign letter received in English, translated, given by the IR
head's resolution to another subdivision, executed there by a user of that subdivision,
answered with a signed letter, taken off control (IR 7.12, IR 11, IR 13). The subdivision's
user reads the letter and its translation, and nothing else of the IR."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from courtadmin.correspondence.models import IncomingLetter, LetterTranslation
from courtadmin.correspondence.selectors import letters_visible_to
from courtadmin.correspondence.services import letter_answer_start, translation_task_give
from courtadmin.correspondence.workflow import letter_move, moves_open_to, translation_move
from courtadmin.deadlines.models import Deadline
from courtadmin.deadlines.selectors import running_term
from courtadmin.documents import services as documents
from courtadmin.documents.models import Document
from courtadmin.documents.workflow import SigningConfirmation

from .conftest import register, resolve

S = IncomingLetter.Status


def test_a_foreign_letter_translated_executed_by_another_subdivision_and_answered_ir_7_12(
    users, signing_keys, client_for
):
    officer, head, deputy, legal = (
        users["ir_officer"],
        users["ir_head"],
        users["ir_deputy_protocol"],
        users["legal_officer"],
    )
    letter = register(officer, text="Dear colleagues, we kindly ask for your opinion on the draft memorandum.")
    assert letter.language == IncomingLetter.Language.EN

    # IR 7.12: translated into Russian by the officer, checked by the protocol deputy.
    translation = translation_task_give(actor=head, letter=letter, language="ru", translator=officer, working_days=2)
    translation_move(translation=translation, move="submit", actor=officer, text="Уважаемые коллеги, просим мнение.")
    translation_move(translation=translation, move="accept", actor=deputy)
    assert translation.status == LetterTranslation.Status.ACCEPTED and translation.checked_by == deputy

    # The IR head gives it to the Legal Department's officer, the IR officer beside him.
    resolve(letter, head, [legal, officer], lead=legal, text="Дать правовое заключение; ОМС подготовить ответ")
    assert running_term(letter, "ir.letter").responsible == legal
    client = client_for("legal_officer")
    assert client.get(reverse("correspondence:letter-detail", args=[letter.pk])).status_code == 200
    side_by_side = client.get(reverse("correspondence:translation-detail", args=[translation.pk]))
    assert side_by_side.status_code == 200 and "Уважаемые коллеги" in side_by_side.content.decode()
    # He does not write the IR's documents: the answer is drafted by the IR officer.
    with pytest.raises(PermissionDenied):
        letter_answer_start(actor=legal, letter=letter, kind="ir.outgoing_letter")
    answer = letter_answer_start(actor=officer, letter=letter, kind="ir.outgoing_letter")
    assert letter.answer == answer and answer.addressee == letter.sender_name

    # The subdivision reports its execution; the answer stays linked.
    assert [move.name for move in moves_open_to(letter, legal)] == ["report"]
    letter_move(letter=letter, move="report", actor=legal, report="Заключение направлено в ОМС")
    assert letter.status == S.EXECUTED and letter.answer == answer

    # The answer passes the head's signature (IR 13) and is registered in the outgoing journal.
    documents.route_set(actor=officer, document=answer, groups=[])
    documents.document_act(document=answer, move="submit", actor=officer)
    documents.document_sign_confirmed(
        document=answer, actor=head, confirmation=SigningConfirmation(user_id=head.pk, at=timezone.now())
    )
    answer.refresh_from_db()
    assert answer.status == Document.Status.SIGNED and answer.registration_number

    letter_move(letter=letter, move="close", actor=head)
    assert letter.status == S.CLOSED and letter.term_kept is True
    assert Deadline.objects.get(kind="ir.letter", record_id=str(letter.pk)).state == Deadline.State.MET
    journal = client_for("ir_officer").get(reverse("correspondence:outgoing-list")).content.decode()
    assert answer.registration_number in journal and letter.registration_number in journal

    # The subdivision's user: this letter alone; the IR's answer, register and records are not his.
    other = register(officer, subject="Another foreign letter")
    assert set(letters_visible_to(legal)) == {letter}
    client = client_for("legal_officer")  # the test's one browser signs in as him again
    for url in (
        reverse("correspondence:letter-detail", args=[other.pk]),
        reverse("documents:document-detail", args=[answer.pk]),
        reverse("correspondence:outgoing-list"),
        reverse("international:home"),
    ):
        assert client.get(url).status_code == 404, url
