"""Complaints, investigations, criminal cases and signals for the ISD tests: built through the
services where the test is about them, in bulk where only their number matters. Their dates
are set around the suite's today (tests/conftest.py, TODAY), which every test states through
time_machine."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from courtadmin.deadlines.calendar import ALMATY, is_working_day
from courtadmin.org.models import Region
from internal_security.models import Complaint, CorruptionSignal, CriminalCase, InvestigatedPerson, Investigation
from internal_security.services.complaints import complaint_register
from internal_security.services.investigations import investigation_open
from tests.conftest import iin

A_TYPO = iin()[:11] + str((int(iin()[11]) + 1) % 10)  # one digit wrong: the check digit fails


def a_working_day(days_back=10):
    day = timezone.localdate() - timedelta(days=days_back)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def register(people, username="isd_officer", *, at=None, **fields):
    defaults = {
        "received_at": at or datetime.combine(a_working_day(), time(10, 0), tzinfo=ALMATY),
        "channel": Complaint.Channel.E_OTINISH,
        "applicant_kind": Complaint.ApplicantKind.INDIVIDUAL,
        "applicant_name": "Омаров Ерлан",
        "applicant_identifier": iin(),
        "applicant_address": "Астана қ., Сарыарқа д-лы, 5",
        "language": "kk",
        "person_concerned": "Судья А.",
        "person_role": Complaint.PersonRole.JUDGE,
        "region": Region.objects.get(code="astana"),
        "court": "Астана қаласы Сарыарқа аудандық соты",
        "summary": "Пара талап ету",
        "substance": "Өтініш беруші судьяның ақша сұрағанын хабарлайды.",
    }
    return complaint_register(actor=people[username].user, complaint=Complaint(**{**defaults, **fields}))


def open_investigation(people, instructed_by="chairman", **fields):
    today = timezone.localdate()
    investigation = Investigation(
        basis=fields.pop("basis", Investigation.Basis.MISCONDUCT),
        instructed_by=people[instructed_by],
        instruction_number=fields.pop("instruction_number", "12-т"),
        instruction_date=fields.pop("instruction_date", today - timedelta(days=3)),
        region=Region.objects.get(code="karaganda"),
        subject="Судьяның әдеп нормаларын бұзуы туралы хабар",
        due_on=fields.pop("due_on", today + timedelta(days=30)),
        **fields,
    )
    persons = [InvestigatedPerson(name="Судья Б.", role="judge", position="Қарағанды облыстық соты")]
    return investigation_open(actor=people["isd_head"].user, investigation=investigation, persons=persons)


def a_case(**fields):
    today = timezone.localdate()
    defaults = {
        "person": "Сот приставы К.",
        "person_role": "staff",
        "position": "сот приставы",
        "court": "Алматы қаласы Алмалы аудандық соты",
        "article": "366-бап 2-бөлік",
        "investigating_body": "Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі",
        "opened_on": today - timedelta(days=60),
    }
    return CriminalCase(**{**defaults, **fields})


def signal(**fields):
    defaults = {
        "source": "media",
        "received_on": timezone.localdate() - timedelta(days=1),
        "person": "Судья А.",
        "court": "Астана қаласы Сарыарқа аудандық соты",
        "region": Region.objects.get(code="astana"),
        "substance": "Жарияланым.",
    }
    return CorruptionSignal(**{**defaults, **fields})


def make_complaints(count, region_code="astana", prefix="T"):
    region = Region.objects.get(code=region_code)
    return [
        Complaint.objects.create(
            number=f"{prefix}-{region_code}-{i}",
            received_on=date(2026, 11, 2),
            region=region,
            court="Сот",
            summary=f"Өтініш {i}",
            substance="Мазмұны",
        )
        for i in range(count)
    ]


# --- In bulk: rows whose number alone matters (query budgets) ------------------------------------

PDF = {"content_type": "application/pdf", "size": 1, "sha256": "0" * 64}


def many_complaints(count, region_code="astana", prefix="B"):
    """`count` complaints in one INSERT (no numbers taken, no terms opened)."""
    region = Region.objects.get(code=region_code)
    return Complaint.objects.bulk_create(
        Complaint(
            number=f"{prefix}-{region_code}-{n}",
            received_on=date(2026, 11, 2),
            region=region,
            court="Сот",
            person_concerned=f"Судья {n}",
            summary=f"Өтініш {n}",
            substance="Мазмұны",
        )
        for n in range(count)
    )


def many_investigations(people, count, region_code="karaganda", prefix="B", **fields):
    """`count` investigations ordered by the Chairman, in one INSERT (no terms opened)."""
    today = timezone.localdate()
    region = Region.objects.get(code=region_code)
    return Investigation.objects.bulk_create(
        Investigation(
            number=f"ҚТ-{prefix}-{n}",
            basis=fields.pop("basis", Investigation.Basis.MISCONDUCT),
            instructed_by=people["chairman"],
            instruction_number=f"{n}-т",
            instruction_date=today - timedelta(days=3),
            region=region,
            subject=f"Судья {n} туралы хабар",
            due_on=today + timedelta(days=30),
            opened_by=people["isd_head"].user,
            **fields,
        )
        for n in range(count)
    )


def many_cases(people, count, region_code="almaty"):
    """`count` criminal cases of a region's registry, in one INSERT."""
    region = Region.objects.get(code=region_code)
    return CriminalCase.objects.bulk_create(
        a_case(person=f"Судья {n}", region=region, entered_by=people["isd_almaty"].user) for n in range(count)
    )


def many_signals(people, count, region_code="astana"):
    """`count` pieces of information on corruption, in one INSERT."""
    region = Region.objects.get(code=region_code)
    return CorruptionSignal.objects.bulk_create(
        signal(person=f"Судья {n}", region=region, entered_by=people["isd_head"].user) for n in range(count)
    )
