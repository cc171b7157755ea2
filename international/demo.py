"""IR demo data: documents, a lived-in legal-assistance registry (about 200 requests in every
state, across 14 states and their treaty bases) and applications of persons (IR 7.25).

The foreign authorities are real institutions; the persons, cases and numbers are invented.
Three requests go through the real moves, with their cover letters signed per IR 13; the rest
stand for the registry carried over from the department's Excel registers, each in the state
it had reached, with the execution terms of those still at a court.
"""

import random
import re
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from courtadmin.core import rollups
from courtadmin.documents.demo import demo_document
from courtadmin.org.models import Region

# country: [(kk, ru, en, kind)]
AUTHORITIES = {
    "RU": [
        (
            "Ресей Федерациясының Жоғарғы Соты",
            "Верховный Суд Российской Федерации",
            "Supreme Court of the Russian Federation",
            "court",
        ),
        (
            "Ресей Федерациясының Әділет министрлігі",
            "Министерство юстиции Российской Федерации",
            "Ministry of Justice of the Russian Federation",
            "central_authority",
        ),
    ],
    "KG": [
        (
            "Қырғыз Республикасының Жоғарғы соты",
            "Верховный суд Кыргызской Республики",
            "Supreme Court of the Kyrgyz Republic",
            "court",
        )
    ],
    "UZ": [
        (
            "Өзбекстан Республикасының Жоғарғы соты",
            "Верховный суд Республики Узбекистан",
            "Supreme Court of the Republic of Uzbekistan",
            "court",
        )
    ],
    "BY": [
        (
            "Беларусь Республикасының Жоғарғы Соты",
            "Верховный Суд Республики Беларусь",
            "Supreme Court of the Republic of Belarus",
            "court",
        )
    ],
    "TJ": [
        (
            "Тәжікстан Республикасының Жоғарғы соты",
            "Верховный суд Республики Таджикистан",
            "Supreme Court of the Republic of Tajikistan",
            "court",
        )
    ],
    "AZ": [
        (
            "Әзербайжан Республикасының Жоғарғы соты",
            "Верховный суд Азербайджанской Республики",
            "Supreme Court of the Republic of Azerbaijan",
            "court",
        )
    ],
    "AM": [
        (
            "Армения Республикасының Әділет министрлігі",
            "Министерство юстиции Республики Армения",
            "Ministry of Justice of the Republic of Armenia",
            "central_authority",
        )
    ],
    "TR": [
        (
            "Түркия Республикасының Әділет министрлігі",
            "Министерство юстиции Турецкой Республики",
            "Ministry of Justice of the Republic of Türkiye",
            "central_authority",
        )
    ],
    "CN": [
        (
            "Қытай Халық Республикасының Әділет министрлігі",
            "Министерство юстиции Китайской Народной Республики",
            "Ministry of Justice of the People's Republic of China",
            "central_authority",
        )
    ],
    "DE": [
        (
            "Германияның Федералдық әділет басқармасы",
            "Федеральное ведомство юстиции Германии",
            "Federal Office of Justice (Germany)",
            "central_authority",
        )
    ],
    "US": [
        (
            "АҚШ Әділет министрлігінің Халықаралық сот көмегі басқармасы",
            "Управление международной судебной помощи Министерства юстиции США",
            "U.S. Department of Justice, Office of International Judicial Assistance",
            "central_authority",
        )
    ],
    "GB": [
        (
            "Корольдік әділет соттарының Шетелдік процесс бөлімі",
            "Отдел иностранных процессуальных документов Королевских судов",
            "Foreign Process Section, Royal Courts of Justice",
            "central_authority",
        )
    ],
    "KR": [
        (
            "Корея Республикасының Ұлттық сот әкімшілігі",
            "Национальная судебная администрация Республики Корея",
            "National Court Administration of the Republic of Korea",
            "central_authority",
        )
    ],
    "LT": [
        (
            "Литва Республикасының Әділет министрлігі",
            "Министерство юстиции Литовской Республики",
            "Ministry of Justice of the Republic of Lithuania",
            "central_authority",
        )
    ],
}

SURNAMES = [
    "Ахметов",
    "Сейтқали",
    "Иванова",
    "Нұрланов",
    "Ким",
    "Петров",
    "Жұмабаева",
    "Оспанов",
    "Смагулова",
    "Байжанов",
]
NAMES = ["Ерлан", "Айгүл", "Сергей", "Дана", "Марат", "Ольга", "Асхат", "Гүлнар", "Тимур", "Алия"]
COMPANIES = ["ТОО «Дала Логистик»", "АО «Сарыарқа Құрылыс»", "ТОО «Алтын Жол»", "ТОО «Шығыс Агро»"]

S_IN = [
    "sent_to_court",
    "executing",
    "executing",
    "executed",
    "answered",
    "closed",
    "closed",
    "closed",
    "refused",
    "defects_returned",
]
S_OUT = [
    "translation",
    "sent_abroad",
    "sent_abroad",
    "answer_received",
    "returned_to_court",
    "closed",
    "closed",
    "refused",
]
TOTAL = 200


def load_demo_documents(people) -> str:
    officer = people["ir_officer"].user
    demo_document(
        author=officer,
        kind="ir.outgoing_letter",
        subject="Халықаралық семинарға қатысу туралы / Об участии в международном семинаре",
        addressee="Министерство иностранных дел Республики Казахстан",
        texts={
            "kk": "Сот әкімшілігі судьялардың халықаралық семинарға қатысуы туралы ақпаратты жолдайды.",
            "ru": "Судебная администрация направляет информацию об участии судей в международном семинаре.",
        },
        state="signed",
        signer=people["ir_head"].user,
    )
    demo_document(
        author=officer,
        kind="ir.report_to_chairman",
        subject="Халықаралық ынтымақтастық туралы тоқсандық есеп / Квартальный отчет о международном сотрудничестве",
        addressee="Председателю Верховного Суда Республики Казахстан",
        texts={"kk": "Тоқсан ішінде атқарылған жұмыс туралы есеп.", "ru": "Отчет о работе, проделанной за квартал."},
        state="approved",
    )
    # IR 7.20: the Chairman's protocol letter, signed by him; the Head's, awaiting him.
    demo_document(
        author=officer,
        kind="ir.chairman_letter",
        subject="Корея Республикасы Жоғарғы Сотының Төрағасына алғыс хат / Благодарственное письмо Председателю "
        "Верховного суда Республики Корея",
        addressee="Chief Justice of the Supreme Court of the Republic of Korea",
        texts={
            "kk": "Астанадағы кездесу үшін алғысымды білдіремін.",
            "ru": "Выражаю благодарность за встречу в Астане.",
            "en": "Please accept my gratitude for our meeting in Astana.",
        },
        state="signed",
        signer=people["chairman"].user,
    )
    demo_document(
        author=officer,
        kind="ir.ca_head_letter",
        subject="ЕЫДҰ елшісіне шақыру хат / Пригласительное письмо послу ОБСЕ",
        addressee="Head of the OSCE Programme Office in Astana",
        texts={
            "kk": "Сот әкімшілігі Сіздерді дөңгелек үстелге шақырады.",
            "ru": "Судебная администрация приглашает Вас на круглый стол.",
            "en": "The Court Administration invites you to a round table.",
        },
        state="approved",
    )
    return (
        "IR documents: one signed letter; a report awaiting ir_head; the Chairman's protocol letter signed by "
        "him; the Head's awaiting ca_head (IR 7.20)."
    )


