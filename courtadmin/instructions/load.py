"""Synthetic instructions for `generate_load --instructions N` (courtadmin/core/load.py): ten
years of both departments' registers (seven in ten the IR's), numbered per department and year
after what the registers hold, given by the leadership or the head to the department's staff
in turn, every status by age, the lead executor of each, and the running terms of those on
execution; with the audit events of their giving."""

from django.db import connection, transaction

from courtadmin.core.load import LoadContext, LoadKind, analyze, department_events, max_id, rows_of, spread_sql
from courtadmin.core.models import RegisterCounter
from courtadmin.deadlines.models import Deadline
from courtadmin.org import departments

from .models import Instruction, InstructionExecutor
from .services import REGISTER

I = Instruction  # noqa: E741 - the model, as the other loads name theirs

FILL_SQL = """
INSERT INTO {table} (
    department, year, number, registration_number, parent_id, given_by_id, given_at, text, function, working_days,
    due_on, status, reported_on, return_reason, accepted_by_id, accepted_at, term_kept)
WITH g AS (
    SELECT n, {spread}, abs(hashint8extended(%(offset)s + n, 21)) AS h1, abs(hashint8extended(%(offset)s + n, 22)) AS h2
    FROM generate_series(1, %(size)s) AS n
), d AS (
    SELECT g.*, CASE WHEN h1 %% 10 < 7 THEN 'IR' ELSE 'ISD' END AS dept, %(today)s::date - day AS age,
           (h2 %% 100)::int AS r, extract(year FROM day)::int AS yr, day + 7 + (h1 %% 20)::int AS due
    FROM g
), s AS (
    SELECT d.*, CASE
        WHEN age < 30 THEN CASE WHEN r < 60 THEN 'on_execution' WHEN r < 70 THEN 'returned'
                                WHEN r < 85 THEN 'reported' ELSE 'accepted' END
        WHEN age < 365 THEN CASE WHEN r < 3 THEN 'on_execution' WHEN r < 5 THEN 'reported' ELSE 'accepted' END
        ELSE 'accepted' END AS status,
        row_number() OVER (PARTITION BY dept, yr ORDER BY n) + COALESCE(e.last, 0) AS num
    FROM d LEFT JOIN (SELECT department, year, max(number) AS last FROM {table} GROUP BY 1, 2) AS e
         ON e.department = d.dept AND e.year = d.yr
)
SELECT dept, yr, num, 'П-' || num || '/' || yr, NULL,
       CASE WHEN h1 %% 7 = 0 THEN %(ca_head)s WHEN dept = 'IR' THEN %(ir_head)s ELSE %(isd_head)s END,
       (day + time '10:00') AT TIME ZONE 'Asia/Almaty',
       'Generated instruction ' || (%(offset)s + n) || ': подготовить информацию',
       CASE WHEN dept = 'ISD' THEN (%(isd_functions)s::text[])[1 + h2 %% cardinality(%(isd_functions)s::text[])]
            ELSE '' END,
       NULL, due, status,
       CASE WHEN status IN ('reported', 'accepted') THEN due - 3 + (h2 %% 6)::int END,
       CASE WHEN status = 'returned' THEN 'Дополнить' ELSE '' END,
       CASE WHEN status = 'accepted' THEN CASE WHEN dept = 'IR' THEN %(ir_head)s ELSE %(isd_head)s END END,
       CASE WHEN status = 'accepted' THEN (due + 4 + time '11:00') AT TIME ZONE 'Asia/Almaty' END,
       CASE WHEN status = 'accepted' THEN (h2 %% 6) <= 3 END
FROM s
"""

EXECUTORS_SQL = """
INSERT INTO {executors} (instruction_id, user_id, is_lead)
SELECT i.id, CASE WHEN i.department = 'IR' THEN (%(ir_staff)s::bigint[])[1 + i.id %% 3]
                  ELSE (%(isd_staff)s::bigint[])[1 + i.id %% 3] END, true
FROM {table} AS i WHERE i.id > %(after_id)s
"""

TERMS_SQL = """
INSERT INTO {deadlines} (
    record_type_id, record_id, kind, department, legal_basis, started_on, due_on, original_due_on,
    responsible_id, state, extension_decision, extended_by_id, suspended_on, closed_on)
SELECT %(record_type)s, i.id::text, lower(i.department) || '.instruction', i.department,
       CASE WHEN i.department = 'IR' THEN 'IR 11' ELSE 'ISD 9' END, (i.given_at AT TIME ZONE 'Asia/Almaty')::date,
       i.due_on, i.due_on, x.user_id, 'open', '', NULL, NULL, NULL
FROM {table} AS i JOIN {executors} AS x ON x.instruction_id = i.id AND x.is_lead
WHERE i.id > %(after_id)s AND i.status IN ('on_execution', 'returned')
"""

COUNTERS_SQL = """
INSERT INTO {counters} (register, department, year, last_number)
SELECT %(register)s, department, year, max(number) FROM {table} GROUP BY 1, 2, 3
ON CONFLICT (register, department, year) DO UPDATE SET last_number = EXCLUDED.last_number
"""


def generate_instructions(count: int, context: LoadContext) -> str:
    from django.contrib.contenttypes.models import ContentType

    after_id = max_id(I)
    user = {name: person.user_id for name, person in context.people.items()}
    params = {
        "today": context.today,
        "size": count,
        "offset": after_id,
        "after_id": after_id,
        "ca_head": user["ca_head"],
        "ir_head": user["ir_head"],
        "isd_head": user["isd_head"],
        # Each department's staff executes its instructions in turn.
        "ir_staff": [user[name] for name in ("ir_officer", "ir_deputy_protocol", "ir_deputy_legal")],
        "isd_staff": [user[name] for name in ("isd_officer", "isd_officer2", "isd_almaty")],
        # ISD 14: an ISD instruction names the function of ISD 6 it serves, in turn.
        "isd_functions": [code for code, _label in departments.department("ISD").functions],
        "record_type": ContentType.objects.get_for_model(I).pk,
        "register": REGISTER,
    }
    tables = {
        "table": I._meta.db_table,
        "executors": InstructionExecutor._meta.db_table,
        "deadlines": Deadline._meta.db_table,
        "counters": RegisterCounter._meta.db_table,
        "spread": spread_sql(),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in (FILL_SQL, EXECUTORS_SQL, TERMS_SQL, COUNTERS_SQL):
            cursor.execute(sql.format(**tables), params)
    events = department_events(
        I,
        lambda code: (
            (pk, at, actor, number, {"number": number})
            for pk, at, actor, number in rows_of(
                I.objects.filter(pk__gt=after_id, department=code),
                "pk",
                "given_at",
                "given_by_id",
                "registration_number",
            )
        ),
        action="instructions.instruction.give",
        context=context,
    )
    analyze(I, InstructionExecutor, Deadline)
    return f"{count:,} instructions with their lead executors and running terms, {events:,} audit events"


LOAD_KIND = LoadKind("instructions", "instructions of both departments", generate_instructions, order=61)
