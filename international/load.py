"""Synthetic IR records for `generate_load` (courtadmin/core/load.py): legal-assistance
requests with their execution terms, trips abroad and foreign delegations, over ten years,
with the audit events the services write when they register them."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from courtadmin.audit.services import audit_append_bulk
from courtadmin.core import rollups
from courtadmin.core.load import (
    DAYS,
    LoadContext,
    LoadKind,
    actors,
    analyze,
    audit_events,
    insert_with_events,
    max_id,
    spread_sql,
)
from courtadmin.deadlines.models import Deadline

from .models import (
    Country,
    Delegation,
    Event,
    ForeignAuthority,
    KazakhCourt,
    LegalAssistanceRequest,
    TreatyBasis,
    Trip,
)

R = LegalAssistanceRequest
EXECUTION_TERM = "ir.rogatory_execution"

# The foreign states and their share of the registry (the CIS first); the treaties that bind
# each with Kazakhstan come from the catalog, reciprocity where none does.
COUNTRIES = {
    "RU": 20, "KG": 10, "UZ": 10, "CN": 8, "TR": 6, "BY": 5, "TJ": 4, "AZ": 4, "AM": 3, "DE": 3,
    "US": 3, "KR": 3, "MD": 2, "TM": 2, "GB": 2, "FR": 2, "IT": 2, "UA": 2, "AE": 2, "ES": 1,
    "NL": 1, "JP": 1, "LT": 1, "IN": 1, "IL": 1, "PL": 1, "CZ": 1, "MN": 1, "GE": 1, "IR": 1,
}  # fmt: skip
# The IR's staff in the demo organisation, the officer with the largest share.
OFFICERS = {"ir_officer": 4, "ir_deputy_legal": 2, "ir_head": 1, "ir_deputy_protocol": 1}
SURNAMES = [
    "Ахметов", "Бекова", "Жумабаев", "Иванов", "Касымова", "Нурланов", "Оспанова", "Петров", "Сарсенбаев",
    "Тулегенова", "Ермеков", "Смирнова", "Абдрахманов", "Ким", "Ли", "Мусина", "Байжанов", "Кузнецов",
    "Омарова", "Сулейменов", "Müller", "Smith", "Wang", "Yılmaz", "Rossi", "Garcia", "Kowalski", "Novák",
    "Tanaka", "Park",
]  # fmt: skip
GIVEN_NAMES = [
    "Айгерим", "Бауыржан", "Дана", "Ерлан", "Жанар", "Марат", "Нурлан", "Сауле", "Тимур", "Асель", "Ольга",
    "Сергей", "Anna", "John", "Mehmet", "Wei", "Hans", "Maria", "Giulia", "Jan",
]  # fmt: skip


# One statement: ids follow the date of receipt, as in a registry filled day by day. Recent
# requests (under two years) are spread over the whole path, older ones mostly finished; about
# 42 % of the recent incoming ones are being executed (~50,000 with an active term).
FILL_SQL = """
INSERT INTO {table} (
    registration_number, received_on, direction, subject, category, status, case_name, case_number, asked,
    confidential, treaty_mismatch_confirmed, original_language, act_effective_on, checklist,
    court_received_on, executed_on, closed_on, outcome_note, search_text, created_at,
    country_id, court_id, foreign_authority_id, officer_id, treaty_id)