def load_demo_requests(people) -> str:
    from .models import LegalAssistanceRequest

    if LegalAssistanceRequest.objects.exists():
        return "IR registry: already in the demo."
    authorities = _authorities()
    with transaction.atomic():
        walked = _walked_requests(people, authorities)
        carried = _carried_over(people, authorities, TOTAL - walked)
    return (
        f"IR registry: {walked + carried} legal-assistance requests in every state across {len(AUTHORITIES)} "
        "states; one awaits ir_deputy_legal's signature on its cover letter, one awaits its check."
    )


# number: (days ago, applicant, kind, identifier, address, language, substance, answered)
# What the demo's answered application explains, in its language (IR 7.25).
DEMO_EXPLANATIONS = {
    "kk": (
        "Шетелдік сот шешімін тану туралы өтініш Азаматтық процестік кодекстің 501-бабына сәйкес "
        "борышкердің тұрғылықты жері бойынша облыстық сотқа беріледі; оған шешімнің куәландырылған "
        "көшірмесі және оның заңды күшіне енгені туралы құжат қоса беріледі."
    ),
    "ru": (
        "Ходатайство о признании решения иностранного суда подаётся в областной суд по месту жительства "
        "должника согласно статье 501 Гражданского процессуального кодекса; к нему прилагаются "
        "заверенная копия решения и документ о вступлении его в законную силу."
    ),
}

APPLICATIONS = {
    "Ө-1": (
        2,
        "Жұмабаева Айгүл",
        "individual",
        "",
        "Алматы қ., Абай даңғылы, 10",
        "kk",
        "Ресей сотының шешімін Қазақстанда тану тәртібін түсіндіруді сұраймын.",
        False,
    ),
    "Ө-2": (
        12,
        "ТОО «Дала Логистик»",
        "legal_entity",
        "180340012346",
        "Астана қ., Сығанақ к-сі, 5",
        "ru",
        "Просим разъяснить, на какой стадии исполнение судебного поручения по делу 2-4411/2026.",
        False,
    ),
    "Ө-3": (
        40,
        "Петров Сергей",
        "individual",
        "",
        "Қарағанды қ., Бұқар жырау д-лы, 3",
        "ru",
        "Прошу разъяснить порядок вручения документов в Турции.",
        True,
    ),
}


def load_demo_applications(people) -> str:
    """Applications of persons about legal assistance (IR 7.25), one answered and signed."""
    from courtadmin.documents import services as documents
    from courtadmin.documents.workflow import SigningConfirmation

    from .models import Application
    from .services.applications import application_answer_prepare, application_register
    from .workflow import application_close

    officer, deputy = people["ir_officer"].user, people["ir_deputy_legal"].user
    for number, (days, name, kind, identifier, address, language, substance, answered) in APPLICATIONS.items():
        if Application.objects.filter(number=number).exists():
            continue
        application = application_register(
            actor=officer,
            application=Application(
                number=number,
                received_at=timezone.now() - timedelta(days=days),
                applicant_kind=kind,
                applicant_name=name,
                applicant_identifier=identifier,
                applicant_address=address,
                language=language,
                substance=substance,
                officer=officer,
            ),
        )
        if answered:
            answer = application_answer_prepare(actor=officer, application=application)
            # The officer completes the opening the portal drafted: no placeholder is signed.
            texts = {
                version.language: re.sub(r"\[[^\]]+\]", DEMO_EXPLANATIONS[version.language], version.text)
                for version in answer.versions.all()
            }
            documents.document_save(actor=officer, document=answer, texts=texts)
            documents.document_act(document=answer, move="submit", actor=officer)
            confirmation = SigningConfirmation(user_id=deputy.pk, at=timezone.now())
            documents.document_sign_confirmed(document=answer, actor=deputy, confirmation=confirmation)
            application_close(actor=officer, application=application)
    return f"IR applications: {len(APPLICATIONS)}, one answered with a signed explanation (IR 7.25)."


# (purpose, country, city, participants, days from today to departure, days away, report state)
TRIPS = [
    (
        "Сот төрелігінің тиімділігі жөніндегі еуропалық комиссияның (CEPEJ) пленарлық отырысы",
        "FR",
        "Страсбург",
        "Қасымов Е.Б., Сот әкімшілігінің басшысы",
        -40,
        3,
        "published",
    ),
    (
        "ШЫҰ мемлекеттері жоғарғы соттары төрағаларының кеңесі",
        "CN",
        "Пекин",
        "Жандосов Ә.С., Жоғарғы Сот Төрағасы\nСерікбаева Д.А., ХҚБ басшысы",
        -25,
        4,
        "received",
    ),
    ("Судьяларды оқыту бойынша семинар", "DE", "Бонн", "Облыстық соттардың 3 судьясы", -14, 5, "awaited"),
    (
        "Азаматтық істер бойынша тәжірибе алмасу",
        "TR",
        "Анкара",
        "Азаматтық істер алқасының 2 судьясы",
        -9,
        3,
        "awaited",
    ),
    ("Халықаралық сот конференциясы", "KR", "Сеул", "Жоғарғы Соттың 2 судьясы", 12, 4, "after"),
]

# (country, organisation, head, size, days from today to arrival, days staying)
DELEGATIONS = [
    ("UZ", "Өзбекстан Республикасының Жоғарғы соты", "Жоғарғы Сот Төрағасының орынбасары", 6, -3, 3),
    ("KG", "Қырғыз Республикасының Жоғарғы соты", "Жоғарғы Сот Төрағасы", 4, -35, 2),
    ("DE", "Германияның халықаралық құқықтық ынтымақтастық қоры (IRZ)", "Жоба жетекшісі", 3, 9, 4),
]


def _demo_pdf(title: str, *paragraphs: str) -> bytes:
    """A one-page document in Kazakh, a real PDF as a person would hand in."""
    from django.utils.html import escape
    from weasyprint import HTML

    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    html = (
        '<html lang="kk"><body style="font-family: DejaVu Sans; font-size: 11pt">'
        f"<h1 style='font-size: 14pt'>{escape(title)}</h1>{body}</body></html>"
    )
    return HTML(string=html).write_pdf()


def _trip_report_pdf(trip) -> bytes:
    """A one-page report on the trip, as a participant would hand in (IR 7.16)."""
    return _demo_pdf(
        "Іссапар туралы есеп",
        trip.purpose,
        f"{trip.city}, {trip.departs_on:%d.%m.%Y} – {trip.returns_on:%d.%m.%Y}",
        trip.participants,
        "Іссапардың мақсаттары орындалды; ұсыныстар басшылыққа жеке хатпен жіберіледі.",
    )


