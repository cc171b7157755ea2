"""Synthetic requests for `generate_load --datarequests N` (courtadmin/core/load.py): ten years
of both departments' registers (seven in ten requests the IR's), drafted by the department's
staff in turn to the units it may address (subdivisions, territorial offices, local courts),
sent by its head and numbered at sending per department and year without a gap after what the
registers hold, every status by age (drafts, with the unit, answered, returned, accepted on
time or late), answered by the unit's person where the organisation has one, the running
terms of those not yet accepted (on the one who drafted them), and the audit events of their
drafting or sending."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import translation

from courtadmin.core.load import LoadContext, LoadKind, analyze, department_events, max_id, rows_of, spread_sql
from courtadmin.core.models import RegisterCounter
from courtadmin.deadlines.kinds import get_deadline_kind
from courtadmin.deadlines.models import Deadline
from courtadmin.org.authority import signers

from .models import DataRequest
from .selectors import addressable_units, term_kind

R = DataRequest
REGISTER = "datarequests"
SUBJECTS = [
    ("Данные для анкеты CEPEJ", "Прошу представить данные о нагрузке на судей для анкеты CEPEJ."),
    ("Сот статистикасы", "Соттардың жүктемесі туралы статистикалық деректерді ұсынуыңызды сұраймын."),
    ("Перечень договоров о правовой помощи", "Прошу представить перечень международных договоров."),
    ("Information on foreign delegations", "Please provide the list of foreign delegations received."),
    ("Қызметтік тексеру материалдары", "Қызметтік тексеру материалдарының көшірмелерін ұсынуды сұраймын."),
    ("Сведения о дисциплинарных проступках", "Прошу представить сведения о проступках за полугодие."),
    ("Правовое заключение по меморандуму", "Прошу представить правовое заключение по проекту меморандума."),
    ("Analytics on case processing times", "Please provide the analytics on case processing times."),
]

FILL_SQL = """
INSERT INTO {table} (
    department, year, number, registration_number, unit_id, recipient_id, subject, text, legal_basis, working_days,
    due_on, record_type_id, record_id, status, drafted_by_id, drafted_at, sent_by_id, sent_at, sent_capacity_kk,
    sent_capacity_ru, answer, answered_by_id, answered_at, answered_on, return_reason, accepted_by_id, accepted_at,
    term_kept)
