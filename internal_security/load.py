"""Synthetic ISD records for `generate_load` (courtadmin/core/load.py): complaints with their
АППК terms, official investigations, criminal cases, need-to-know grants, and running terms
for the reminder scan, over ten years, with the audit events the services write."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from courtadmin.audit.services import audit_append_bulk
from courtadmin.core.load import (
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
from courtadmin.org.models import Region

from .models import (
    CaseStage,
    Complaint,
    ComplaintGrant,
    CriminalCase,
    IncidentGrant,
    Investigation,
    RegistrationCounter,
    SecurityIncident,
)

SURNAMES = [
    "Ахметов", "Бекова", "Жумабаев", "Иванов", "Касымова", "Нурланов", "Оспанова", "Петров", "Сарсенбаев",
    "Тулегенова", "Ермеков", "Смирнова", "Абдрахманов", "Ким", "Ли", "Мусина", "Байжанов", "Кузнецов",
    "Омарова", "Сулейменов",
]  # fmt: skip
GIVEN_NAMES = [
    "Айгерим", "Бауыржан", "Дана", "Ерлан", "Жанар", "Марат", "Нурлан", "Сауле", "Тимур", "Асель",
]  # fmt: skip
COURTS = [
    "Районный суд № 2", "Районный суд № 1", "Специализированный межрайонный экономический суд",
    "Специализированный межрайонный суд по уголовным делам", "Областной суд",
    "Специализированный межрайонный административный суд", "Ювенальный суд",
]  # fmt: skip
SUMMARIES = [
    "Вымогательство со стороны сотрудника суда", "Волокита при рассмотрении дела",
    "Предложение «решить вопрос» за вознаграждение", "Утечка сведений по делу",
    "Конфликт интересов судьи", "Давление на участника процесса", "Неэтичное поведение судьи",
    "Подмена материалов дела",
]  # fmt: skip


# One statement: ids follow the date of receipt, as in a registry filled day by day; numbers
# run within each year as the registration counter gives them. Complaints of the last three
# weeks are still being considered, older ones closed.
FILL_SQL = """
INSERT INTO {complaints} (
    number, received_at, received_on, channel, external_number, applicant_kind, applicant_name,
    applicant_identifier, applicant_address, applicant_contacts, language, person_concerned, person_role,
    region_id, court, summary, substance, crime_reported, status, decision, outcome_note, forwarded_to,
    closed_on, term_kept, registered_by_id)
