"""`la_list` and `la_figures`: the legal-assistance registry's list page (50 rows a page) and
its figures page over 1,000,000 requests, each requested in full through Django's test client
signed in as the IR officer, against the same page's SELECT statements replayed bare through
a cursor (the database's share of the page). Target: every case under 1 s."""

import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courtadmin.accounts.middleware import DONE, SECOND_FACTOR_KEY
from courtadmin.deadlines.models import Deadline
from courtadmin.org.demo import build_demo_organisation
from international.models import Country, ForeignAuthority, KazakhCourt, LegalAssistanceRequest, TreatyBasis

from .harness import Result, compare

R = LegalAssistanceRequest
SIZE = 1_000_000
DAYS = 3653  # ten years of receipts, the newest received on the day of the fill
EXECUTION_TERM = "ir.rogatory_execution"
TARGET_MS = 1000

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
    SELECT n, %(today)s::date - (%(days)s - 1) + ((n::bigint - 1) * %(days)s / %(size)s)::int AS received_on,
           abs(hashint8extended(n, 1)) AS h1, abs(hashint8extended(n, 2)) AS h2,
           abs(hashint8extended(n, 3)) AS h3, abs(hashint8extended(n, 4)) AS h4
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
    '2-' || n || '/' || extract(year FROM received_on) AS case_number,
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
SELECT n || '/' || extract(year FROM received_on), received_on, direction, (%(slot_subject)s::text[])[slot],
       (ARRAY['civil', 'family', 'economic', 'administrative'])[1 + (h4 / 18000) %% 4], status,
       surnames[p1] || ' ' || given[p2] || ' v. ' || surnames[p3], case_number,
       'Bench request ' || n, h4 %% 50 = 0, false,
       CASE WHEN direction = 'incoming'
            THEN (ARRAY['ru', 'en', 'zh', 'tr', 'de', 'kk', 'fr', 'other'])[1 + (h4 / 72000) %% 8]
            ELSE (ARRAY['ru', 'kk'])[1 + (h4 / 72000) %% 2] END,
       CASE WHEN (%(slot_subject)s::text[])[slot] = 'recognition' THEN received_on - 30 - k %% 300 END, '{{}}'::jsonb,
       court_received_on, executed_on,
       CASE WHEN status = 'closed' THEN LEAST(%(today)s::date, executed_on + 5 + (h4 %% 30)::int)
            WHEN status IN ('refused', 'defects_returned')
            THEN LEAST(%(today)s::date, received_on + 5 + (h4 %% 30)::int)
       END,
       CASE WHEN status IN ('refused', 'defects_returned') THEN 'Bench reason' ELSE '' END,
       lower(n || '/' || extract(year FROM received_on)) || ' ' || lower(case_number) || ' '
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
       CASE WHEN x.due_on > x.original_due_on THEN 'Bench: extended at the court''s request' ELSE '' END,
       CASE WHEN x.due_on > x.original_due_on THEN r.officer_id END, NULL, NULL
FROM {requests} AS r
JOIN {treaties} AS t ON t.id = r.treaty_id
CROSS JOIN LATERAL (SELECT (r.court_received_on + make_interval(months => t.execution_months))::date AS o) AS m
CROSS JOIN LATERAL (
    SELECT m.o AS original_due_on,
           GREATEST(m.o, %(today)s::date - 18 + (abs(hashint8extended(r.id, 5)) %% 180)::int) AS due_on
) AS x
WHERE r.status = 'executing'
"""


def _require_postgres() -> None:
    if connection.vendor != "postgresql":
        raise RuntimeError("la_list and la_figures need PostgreSQL: set DATABASE_URL (make bench does)")


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
                name_en=f"{label} of {country.name_en} (bench)",
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


def _fill(people, today) -> float | None:
    """A million requests and their active execution terms, in two INSERT ... SELECT; the
    seconds it took, or None when the database already holds them."""
    if R.objects.count() >= SIZE:
        return None
    started = time.perf_counter()
    slots = _slots()
    courts = list(
        KazakhCourt.objects.filter(level=KazakhCourt.Level.REGIONAL).order_by("code").values_list("pk", flat=True)
    )
    officers = [people[name].user_id for name, share in OFFICERS.items() for _ in range(share)]
    params = {
        "today": today,
        "days": DAYS,
        "size": SIZE,
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
        cursor.execute(FILL_SQL.format(table=R._meta.db_table), params)
        cursor.execute(
            TERMS_SQL.format(
                deadlines=Deadline._meta.db_table, requests=R._meta.db_table, treaties=TreatyBasis._meta.db_table
            ),
            {"record_type": ContentType.objects.get_for_model(R).pk, "kind": EXECUTION_TERM, "today": today},
        )
    with connection.cursor() as cursor:
        for table in (R._meta.db_table, Deadline._meta.db_table):
            cursor.execute(f"VACUUM ANALYZE {table}")
    return time.perf_counter() - started


def _check_indexes() -> None:
    """The indexes the model and the deadlines declare, present in the database."""
    wanted = {
        R._meta.db_table: [index.name for index in R._meta.indexes],
        Deadline._meta.db_table: ["deadline_active_due"],
    }
    with connection.cursor() as cursor:
        for table, names in wanted.items():
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [table])
            missing = set(names) - {row[0] for row in cursor.fetchall()}
            if missing:
                raise RuntimeError(f"{table} lacks the indexes {sorted(missing)}: migrate the bench database")


def _prepare():
    _require_postgres()
    today = timezone.localdate()
    people = build_demo_organisation(password="bench-password-not-used")  # noqa: S106
    seconds = _fill(people, today)
    if seconds is not None:
        terms = Deadline.objects.filter(kind=EXECUTION_TERM, state__in=Deadline.ACTIVE).count()
        print(f"la_registry: generated {SIZE:,} requests and {terms:,} active execution terms in {seconds:.1f} s")
    _check_indexes()
    client = Client()
    client.force_login(people["ir_officer"].user)
    session = client.session  # what the second-factor page does after a right code
    session[SECOND_FACTOR_KEY] = DONE
    session.save()
    return client, today


ROW_LINK = re.compile(r'href="/ir/requests/(\d+)/"')
DECLARE = re.compile(r"^DECLARE .*? CURSOR (?:WITH HOLD )?FOR ", re.DOTALL)


def _measure(client, url: str, *, runs: int) -> dict:
    """The page's median, its queries, and the median of its SELECTs replayed bare."""
    client.get(url)  # the first request of a case fills caches (content types, the chosen country)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    # Read now: the next request clears the connection's log that `captured` is a view of.
    queries = [query["sql"] for query in captured.captured_queries]
    # The SELECTs, with those the choice fields read through a server-side cursor.
    statements = (DECLARE.sub("", sql) for sql in queries)
    selects = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]

    def page():
        client.get(url)

    def bare():
        with connection.cursor() as cursor:
            for sql in selects:
                cursor.execute(sql)
                cursor.fetchall()

    ours_ms, bare_ms = compare(page, bare, runs=runs)
    return {"ms": ours_ms, "bare_ms": bare_ms, "queries": len(queries), "html": response.content.decode()}