WITH g AS (
    SELECT n, {spread},
           abs(hashint8extended(%(offset)s + n, 1)) AS h1, abs(hashint8extended(%(offset)s + n, 2)) AS h2,
           abs(hashint8extended(%(offset)s + n, 3)) AS h3, abs(hashint8extended(%(offset)s + n, 4)) AS h4
    FROM generate_series(1, %(size)s) AS n
), d AS (
    SELECT g.*, CASE WHEN h1 %% 5 < 3 THEN 'incoming' ELSE 'outgoing' END AS direction,
           %(today)s::date - received_on AS age, (h2 %% 100)::int AS r, (1 + h3 %% %(slots)s)::int AS slot,
           ((h3 / 1000) %% 1000)::int AS k
    FROM g
), s AS (
    SELECT d.*, CASE
        WHEN direction = 'incoming' AND age < 730 THEN CASE
            WHEN r < 3 THEN 'registered' WHEN r < 6 THEN 'checked' WHEN r < 10 THEN 'defects_returned'
            WHEN r < 16 THEN 'sent_to_court' WHEN r < 58 THEN 'executing' WHEN r < 70 THEN 'executed'
            WHEN r < 85 THEN 'answered' WHEN r < 95 THEN 'closed' ELSE 'refused' END
        WHEN direction = 'incoming' THEN CASE
            WHEN r < 80 THEN 'closed' WHEN r < 88 THEN 'answered' WHEN r < 94 THEN 'refused'
            ELSE 'defects_returned' END
        WHEN age < 730 THEN CASE
            WHEN r < 5 THEN 'registered' WHEN r < 10 THEN 'checked' WHEN r < 20 THEN 'translation'
            WHEN r < 60 THEN 'sent_abroad' WHEN r < 75 THEN 'answer_received' WHEN r < 85 THEN 'returned_to_court'
            WHEN r < 95 THEN 'closed' ELSE 'refused' END
        ELSE CASE WHEN r < 85 THEN 'closed' WHEN r < 90 THEN 'returned_to_court' ELSE 'refused' END
    END AS status,
    '2-' || (%(offset)s + n) || '/' || extract(year FROM received_on) AS case_number,
    %(surnames)s::text[] AS surnames, %(given)s::text[] AS given, %(surnames_lower)s::text[] AS surnames_lower,
    %(given_lower)s::text[] AS given_lower
    FROM d
), e AS (
    SELECT s.*,
        CASE WHEN direction = 'incoming' AND status IN ('executing', 'executed', 'answered', 'closed')
             THEN LEAST(%(today)s::date, received_on + 3 + k %% 15) END AS court_received_on,
        CASE WHEN status IN ('executed', 'answered', 'closed', 'answer_received', 'returned_to_court')
             THEN LEAST(%(today)s::date, received_on + CASE WHEN direction = 'incoming' THEN 20 + k %% 160
                                                             ELSE 60 + k %% 300 END) END AS executed_on,
        1 + (h4 %% 30)::int AS p1, 1 + ((h4 / 30) %% 20)::int AS p2, 1 + ((h4 / 600) %% 30)::int AS p3
    FROM s
)
SELECT (%(offset)s + n) || '/' || extract(year FROM received_on), received_on, direction,
       (%(slot_subject)s::text[])[slot],
       (ARRAY['civil', 'family', 'economic', 'administrative'])[1 + (h4 / 18000) %% 4], status,
       surnames[p1] || ' ' || given[p2] || ' v. ' || surnames[p3], case_number,
       'Generated request ' || (%(offset)s + n), h4 %% 50 = 0, false,
       CASE WHEN direction = 'incoming'
            THEN (ARRAY['ru', 'en', 'zh', 'tr', 'de', 'kk', 'fr', 'other'])[1 + (h4 / 72000) %% 8]
            ELSE (ARRAY['ru', 'kk'])[1 + (h4 / 72000) %% 2] END,
       CASE WHEN (%(slot_subject)s::text[])[slot] = 'recognition' THEN received_on - 30 - k %% 300 END, '{{}}'::jsonb,
       court_received_on, executed_on,
       CASE WHEN status = 'closed' THEN LEAST(%(today)s::date, executed_on + 5 + (h4 %% 30)::int)
            WHEN status IN ('refused', 'defects_returned')
            THEN LEAST(%(today)s::date, received_on + 5 + (h4 %% 30)::int)
       END,
       CASE WHEN status IN ('refused', 'defects_returned') THEN 'Refused: generated' ELSE '' END,
       lower((%(offset)s + n) || '/' || extract(year FROM received_on)) || ' ' || lower(case_number) || ' '
           || surnames_lower[p1] || ' ' || given_lower[p2] || ' ' || surnames_lower[p3],
       (received_on + time '09:00') AT TIME ZONE 'Asia/Almaty',
       (%(slot_country)s::bigint[])[slot],
       CASE WHEN direction = 'incoming' AND status IN ('registered', 'checked', 'defects_returned') THEN NULL
            ELSE (%(courts)s::bigint[])[1 + (h4 / 1800) %% %(court_count)s] END,
       (%(slot_authority)s::bigint[])[slot],
       (%(officers)s::bigint[])[1 + (h1 / 5) %% %(officer_count)s],
       (%(slot_treaty)s::bigint[])[slot]
FROM e
"""


# The treaty's term from the court's receipt; most are past it and were extended to a date
# from 18 days ago to five months ahead, so that about one in ten is overdue.
TERMS_SQL = """
INSERT INTO {deadlines} (
    record_type_id, record_id, kind, department, legal_basis, started_on, due_on, original_due_on,
    responsible_id, state, extension_decision, extended_by_id, suspended_on, closed_on)
