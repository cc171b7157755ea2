"""Demo letters: a few incoming letters of each department in each state, brought there
through the real registration and moves; the answer to the closed one signed and sent (the
outgoing journal), an English letter with a certified Russian translation and a Kazakh one in
progress (IR 7.12); idempotent by department and subject."""

from datetime import timedelta

from django.utils import timezone

from courtadmin.documents.demo import demo_document
from courtadmin.documents.kinds import KINDS
from courtadmin.documents.models import Document
from courtadmin.documents.services import document_act

from .models import IncomingLetter
from .services import letter_register, translation_task_give
from .workflow import letter_move, translation_move

C, K = IncomingLetter.Channel, IncomingLetter.SenderKind

# (department, registrar, channel, sender kind, sender, language, subject, marking, the state
# and who takes it there: giver, executors with the lead first)
LETTERS = [
    (
        "IR",
        "ir_officer",
        C.DIPLOMATIC,
        K.FOREIGN_COURT,
        "Supreme Court of the Republic of Korea",
        "en",
        "Exchange of judicial delegations in 2027",
        "ordinary",
        "closed",
        "ir_head",
        ["ir_officer", "ir_deputy_protocol"],
    ),
    (
        "IR",
        "ir_officer",
        C.EMAIL,
        K.INTERNATIONAL_ORGANISATION,
        "European Commission for the Efficiency of Justice (CEPEJ)",
        "en",
        "Questionnaire of the 2026-2028 evaluation cycle",
        "ordinary",
        "on_execution",
        "ir_head",
        ["ir_officer"],
    ),
    (
        "IR",
        "ir_officer",
        C.EDMS,
        K.KAZAKH_BODY,
        "Министерство иностранных дел Республики Казахстан",
        "ru",
        "О визите делегации Верховного суда Узбекистана",
        "ordinary",
        "registered",
        "",
        [],
    ),
    # IR 7.12: a foreign letter given to the competent subdivision, the IR officer beside it.
    (
        "IR",
        "ir_officer",
        C.DIPLOMATIC,
        K.EMBASSY,
        "Embassy of the Republic of Türkiye in Astana",
        "en",
        "Request for information on the enforcement of foreign arbitral awards",
        "ordinary",
        "on_execution",
        "ir_head",
        ["legal_officer", "ir_officer"],
    ),
    (
        "ISD",
        "isd_officer",
        C.COURIER,
        K.KAZAKH_BODY,
        "Агентство по противодействию коррупции",
        "ru",
        "О проверке сведений в отношении работника суда",
        "official_use",
        "on_execution",
        "isd_head",
        ["isd_officer"],
    ),
    (
        "ISD",
        "isd_officer2",
        C.POST,
        K.CA_SUBDIVISION,
        "Сот әкімшілігінің Алматы облысы бойынша департаменті",
        "kk",
        "Сот ғимараттарын күзету туралы",
        "ordinary",
        "registered",
        "",
        [],
    ),
]


# IR 7.12: the originals that came as text (e-mail), read beside their translations.
ORIGINAL_TEXTS = {
    "Questionnaire of the 2026-2028 evaluation cycle": (
        "Dear colleagues, please find enclosed the questionnaire of the 2026-2028 evaluation cycle of the "
        "European Commission for the Efficiency of Justice (CEPEJ). We would be grateful for your answers."
    ),
}


def load_demo_letters(people) -> str:
    users = {username: person.user for username, person in people.items()}
    today = timezone.localdate()
    for department, registrar, channel, sender_kind, sender, language, subject, marking, state, giver, team in LETTERS:
        if IncomingLetter.objects.filter(department=department, subject=subject).exists():
            continue
        letter = letter_register(
            actor=users[registrar],
            letter=IncomingLetter(
                department=department,
                received_on=today,
                channel=channel,
                sender_kind=sender_kind,
                sender_name=sender,
                sender_number="№ 01-12/345",
                sender_date=today - timedelta(days=7),
                language=language,
                subject=subject,
                text=ORIGINAL_TEXTS.get(subject, ""),
                marking=marking,
            ),
        )
        if state == "registered":
            continue
        executors = [users[name] for name in team]
        letter_move(
            letter=letter,
            move="resolve",
            actor=users[giver],
            text="Подготовить ответ / Жауап дайындау",
            executors=executors,
            lead=executors[0],
            working_days=10,
        )
        if state == "closed":
            answer = _sent_answer(letter, executors[0], users[giver])
            letter_move(
                letter=letter, move="report", actor=executors[0], report="Ответ подготовлен и направлен.", answer=answer
            )
            letter_move(letter=letter, move="close", actor=users[giver])
    _load_demo_translations(users)
    return (
        "Correspondence: incoming letters of the IR and the ISD, registered, on execution and taken off control; "
        "an answer signed and sent by the diplomatic channel; a certified Russian translation and a running task."
    )


def _sent_answer(letter, author, signer):
    """The answer to a letter: signed by its head (IR 13) and sent by the diplomatic channel, so
    that the outgoing journal shows the incoming letter it answers (issue 20, item 7)."""
    kind = f"{letter.department.lower()}.outgoing_letter"
    if kind not in KINDS:
        return None
    document = demo_document(
        author=author,
        kind=kind,
        subject=f"Answer: {letter.subject}",
        addressee=letter.sender_name,
        texts={"kk": "Хатыңызға жауап.", "ru": "Ответ на Ваше письмо.", "en": "In reply to your letter."},
        state="signed",
        signer=signer,
    )
    if document.status == Document.Status.SIGNED:
        document_act(
            document=document,
            move="send",
            actor=author,
            sent_on=timezone.localdate(),
            sent_note="Нота МИД РК",
            channel=IncomingLetter.Channel.DIPLOMATIC,
        )
    return document


def _load_demo_translations(users) -> None:
    """IR 7.12: the CEPEJ questionnaire in English with a certified Russian translation,
    checked by a second person, and a Kazakh translation still being made (its term runs)."""
    letter = IncomingLetter.objects.filter(
        department="IR", subject="Questionnaire of the 2026-2028 evaluation cycle"
    ).first()
    if letter is None or letter.translations.exists():
        return
    head, officer, deputy = users["ir_head"], users["ir_officer"], users["ir_deputy_protocol"]
    russian = translation_task_give(actor=head, letter=letter, language="ru", translator=officer, working_days=3)
    translation_move(
        translation=russian,
        move="submit",
        actor=officer,
        certified=True,
        text="Уважаемые коллеги! Направляем вопросник оценочного цикла 2026-2028 годов ЕКЭП (CEPEJ).",
    )
    translation_move(translation=russian, move="accept", actor=deputy)
    translation_task_give(actor=head, letter=letter, language="kk", translator=deputy, working_days=5)
