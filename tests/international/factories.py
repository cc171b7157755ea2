"""Requests and catalog rows for the IR tests, built through the services."""

import io
from datetime import timedelta

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courtadmin.core import rollups
from courtadmin.documents import services as documents
from courtadmin.org.models import Region
from international.models import (
    Country,
    Delegation,
    ForeignAuthority,
    KazakhCourt,
    LegalAssistanceRequest,
    RequestParty,
    TreatyBasis,
    Trip,
)
from international.selectors.requests import treaty_suggested
from international.services import requests as services
from international.services import trips
from tests.conftest import DEMO_TEST_PASSWORD
from tests.documents.conftest import second_factor_code

R = LegalAssistanceRequest


def authority(country_code: str, name: str = "Court of the requesting state") -> ForeignAuthority:
    country = Country.objects.get(code=country_code)
    return ForeignAuthority.objects.get_or_create(
        country=country, name_kk=name, defaults={"name": name, "name_ru": name, "name_en": name}
    )[0]


def party(role="addressee", region_code="karaganda", **fields) -> RequestParty:
    defaults = {
        "name": "Серікбаев Ерлан",
        "address": "Қарағанды қ., Бұқар жырау д-лы, 1",
        "birth_date": timezone.localdate() - timedelta(days=40 * 365),
        "citizenship": Country.objects.get(code="KZ"),
        "region": Region.objects.get(code=region_code) if region_code else None,
    }
    return RequestParty(role=role, **{**defaults, **fields})


def la_request(
    officer,
    *,
    number="1/2026",
    direction="incoming",
    country="RU",
    subject="service",
    parties=None,
    treaty=None,
    language="ru",
    confirm_treaty=False,
    **fields,
) -> R:
    country_row = Country.objects.get(code=country)
    request = R(
        registration_number=number,
        received_on=fields.pop("received_on", timezone.localdate() - timedelta(days=20)),
        direction=direction,
        subject=subject,
        category=fields.pop("category", "civil"),
        country=country_row,
        case_name=fields.pop("case_name", "Иванов И. v. Серікбаев Е."),
        case_number=fields.pop("case_number", "2-1234/2026"),
        asked=fields.pop("asked", "Serve the summons"),
        treaty=treaty or treaty_suggested(country_row, subject),
        original_language=language,
        officer=officer,
        **fields,
    )
    if "foreign_authority" not in fields:
        request.foreign_authority = authority(country)
    if direction == "outgoing" and "court" not in fields:
        request.court = KazakhCourt.objects.get(code="astana-regional")
    return services.request_save(
        actor=officer,
        request=request,
        parties=[party()] if parties is None else parties,
        confirm_treaty=confirm_treaty,
    )


def signed_letter(request, move, author, signer, **kwargs):
    """Prepare the cover letter of `move`, submit it and have `signer` sign it (IR 13)."""
    document = services.request_letter_prepare(actor=author, request=request, move=move, **kwargs)
    documents.document_act(document=document, move="submit", actor=author)
    return documents.document_sign(
        document=document, actor=signer, password=DEMO_TEST_PASSWORD, code=second_factor_code(signer)
    )


def trip(officer, *, departs_on=None, days=4, country="DE", **fields):
    """A trip entered through its service, ten days ago by default (so its report is awaited)."""
    departs_on = departs_on or timezone.localdate() - timedelta(days=10)
    record = Trip(
        purpose=fields.pop("purpose", "Судьялардың халықаралық конференциясы"),
        country=Country.objects.get(code=country),
        participants="Жандосов Ә.С., Жоғарғы Сот Төрағасы",
        departs_on=departs_on,
        returns_on=departs_on + timedelta(days=days),
        officer=officer,
        **fields,
    )
    return trips.trip_save(actor=officer, trip=record)


def delegation(officer, *, arrives_on, days=3, country="TR", **fields):
    record = Delegation(
        country=Country.objects.get(code=country),
        organisation=fields.pop("organisation", "Түркия Республикасының Кассациялық соты"),
        head="Төраға орынбасары",
        size=5,
        arrives_on=arrives_on,
        leaves_on=arrives_on + timedelta(days=days),
        officer=officer,
        **fields,
    )
    return trips.delegation_save(actor=officer, delegation=record)


def event(actor, *, officer=None, starts_on=None, days=2, participants=(), kind="conference", **fields):
    """An international event entered by `actor` through its service, in five days by default."""
    from international.models import Event
    from international.services import events

    starts_on = starts_on or timezone.localdate() + timedelta(days=5)
    record = Event(
        kind=kind,
        title=fields.pop("title", "Жоғарғы соттардың халықаралық конференциясы"),
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=days),
        place=fields.pop("place", "Астана"),
        organiser=fields.pop("organiser", "Жоғарғы Сот"),
        officer=officer or actor,
        **fields,
    )
    return events.event_save(actor=actor, event=record, participants=list(participants))


def registration(**overrides) -> dict:
    """The registration form as an officer fills it in, one person concerned."""
    country = Country.objects.get(code="RU")
    data = {
        "registration_number": "15/2026",
        "received_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "direction": "incoming",
        "subject": "service",
        "category": "civil",
        "country": country.pk,
        "foreign_authority": authority("RU").pk,
        "court": "",
        "case_name": "Петров П. v. Серікбаев Е.",
        "case_number": "2-77/2026",
        "asked": "Вручить повестку",
        "treaty": "",
        "original_language": "ru",
        "act_effective_on": "",
        "officer": "",
        "related_numbers": "",
        "parties-TOTAL_FORMS": "2",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "1000",
        "parties-0-role": "addressee",
        "parties-0-kind": "individual",
        "parties-0-name": "Серікбаев Ерлан",
        "parties-0-address": "Қарағанды қ.",
        "parties-1-role": "",
        "parties-1-kind": "individual",
    }
    data.update(overrides)
    return data


def post_registration(client, **overrides):
    data = registration(**overrides)
    data["officer"] = data["officer"] or client.officer.pk
    return client.post(reverse("international:request-create"), data)


def many_requests(officer, count: int, start: int = 100):
    country = Country.objects.get(code="RU")
    treaty = TreatyBasis.objects.get(code="minsk-1993")
    court = KazakhCourt.objects.get(code="astana-regional")
    foreign = authority("RU")
    R.objects.bulk_create(
        R(
            registration_number=f"{start + n}/2025",
            received_on=timezone.localdate() - timedelta(days=n),
            direction="incoming",
            subject="service",
            category="civil",
            country=country,
            foreign_authority=foreign,
            court=court,
            case_name="Case",
            case_number=f"2-{n}",
            asked="Serve",
            treaty=treaty,
            original_language="ru",
            officer=officer,
        )
        for n in range(count)
    )
    rollups.rebuild(R)  # bulk_create bypasses the saves that keep the figures


def xlsx_table(header, rows, *, name="table.xlsx") -> SimpleUploadedFile:
    """A table uploaded as an XLSX workbook: the header, then the rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(
        name, buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def workbook_rows(response) -> list[tuple]:
    """The first sheet's rows of an XLSX download."""
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(book.worksheets[0].iter_rows(values_only=True))


def put(request: R, **fields) -> R:
    """Set fields a test needs without the move that would set them, through the request's own
    save, which keeps its figures (core.rollups) as every write in the portal does."""
    for name, value in fields.items():
        setattr(request, name, value)
    request.save(update_fields=list(fields))
    return request