SELECT %(record_type)s, r.id::text, %(kind)s, 'IR', COALESCE(NULLIF(t.contents_clause, ''), t.code),
       r.court_received_on, x.due_on, x.original_due_on, r.officer_id,
       CASE WHEN x.due_on > x.original_due_on THEN 'extended' ELSE 'open' END,
       CASE WHEN x.due_on > x.original_due_on THEN 'Extended at the court''s request' ELSE '' END,
       CASE WHEN x.due_on > x.original_due_on THEN r.officer_id END, NULL, NULL
FROM {requests} AS r
JOIN {treaties} AS t ON t.id = r.treaty_id
CROSS JOIN LATERAL (SELECT (r.court_received_on + make_interval(months => t.execution_months))::date AS o) AS m
CROSS JOIN LATERAL (
    SELECT m.o AS original_due_on,
           GREATEST(m.o, %(today)s::date - 18 + (abs(hashint8extended(r.id, 5)) %% 180)::int) AS due_on
) AS x
WHERE r.status = 'executing' AND r.id > %(after_id)s
"""

# Each request keeps its running term's due date (DeadlineKind.kept_on), as deadline moves do.
KEPT_SQL = """
UPDATE {requests} AS r SET execution_due_on = d.due_on
FROM {deadlines} AS d
WHERE d.record_type_id = %(record_type)s AND d.kind = %(kind)s AND d.state IN ('open', 'extended')
  AND d.record_id = r.id::text AND r.id > %(after_id)s
"""


def _slots() -> dict:
    """(country, treaty, subject, authority) combinations, repeated by the country's share."""
    countries = Country.objects.in_bulk(list(COUNTRIES), field_name="code")
    reciprocity = TreatyBasis.objects.get(kind=TreatyBasis.Kind.RECIPROCITY)
    slots = {"slot_country": [], "slot_treaty": [], "slot_subject": [], "slot_authority": []}
    for code, share in COUNTRIES.items():
        country = countries[code]
        authorities = [
            ForeignAuthority.objects.get_or_create(
                country=country,
                name_en=f"{label} of {country.name_en} (generated)",
                defaults={"name_kk": f"{label} — {country.name_kk}", "name_ru": f"{label} — {country.name_ru}",
                          "kind": kind},
            )[0].pk
            for label, kind in (("Court", "court"), ("Central authority", "central_authority"))
        ]  # fmt: skip
        treaties = list(country.treaties.filter(is_active=True).order_by("precedence")) or [reciprocity]
        pairs = [(treaty.pk, subject) for treaty in treaties for subject in treaty.subjects]
        for index in range(share * 12):
            treaty, subject = pairs[index % len(pairs)]
            slots["slot_country"].append(country.pk)
            slots["slot_treaty"].append(treaty)
            slots["slot_subject"].append(subject)
            slots["slot_authority"].append(authorities[index % 2])
    return slots


