"""Synthetic outgoing documents for `generate_load --documents N` (courtadmin/core/load.py): ten
years of both departments' outgoing journals (seven in ten documents the IR's), every kind a
department signs that is bound to no case, numbered per department and year without a gap
after what the journals hold (the registration number as the settings format it), written by
the department's staff in turn, signed by the post that signs the kind (IR 13, ISD 15) and
sent, a few of the last month's signed and not yet sent; each with its Kazakh and Russian
versions, its signature and the audit event of its signing."""

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation

from courtadmin.core.load import LoadContext, LoadKind, analyze, department_events, max_id, rows_of, spread_sql
from courtadmin.core.models import RegisterCounter
from courtadmin.org.authority import signers

from .kinds import kinds_of
from .models import Document, DocumentVersion, Signature

D = Document
REGISTER = "documents.outgoing"
# The kinds bound to a case (an answer to a complainant, an investigation's conclusion) are the
# ISD's own records' business: the load writes the journal's letters, reports and proposals.
BOUND_TO_A_CASE = ("isd.complainant_answer", "isd.investigation_conclusion")
ADDRESSEES = [
    "Министерство иностранных дел Республики Казахстан",
    "Embassy of the Republic of Korea in Astana",
    "Supreme Court of the Republic of Türkiye",
    "Верховный суд Кыргызской Республики",
    "Council of Europe, CEPEJ",
    "Алматы қалалық соты",
    "Агентство по противодействию коррупции",
    "Председателю Верховного Суда Республики Казахстан",
    "Сот әкімшілігінің Астана қаласы бойынша департаменті",
    "UNDP in Kazakhstan",
]
SUBJECTS = [
    "On the visit of a judicial delegation",
    "О направлении поручения об оказании правовой помощи",
    "Халықаралық конференцияға қатысу туралы",
    "О проведении семинара для судей",
    "Memorandum of understanding on judicial cooperation",
    "Сот статистикасы туралы ақпарат",
    "О результатах служебной проверки",
    "Information on court efficiency indicators",
]

FILL_SQL = """
INSERT INTO {table} (
    department, kind, subject, addressee, marking, language, status, round, author_id, created_at, record_type_id,
    record_id, corrects_id, year, number, registration_number, registered_at, sent_on, sent_note, channel,
    pdf_status, pdf_file, pdf_sha256, pdf_error, pdf_attempts, verification_token)
WITH g AS (
    SELECT n, {spread}, abs(hashint8extended(%(offset)s + n, 41)) AS h1, abs(hashint8extended(%(offset)s + n, 42)) AS h2
    FROM generate_series(1, %(size)s) AS n
), d AS (
    SELECT g.*, CASE WHEN h1 %% 10 < 7 THEN 'IR' ELSE 'ISD' END AS dept, %(today)s::date - day AS age,
           (h2 %% 100)::int AS r, extract(year FROM day)::int AS yr
    FROM g
), k AS (
    SELECT d.*, CASE WHEN dept = 'IR' THEN 1 + (h1 / 10 %% %(ir_kinds)s)::int
                     ELSE 1 + %(ir_kinds)s + (h1 / 10 %% %(isd_kinds)s)::int END AS k,
           CASE WHEN age < 30 AND r < 5 THEN 'signed' ELSE 'sent' END AS status,
           row_number() OVER (PARTITION BY dept, yr ORDER BY n) + COALESCE(e.last, 0) AS num
    FROM d LEFT JOIN (SELECT department, year, max(number) AS last FROM {table} WHERE number IS NOT NULL
                      GROUP BY 1, 2) AS e ON e.department = d.dept AND e.year = d.yr
)
SELECT dept, (%(kinds)s::text[])[k],
       (%(subjects)s::text[])[1 + (h2 / 100 %% %(subject_count)s)::int] || ' (' || (%(offset)s + n) || ')',
       (%(addressees)s::text[])[1 + (h1 / 1000 %% %(addressee_count)s)::int],
       CASE WHEN h2 %% 20 = 0 THEN 'official_use' ELSE 'ordinary' END, '', status, 1,
       CASE WHEN dept = 'IR' THEN (%(ir_staff)s::bigint[])[1 + n %% 3] ELSE (%(isd_staff)s::bigint[])[1 + n %% 3] END,
       (day - (h2 %% 5)::int + time '09:00') AT TIME ZONE 'Asia/Almaty', NULL, '', NULL,
       yr, num, replace(replace(CASE WHEN dept = 'IR' THEN %(ir_format)s ELSE %(isd_format)s END,
                                '{{number}}', num::text), '{{year}}', yr::text),
       (day + time '11:00') AT TIME ZONE 'Asia/Almaty',
       CASE WHEN status = 'sent' THEN least(day + (h2 %% 3)::int, %(today)s::date) END, '',
       CASE WHEN status = 'sent' THEN (ARRAY['post', 'email', 'courier', 'diplomatic', 'edms'])[1 + h2 / 10 %% 5]
            ELSE '' END,
       'none', '', '', '', 0, md5('generated document ' || (%(offset)s + n))
FROM k
"""