def load_demo_trips(people) -> str:
    """Trips abroad in every state of their report (IR 7.11, 7.16) and delegations (IR 7.17)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .models import Country, Delegation, Trip
    from .services import trips

    if Trip.objects.exists():
        return "IR trips and delegations: already in the demo."
    from .models import KazakhCourt

    officer, today = people["ir_officer"].user, timezone.localdate()
    court = KazakhCourt.objects.filter(level="regional").order_by("pk").first()
    travellers = {"FR": ["ca_head"], "CN": ["chairman", "ir_head"]}
    for n, (purpose, country, city, participants, starts_in, days, report) in enumerate(TRIPS, start=1):
        departs_on = today + timedelta(days=starts_in)
        trip = trips.trip_save(
            actor=officer,
            trip=Trip(
                purpose=purpose,
                country=Country.objects.get(code=country),
                city=city,
                host=city,
                order_number=f"{40 + n}-к",
                order_date=departs_on - timedelta(days=7),
                participants=participants if country not in travellers else "",
                departs_on=departs_on,
                returns_on=departs_on + timedelta(days=days),
                # The order's term: ten days after the return; three for the seminar, now late.
                report_due_on=departs_on + timedelta(days=days + (3 if country == "DE" else 10)),
                officer=officer,
            ),
            travellers=[people[name].user for name in travellers.get(country, [])],
            judges=[("Әлиев Нұрлан Серікұлы", court)] if country == "DE" and court is not None else [],
        )
        if report in ("received", "published"):
            upload = SimpleUploadedFile("report.pdf", _trip_report_pdf(trip), content_type="application/pdf")
            trips.trip_report_add(actor=officer, trip=trip, upload=upload)
        if report == "published":
            trips.trip_report_published(
                actor=officer, trip=trip, on=today, url=f"https://sud.gov.kz/kaz/news/trip-report-{trip.pk}"
            )
    for country, organisation, head, size, arrives_in, days in DELEGATIONS:
        arrives_on = today + timedelta(days=arrives_in)
        visit = trips.delegation_save(
            actor=officer,
            delegation=Delegation(
                country=Country.objects.get(code=country),
                organisation=organisation,
                head=head,
                size=size,
                arrives_on=arrives_on,
                leaves_on=arrives_on + timedelta(days=days),
                officer=officer,
                flags=f"{country}, KZ",
                interpreters="Орыс және ағылшын тілдерінің аудармашылары",
            ),
            members=[(head, "Делегация жетекшісі", ""), ("Делегация мүшесі", "Судья", "")],
            programme=[
                (arrives_on, time(10), "Жоғарғы Сот Төрағасымен кездесу", "Жоғарғы Сот, Астана"),
                (arrives_on + timedelta(days=1), time(15), "Сот әкімшілігінде дөңгелек үстел", "Сот әкімшілігі"),
            ],
            escorts=[people["legal_officer"].user],
        )
        # The visits under way and past were consented to and held; the one ahead awaits ca_head.
        if arrives_in < 0:
            trips.delegation_move(delegation=visit, move="consent", actor=people["ca_head"].user)
            trips.delegation_move(delegation=visit, move="hold", actor=officer)
    return (
        f"IR trips: {len(TRIPS)} with their orders, two awaiting their final report, one of them late; "
        f"delegations: {len(DELEGATIONS)}, two consented and held, one awaiting ca_head's consent."
    )


# International events of a year (IR 7.6, 7.14, 7.18, 7.23): (kind, title, country, place,
# organiser, starts in days from today, days, in the plan, participants, outcome or reason).
EVENTS = [
    (
        "conference",
        "Жоғарғы соттар төрағаларының халықаралық конференциясы",
        "AZ",
        "Баку",
        "Әзірбайжан Республикасының Жоғарғы соты",
        -290,
        2,
        True,
        ("chairman", "ir_head"),
        "Сот төрелігін цифрландыру жөніндегі бірлескен мәлімдемеге қол қойылды.",
    ),
    (
        "local_courts",
        "Облыстық соттармен халықаралық құқықтық көмек жөніндегі жұмыс кеңесі",
        None,
        "Астана",
        "Сот әкімшілігі",
        -250,
        0,
        True,
        ("ir_head", "ir_officer"),
        "Сот тапсырмаларын орындау мерзімдері бойынша ұсынымдар жіберілді.",
    ),
    (
        "chairman_visit",
        "Жоғарғы Сот Төрағасының Түрік Республикасына сапары",
        "TR",
        "Анкара",
        "Түркия Республикасының Кассациялық соты",
        -200,
        3,
        True,
        ("chairman", "ir_head"),
        "Өзара түсіністік туралы меморандумға қол қойылды.",
    ),
    (
        "seminar",
        "Судьяларға арналған медиация жөніндегі семинар",
        "DE",
        "Бонн",
        "Германияның халықаралық құқықтық ынтымақтастық қоры (IRZ)",
        -160,
        1,
        False,
        ("legal_officer",),
        "Семинар материалдары облыстық соттарға жіберілді.",
    ),
    (
        "meeting",
        "Еуропалық Одақ елшісімен кездесу",
        None,
        "Астана, Жоғарғы Сот",
        "Жоғарғы Сот",
        -120,
        0,
        False,
        ("chairman",),
        "Жобаның екінші кезеңі келісілді.",
    ),
    (
        "head_visit",
        "Сот әкімшілігі басшысының Өзбекстан Республикасына сапары",
        "UZ",
        "Ташкент",
        "Өзбекстан Республикасының Жоғарғы соты",
        -90,
        2,
        True,
        ("ca_head", "ir_head"),
        "",
    ),
    (
        "international",
        "CEPEJ пленарлық отырысы",
        "FR",
        "Страсбург",
        "Еуропа Кеңесі",
        -60,
        2,
        True,
        ("ir_head",),
        "Сот жүйесінің тиімділігі туралы деректер ұсынылды.",
    ),
    (
        "conference",
        "Международная конференция по доступу к правосудию",
        "KG",
        "Бишкек",
        "Верховный суд Кыргызской Республики",
        -20,
        1,
        False,
        ("ir_officer", "analyst"),
        "CANCEL:Организатор перенёс конференцию на следующий год.",
    ),
    (
        "meeting",
        "Халықаралық ұйымдармен ынтымақтастық жөніндегі кеңес",
        None,
        "Астана",
        "Сот әкімшілігі",
        9,
        0,
        True,
        ("ca_head", "ir_head", "legal_officer"),
        "",
    ),
    (
        "seminar",
        "Сот шешімдерін шет елде тану жөніндегі семинар",
        None,
        "Алматы",
        "Сот әкімшілігі",
        16,
        1,
        True,
        ("ir_officer", "court_almaty"),
        "",
    ),
    (
        "conference",
        "Евразиялық жоғарғы соттар форумы",
        "RU",
        "Мәскеу",
        "Ресей Федерациясының Жоғарғы соты",
        35,
        2,
        True,
        ("chairman", "ir_head"),
        "",
    ),
    (
        "chairman_visit",
        "Жоғарғы Сот Төрағасының Қытай Халық Республикасына сапары",
        "CN",
        "Пекин",
        "ҚХР Жоғарғы халық соты",
        55,
        3,
        True,
        ("chairman", "ir_head"),
        "",
    ),
]


def load_demo_events(people) -> str:
    """A year of international events (IR 7.6, 7.14): held with their outcomes, one cancelled,
    those ahead planned or confirmed with their materials (IR 7.15), and a follow-up
    instruction on a held one."""
    from .models import Country, Event
    from .services import events

    if Event.objects.exists():
        return "IR events: already in the demo."
    officer, head, today = people["ir_officer"].user, people["ir_head"].user, timezone.localdate()
    for n, (kind, title, country, place, organiser, starts_in, days, planned, who, after) in enumerate(EVENTS):
        starts_on = today + timedelta(days=starts_in)
        event = events.event_save(
            actor=officer,
            event=Event(
                kind=kind,
                title=title,
                starts_on=starts_on,
                ends_on=starts_on + timedelta(days=days),
                country=Country.objects.get(code=country) if country else None,
                place=place,
                organiser=organiser,
                languages=["kk", "ru"] if country is None else ["ru", "en"],
                interpreters="" if country is None else "Ағылшын тілінің аудармашысы",
                plan_year=starts_on.year if planned else None,
                officer=officer,
            ),
            participants=[people[name].user for name in who],
        )
        if after.startswith("CANCEL:"):
            events.event_move(event=event, move="cancel", actor=officer, reason=after.removeprefix("CANCEL:"))
        elif starts_in < 0 and after:
            events.event_move(event=event, move="confirm", actor=officer)
            events.event_move(event=event, move="hold", actor=officer, outcomes=after)
        elif starts_in > 0:
            if n % 2:
                events.event_move(event=event, move="confirm", actor=officer)
            events.event_material_add(
                actor=officer,
                event=event,
                title="Анықтамалық-талдау материалдары",
                executor=officer,
                due_on=starts_on - timedelta(days=3),
            )
    held = Event.objects.filter(status=Event.Status.HELD, kind="chairman_visit").first()
    if held is not None:
        events.event_follow_up_give(
            actor=head,
            event=held,
            department="IR",
            text="Меморандумды іске асыру жөніндегі іс-шаралар жоспарын дайындау.",
            executors=[officer],
            lead=officer,
            due_on=today + timedelta(days=20),
        )
    return f"IR events: {len(EVENTS)} over a year, held, cancelled and ahead, with materials and a follow-up."


# The year's plan of the budget programmes (IR 7.21): (programme, item, planned tenge).
BUDGET = [
    ("trips", "Тәуліктік шығыстар", 8_000_000),
    ("trips", "Тұру шығыстары", 12_000_000),
    ("trips", "Жол жүру шығыстары", 15_000_000),
    ("representation", "Ресми қабылдаулар", 3_000_000),
    ("representation", "Кәдесыйлар мен имидждік өнім", 1_500_000),
]


def load_demo_budget(people) -> str:
    """The year's plan of both programmes with spending committed and paid for the demo's trips,
    visits and events (one item nearly spent); the souvenirs' stock; three gifts, one received
    above the threshold (ISD 6.14)."""
    from decimal import Decimal

    from .models import BudgetLine, Delegation, Event, Gift, Souvenir, SouvenirMovement, Spending, Trip
    from .services import budget, gifts

    if BudgetLine.objects.exists():
        return "IR budget: already in the demo."
    officer, today = people["ir_officer"].user, timezone.localdate()
    lines = {
        item: budget.budget_line_save(
            actor=officer,
            line=BudgetLine(year=today.year, programme=programme, item=item, planned=Decimal(planned)),
        )
        for programme, item, planned in BUDGET
    }
    trips = list(Trip.objects.filter(departs_on__year=today.year).order_by("departs_on"))
    for n, trip in enumerate(trips):
        for item, amount in (("Тәуліктік шығыстар", 450_000), ("Тұру шығыстары", 1_100_000)):
            spending = budget.spending_post(
                actor=officer,
                line=lines[item],
                spending=Spending(
                    amount=Decimal(amount), on=trip.departs_on, description=trip.purpose[:200], trip=trip
                ),
            )
            if trip.returns_on < today and n % 2 == 0:
                budget.spending_paid(actor=officer, spending=spending, amount=Decimal(amount) - 25_000)
    reception = lines["Ресми қабылдаулар"]
    for visit in Delegation.objects.filter(arrives_on__year=today.year).order_by("arrives_on"):
        budget.spending_post(
            actor=officer,
            line=reception,
            spending=Spending(
                amount=Decimal(900_000), on=visit.arrives_on, description=visit.organisation[:200], delegation=visit
            ),
        )
    event = Event.objects.filter(status=Event.Status.HELD).order_by("-starts_on").first()
    pens = budget.souvenir_save(
        actor=officer, souvenir=Souvenir(name="Жоғарғы Сот логотипі бар қалам", unit_price=4_500)
    )
    albums = budget.souvenir_save(
        actor=officer, souvenir=Souvenir(name="«Қазақстан соттары» альбомы", unit_price=18_000)
    )
    for souvenir, count in ((pens, 200), (albums, 40)):
        budget.souvenir_move(
            actor=officer,
            souvenir=souvenir,
            movement=SouvenirMovement(quantity=count, on=date(today.year, 1, 20), note="Жеткізуші шарты"),
        )
    if event is not None:
        budget.souvenir_move(
            actor=officer, souvenir=albums, movement=SouvenirMovement(quantity=-12, on=event.starts_on, event=event)
        )
    visit = Delegation.objects.order_by("arrives_on").first()
    chairman_visit = Event.objects.filter(kind=Event.Kind.CHAIRMAN_VISIT, status=Event.Status.HELD).first()
    at_visit = {"delegation": visit, "on": visit.arrives_on} if visit else {"on": today}
    at_event = {"event": chairman_visit, "on": chairman_visit.starts_on} if chairman_visit else {"on": today}
    for direction, description, value, counterpart, disposition, where in (
        ("received", "Күміс ыдыс", 150_000, "Түркия Кассациялық сотының төрағасы", "state", at_event),
        ("received", "Сот тарихы туралы кітап", 15_000, "Өзбекстан Жоғарғы сотының төрағасы", "kept", at_visit),
        ("given", "Қолдан тоқылған кілем", 90_000, "Өзбекстан Жоғарғы сотының төрағасы", "presented", at_visit),
    ):
        gifts.gift_save(
            actor=officer,
            gift=Gift(
                direction=direction,
                description=description,
                value=Decimal(value),
                counterpart=counterpart,
                person=people["chairman"].user,
                disposition=disposition,
                **where,
            ),
        )
    return (
        f"IR budget: {len(BUDGET)} items of both programmes with spending for {len(trips)} trips and the visits; "
        "souvenirs in stock; three gifts, one received above the threshold (read by isd_head)."
    )


def _authorities() -> dict:
    from .models import Country, ForeignAuthority

    found = {}
    for code, rows in AUTHORITIES.items():
        country = Country.objects.get(code=code)
        for kk, ru, en, kind in rows:
            authority, _created = ForeignAuthority.objects.get_or_create(
                country=country, name_en=en, defaults={"name": kk, "name_kk": kk, "name_ru": ru, "kind": kind}
            )
            found.setdefault(code, []).append(authority)
    return found


def _person(rng, region_codes, role="addressee"):
    from .models import Country, RequestParty

    if role == "debtor" and rng.random() < 0.5:
        return RequestParty(
            role=role,
            kind=RequestParty.Kind.LEGAL_ENTITY,
            name=rng.choice(COMPANIES),
            address="Астана қ., Мәңгілік Ел даңғылы, 8",
            region=Region.objects.get(code="astana"),
            identifier=f"{rng.randrange(10**11, 10**12)}",
        )
    region = Region.objects.get(code=rng.choice(region_codes))
    return RequestParty(
        role=role,
        name=f"{rng.choice(SURNAMES)} {rng.choice(NAMES)}",
        birth_date=timezone.localdate() - timedelta(days=rng.randrange(20 * 365, 70 * 365)),
        birth_place=region.name_kk,
        citizenship=Country.objects.get(code="KZ"),
        address=f"{region.name_kk}, {rng.randrange(1, 200)}-үй",
        region=region,
    )


def _walked_requests(people, authorities) -> int:
    """Three requests through the real services: closed with two signed letters, checked and
    waiting for its letter, and one whose letter waits for the deputy's signature (IR 13)."""
    from courtadmin.documents import services as documents
    from courtadmin.documents.workflow import SigningConfirmation

    from .models import KazakhCourt, LegalAssistanceRequest
    from .selectors.requests import court_suggested, treaty_suggested
    from .services import requests as services
    from .workflow import request_move

    officer, deputy, head = (people[name].user for name in ("ir_officer", "ir_deputy_legal", "ir_head"))
    # Demo data, not secrets.
    rng = random.Random(7)  # noqa: S311  # nosec B311
    today = timezone.localdate()
    year = today.year

    def register(number, country, subject, days_ago, region):
        from .models import Country

        country_row = Country.objects.get(code=country)
        request = LegalAssistanceRequest(
            registration_number=f"{number}/{year}",
            received_on=today - timedelta(days=days_ago),
            direction="incoming",
            subject=subject,
            category="civil",
            country=country_row,
            foreign_authority=authorities[country][0],
            case_name="Иванов С. v. Ахметов Е.",
            case_number=f"2-{rng.randrange(100, 9999)}/{year}",
            asked="Вручить исковое заявление и повестку ответчику",
            treaty=treaty_suggested(country_row, subject),
            original_language="ru",
            officer=officer,
        )
        person = _person(rng, [region])
        return services.request_save(actor=officer, request=request, parties=[person])

    def sign(document, signer):
        documents.document_act(document=document, move="submit", actor=officer)
        confirmation = SigningConfirmation(user_id=signer.pk, at=timezone.now())
        documents.document_sign_confirmed(document=document, actor=signer, confirmation=confirmation)

    done = register(1, "RU", "service", 60, "karaganda")
    request_move(request=done, move="check", actor=officer)
    court = court_suggested(done).court
    sign(services.request_letter_prepare(actor=officer, request=done, move="forward_to_court", court=court), deputy)
    request_move(request=done, move="forward_to_court", actor=officer)
    request_move(request=done, move="court_received", actor=officer, on=today - timedelta(days=50))
    request_move(request=done, move="execution_received", actor=officer, on=today - timedelta(days=25))
    sign(services.request_letter_prepare(actor=officer, request=done, move="answer"), head)
    request_move(request=done, move="answer", actor=officer)
    request_move(request=done, move="close", actor=officer)

    waiting = register(2, "KG", "evidence", 6, "pavlodar")
    request_move(request=waiting, move="check", actor=officer)
    court = KazakhCourt.objects.get(code="pavlodar-regional")
    letter = services.request_letter_prepare(actor=officer, request=waiting, move="forward_to_court", court=court)
    documents.document_act(document=letter, move="submit", actor=officer)

    register(3, "BY", "service", 1, "almaty")
    return 3