def generate_requests(count: int, context: LoadContext) -> str:
    """Requests of ten years: both directions, every status, 30 states, every treaty basis,
    the 20 regional courts, the IR staff; the ones being executed with their running term."""
    after_id = max_id(R)
    slots = _slots()
    courts = list(
        KazakhCourt.objects.filter(level=KazakhCourt.Level.REGIONAL).order_by("code").values_list("pk", flat=True)
    )
    officers = [context.people[name].user_id for name, share in OFFICERS.items() for _ in range(share)]
    params = {
        "today": context.today,
        "days": DAYS,
        "size": count,
        "offset": after_id,
        "slots": len(slots["slot_country"]),
        **slots,
        "courts": courts,
        "court_count": len(courts),
        "officers": officers,
        "officer_count": len(officers),
        "surnames": SURNAMES,
        "given": GIVEN_NAMES,
        "surnames_lower": [name.lower() for name in SURNAMES],
        "given_lower": [name.lower() for name in GIVEN_NAMES],
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(FILL_SQL.format(table=R._meta.db_table, spread=spread_sql("received_on")), params)
        tables = {"deadlines": Deadline._meta.db_table, "requests": R._meta.db_table}
        terms = {
            "record_type": ContentType.objects.get_for_model(R).pk,
            "kind": EXECUTION_TERM,
            "today": context.today,
            "after_id": after_id,
        }
        cursor.execute(TERMS_SQL.format(**tables, treaties=TreatyBasis._meta.db_table), terms)
        cursor.execute(KEPT_SQL.format(**tables), terms)
    rows = (
        (pk, created_at, officer, number, {"registration_number": number, "status": status, "country": country})
        for pk, created_at, officer, number, status, country in R.objects.filter(pk__gt=after_id)
        .order_by("pk")
        .values_list("pk", "created_at", "officer_id", "registration_number", "status", "country_id")
        .iterator(chunk_size=5000)
    )
    events = audit_append_bulk(
        audit_events(rows, action="ir.request.registered", model=R, department="IR", names=actors(context))
    )
    cells = rollups.rebuild(R)  # the SQL above bypasses the saves that keep the figures
    analyze(R, Deadline)
    return f"{count:,} requests and their execution terms, {events:,} audit events, {cells:,} figures' cells recounted"


TRIPS_SQL = """
INSERT INTO {table} (purpose, country_id, city, host, order_number, order_date, financing, participants,
    programme, departs_on, returns_on, officer_id, report_due_on, report_received_on, report_published_on,
    publication_url, created_by_id)
SELECT 'Generated trip ' || (%(offset)s + n), (%(countries)s::bigint[])[1 + n %% %(country_count)s], '', '',
       'G-' || n, day - 7, 'budget', 'Generated participant', '', day, day + 4, %(officer)s, day + 14,
       CASE WHEN n %% 20 <> 0 AND day + 4 < %(today)s::date - 10 THEN day + 14 END,
       CASE WHEN n %% 20 > 1 AND day + 4 < %(today)s::date - 10 THEN day + 20 END,
       '', %(officer)s
FROM (SELECT n, {spread} FROM generate_series(1, %(size)s) AS n) AS g
"""

DELEGATIONS_SQL = """
INSERT INTO {table} (country_id, organisation, head, size, arrives_on, leaves_on, programme, precedence,
    seating, flags, interpreters, status, consented_by_id, consented_at, cancel_reason, officer_id, created_by_id)
SELECT (%(countries)s::bigint[])[1 + n %% %(country_count)s], 'Generated organisation ' || n %% 500,
       'Generated head', 1 + n %% 9, day, day + 1 + n %% 4, '', '', '', '', '',
       CASE WHEN day < %(today)s::date THEN 'held' ELSE 'planned' END,
       CASE WHEN day < %(today)s::date THEN %(officer)s END,
       CASE WHEN day < %(today)s::date THEN day - 10 END,
       '', %(officer)s, %(officer)s
FROM (SELECT n, {spread} FROM generate_series(1, %(size)s) AS n) AS g
"""


def _foreign(model, sql: str, fields: tuple, action: str, count: int, context: LoadContext) -> int:
    """Trips or delegations over 60 foreign states, entered by the IR officer."""
    countries = list(Country.objects.exclude(code="KZ").order_by("code").values_list("pk", flat=True)[:60])
    officer = context.people["ir_officer"].user_id
    params = {"countries": countries, "country_count": len(countries), "officer": officer}
    return insert_with_events(
        model, sql, params, count=count, context=context, audit=(action, "IR", officer), fields=fields
    )


def generate_trips(count: int, context: LoadContext) -> str:
    """Trips of four days; one in twenty back without its final report."""
    events = _foreign(Trip, TRIPS_SQL, ("departs_on", "purpose"), "ir.trip.created", count, context)
    return f"{count:,} trips abroad, {events:,} audit events"


def generate_delegations(count: int, context: LoadContext) -> str:
    events = _foreign(
        Delegation, DELEGATIONS_SQL, ("arrives_on", "organisation"), "ir.delegation.created", count, context
    )
    return f"{count:,} foreign delegations' visits, {events:,} audit events"


EVENTS_SQL = """
INSERT INTO {table} (kind, title, starts_on, ends_on, start_time, country_id, place, organiser,
    foreign_participants, programme, languages, interpreters, plan_year, status, outcomes, cancel_reason,
    officer_id, created_by_id)
SELECT (ARRAY['international', 'chairman_visit', 'head_visit', 'meeting', 'conference', 'seminar',
              'local_courts'])[1 + n %% 7],
       'Generated event ' || (%(offset)s + n) || CASE WHEN n %% 3 = 0 THEN ' семинар' ELSE ' кездесу' END,
       day, day + n %% 3, NULL,
       CASE WHEN n %% 4 = 0 THEN NULL ELSE (%(countries)s::bigint[])[1 + n %% %(country_count)s] END,
       'Generated place ' || n %% 300, 'Generated organiser ' || n %% 200, '', '', '["kk", "ru"]', '',
       CASE WHEN n %% 3 <> 0 THEN extract(year FROM day)::int END,
       CASE WHEN day >= %(today)s::date THEN (CASE WHEN n %% 2 = 0 THEN 'planned' ELSE 'confirmed' END)
            WHEN n %% 25 = 0 THEN 'cancelled' ELSE 'held' END,
       CASE WHEN day < %(today)s::date AND n %% 25 <> 0 THEN 'Generated outcome' ELSE '' END,
       CASE WHEN day < %(today)s::date AND n %% 25 = 0 THEN 'Generated reason' ELSE '' END,
       %(officer)s, %(officer)s
FROM (SELECT n, {spread} FROM generate_series(1, %(size)s) AS n) AS g
"""


PARTICIPANTS_SQL = """
INSERT INTO {through} (event_id, user_id)
SELECT e.id, (%(people)s::bigint[])[1 + (e.id + k) %% %(people_count)s]
FROM {events} AS e CROSS JOIN generate_series(0, 1) AS k WHERE e.id > %(after_id)s
"""


def generate_events(count: int, context: LoadContext) -> str:
    """International events over ten years, each with two participants of the portal (the
    leadership and the IR's people in turn); those ahead planned or confirmed, the past ones
    held, one in twenty-five cancelled."""
    after_id = max_id(Event)
    written = _foreign(Event, EVENTS_SQL, ("starts_on", "title"), "ir.event.created", count, context)
    people = [
        context.people[name].user_id for name in ("chairman", "ca_head", "ir_head", "ir_officer", "legal_officer")
    ]
    tables = {"through": Event.participants.through._meta.db_table, "events": Event._meta.db_table}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            PARTICIPANTS_SQL.format(**tables), {"people": people, "people_count": len(people), "after_id": after_id}
        )
    analyze(Event, Event.participants.through)
    return f"{count:,} international events with two participants each, {written:,} audit events"


