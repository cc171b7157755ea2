"""Helpers of the incoming-correspondence tests: a letter registered by a department's
officer, a resolution given on it, a signed answer."""

from datetime import date

import pytest
from django.utils import timezone

from courtadmin.correspondence import services
from courtadmin.correspondence.models import IncomingLetter
from courtadmin.correspondence.workflow import letter_move
from courtadmin.documents import services as documents_services
from courtadmin.documents.demo import load_demo_signing
from courtadmin.documents.models import Document
from courtadmin.documents.workflow import SigningConfirmation

FOREIGN_COURT_LETTER = {
    "channel": IncomingLetter.Channel.DIPLOMATIC,
    "sender_kind": IncomingLetter.SenderKind.FOREIGN_COURT,
    "sender_name": "Supreme Court of the Republic of Korea",
    "sender_number": "SC-2026/114",
    "sender_date": date(2026, 11, 10),
    "language": IncomingLetter.Language.EN,
    "subject": "Exchange of judicial delegations in 2027",
}


def register(registrar, department="IR", **fields) -> IncomingLetter:
    values = {**FOREIGN_COURT_LETTER, "received_on": timezone.localdate(), **fields}
    return services.letter_register(actor=registrar, letter=IncomingLetter(department=department, **values))


def resolve(letter, giver, executors, lead=None, working_days=5, text="Подготовить ответ") -> IncomingLetter:
    return letter_move(
        letter=letter,
        move="resolve",
        actor=giver,
        text=text,
        executors=list(executors),
        lead=lead or executors[0],
        working_days=working_days,
    )


def signed_answer(author, signer, kind="ir.outgoing_letter") -> Document:
    document = Document(kind=kind, subject="Answer to the Supreme Court of Korea", addressee="SC Korea", author=author)
    documents_services.document_save(actor=author, document=document, texts={"kk": "Жауап", "ru": "Ответ"})
    documents_services.route_set(actor=author, document=document, groups=[])
    documents_services.document_act(document=document, move="submit", actor=author)
    confirmation = SigningConfirmation(user_id=signer.pk, at=timezone.now())
    documents_services.document_sign_confirmed(document=document, actor=signer, confirmation=confirmation)
    document.refresh_from_db()
    return document


@pytest.fixture
def signing_keys(people):
    load_demo_signing(people)
    return people
