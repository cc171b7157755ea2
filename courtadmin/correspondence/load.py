"""Synthetic incoming letters for `generate_load --letters N` (courtadmin/core/load.py): ten
years of both departments' journals (seven in ten letters the IR's), numbered per department
and year without a gap after what the journals hold, every status by the letter's age, the
resolutions and executors of those given for execution, the running terms of those still on
execution (about one in five of them overdue), and the audit events of their registration."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from courtadmin.core.load import LoadContext, LoadKind, analyze, department_events, max_id, rows_of, spread_sql
from courtadmin.core.models import RegisterCounter
from courtadmin.deadlines.models import Deadline

from .models import IncomingLetter, LetterExecutor, LetterResolution
from .services import REGISTER

L = IncomingLetter
SENDERS = [
    ("foreign_court", "Supreme Court of the Republic of Korea"),
    ("foreign_court", "Верховный суд Российской Федерации"),
    ("foreign_court", "Верховный суд Кыргызской Республики"),
    ("foreign_body", "Ministry of Justice of the Republic of Türkiye"),
    ("embassy", "Embassy of Japan in Astana"),
    ("embassy", "Посольство Республики Узбекистан"),
    ("international_organisation", "Council of Europe, CEPEJ"),
    ("international_organisation", "UNDP in Kazakhstan"),
    ("kazakh_body", "Министерство иностранных дел Республики Казахстан"),
    ("kazakh_body", "Агентство по противодействию коррупции"),
    ("ca_subdivision", "Юридический отдел Судебной администрации"),
    ("kazakh_court", "Алматинский городской суд"),
]
SUBJECTS = [
    "Exchange of judicial delegations",
    "Invitation to an international conference on court efficiency",
    "О направлении информации по исполнению рекомендаций",
    "Сот төрелігінің тиімділігі туралы сауалнама",
    "О проведении семинара для судей",
    "Request for information on court statistics",
    "О предоставлении сведений по обращению",
    "Memorandum of understanding: draft for comments",
]

FILL_SQL = """
INSERT INTO {table} (
    department, year, number, registration_number, received_on, channel, sender_kind, sender_name, sender_number,
    sender_date, language, subject, text, marking, status, registered_by_id, registered_at, report, reported_by_id,
    reported_at, return_reason, closed_by_id, closed_at, term_kept)
WITH g AS (
    SELECT n, {spread}, abs(hashint8extended(%(offset)s + n, 11)) AS h1, abs(hashint8extended(%(offset)s + n, 12)) AS h2
    FROM generate_series(1, %(size)s) AS n
), d AS (
    SELECT g.*, CASE WHEN h1 %% 10 < 7 THEN 'IR' ELSE 'ISD' END AS dept, %(today)s::date - day AS age,
           (h2 %% 100)::int AS r, extract(year FROM day)::int AS yr, (1 + h1 / 10 %% %(sender_count)s)::int AS s,
           (1 + h2 / 100 %% %(subject_count)s)::int AS t
    FROM g
), s AS (
    SELECT d.*, CASE
        WHEN age < 20 THEN CASE WHEN r < 20 THEN 'registered' WHEN r < 75 THEN 'on_execution'
                                WHEN r < 90 THEN 'executed' ELSE 'closed' END
        WHEN age < 365 THEN CASE WHEN r < 3 THEN 'on_execution' WHEN r < 5 THEN 'executed' ELSE 'closed' END
        ELSE 'closed' END AS status,
        row_number() OVER (PARTITION BY dept, yr ORDER BY n) + COALESCE(e.last, 0) AS num
    FROM d LEFT JOIN (SELECT department, year, max(number) AS last FROM {table} GROUP BY 1, 2) AS e
         ON e.department = d.dept AND e.year = d.yr
)
SELECT dept, yr, num, 'ВХ-' || num || '/' || yr, day,
       (ARRAY['post', 'email', 'courier', 'diplomatic', 'edms'])[1 + h1 %% 5],
       (%(sender_kinds)s::text[])[s], (%(sender_names)s::text[])[s], 'G-' || (%(offset)s + n),
       day - (h2 %% 9)::int, (ARRAY['ru', 'kk', 'en', 'other'])[1 + h2 %% 4],
       (%(subjects)s::text[])[t] || ' (' || (%(offset)s + n) || ')', '',
       CASE WHEN h2 %% 20 = 0 THEN 'official_use' ELSE 'ordinary' END, status,
       CASE WHEN dept = 'IR' THEN (%(ir_staff)s::bigint[])[1 + n %% 3] ELSE (%(isd_staff)s::bigint[])[1 + n %% 3] END,
       (day + time '10:00') AT TIME ZONE 'Asia/Almaty',
       CASE WHEN status IN ('executed', 'closed') THEN 'Исполнено' ELSE '' END,
       CASE WHEN status IN ('executed', 'closed') THEN CASE WHEN dept = 'IR' THEN (%(ir_staff)s::bigint[])[1 + h2 %% 3]
                                                          ELSE (%(isd_staff)s::bigint[])[1 + h2 %% 3] END END,
       CASE WHEN status IN ('executed', 'closed') THEN (day + 4 + (h1 %% 9)::int + time '16:00')
                                                       AT TIME ZONE 'Asia/Almaty' END,
       '',
       CASE WHEN status = 'closed' THEN CASE WHEN dept = 'IR' THEN %(ir_head)s ELSE %(isd_head)s END END,
       CASE WHEN status = 'closed' THEN (day + 6 + (h1 %% 9)::int + time '11:00') AT TIME ZONE 'Asia/Almaty' END,
       CASE WHEN status = 'closed' THEN h1 %% 12 <> 0 END