BUDGET_LINES_SQL = """
INSERT INTO {lines} (year, programme, item, planned, created_by_id)
SELECT y, p, 'Generated item ' || i, 50000000, %(officer)s
FROM generate_series(%(first)s, %(last)s) AS y, unnest(ARRAY['trips', 'representation']) AS p,
     generate_series(1, 5) AS i
ON CONFLICT DO NOTHING
"""

SPENDINGS_SQL = """
INSERT INTO {spendings} (line_id, stage, amount, "on", description, event_id, over_plan, created_by_id)
SELECT (SELECT l.id FROM {lines} AS l
        WHERE l.year = extract(year FROM e.starts_on)::int
          AND l.programme = CASE WHEN e.id %% 2 = 0 THEN 'trips' ELSE 'representation' END
          AND l.item = 'Generated item ' || (1 + e.id %% 5)),
       CASE WHEN e.starts_on < %(today)s::date THEN 'paid' ELSE 'committed' END,
       1000 + e.id %% 90000, e.starts_on, 'Generated spending', e.id, false, %(officer)s
FROM {events} AS e
WHERE NOT EXISTS (SELECT 1 FROM {spendings} AS s WHERE s.event_id = e.id)
ORDER BY e.id
LIMIT %(size)s
"""


def generate_budget(count: int, context: LoadContext) -> str:
    """The budget programmes' items for the ten years of the load (ten a year) and `count`
    spendings, one for each event that has none (generate the events first), paid once the
    event has begun."""
    from .models import BudgetLine, Spending

    officer = context.people["ir_officer"].user_id
    tables = {
        "lines": BudgetLine._meta.db_table,
        "spendings": Spending._meta.db_table,
        "events": Event._meta.db_table,
    }
    first = context.today.year - DAYS // 365 - 1
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            BUDGET_LINES_SQL.format(**tables), {"officer": officer, "first": first, "last": context.today.year + 1}
        )
        cursor.execute(SPENDINGS_SQL.format(**tables), {"officer": officer, "today": context.today, "size": count})
        written = cursor.rowcount
    analyze(BudgetLine, Spending)
    return f"{written:,} spendings against the budget programmes' items, one for each event"


LOAD_KINDS = [
    LoadKind("requests", "legal-assistance requests (with their execution terms)", generate_requests, order=10),
    LoadKind("trips", "business trips abroad", generate_trips, order=11),
    LoadKind("delegations", "foreign delegations' visits", generate_delegations, order=12),
    LoadKind("events", "international events (with their participants)", generate_events, order=13),
    LoadKind("budget", "spendings of the budget programmes, one an event (after --events)", generate_budget, order=14),
]