WITH g AS (
    SELECT n, {spread},
           abs(hashint8extended(%(offset)s + n, 11)) AS h1, abs(hashint8extended(%(offset)s + n, 12)) AS h2,
           abs(hashint8extended(%(offset)s + n, 13)) AS h3
    FROM generate_series(1, %(size)s) AS n
), d AS (
    SELECT g.*, %(today)s::date - received_on AS age, (h1 %% 100)::int AS r, (h2 %% 100)::int AS c,
           (h3 %% 1000)::int AS k,
           row_number() OVER (PARTITION BY extract(year FROM received_on) ORDER BY n) AS seq,
           1 + (h3 %% %(region_count)s)::int AS region_slot
    FROM g
), s AS (
    SELECT d.*,
        CASE WHEN c < 40 THEN 'e_otinish' WHEN c < 65 THEN 'post' WHEN c < 80 THEN 'in_person'
             WHEN c < 90 THEN 'hotline' ELSE 'forwarded' END AS channel,
        CASE WHEN (h2 / 100) %% 100 < 80 THEN 'individual' WHEN (h2 / 100) %% 100 < 85 THEN 'legal_entity'
             ELSE 'anonymous' END AS applicant_kind,
        CASE WHEN age < 21 THEN CASE
            WHEN r < 20 THEN 'registered' WHEN r < 80 THEN 'in_work' WHEN r < 90 THEN 'decided'
            WHEN r < 95 THEN 'forwarded' WHEN r < 97 THEN 'sent_on' ELSE 'not_considered' END
        ELSE CASE
            WHEN r < 83 THEN 'answered' WHEN r < 93 THEN 'forwarded' WHEN r < 98 THEN 'not_considered'
            ELSE 'sent_on' END
        END AS status
    FROM d
)
SELECT 'ІҚБ-' || extract(year FROM received_on) || '-' || lpad((seq + COALESCE((
           SELECT last_number FROM {counters} WHERE series = 'ІҚБ' AND year = extract(year FROM received_on)
       ), 0))::text, 6, '0'),
       (received_on + time '09:00' + make_interval(mins => k %% 480)) AT TIME ZONE 'Asia/Almaty',
       received_on, channel,
       CASE WHEN channel = 'e_otinish' THEN 'ЖТ-' || (%(offset)s + n) ELSE '' END,
       applicant_kind,
       CASE WHEN applicant_kind = 'anonymous' THEN ''
            WHEN applicant_kind = 'legal_entity' THEN 'ТОО «Генерация-' || (k %% 97) || '»'
            ELSE (%(surnames)s::text[])[1 + k %% 20] || ' ' || (%(given)s::text[])[1 + (k / 20) %% 10] END,
       '',
       CASE WHEN applicant_kind = 'anonymous' THEN '' ELSE 'ул. Тестовая, ' || (1 + k %% 200) END,
       '',
       CASE WHEN (h3 / 1000) %% 100 < 55 THEN 'kk' ELSE 'ru' END,
       (%(surnames)s::text[])[1 + (k / 7) %% 20] || ' ' || (%(given)s::text[])[1 + (k / 3) %% 10],
       CASE WHEN (h3 / 1000) %% 10 < 6 THEN 'judge' WHEN (h3 / 1000) %% 10 < 9 THEN 'staff' ELSE '' END,
       (%(regions)s::bigint[])[region_slot],
       (%(courts)s::text[])[1 + (h2 / 10000) %% %(court_count)s] || ', ' || (%(region_names)s::text[])[region_slot],
       (%(summaries)s::text[])[1 + (h1 / 100) %% %(summary_count)s],
       'Generated complaint ' || (%(offset)s + n) || ': '
           || (%(summaries)s::text[])[1 + (h1 / 100) %% %(summary_count)s],
       h1 %% 50 = 0, status,
       CASE WHEN status IN ('answered', 'decided')
            THEN CASE WHEN (h1 / 10000) %% 10 = 0 THEN 'confirmed' ELSE 'not_confirmed' END ELSE '' END,
       CASE WHEN status = 'not_considered' THEN 'No ground to consider (generated)' ELSE '' END,
       CASE WHEN status IN ('forwarded', 'sent_on') THEN 'Агентство по противодействию коррупции' ELSE '' END,
       CASE WHEN status IN ('answered', 'forwarded', 'not_considered', 'sent_on')
            THEN LEAST(%(today)s::date, received_on + 3 + k %% 28) END,
       CASE WHEN status IN ('answered', 'forwarded', 'not_considered', 'sent_on')
                 AND NOT (applicant_kind = 'anonymous' AND status = 'not_considered')
            THEN LEAST(%(today)s::date, received_on + 3 + k %% 28) <= received_on + 21 END,
       (%(registrars)s::bigint[])[1 + (h2 / 1000) %% %(registrar_count)s]
FROM s
"""


# The counters the registration takes its next numbers from, past the generated ones.
COUNTERS_SQL = """
INSERT INTO {counters} (series, year, last_number)
SELECT 'ІҚБ', split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
FROM {complaints} WHERE number LIKE 'ІҚБ-%%' GROUP BY 2
ON CONFLICT (series, year) DO UPDATE SET last_number = GREATEST({counters}.last_number, EXCLUDED.last_number)
"""


# Each complaint's АППК term: 15 working days are about 21 calendar days; met or missed as
# the complaint was closed; anonymous appeals left without consideration have none.
TERMS_SQL = """
INSERT INTO {deadlines} (record_type_id, record_id, kind, department, legal_basis, started_on, due_on,
    original_due_on, responsible_id, state, extension_decision, extended_by_id, suspended_on, closed_on)
SELECT %(record_type)s, c.id::text, 'isd.appeal', 'ISD', 'АППК art. 76', c.received_on, c.received_on + 21,
       c.received_on + 21, c.registered_by_id,
       CASE WHEN c.closed_on IS NULL THEN 'open' WHEN c.closed_on <= c.received_on + 21 THEN 'met' ELSE 'missed' END,
       '', NULL, NULL, c.closed_on
FROM {complaints} AS c
WHERE c.id > %(after_id)s AND NOT (c.applicant_kind = 'anonymous' AND c.status = 'not_considered')
"""

INVESTIGATIONS_SQL = """
INSERT INTO {table} (number, basis, instructed_by_id, instruction_number, instruction_date, region_id, subject,
    plan, due_on, status, outcome, concluded_on, opened_by_id, opened_at)