FROM s
"""

RESOLUTIONS_SQL = """
INSERT INTO {resolutions} (letter_id, given_by_id, given_at, text, working_days, due_on)
SELECT l.id, CASE WHEN l.department = 'IR' THEN %(ir_head)s ELSE %(isd_head)s END, l.registered_at + interval '2 hours',
       'Рассмотреть и подготовить ответ', 10, l.received_on + 14 - (CASE WHEN l.id %% 5 = 0 THEN 25 ELSE 0 END)
FROM {letters} AS l WHERE l.id > %(after_id)s AND l.status <> 'registered'
"""

EXECUTORS_SQL = """
INSERT INTO {executors} (letter_id, user_id, is_lead)
SELECT l.id, l.reported_by_id, true
FROM {letters} AS l WHERE l.id > %(after_id)s AND l.status IN ('executed', 'closed')
UNION ALL
SELECT l.id, CASE WHEN l.department = 'IR' THEN (%(ir_staff)s::bigint[])[1 + l.id %% 3]
                  ELSE (%(isd_staff)s::bigint[])[1 + l.id %% 3] END, true
FROM {letters} AS l WHERE l.id > %(after_id)s AND l.status = 'on_execution'
"""

TERMS_SQL = """
INSERT INTO {deadlines} (
    record_type_id, record_id, kind, department, legal_basis, started_on, due_on, original_due_on,
    responsible_id, state, extension_decision, extended_by_id, suspended_on, closed_on)
SELECT %(record_type)s, l.id::text, lower(l.department) || '.letter', l.department,
       CASE WHEN l.department = 'IR' THEN 'IR 11' ELSE 'ISD 9' END, l.received_on, r.due_on, r.due_on,
       x.user_id, 'open', '', NULL, NULL, NULL
FROM {letters} AS l JOIN {resolutions} AS r ON r.letter_id = l.id
JOIN {executors} AS x ON x.letter_id = l.id AND x.is_lead
WHERE l.id > %(after_id)s AND l.status = 'on_execution'
"""

COUNTERS_SQL = """
INSERT INTO {counters} (register, department, year, last_number)
SELECT %(register)s, department, year, max(number) FROM {letters} GROUP BY 1, 2, 3
ON CONFLICT (register, department, year) DO UPDATE SET last_number = EXCLUDED.last_number
"""


def generate_letters(count: int, context: LoadContext) -> str:
    after_id = max_id(L)
    user = {name: person.user_id for name, person in context.people.items()}
    params = {
        "today": context.today,
        "size": count,
        "offset": after_id,
        "after_id": after_id,
        "sender_kinds": [kind for kind, _name in SENDERS],
        "sender_names": [name for _kind, name in SENDERS],
        "sender_count": len(SENDERS),
        "subjects": SUBJECTS,
        "subject_count": len(SUBJECTS),
        # Each department's staff registers and executes its letters in turn.
        "ir_staff": [user[name] for name in ("ir_officer", "ir_deputy_protocol", "ir_deputy_legal")],
        "isd_staff": [user[name] for name in ("isd_officer", "isd_officer2", "isd_deputy")],
        "ir_head": user["ir_head"],
        "isd_head": user["isd_head"],
        "record_type": ContentType.objects.get_for_model(L).pk,
        "register": REGISTER,
    }
    tables = {
        "table": L._meta.db_table,
        "letters": L._meta.db_table,
        "resolutions": LetterResolution._meta.db_table,
        "executors": LetterExecutor._meta.db_table,
        "deadlines": Deadline._meta.db_table,
        "counters": RegisterCounter._meta.db_table,
        "spread": spread_sql(),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in (FILL_SQL, RESOLUTIONS_SQL, EXECUTORS_SQL, TERMS_SQL, COUNTERS_SQL):
            cursor.execute(sql.format(**tables), params)
    fields = ("pk", "registered_at", "registered_by_id", "registration_number", "channel", "marking")
    events = department_events(
        L,
        lambda code: (
            (pk, at, actor, number, {"number": number, "channel": channel, "marking": marking})
            for pk, at, actor, number, channel, marking in rows_of(
                L.objects.filter(pk__gt=after_id, department=code), *fields
            )
        ),
        action="correspondence.letter.registered",
        context=context,
    )
    analyze(L, LetterResolution, LetterExecutor, Deadline)
    return f"{count:,} incoming letters with their resolutions and running terms, {events:,} audit events"


LOAD_KIND = LoadKind("letters", "incoming letters of both departments", generate_letters, order=60)