WITH g AS (
    SELECT n, {spread}, abs(hashint8extended(%(offset)s + n, 51)) AS h1, abs(hashint8extended(%(offset)s + n, 52)) AS h2
    FROM generate_series(1, %(size)s) AS n
), d AS (
    SELECT g.*, CASE WHEN h1 %% 10 < 7 THEN 'IR' ELSE 'ISD' END AS dept, %(today)s::date - day AS age,
           (h2 %% 100)::int AS r, extract(year FROM day)::int AS yr, (5 + h1 / 10 %% 16)::int AS wd,
           (1 + h2 / 100 %% %(subject_count)s)::int AS t
    FROM g
), s AS (
    SELECT d.*, CASE
        WHEN age < 30 THEN CASE WHEN r < 5 THEN 'draft' WHEN r < 45 THEN 'sent' WHEN r < 55 THEN 'returned'
                                WHEN r < 75 THEN 'answered' ELSE 'accepted' END
        WHEN age < 365 THEN CASE WHEN r < 3 THEN 'sent' WHEN r < 5 THEN 'answered' ELSE 'accepted' END
        ELSE 'accepted' END AS status,
        CASE WHEN dept = 'IR' THEN (%(ir_units)s::bigint[])[1 + h1 / 1000 %% %(ir_unit_count)s]
             ELSE (%(isd_units)s::bigint[])[1 + h1 / 1000 %% %(isd_unit_count)s] END AS unit,
        day + (wd * 7 / 5) AS due
    FROM d
), a AS (
    SELECT s.*, least(day + (h2 / 10 %% (wd * 7 / 5 + 5))::int, %(today)s::date) AS answered
    FROM s
), c AS (
    SELECT a.*, CASE WHEN status <> 'draft'
                     THEN row_number() OVER (PARTITION BY dept, yr, status = 'draft' ORDER BY n) + COALESCE(e.last, 0)
                END AS num
    FROM a LEFT JOIN (SELECT department, year, max(number) AS last FROM {table} WHERE number IS NOT NULL
                      GROUP BY 1, 2) AS e ON e.department = a.dept AND e.year = a.yr
)
SELECT dept, CASE WHEN num IS NOT NULL THEN yr END, num, COALESCE('ЗП-' || num || '/' || yr, ''), unit, NULL,
       (%(subjects)s::text[])[t] || ' (' || (%(offset)s + n) || ')', (%(texts)s::text[])[t],
       CASE WHEN dept = 'IR' THEN 'IR 5.1' ELSE 'ISD 5.6, ISD 12' END, wd,
       CASE WHEN status <> 'draft' THEN due END, NULL, '', status,
       CASE WHEN dept = 'IR' THEN (%(ir_staff)s::bigint[])[1 + n %% 3] ELSE (%(isd_staff)s::bigint[])[1 + n %% 3] END,
       (day - (h2 %% 3)::int + time '09:30') AT TIME ZONE 'Asia/Almaty',
       CASE WHEN status <> 'draft' THEN CASE WHEN dept = 'IR' THEN %(ir_head)s ELSE %(isd_head)s END END,
       CASE WHEN status <> 'draft' THEN (day + time '10:00') AT TIME ZONE 'Asia/Almaty' END,
       CASE WHEN status = 'draft' THEN '' WHEN dept = 'IR' THEN %(ir_capacity_kk)s ELSE %(isd_capacity_kk)s END,
       CASE WHEN status = 'draft' THEN '' WHEN dept = 'IR' THEN %(ir_capacity_ru)s ELSE %(isd_capacity_ru)s END,
       CASE WHEN status IN ('answered', 'returned', 'accepted') THEN 'Направляем запрошенные сведения.' ELSE '' END,
       CASE WHEN status IN ('answered', 'returned', 'accepted')
            THEN (SELECT p.user_id FROM unnest(%(answer_units)s::bigint[], %(answer_users)s::bigint[])
                                        AS p (unit_id, user_id)
                  WHERE p.unit_id = c.unit) END,
       CASE WHEN status IN ('answered', 'returned', 'accepted')
            THEN (answered + time '15:00') AT TIME ZONE 'Asia/Almaty' END,
       CASE WHEN status IN ('answered', 'returned', 'accepted') THEN answered END,
       CASE WHEN status = 'returned' THEN 'Дополнить ответ сведениями за весь период' ELSE '' END,
       CASE WHEN status = 'accepted' THEN CASE WHEN dept = 'IR' THEN %(ir_head)s ELSE %(isd_head)s END END,
       CASE WHEN status = 'accepted'
            THEN (least(answered + 1, %(today)s::date) + time '12:00') AT TIME ZONE 'Asia/Almaty' END,
       CASE WHEN status = 'accepted' THEN answered <= due END
FROM c
"""

TERMS_SQL = """
INSERT INTO {deadlines} (
    record_type_id, record_id, kind, department, legal_basis, started_on, due_on, original_due_on,
    responsible_id, state, extension_decision, extended_by_id, suspended_on, closed_on)
SELECT %(record_type)s, r.id::text, lower(r.department) || '.datarequest', r.department,
       CASE WHEN r.department = 'IR' THEN %(ir_basis)s ELSE %(isd_basis)s END,
       (r.sent_at AT TIME ZONE 'Asia/Almaty')::date, r.due_on, r.due_on, COALESCE(r.recipient_id, r.drafted_by_id),
       'open', '', NULL, NULL, NULL