def _carried_over(people, authorities, count: int) -> int:
    """The registry as the Excel registers left it: each row in the state it had reached."""
    from courtadmin.deadlines.calendar import ALMATY
    from courtadmin.deadlines.services import deadline_open

    from .models import Country, KazakhCourt, LegalAssistanceRequest, RequestParty
    from .selectors.requests import treaty_suggested
    from .services import requests as services

    # Demo data, not secrets.
    rng = random.Random(2026)  # noqa: S311  # nosec B311
    today = timezone.localdate()
    officers = [people["ir_officer"].user, people["ir_deputy_legal"].user]
    countries = {code: Country.objects.get(code=code) for code in AUTHORITIES}
    courts = list(KazakhCourt.objects.filter(level="regional").select_related("region"))
    region_codes = [court.region.code for court in courts]
    numbers: dict[int, int] = {}
    rows, persons, terms = [], [], []
    for n in range(count):
        received = today - timedelta(days=rng.randrange(8, 720))
        numbers[received.year] = numbers.get(received.year, 3 if received.year == today.year else 0) + 1
        incoming = rng.random() < 0.65
        subject = rng.choices(["service", "evidence", "other_act", "recognition"], [45, 25, 10, 20])[0]
        code = rng.choice(list(AUTHORITIES))
        status = "registered" if n % 40 == 0 else "checked" if n % 40 == 1 else rng.choice(S_IN if incoming else S_OUT)
        court = rng.choice(courts)
        request = LegalAssistanceRequest(
            registration_number=f"{numbers[received.year]}/{received.year}",
            received_on=received,
            direction="incoming" if incoming else "outgoing",
            subject=subject,
            category=rng.choices(["civil", "family", "economic", "administrative"], [50, 25, 20, 5])[0],
            country=countries[code],
            foreign_authority=rng.choice(authorities[code]),
            court=court if (not incoming or status not in ("registered", "checked", "defects_returned")) else None,
            case_name=f"{rng.choice(SURNAMES)} v. {rng.choice(SURNAMES)}",
            case_number=f"{rng.choice(['2', '3', '6'])}-{rng.randrange(100, 9999)}/{received.year}",
            asked="Вручение документов" if subject == "service" else "Допрос свидетеля",
            treaty=treaty_suggested(countries[code], subject),
            original_language="ru" if code in ("RU", "KG", "UZ", "BY", "TJ", "AZ", "AM") else "en",
            act_effective_on=received - timedelta(days=rng.randrange(30, 400)) if subject == "recognition" else None,
            officer=rng.choice(officers),
            **_reached(status, received, incoming, rng, today),
        )
        roles = ["petitioner", "debtor"] if subject == "recognition" else ["addressee"]
        party_rows = [_person(rng, region_codes, role) for role in roles]
        request.search_text = services.search_text_of(request, party_rows)
        rows.append(request)
        persons.append(party_rows)
    LegalAssistanceRequest.objects.bulk_create(rows)
    for request, party_rows in zip(rows, persons, strict=True):
        for party in party_rows:
            party.request = request
        if request.status == "executing":
            terms.append(request)
    RequestParty.objects.bulk_create([party for party_rows in persons for party in party_rows])
    rollups.rebuild(LegalAssistanceRequest)  # bulk_create bypasses the saves that keep the figures
    for request in terms:
        deadline_open(
            record=request,
            kind="ir.rogatory_execution",
            received_at=datetime.combine(request.court_received_on, time(9, 0), tzinfo=ALMATY),
            responsible=request.officer,
            months=request.treaty.execution_months,
        )
    return count


