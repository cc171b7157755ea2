"""Demo records of the ISD: complaints in several regions, granted so that `isd_officer`
and `isd_officer2` each see different ones and `isd_almaty` sees Almaty's."""

from datetime import date

from django.contrib.auth.models import Permission

from courtadmin.org.models import Region

from .models import Complaint, ComplaintGrant

# number: (received, region code, court, summary, substance, granted to)
COMPLAINTS = {
    "ІҚБ-2026-0001": (
        date(2026, 10, 5),
        "astana",
        "Астана қаласы Сарыарқа аудандық соты",
        "Сот отырысының хатшысы іс материалдарымен танысу үшін ақы сұраған",
        "Өтініш беруші хатшы іс материалдарымен танысуды тездету үшін ақша сұрады деп көрсетеді.",
        "isd_officer",
    ),
    "ІҚБ-2026-0002": (
        date(2026, 10, 12),
        "almaty",
        "Алматы қаласы Алмалы аудандық соты",
        "Судья көмекшісінің іске ықпал етуге уәде беруі",
        "Өтініш беруші судья көмекшісі шешімге ықпал етуге уәде берді деп хабарлайды.",
        "isd_officer2",
    ),
    "ІҚБ-2026-0003": (
        date(2026, 10, 20),
        "karaganda",
        "Қарағанды облыстық соты",
        "Сот орындаушысының заңсыз сыйақы алуы туралы хабарлама",
        "Хабарлама сот приставына берілген сыйақы туралы.",
        "isd_officer",
    ),
    "ІҚБ-2026-0004": (
        date(2026, 11, 2),
        "almaty",
        "Алматы қалалық соты",
        "Кеңсе қызметкерінің құжаттарды кідіртуі",
        "Өтініш беруші кеңсе қызметкері құжаттарды әдейі кідіртті деп көрсетеді.",
        "isd_officer2",
    ),
    "ІҚБ-2026-0005": (
        date(2026, 11, 9),
        "shymkent",
        "Шымкент қалалық соты",
        "Мүдделер қақтығысы туралы өтініш",
        "Судья тарапқа туыстық қатынаста болуы мүмкін деген өтініш.",
        "isd_officer",
    ),
    "ІҚБ-2026-0006": (
        date(2026, 11, 16),
        "pavlodar",
        "Павлодар облыстық соты",
        "Сатып алу рәсімдеріне қатысты өтініш",
        "Күзет жабдығын сатып алу кезіндегі бұзушылықтар туралы өтініш.",
        None,
    ),
}


def load_demo_complaints(people) -> str:
    regions = {r.code: r for r in Region.objects.filter(code__in={c[1] for c in COMPLAINTS.values()})}
    permission = Permission.objects.get(content_type__app_label="internal_security", codename="view_complaint")
    granted_by = people["isd_head"].user
    for number, (received, region, court, summary, substance, officer) in COMPLAINTS.items():
        complaint, _ = Complaint.objects.get_or_create(
            number=number,
            defaults={
                "received_on": received,
                "region": regions[region],
                "court": court,
                "summary": summary,
                "substance": substance,
            },
        )
        if officer:
            ComplaintGrant.objects.get_or_create(
                user=people[officer].user,
                permission=permission,
                content_object=complaint,
                defaults={"granted_by": granted_by, "reason": "Demo: assigned by the head of the ISD"},
            )
    _open_demo_terms(people)
    return f"ISD: {len(COMPLAINTS)} complaints with their АППК terms; isd_officer and isd_officer2 hold different ones."


def _open_demo_terms(people) -> None:
    """Each demo complaint runs its 15-working-day term (АППК art. 76); today's reminders are
    made and delivered, so the bell has something to show on a working day."""
    from datetime import datetime, time

    from courtadmin.deadlines import services as deadlines
    from courtadmin.deadlines.calendar import ALMATY
    from courtadmin.deadlines.models import Deadline

    for number, (received, _region, _court, _summary, _substance, officer) in COMPLAINTS.items():
        complaint = Complaint.objects.get(number=number)
        if Deadline.objects.filter(record_id=str(complaint.pk), kind="isd.appeal").exists():
            continue
        deadlines.deadline_open(
            record=complaint,
            kind="isd.appeal",
            received_at=datetime.combine(received, time(10, 0), tzinfo=ALMATY),
            responsible=people[officer or "isd_head"].user,
        )
    deadlines.reminders_scan()
    deadlines.reminders_send()


def load_demo_documents(people) -> str:
    from courtadmin.documents.demo import demo_document

    officer = people["isd_officer"].user
    demo_document(
        author=officer,
        kind="isd.memo_to_subdivision",
        subject="Өтініштерді тіркеу тәртібі туралы / О порядке регистрации обращений",
        addressee="Территориальные подразделения Судебной администрации",
        texts={
            "kk": "Сыбайлас жемқорлық туралы өтініштерді келіп түскен күні тіркеу қажет.",
            "ru": "Обращения о коррупции регистрируются в день поступления.",
        },
        state="signed",
        signer=people["isd_head"].user,
    )
    demo_document(
        author=officer,
        kind="isd.complainant_answer",
        subject="Өтінішке жауап / Ответ заявителю",
        addressee="Заявителю",
        texts={
            "kk": "Сіздің өтінішіңіз қаралды, фактілер расталмады.",
            "ru": "Ваше обращение рассмотрено, факты не подтвердились.",
        },
        state="approved",
    )
    return "ISD documents: one signed memo; an answer to a complainant awaiting isd_head."
