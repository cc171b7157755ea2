"""Demo letters: a few incoming letters of each department in each state, brought there
through the real registration and moves; idempotent by department and subject."""

from datetime import timedelta

from django.utils import timezone

from .models import IncomingLetter
from .services import letter_register
from .workflow import letter_move

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
            letter_move(letter=letter, move="report", actor=executors[0], report="Ответ подготовлен и направлен.")
            letter_move(letter=letter, move="close", actor=users[giver])
    return "Correspondence: incoming letters of the IR and the ISD, registered, on execution and taken off control."