def _reached(status: str, received, incoming: bool, rng, today) -> dict:
    """The state a carried-over row had reached and the dates it would have: the court's
    receipt, execution, closing. A row whose execution would fall after today is still at
    the court (incoming) or abroad (outgoing)."""
    if status in ("registered", "checked", "translation", "sent_abroad", "sent_to_court"):
        return {"status": status}
    start = received + timedelta(days=rng.randrange(3, 15))
    if start > today:
        return {"status": "sent_to_court" if incoming else "sent_abroad"}
    if status == "executing":
        return {"status": status, "court_received_on": start}
    if status in ("refused", "defects_returned"):
        return {"status": status, "closed_on": start, "outcome_note": "Просьба не соответствует требованиям договора"}
    executed = start + timedelta(days=rng.randrange(8, 75))
    if executed > today:
        return {"status": "executing", "court_received_on": start} if incoming else {"status": "sent_abroad"}
    reached = {"status": status, "court_received_on": start if incoming else None, "executed_on": executed}
    if status == "closed":
        reached["closed_on"] = min(executed + timedelta(days=rng.randrange(2, 20)), today)
    return reached


def _csv_upload(name: str, header, rows):
    """A table as a user uploads it: the demo goes through the import itself."""
    import csv
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(), content_type="text/csv")