def _result(name: str, what: str, cases: dict, notes: str) -> Result:
    slowest = max(cases, key=lambda label: cases[label]["ms"])
    listed = "; ".join(f"{label} {case['ms']:,.0f} ms ({case['queries']})" for label, case in cases.items())
    return Result(
        name=name,
        measures=f"{what} over {SIZE:,} requests as the IR officer, median and (queries) per case: {listed}; "
        f"{notes}; the figure is the slowest case, {slowest}",
        ours_ms=cases[slowest]["ms"],
        baseline=f"the slowest case's SELECTs replayed bare ({cases[slowest]['queries']} queries in all)",
        baseline_ms=cases[slowest]["bare_ms"],
        queries=max(case["queries"] for case in cases.values()),
        rows=SIZE,
        target=f"every case under {TARGET_MS:,} ms",
    )


def _page_settings():
    """The test client's host, and static files without a prior collectstatic (as in the tests)."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    return override_settings(ALLOWED_HOSTS=["testserver"], STORAGES=storages)


def _cases(client, url_name: str, cases_params: dict, *, runs: int) -> dict:
    url = reverse(url_name)
    with _page_settings():
        return {
            label: _measure(client, f"{url}?{urlencode(params)}" if params else url, runs=runs)
            for label, params in cases_params.items()
        }


def run_list(runs: int = 7) -> Result:
    client, _today = _prepare()
    searched = R.objects.get(registration_number__startswith=f"{SIZE // 3}/").case_number
    cases_params = {
        "first page": {},
        "Russia + being executed": {"country": Country.objects.get(code="RU").pk, "status": R.Status.EXECUTING},
        "overdue only": {"overdue": "on"},
        "case-number search": {"text": searched},
    }
    cases = _cases(client, "international:request-list", cases_params, runs=runs)
    for label, case in cases.items():
        shown = len(set(ROW_LINK.findall(case["html"])))
        if shown != (1 if label == "case-number search" else 50):
            raise RuntimeError(f"la_list {label}: {shown} rows on the page")
    return _result("la_list", "list page", cases, "50 rows a page, 1 found by the search")


def run_figures(runs: int = 5) -> Result:
    client, today = _prepare()
    year = today.year - 1
    one_year = f"received in {year}"
    cases_params = {"all": {}, one_year: {"received_from": f"{year}-01-01", "received_to": f"{year}-12-31"}}
    expected = {"all": R.objects.count(), one_year: R.objects.filter(received_on__year=year).count()}
    cases = _cases(client, "international:request-figures", cases_params, runs=runs)
    for label, case in cases.items():
        total = re.search(r'id="figure-total">([^<]*)<', case["html"])
        if total is None or int(re.sub(r"\D", "", total.group(1))) != expected[label]:
            raise RuntimeError(f"la_figures {label}: total {total and total.group(1)!r}, expected {expected[label]}")
    counts = ", ".join(f"{label}: {expected[label]:,} requests" for label in cases)
    return _result("la_figures", "figures page", cases, counts)
