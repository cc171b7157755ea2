"""Demo requests: lived-in registers of both departments, brought to their states through the
real draft and moves; idempotent by department and subject.

- ISD to the Almaty economic court (court_almaty), serving an ISD case: answered with a file
  and accepted (ISD 5.6, ISD 12); the court's user never sees the case.
- ISD to the Organisational and Analytical Department: a draft waiting for the head's signature.
- IR to the Legal Department (legal_officer): running; another returned for a fuller answer.
- IR to the Organisational and Analytical Department (analyst): overdue (IR 5.1).
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from courtadmin.org.models import Unit

from .models import DataRequest
from .selectors import bindable_records
from .services import request_draft
from .workflow import request_move

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# (department, drafter, head, unit code, recipient, subject, text, basis, working days, days
# since it was sent (None: today), the state, whether it serves a case of the department)
REQUESTS = [
    (
        "ISD",
        "isd_officer",
        "isd_head",
        "court-almaty-economic",
        "court_almaty",
        "Копии протоколов судебных заседаний",
        "Прошу представить копии протоколов судебных заседаний и аудиозаписей за октябрь 2026 года.",
        "ISD 5.6, ISD 12",
        10,
        6,
        "accepted",
        True,
    ),
    (
        "ISD",
        "isd_officer",
        "isd_head",
        "analytics",
        "",
        "Статистика дисциплинарных производств за 2026 год",
        "Прошу представить статистические данные о дисциплинарных производствах в отношении работников судов.",
        "ISD 5.6",
        10,
        None,
        "draft",
        False,
    ),
    (
        "IR",
        "ir_officer",
        "ir_head",
        "legal",
        "legal_officer",
        "Заключение по проекту меморандума с Верховным судом Кореи",
        "Прошу представить правовое заключение по проекту меморандума о сотрудничестве.",
        "IR 5.1",
        10,
        None,
        "sent",
        False,
    ),
    (
        "IR",
        "ir_officer",
        "ir_head",
        "analytics",
        "analyst",
        "Данные для анкеты CEPEJ 2026-2028",
        "Прошу представить данные о нагрузке на судей за 2025 год для анкеты CEPEJ.",
        "IR 5.1",
        5,
        30,
        "sent",
        False,
    ),
    (
        "IR",
        "ir_officer",
        "ir_head",
        "legal",
        "legal_officer",
        "Перечень действующих договоров о правовой помощи",
        "Прошу представить актуальный перечень международных договоров о правовой помощи.",
        "IR 5.1",
        10,
        14,
        "returned",
        False,
    ),
]


def load_demo_requests(people) -> str:
    users = {username: person.user for username, person in people.items()}
    units = {unit.code: unit for unit in Unit.objects.filter(code__in={row[3] for row in REQUESTS})}
    today = timezone.localdate()
    for row in REQUESTS:
        department, drafter, head, unit, recipient, subject, text, basis, days, sent_ago, state, serves = row
        if unit not in units or (recipient and recipient not in users):
            continue  # an organisation without that unit or person
        if DataRequest.objects.filter(department=department, subject=subject).exists():
            continue
        cases = bindable_records(users[drafter], department, limit=1) if serves else []
        data_request = request_draft(
            actor=users[drafter],
            request=DataRequest(
                department=department,
                unit=units[unit],
                recipient=users[recipient] if recipient else None,
                subject=subject,
                text=text,
                legal_basis=basis,
                working_days=days,
            ),
            record=cases[0] if cases else None,
        )
        if state == "draft":
            continue
        sent_on = today - timedelta(days=sent_ago) if sent_ago else None
        request_move(request=data_request, move="send", actor=users[head], sent_on=sent_on)
        if state == "sent":
            continue
        answerer = users[recipient]
        upload = SimpleUploadedFile("answer.pdf", PDF, content_type="application/pdf")
        request_move(
            request=data_request, move="answer", actor=answerer, answer="Материалы прилагаются.", files=[upload]
        )
        if state == "accepted":
            request_move(request=data_request, move="accept", actor=users[drafter])
        elif state == "returned":
            request_move(
                request=data_request, move="return", actor=users[drafter], reason="Не указаны договоры с КНР и Турцией."
            )
    return "Requests: the IR's and the ISD's registers, a draft, running, overdue, returned, answered and accepted."