# The UN Human Rights Committee's observations (IR 7.5): paragraph, theme, the English original,
# Kazakh, Russian, the subdivision that implements it.
RECOMMENDATIONS = [
    (
        "12",
        "Сот төрелігіне қол жеткізу",
        "Ensure access to free legal aid in all criminal and civil proceedings "
        "where the interests of justice so require.",
        "Әділ сот төрелігінің мүддесі талап ететін барлық қылмыстық және азаматтық істерде "
        "тегін заң көмегіне қол жеткізуді қамтамасыз етсін.",
        "Обеспечить доступ к бесплатной юридической помощи во всех уголовных и гражданских делах, "
        "когда этого требуют интересы правосудия.",
        "legal",
    ),
    (
        "14(a)",
        "Сот билігінің тәуелсіздігі",
        "Guarantee the full independence of judges in their selection, promotion and disciplinary proceedings.",
        "Судьяларды іріктеуде, жоғарылатуда және тәртіптік іс жүргізуде олардың толық тәуелсіздігіне кепілдік берсін.",
        "Гарантировать полную независимость судей при их отборе, продвижении и в дисциплинарном производстве.",
        "legal",
    ),
    (
        "14(b)",
        "Сот билігінің тәуелсіздігі",
        "Publish the decisions on judges' disciplinary liability and the reasons for them.",
        "Судьялардың тәртіптік жауапкершілігі туралы шешімдерді және олардың негіздерін жарияласын.",
        "Публиковать решения о дисциплинарной ответственности судей и их мотивы.",
        "analytics",
    ),
    (
        "22",
        "Әділ сот талқылауы",
        "Ensure that court hearings are public and that trial records are kept in full.",
        "Сот отырыстарының жариялылығын және сот талқылауы хаттамаларының толық жүргізілуін қамтамасыз етсін.",
        "Обеспечить гласность судебных заседаний и полное ведение протоколов судебных разбирательств.",
        "",
    ),
    (
        "30",
        "Балалардың құқықтары",
        "Strengthen the specialised juvenile courts and train their judges.",
        "Кәмелетке толмағандар істері жөніндегі мамандандырылған соттарды нығайтсын және олардың судьяларын оқытсын.",
        "Укрепить специализированные суды по делам несовершеннолетних и обучать их судей.",
        "",
    ),
]

# The CEPEJ questionnaire's questions (IR 7.28): code, question, type, the subdivision that
# holds the data; and the previous cycle's figures.
QUESTIONS = [
    ("1.1.1", "Кәсіби судьялардың саны (толық жұмыс күні бойынша)", "number", "analytics", 2100),
    ("1.2.1", "Соттардың бекітілген жылдық бюджеті, теңге", "number", "analytics", 98_000_000_000),
    ("2.1.4", "Бірінші сатыдағы азаматтық істердің түсуі", "number", "analytics", 1_150_000),
    ("3.1", "Тегін заң көмегі жүйесінің сипаттамасы", "text", "legal", None),
    ("4.2.1", "Судьяларды тәртіптік жауапкершілікке тартудың саны", "number", "legal", 41),
]


def load_demo_obligations(people) -> str:
    """A review cycle of the UN Human Rights Committee imported from its table (IR 7.5): three
    recommendations with the Legal and the Organisational-analytical Departments, one reported
    with its evidence and awaiting the IR's control, two not assigned yet."""
    from .models import Review, TreatyBody
    from .services import obligations

    if Review.objects.exists():
        return "IR obligations: already in the demo."
    officer, today = people["ir_officer"].user, timezone.localdate()
    review = obligations.review_save(
        actor=officer,
        review=Review(
            body=TreatyBody.CCPR,
            title="Қазақстанның үшінші мерзімді баяндамасы бойынша қорытынды ескертулер",
            symbol="CCPR/C/KAZ/CO/3",
            adopted_on=today - timedelta(days=150),
            next_report_due_on=date(today.year + 3, 7, 1),
            officer=officer,
        ),
    )
    upload = _csv_upload(
        "ccpr.csv",
        ("paragraph", "theme", "language", "text", "text_kk", "text_ru", "unit"),
        [(p, theme, "en", en, kk, ru, unit) for p, theme, en, kk, ru, unit in RECOMMENDATIONS],
    )
    obligations.recommendations_import(actor=officer, review=review, upload=upload, due_on=today + timedelta(days=75))
    reported = review.recommendations.get(paragraph="12")
    legal = people["legal_officer"].user
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = _demo_pdf(
        "Тегін заң көмегі туралы анықтама",
        "Заң бөлімі нормативтік қаулының жобасын дайындады және оны Жоғарғы Соттың жалпы отырысына ұсынды.",
    )
    obligations.evidence_add(
        actor=legal,
        recommendation=reported,
        upload=SimpleUploadedFile("anyqtama.pdf", pdf, content_type="application/pdf"),
        note="Нормативтік қаулының жобасы туралы анықтама",
    )
    obligations.recommendation_move(
        recommendation=reported,
        move="report",
        actor=legal,
        report="Нормативтік қаулының жобасы дайындалып, жалпы отырысқа ұсынылды.",
    )
    return (
        f"IR obligations: review {review.symbol} with {len(RECOMMENDATIONS)} recommendations "
        "(legal_officer reported one, analyst has one, two await assignment)."
    )