FROM {table} AS r
WHERE r.id > %(after_id)s AND r.status IN ('sent', 'returned', 'answered')
"""

COUNTERS_SQL = """
INSERT INTO {counters} (register, department, year, last_number)
SELECT %(register)s, department, year, max(number) FROM {table} WHERE number IS NOT NULL GROUP BY 1, 2, 3
ON CONFLICT (register, department, year) DO UPDATE SET last_number = EXCLUDED.last_number
"""


def _senders(context: LoadContext) -> dict:
    """The head of each department, who sends its requests, and his capacity as a request keeps it."""
    said = {}
    for department in ("IR", "ISD"):
        decision = next(d for d in signers(department, at=context.today) if not d.appointment)
        capacity = decision.capacity_by_language()
        said[f"{department.lower()}_head"] = decision.person.user_id
        said[f"{department.lower()}_capacity_kk"] = capacity["kk"]
        said[f"{department.lower()}_capacity_ru"] = capacity["ru"]
    return said


def generate_datarequests(count: int, context: LoadContext) -> str:
    after_id = max_id(R)
    user = {name: person.user_id for name, person in context.people.items()}
    units = {
        department: list(addressable_units(department).values_list("pk", flat=True)) for department in ("IR", "ISD")
    }
    # Who answers for a unit: the demo organisation's person in it, where it has one.
    answerers = {}
    for person in sorted(context.people.values(), key=lambda person: person.pk):
        if person.position is not None:
            answerers.setdefault(person.position.unit_id, person.user_id)
    with translation.override(settings.LANGUAGE_CODE):  # the term's basis in the state language
        basis = {department: str(get_deadline_kind(term_kind(department)).legal_basis) for department in ("IR", "ISD")}
    params = {
        "today": context.today,
        "size": count,
        "offset": after_id,
        "after_id": after_id,
        "subjects": [subject for subject, _text in SUBJECTS],
        "texts": [text for _subject, text in SUBJECTS],
        "subject_count": len(SUBJECTS),
        "ir_units": units["IR"],
        "ir_unit_count": len(units["IR"]),
        "isd_units": units["ISD"],
        "isd_unit_count": len(units["ISD"]),
        "answer_units": list(answerers),
        "answer_users": list(answerers.values()),
        # Each department's staff drafts its requests in turn; its head sends them.
        "ir_staff": [user[name] for name in ("ir_officer", "ir_deputy_protocol", "ir_deputy_legal")],
        "isd_staff": [user[name] for name in ("isd_officer", "isd_officer2", "isd_almaty")],
        **_senders(context),
        "ir_basis": basis["IR"],
        "isd_basis": basis["ISD"],
        "record_type": ContentType.objects.get_for_model(R).pk,
        "register": REGISTER,
    }
    tables = {
        "table": R._meta.db_table,
        "deadlines": Deadline._meta.db_table,
        "counters": RegisterCounter._meta.db_table,
        "spread": spread_sql(),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in (FILL_SQL, TERMS_SQL, COUNTERS_SQL):
            cursor.execute(sql.format(**tables), params)
    written = R.objects.filter(pk__gt=after_id)
    events = department_events(
        R,
        lambda code: (
            (pk, at, actor, subject, {"unit": unit, "recipient": None, "record": ""})
            for pk, at, actor, subject, unit in rows_of(
                written.filter(department=code, status=R.Status.DRAFT),
                "pk",
                "drafted_at",
                "drafted_by_id",
                "subject",
                "unit_id",
            )
        ),
        action="datarequests.request.created",
        context=context,
    ) + department_events(
        R,
        lambda code: (
            (pk, at, actor, number, {"status": "sent", "number": number, "due_on": due.isoformat()})
            for pk, at, actor, number, due in rows_of(
                written.filter(department=code).exclude(status=R.Status.DRAFT),
                "pk",
                "sent_at",
                "sent_by_id",
                "registration_number",
                "due_on",
            )
        ),
        action="datarequests.request.send",
        context=context,
    )
    analyze(R, Deadline)
    return f"{count:,} requests with their running terms, {events:,} audit events"


LOAD_KIND = LoadKind("datarequests", "requests of both departments to units", generate_datarequests, order=63)