SELECT 'ҚТ-G-' || (%(offset)s + n), CASE WHEN n %% 10 = 0 THEN '6.22' ELSE '6.21' END, %(chairman)s,
       (%(offset)s + n) || '-т', day,
       (%(regions)s::bigint[])[1 + n %% %(region_count)s], 'Generated investigation ' || (%(offset)s + n), '', day + 30,
       CASE WHEN day > %(today)s::date - 40 THEN 'open' ELSE 'concluded' END,
       CASE WHEN day > %(today)s::date - 40 THEN ''
            ELSE (ARRAY['no_violation', 'disciplinary', 'law_enforcement', 'other'])[1 + n %% 4] END,
       CASE WHEN day > %(today)s::date - 40 THEN NULL ELSE day + 25 END,
       %(head)s, now()
FROM (SELECT n, {spread} FROM generate_series(1, %(size)s) AS n) AS g
"""


CASES_SQL = """
INSERT INTO {table} (person, person_role, position, court, region_id, article, corruption, investigating_body,
    opened_on, sent_to_court_on, verdict_on, stage, outcome, entered_by_id, updated_at)
SELECT 'Generated person ' || (%(offset)s + n), CASE WHEN n %% 3 = 0 THEN 'judge' ELSE 'staff' END,
       'Generated position',
       'Generated court ' || n %% 300, (%(regions)s::bigint[])[1 + n %% %(region_count)s], '366-бап',
       n %% 5 <> 0, 'Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі', day,
       CASE WHEN n %% 4 > 0 AND day < %(today)s::date - 120 THEN day + 90 END,
       CASE WHEN n %% 4 > 1 AND day < %(today)s::date - 300 THEN day + 240 END,
       CASE WHEN n %% 4 = 0 THEN 'pre_trial' WHEN day >= %(today)s::date - 120 THEN 'pre_trial'
            WHEN n %% 4 = 1 OR day >= %(today)s::date - 300 THEN 'in_court' ELSE 'verdict' END,
       CASE WHEN n %% 4 > 1 AND day < %(today)s::date - 300 THEN 'convicted' ELSE '' END,
       %(unit)s, now()
FROM (SELECT n, {spread} FROM generate_series(1, %(size)s) AS n) AS g
"""


# The stages the generated cases' dates tell (ISD 6.16), as the registry keeps them.
CASE_STAGES_SQL = """
INSERT INTO {stages} (case_id, stage, decided_on, authority, decision, outcome, entered_by_id, entered_at)
SELECT id, s.stage, s.day, investigating_body, 'Generated decision', s.outcome, entered_by_id, now()
FROM {cases}, LATERAL (VALUES ('pre_trial', opened_on, ''), ('in_court', sent_to_court_on, ''),
                              ('verdict', verdict_on, outcome)) AS s(stage, day, outcome)