def load_demo_cepej(people) -> str:
    """Two CEPEJ cycles (IR 7.28): the previous one approved, the current one being answered, a
    figure flagged by the quality check waiting for its explanation."""
    from decimal import Decimal

    from .models import Questionnaire
    from .services import cepej

    if Questionnaire.objects.exists():
        return "IR CEPEJ: already in the demo."
    officer, head, today = people["ir_officer"].user, people["ir_head"].user, timezone.localdate()
    answerers = {"analytics": people["analyst"].user, "legal": people["legal_officer"].user}
    header = ("code", "question", "type", "unit")
    cycles = []
    for data_year in (today.year - 3, today.year - 1):
        questionnaire = cepej.questionnaire_save(
            actor=officer,
            questionnaire=Questionnaire(
                title=f"CEPEJ бағалауы: {data_year} жылғы деректер",
                data_year=data_year,
                due_on=date(data_year + 2, 3, 1) if data_year < today.year - 1 else today + timedelta(days=85),
                officer=officer,
            ),
        )
        upload = _csv_upload(f"cepej-{data_year}.csv", header, [row[:4] for row in QUESTIONS])
        cepej.questions_import(
            actor=officer, questionnaire=questionnaire, upload=upload, due_on=today + timedelta(days=30)
        )
        cycles.append(questionnaire)
    previous, current = cycles
    for question in previous.questions.order_by("order"):
        figure = {row[0]: row[4] for row in QUESTIONS}[question.code]
        inputs = (
            {"value": Decimal(figure)} if question.numeric else {"answer": "Тегін заң көмегін адвокаттар көрсетеді."}
        )
        cepej.question_move(question=question, move="answer", actor=answerers[question.unit.code], **inputs)
        cepej.question_move(question=question, move="accept", actor=officer)
    cepej.questionnaire_move(questionnaire=previous, move="approve", actor=head)
    # This cycle: the judges' figure within the threshold, the budget's far beyond it.
    for code, figure in (("1.1.1", 2180), ("1.2.1", 151_000_000_000)):
        question = current.questions.get(code=code)
        cepej.question_move(question=question, move="answer", actor=answerers["analytics"], value=Decimal(figure))
    return (
        f"IR CEPEJ: the {previous.data_year} cycle approved; the {current.data_year} cycle being answered, "
        "the budget's figure flagged by the quality check (analyst, legal_officer)."
    )


PARTNERS = [
    ("foreign_court", "Türkiye Cumhuriyeti Yargıtay", "TR", ["training", "digital"], 2012),
    ("organisation", "UNDP in Kazakhstan", None, ["anti_corruption", "human_rights"], 2015),
    (
        "organisation",
        "Deutsche Stiftung für internationale rechtliche Zusammenarbeit (IRZ)",
        "DE",
        ["training", "mediation"],
        2009,
    ),
]