VERSIONS_SQL = """
INSERT INTO {versions} (document_id, language, text)
SELECT d.id, v.language,
       CASE v.language WHEN 'kk' THEN 'Құрметті әріптестер! ' ELSE 'Уважаемые коллеги! ' END || d.subject
FROM {table} AS d CROSS JOIN (VALUES ('kk'), ('ru')) AS v (language)
WHERE d.id > %(after_id)s
"""

SIGNATURES_SQL = """
INSERT INTO {signatures} (
    document_id, signer_id, person_id, capacity, appointment_id, clause, signer_name_kk, signer_name_ru,
    capacity_kk, capacity_ru, signed_at, certificate_id, backend, certificate_subject, certificate_issuer,
    certificate_serial, iin, revocation_status, verified_by)
SELECT d.id, (%(signer)s::bigint[])[k], (%(person)s::bigint[])[k], (%(capacity)s::text[])[k], NULL,
       (%(clause)s::text[])[k], (%(name_kk)s::text[])[k], (%(name_ru)s::text[])[k], (%(capacity_kk)s::text[])[k],
       (%(capacity_ru)s::text[])[k], d.registered_at, NULL, %(backend)s, '', '', '', '', '', ''
FROM {table} AS d CROSS JOIN LATERAL (SELECT array_position(%(kinds)s::text[], d.kind::text) AS k) AS x
WHERE d.id > %(after_id)s
"""

COUNTERS_SQL = """
INSERT INTO {counters} (register, department, year, last_number)
SELECT %(register)s, department, year, max(number) FROM {table} WHERE number IS NOT NULL GROUP BY 1, 2, 3
ON CONFLICT (register, department, year) DO UPDATE SET last_number = EXCLUDED.last_number
"""


def _signing(context: LoadContext) -> dict:
    """Each kind the load writes, by department (IR first), with who signs it in his own right
    today and in what capacity, as the Signature keeps it: arrays indexed alike."""
    kinds = {
        department: [k for k in kinds_of(department) if k.code not in BOUND_TO_A_CASE] for department in ("IR", "ISD")
    }
    columns = {key: [] for key in ("kinds", "signer", "person", "capacity", "clause", "name_kk", "name_ru",
                                   "capacity_kk", "capacity_ru")}  # fmt: skip
    for kind in kinds["IR"] + kinds["ISD"]:
        decision = next(d for d in signers(kind.department, kind.line_of_work, at=context.today) if not d.appointment)
        person, capacity = decision.person, decision.capacity_by_language()
        for key, value in (
            ("kinds", kind.code),
            ("signer", person.user_id),
            ("person", person.pk),
            ("capacity", decision.capacity),
            ("clause", decision.clause),
            ("name_kk", person.full_name_kk or person.full_name),
            ("name_ru", person.full_name_ru or person.full_name),
            ("capacity_kk", capacity["kk"]),
            ("capacity_ru", capacity["ru"]),
        ):
            columns[key].append(value)
    return {"ir_kinds": len(kinds["IR"]), "isd_kinds": len(kinds["ISD"]), **columns}


def generate_documents(count: int, context: LoadContext) -> str:
    from courtadmin.documents.signing import signing_backend

    after_id = max_id(D)
    user = {name: person.user_id for name, person in context.people.items()}
    formats = {
        department: settings.DOCUMENT_NUMBER_FORMATS[department].replace("{department}", department)
        for department in ("IR", "ISD")
    }
    with translation.override(settings.LANGUAGE_CODE):
        signing = _signing(context)
    params = {
        "today": context.today,
        "size": count,
        "offset": after_id,
        "after_id": after_id,
        "subjects": SUBJECTS,
        "subject_count": len(SUBJECTS),
        "addressees": ADDRESSEES,
        "addressee_count": len(ADDRESSEES),
        # Each department's staff writes its documents in turn.
        "ir_staff": [user[name] for name in ("ir_officer", "ir_deputy_protocol", "ir_deputy_legal")],
        "isd_staff": [user[name] for name in ("isd_officer", "isd_officer2", "isd_deputy")],
        "ir_format": formats["IR"],
        "isd_format": formats["ISD"],
        "backend": signing_backend().name,
        "register": REGISTER,
        **signing,
    }
    tables = {
        "table": D._meta.db_table,
        "versions": DocumentVersion._meta.db_table,
        "signatures": Signature._meta.db_table,
        "counters": RegisterCounter._meta.db_table,
        "spread": spread_sql(),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in (FILL_SQL, VERSIONS_SQL, SIGNATURES_SQL, COUNTERS_SQL):
            cursor.execute(sql.format(**tables), params)
    events = department_events(
        D,
        lambda code: (
            (pk, at, actor, number, {"status": "signed", "number": number})
            for pk, at, actor, number in rows_of(
                D.objects.filter(pk__gt=after_id, department=code),
                "pk",
                "registered_at",
                "signature__signer_id",
                "registration_number",
            )
        ),
        action="document.sign",
        context=context,
    )
    analyze(D, DocumentVersion, Signature)
    return f"{count:,} signed outgoing documents with their versions and signatures, {events:,} audit events"


LOAD_KIND = LoadKind("documents", "outgoing documents of both departments", generate_documents, order=62)