WHERE id > %(after)s AND s.day IS NOT NULL
"""


def generate_complaints(count: int, context: LoadContext) -> str:
    """Complaints of ten years: every channel and status, the 20 regions, a tenth anonymous;
    those of the last three weeks still being considered. Each with its АППК term, met or
    missed as it was closed, and the registration's audit event."""
    after_id = max_id(Complaint)
    regions = list(Region.objects.order_by("code"))
    registrars = [context.people[name].user_id for name in ("isd_officer", "isd_officer2", "isd_deputy")]
    params = {
        "today": context.today,
        "size": count,
        "offset": after_id,
        "after_id": after_id,
        "regions": [region.pk for region in regions],
        "region_names": [region.name_ru for region in regions],
        "region_count": len(regions),
        "courts": COURTS,
        "court_count": len(COURTS),
        "summaries": SUMMARIES,
        "summary_count": len(SUMMARIES),
        "surnames": SURNAMES,
        "given": GIVEN_NAMES,
        "registrars": registrars,
        "registrar_count": len(registrars),
        "record_type": ContentType.objects.get_for_model(Complaint).pk,
    }
    tables = {
        "complaints": Complaint._meta.db_table,
        "counters": RegistrationCounter._meta.db_table,
        "deadlines": Deadline._meta.db_table,
        "spread": spread_sql("received_on"),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in (FILL_SQL, COUNTERS_SQL, TERMS_SQL):
            cursor.execute(sql.format(**tables), params)
    rows = (
        (pk, at, registrar, number, {"number": number, "channel": channel, "anonymous": kind == "anonymous"})
        for pk, at, registrar, number, channel, kind in Complaint.objects.filter(pk__gt=after_id)
        .order_by("pk")
        .values_list("pk", "received_at", "registered_by_id", "number", "channel", "applicant_kind")
        .iterator(chunk_size=5000)
    )
    events = audit_append_bulk(
        audit_events(rows, action="isd.complaint.registered", model=Complaint, department="ISD", names=actors(context))
    )
    analyze(Complaint, Deadline)
    return f"{count:,} complaints and their terms, {events:,} audit events"


def _regional(model, sql: str, fields: tuple, action: str, actor: str, count: int, context, **params) -> int:
    """Investigations or criminal cases over the 20 regions."""
    regions = list(Region.objects.order_by("code").values_list("pk", flat=True))
    params = {"regions": regions, "region_count": len(regions), **params}
    audit = (action, "ISD", context.people[actor].user_id)
    return insert_with_events(model, sql, params, count=count, context=context, audit=audit, fields=fields)


def generate_investigations(count: int, context: LoadContext) -> str:
    """Investigations ordered by the Chairman, a tenth under ISD 6.22; those of the last 40
    days under way, the others concluded with an outcome."""
    events = _regional(
        Investigation,
        INVESTIGATIONS_SQL,
        ("instruction_date", "number"),
        "isd.investigation.opened",
        "isd_head",
        count,
        context,
        chairman=context.people["chairman"].pk,
        head=context.people["isd_head"].user_id,
    )
    return f"{count:,} investigations, {events:,} audit events"


def generate_cases(count: int, context: LoadContext) -> str:
    """Criminal cases at every stage, four in five for corruption."""
    after_id = max_id(CriminalCase)
    events = _regional(
        CriminalCase,
        CASES_SQL,
        ("opened_on", "person"),
        "isd.criminal_case.entered",
        "isd_almaty",
        count,
        context,
        unit=context.people["isd_almaty"].user_id,
    )
    sql = CASE_STAGES_SQL.format(stages=CaseStage._meta.db_table, cases=CriminalCase._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, {"after": after_id})
    return f"{count:,} criminal cases with their stages, {events:,} audit events"


# Need-to-know grants given by the head the day after receipt, to the officers in turn, on
# complaints picked at random; one in twenty lapsed a month ago.
GRANTS_SQL = """
INSERT INTO {grants} (user_id, permission_id, content_object_id, granted_by_id, reason, granted_at, valid_until)
SELECT (%(officers)s::bigint[])[1 + c.rank %% %(officer_count)s], %(permission)s, c.id, %(head)s,
       'Assigned by the head (generated)',
       LEAST(now(), (c.received_on + 1 + time '11:00') AT TIME ZONE 'Asia/Almaty'),
       CASE WHEN c.rank %% 20 = 0 THEN now() - interval '30 days' END
FROM (SELECT id, received_on, row_number() OVER () AS rank
      FROM (SELECT id, received_on FROM {complaints} ORDER BY hashint8extended(id, %(seed)s) LIMIT %(count)s) AS p
) AS c
ON CONFLICT DO NOTHING
"""


def generate_grants(count: int, context: LoadContext) -> str:
    before = ComplaintGrant.objects.count()
    permission = Permission.objects.get(content_type__app_label="internal_security", codename="view_complaint")
    params = {
        "officers": [context.people[name].user_id for name in ("isd_officer", "isd_officer2")],
        "officer_count": 2,
        "permission": permission.pk,
        "head": context.people["isd_head"].user_id,
        "seed": before + 41,
        "count": count,
    }
    tables = {"grants": ComplaintGrant._meta.db_table, "complaints": Complaint._meta.db_table}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(GRANTS_SQL.format(**tables), params)
    analyze(ComplaintGrant)
    return f"{ComplaintGrant.objects.count() - before:,} need-to-know grants"


# Running terms for the reminder scan: due from 12 days ago to about four months ahead, one
# in ten overdue, spread over the ISD's officers, on the complaints that run none (a record
# runs one term of a kind at a time), oldest first.
RUNNING_TERMS_SQL = """
INSERT INTO {deadlines} (record_type_id, record_id, kind, department, legal_basis, started_on, due_on,
    original_due_on, responsible_id, state, extension_decision, extended_by_id, suspended_on, closed_on)
SELECT %(record_type)s, g.id::text, 'isd.appeal', 'ISD', 'АППК art. 76', g.d - 21, g.d, g.d,
       (%(officers)s::bigint[])[1 + g.n %% %(officer_count)s], 'open', '', NULL, NULL, NULL
FROM (
    SELECT c.id, c.n, %(today)s::date + ((c.n %% 120) - 12)::int AS d
    FROM (
        SELECT id, row_number() OVER (ORDER BY id) AS n FROM {complaints} AS c
        WHERE NOT EXISTS (
            SELECT 1 FROM {deadlines} AS t
            WHERE t.record_type_id = %(record_type)s AND t.record_id = c.id::text AND t.kind = 'isd.appeal'
              AND t.state IN ('open', 'extended')
        )
        ORDER BY id LIMIT %(size)s
    ) AS c
) AS g
"""


def generate_deadlines(count: int, context: LoadContext) -> str:
    officers = [context.people[name].user_id for name in ("isd_officer", "isd_officer2", "isd_almaty", "isd_deputy")]
    params = {
        "record_type": ContentType.objects.get_for_model(Complaint).pk,
        "officers": officers,
        "officer_count": len(officers),
        "today": context.today,
        "size": count,
    }
    tables = {"deadlines": Deadline._meta.db_table, "complaints": Complaint._meta.db_table}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(RUNNING_TERMS_SQL.format(**tables), params)
        written = cursor.rowcount
    analyze(Deadline)
    if written < count:
        return f"{written:,} running terms (every complaint runs one now: add complaints for more)"
    return f"{written:,} running terms"


# Threats and incidents over the 20 regions and every kind (ISD 6.1, 6.3, 6.4, 6.5): those of the
# last month being dealt with, the others closed with their outcome.
INCIDENTS_SQL = """
INSERT INTO {table} (kind, region_id, court, person, occurred_on, description, reported_by, law_enforcement,
    status, outcome, closed_on, registered_by_id, created_at)
SELECT (ARRAY['threat_judge', 'threat_family', 'building', 'hearing', 'interference'])[1 + n %% 5],
       (%(regions)s::bigint[])[1 + (n / 5) %% %(region_count)s],
       'Generated court ' || n %% 300,
       CASE WHEN n %% 5 IN (0, 1, 4) THEN 'Generated judge ' || (%(offset)s + n) ELSE '' END,
       day, 'Generated incident ' || (%(offset)s + n), 'Generated reporter', '',
       CASE WHEN day >= %(today)s::date - 30 THEN 'open' ELSE 'closed' END,
       CASE WHEN day >= %(today)s::date - 30 THEN '' ELSE 'Generated outcome' END,
       CASE WHEN day >= %(today)s::date - 30 THEN NULL ELSE day + 7 END,
       %(head)s, now()
FROM (SELECT n, {spread} FROM generate_series(1, %(size)s) AS n) AS g
"""

# One incident in a thousand given to isd_officer by the head (ISD 7).
INCIDENT_GRANTS_SQL = """
INSERT INTO {grants} (user_id, permission_id, content_object_id, granted_by_id, reason, granted_at, valid_until)
SELECT %(officer)s, %(permission)s, id, %(head)s, 'Assigned by the head (generated)', now(), NULL
FROM {incidents} WHERE id > %(after)s AND id %% 1000 = 0
ON CONFLICT DO NOTHING
"""


def generate_incidents(count: int, context: LoadContext) -> str:
    """Threats and incidents of ten years, one in a thousand granted to isd_officer."""
    after_id = max_id(SecurityIncident)
    head = context.people["isd_head"].user_id
    events = _regional(
        SecurityIncident,
        INCIDENTS_SQL,
        ("occurred_on", "kind"),
        "isd.incident.registered",
        "isd_head",
        count,
        context,
        head=head,
    )
    permission = Permission.objects.get(content_type__app_label="internal_security", codename="view_securityincident")
    params = {
        "officer": context.people["isd_officer"].user_id,
        "permission": permission.pk,
        "head": head,
        "after": after_id,
    }
    tables = {"grants": IncidentGrant._meta.db_table, "incidents": SecurityIncident._meta.db_table}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(INCIDENT_GRANTS_SQL.format(**tables), params)
    analyze(SecurityIncident, IncidentGrant)
    return f"{count:,} threats and incidents, {events:,} audit events"


LOAD_KINDS = [
    LoadKind("complaints", "complaints about corruption (with their АППК terms)", generate_complaints, order=20),
    LoadKind("investigations", "official investigations", generate_investigations, order=21),
    LoadKind("cases", "criminal cases of the registry", generate_cases, order=22),
    LoadKind("grants", "need-to-know grants of officers on complaints", generate_grants, order=23),
    LoadKind("incidents", "threats and incidents (one in a thousand granted)", generate_incidents, order=24),
    LoadKind("deadlines", "running terms for the reminder scan", generate_deadlines, order=30),
]