def load_demo_cooperation(people) -> str:
    """Three partners with their contacts (IR 7.1, 7.4); a memorandum in force whose validity
    ends within three months, approved by a signed memo of the IR head (IR 7.10); a draft
    agreement with the Legal Department for its comments (legal_officer)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from courtadmin.org.models import Unit

    from .models import Agreement, Country, Event, Partner
    from .services import agreements, partners

    if Partner.objects.exists():
        return "IR cooperation: already in the demo."
    officer, today = people["ir_officer"].user, timezone.localdate()
    saved = {}
    for kind, name, country, areas, since in PARTNERS:
        saved[name] = partners.partner_save(
            actor=officer,
            partner=Partner(
                kind=kind,
                name=name,
                country=Country.objects.filter(code=country).first() if country else None,
                areas=areas,
                since=since,
            ),
            contacts=[
                {
                    "full_name": "Ayşe Demir",
                    "position": "Dış İlişkiler Daire Başkanı",
                    "email": "",
                    "phone": "",
                    "languages": "tr, en",
                }
            ]
            if kind == "foreign_court"
            else [],
        )
    court = saved["Türkiye Cumhuriyeti Yargıtay"]
    held = Event.objects.filter(status=Event.Status.HELD).order_by("-starts_on").first()
    if held is not None:
        held.partners.add(court)

    def pdf(name, title):
        return SimpleUploadedFile(
            name, _demo_pdf(title, "Тараптар ынтымақтастық туралы келісті."), content_type="application/pdf"
        )

    memorandum = agreements.agreement_save(
        actor=officer,
        agreement=Agreement(
            kind=Agreement.Kind.MEMORANDUM,
            title="Қазақстан Жоғарғы Соты мен Түркия Кассациялық соты арасындағы өзара түсіністік туралы меморандум",
            partner=court,
            officer=officer,
        ),
    )
    agreements.version_add(
        actor=officer, agreement=memorandum, upload=pdf("memorandum.pdf", "Меморандум жобасы"), note=""
    )
    approval = demo_document(
        author=officer,
        kind="ir.report_to_chairman",
        subject="Түркия Кассациялық сотымен меморандумды мақұлдау туралы / "
        "Об одобрении меморандума с Кассационным судом Турции",
        addressee="Председателю Верховного Суда Республики Казахстан",
        texts={"kk": "Меморандум жобасын мақұлдауды сұраймын.", "ru": "Прошу одобрить проект меморандума."},
        state="signed",
        signer=people["ir_head"].user,
    )
    agreements.agreement_move(agreement=memorandum, move="submit", actor=officer, document=approval)
    agreements.agreement_move(
        agreement=memorandum,
        move="sign",
        actor=officer,
        file=pdf("memorandum-signed.pdf", "Өзара түсіністік туралы меморандум"),
        signed_on=today - timedelta(days=3 * 365 - 75),
        valid_until=today + timedelta(days=75),
    )
    draft = agreements.agreement_save(
        actor=officer,
        agreement=Agreement(
            kind=Agreement.Kind.AGREEMENT,
            title="Судьяларды оқыту саласындағы ынтымақтастық туралы келісім",
            partner=saved[PARTNERS[2][1]],
            party=Agreement.Party.COURT_ADMINISTRATION,
            officer=officer,
        ),
    )
    agreements.version_add(actor=officer, agreement=draft, upload=pdf("agreement.pdf", "Келісім жобасы"), note="")
    agreements.agreement_move(
        agreement=draft,
        move="consult",
        actor=officer,
        units=[Unit.objects.get(code="legal")],
        due_on=today + timedelta(days=10),
    )
    return (
        f"IR cooperation: {len(PARTNERS)} partners; a memorandum in force ending in 75 days; "
        "a draft agreement with the Legal Department for comments (legal_officer)."
    )


def load_demo_projects(people) -> str:
    """Two projects (IR 4.4, 7.7-7.9): one with UNDP being executed, approved by a signed memo,
    its activities with the Legal and the Organisational-analytical Departments; one made of
    the Legal Department's proposal, still a proposal. A new call for
    proposals awaits the Legal Department (legal_officer)."""
    from decimal import Decimal

    from courtadmin.org.models import Unit

    from .models import Partner, Project
    from .services import projects

    if Project.objects.exists():
        return "IR projects: already in the demo."
    officer, today = people["ir_officer"].user, timezone.localdate()
    legal, analytics = Unit.objects.get(code="legal"), Unit.objects.get(code="analytics")
    undp = Partner.objects.filter(name="UNDP in Kazakhstan").first()
    running = projects.project_save(
        actor=officer,
        project=Project(
            title="Сот төрелігіне қол жеткізуді кеңейту",
            partner=undp,
            goals="Тегін заң көмегінің қолжетімділігін арттыру және судьяларды оқыту.",
            starts_on=today - timedelta(days=120),
            ends_on=today + timedelta(days=245),
            officer=officer,
        ),
        funding=[{"source": "partner", "planned": Decimal(45_000_000), "spent": Decimal(12_500_000)}],
        indicators=[
            {"name": "Оқытылған судьялар саны", "baseline": Decimal(0), "target": Decimal(150), "actual": Decimal(64)}
        ],
        risks=[
            {"description": "Жаттықтырушылардың кешігуі", "level": "medium", "mitigation": "Резервтік жаттықтырушылар"}
        ],
    )
    for title, unit, days in (
        ("Судьяларға арналған семинарлар циклі", legal, 60),
        ("Тегін заң көмегі туралы ақпараттық материалдар", legal, 150),
        ("Соттардың қолжетімділігі туралы сауалнама", analytics, 90),
    ):
        projects.activity_add(
            actor=officer, project=running, title=title, unit=unit, due_on=today + timedelta(days=days)
        )
    approval = demo_document(
        author=officer,
        kind="ir.report_to_chairman",
        subject="БҰҰДБ-мен жобаны мақұлдау туралы / Об одобрении проекта с ПРООН",
        addressee="Председателю Верховного Суда Республики Казахстан",
        texts={"kk": "Жобаны мақұлдауды сұраймын.", "ru": "Прошу одобрить проект."},
        state="signed",
        signer=people["ir_head"].user,
    )
    projects.project_move(project=running, move="submit", actor=officer, document=approval)
    projects.project_move(project=running, move="approve", actor=officer)
    (asked,) = projects.proposals_ask(
        actor=officer, topic="IRZ-пен медиация бойынша жоба", units=[legal], due_on=today + timedelta(days=20)
    )
    projects.proposal_move(
        proposal=asked,
        move="propose",
        actor=people["legal_officer"].user,
        text="Соттардағы медиацияны дамыту: медиаторларды оқыту және соттармен ынтымақтастық.",
    )
    projects.project_save(
        actor=officer,
        proposal=asked,
        project=Project(
            title="Соттардағы медиацияны дамыту",
            partner=Partner.objects.filter(name__startswith="Deutsche Stiftung").first(),
            goals=asked.text,
            starts_on=today + timedelta(days=60),
            ends_on=today + timedelta(days=60 + 365),
            officer=officer,
        ),
    )
    projects.proposals_ask(
        actor=officer,
        topic="Еуропа Кеңесімен 2027 жылғы жобалар",
        units=[legal, analytics],
        due_on=today + timedelta(days=15),
    )
    return (
        "IR projects: one with UNDP being executed (activities with legal_officer and analyst), one made of "
        "a proposal; a call for proposals awaiting legal_officer and analyst."
    )


def load_demo_council(people) -> str:
    """A judge in the CCJE with the support given and a report due (IR 7.3); the International
    Council's members, a meeting held with its minutes and a decision assigned through the
    instructions register, and the next meeting planned (IR 7.29)."""
    from .models import Councillor, Country, Meeting, Secondment
    from .services import council, secondments

    if Meeting.objects.exists():
        return "IR council and judges abroad: already in the demo."
    officer, head, today = people["ir_officer"].user, people["ir_head"].user, timezone.localdate()
    judge = secondments.secondment_save(
        actor=officer,
        secondment=Secondment(
            judge="Асқар Бекұлы Сәрсенов",
            body="Еуропалық судьялардың консультативтік кеңесі (CCJE)",
            role="Бақылаушы",
            order_number="12-к",
            order_date=today - timedelta(days=300),
            starts_on=today - timedelta(days=290),
            ends_on=today + timedelta(days=440),
            report_due_on=today + timedelta(days=40),
            officer=officer,
        ),
    )
    secondments.support_add(
        actor=officer,
        secondment=judge,
        on=today - timedelta(days=30),
        what="Страсбургке сапарға шенгендік виза ресімделді",
    )
    for full_name, position, country, role in (
        ("Jean-Paul Costa", "Président honoraire, Cour européenne des droits de l'homme", "FR", "chair"),
        ("Ayşe Kaya", "Yargıtay Üyesi", "TR", "member"),
        ("Дана Асқарқызы Серікбаева", "Халықаралық байланыстар бөлімінің меңгерушісі", None, "secretary"),
    ):
        council.councillor_save(
            actor=officer,
            councillor=Councillor(
                full_name=full_name,
                position=position,
                country=Country.objects.filter(code=country).first() if country else None,
                role=role,
                since=date(today.year - 2, 1, 1),
            ),
        )
    held = council.meeting_save(
        actor=officer,
        meeting=Meeting(
            on=today - timedelta(days=20),
            place="Астана, Жоғарғы Сот",
            agenda="1. Сот төрелігін цифрландыру тәжірибесі.\n2. Кеңестің келесі жылғы жұмыс жоспары.",
            officer=officer,
        ),
    )
    council.meeting_move(
        meeting=held,
        move="hold",
        actor=officer,
        minutes="Кеңес цифрландыру тәжірибесін талқылады және жұмыс жоспарының жобасын дайындауды тапсырды.",
    )
    council.decision_give(
        actor=head,
        meeting=held,
        department="IR",
        text="Кеңестің келесі жылғы жұмыс жоспарының жобасын дайындау",
        executors=[officer],
        lead=officer,
        due_on=today + timedelta(days=25),
    )
    council.meeting_save(
        actor=officer,
        meeting=Meeting(
            on=today + timedelta(days=45),
            place="Астана, Жоғарғы Сот",
            agenda="1. Жұмыс жоспарын бекіту.",
            officer=officer,
        ),
    )
    return (
        "IR council and judges abroad: a judge in the CCJE; three Council members, a meeting held with a "
        "decision, the next planned."
    )
