"""`dashboard`: the leadership's dashboard as the Chairman opens it, the default period (this
month), over 1,000,000 records of each kind: legal-assistance requests, complaints (with their
АППК terms), official investigations, criminal cases, trips abroad and foreign delegations.
Requested in full through Django's test client; against the same figures computed by plain
`count()` queries one by one, with no reach rule and no page. Target: under 300 ms.

The requests and complaints are the ones `la_list` and `isd_list_need_to_know` generate; the
other kinds are generated here, each in one INSERT ... SELECT."""

import re
import time

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courtadmin.accounts.middleware import DONE, SECOND_FACTOR_KEY
from courtadmin.dashboard.periods import period_of
from courtadmin.deadlines.models import Deadline
from courtadmin.org.demo import build_demo_organisation
from courtadmin.org.models import Region
from internal_security.models import Complaint, CriminalCase, Investigation
from international.models import Country, Delegation, LegalAssistanceRequest, Trip

from . import isd_need_to_know, la_registry
from .harness import Result, compare
from .la_registry import _page_settings

SIZE = 1_000_000
DAYS = 3653
TARGET_MS = 300

# Each complaint's АППК term: 15 working days are about 21 calendar days; met or missed as
# the complaint was closed; anonymous appeals left without consideration have none.
TERMS_SQL = """
INSERT INTO {deadlines} (record_type_id, record_id, kind, department, legal_basis, started_on, due_on,
    original_due_on, responsible_id, state, extension_decision, extended_by_id, suspended_on, closed_on)
SELECT %(record_type)s, c.id::text, 'isd.appeal', 'ISD', 'АППК 76 (bench)', c.received_on, c.received_on + 21,
       c.received_on + 21, c.registered_by_id,
       CASE WHEN c.closed_on IS NULL THEN 'open' WHEN c.closed_on <= c.received_on + 21 THEN 'met' ELSE 'missed' END,
       '', NULL, NULL, c.closed_on
FROM {complaints} AS c
WHERE NOT (c.applicant_kind = 'anonymous' AND c.status = 'not_considered')
"""

# The complaint keeps how its term ended, as the workflow writes it when it closes one.
TERM_KEPT_SQL = """
UPDATE {complaints} AS c SET term_kept = (d.state = 'met')
FROM {deadlines} AS d
WHERE d.record_type_id = %(record_type)s AND d.kind = 'isd.appeal' AND d.record_id = c.id::text
  AND d.state IN ('met', 'missed')
"""

# Ten years of each kind, ids following the dates; the older ones finished.
INVESTIGATIONS_SQL = """
INSERT INTO {table} (number, basis, instructed_by_id, instruction_number, instruction_date, region_id, subject,
    plan, due_on, status, outcome, concluded_on, opened_by_id, opened_at)
SELECT 'ҚТ-B-' || n, CASE WHEN n %% 10 = 0 THEN '6.22' ELSE '6.21' END, %(chairman)s, n || '-т', day,
       (%(regions)s::bigint[])[1 + n %% %(region_count)s], 'Bench investigation ' || n, '', day + 30,
       CASE WHEN day > %(today)s::date - 40 THEN 'open' ELSE 'concluded' END,
       CASE WHEN day > %(today)s::date - 40 THEN ''
            ELSE (ARRAY['no_violation', 'disciplinary', 'law_enforcement', 'other'])[1 + n %% 4] END,
       CASE WHEN day > %(today)s::date - 40 THEN NULL ELSE day + 25 END,
       %(head)s, now()
FROM (SELECT n, %(today)s::date - (%(days)s - 1) + ((n::bigint - 1) * %(days)s / %(size)s)::int AS day
      FROM generate_series(1, %(size)s) AS n) AS g
"""

CASES_SQL = """
INSERT INTO {table} (person, person_role, position, court, region_id, article, corruption, investigating_body,
    opened_on, sent_to_court_on, verdict_on, stage, outcome, entered_by_id, updated_at)
SELECT 'Bench person ' || n, CASE WHEN n %% 3 = 0 THEN 'judge' ELSE 'staff' END, 'Bench position',
       'Bench court ' || n %% 300, (%(regions)s::bigint[])[1 + n %% %(region_count)s], '366-бап',
       n %% 5 <> 0, 'Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі', day,
       CASE WHEN n %% 4 > 0 AND day < %(today)s::date - 120 THEN day + 90 END,
       CASE WHEN n %% 4 > 1 AND day < %(today)s::date - 300 THEN day + 240 END,
       CASE WHEN n %% 4 = 0 THEN 'pre_trial' WHEN day >= %(today)s::date - 120 THEN 'pre_trial'
            WHEN n %% 4 = 1 OR day >= %(today)s::date - 300 THEN 'in_court' ELSE 'verdict' END,
       CASE WHEN n %% 4 > 1 AND day < %(today)s::date - 300 THEN 'convicted' ELSE '' END,
       %(unit)s, now()
FROM (SELECT n, %(today)s::date - (%(days)s - 1) + ((n::bigint - 1) * %(days)s / %(size)s)::int AS day
      FROM generate_series(1, %(size)s) AS n) AS g
"""

TRIPS_SQL = """
INSERT INTO {table} (purpose, country_id, city, participants, departs_on, returns_on, officer_id,
    report_received_on, report_published_on, created_by_id)
SELECT 'Bench trip ' || n, (%(countries)s::bigint[])[1 + n %% %(country_count)s], '', 'Bench participant', day,
       day + 4, %(officer)s,
       CASE WHEN n %% 20 <> 0 AND day + 4 < %(today)s::date - 10 THEN day + 14 END,
       CASE WHEN n %% 20 > 1 AND day + 4 < %(today)s::date - 10 THEN day + 20 END,
       %(officer)s
FROM (SELECT n, %(today)s::date - (%(days)s - 1) + ((n::bigint - 1) * %(days)s / %(size)s)::int AS day
      FROM generate_series(1, %(size)s) AS n) AS g
"""

DELEGATIONS_SQL = """
INSERT INTO {table} (country_id, organisation, head, size, arrives_on, leaves_on, programme, officer_id,
    created_by_id)
SELECT (%(countries)s::bigint[])[1 + n %% %(country_count)s], 'Bench organisation ' || n %% 500, 'Bench head',
       1 + n %% 9, day, day + 1 + n %% 4, '', %(officer)s, %(officer)s
FROM (SELECT n, %(today)s::date - (%(days)s - 1) + ((n::bigint - 1) * %(days)s / %(size)s)::int AS day
      FROM generate_series(1, %(size)s) AS n) AS g
"""


def _fill(people, today) -> list[str]:
    """The kinds not yet at a million, each in one statement; what was generated, and how long."""
    regions = list(Region.objects.order_by("code").values_list("pk", flat=True))
    countries = list(Country.objects.exclude(code="KZ").order_by("code").values_list("pk", flat=True)[:60])
    common = {"today": today, "days": DAYS, "size": SIZE}
    fills = [
        (Investigation, INVESTIGATIONS_SQL, {
            "chairman": people["chairman"].pk, "head": people["isd_head"].user_id,
            "regions": regions, "region_count": len(regions)}),
        (CriminalCase, CASES_SQL, {
            "unit": people["isd_almaty"].user_id, "regions": regions, "region_count": len(regions)}),
        (Trip, TRIPS_SQL, {
            "officer": people["ir_officer"].user_id, "countries": countries, "country_count": len(countries)}),
        (Delegation, DELEGATIONS_SQL, {
            "officer": people["ir_officer"].user_id, "countries": countries, "country_count": len(countries)}),
    ]  # fmt: skip
    done = []
    for model, sql, params in fills:
        if model.objects.count() >= SIZE:
            continue
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql.format(table=model._meta.db_table), {**common, **params})  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
        done.append(f"{SIZE:,} {model._meta.model_name} in {time.perf_counter() - started:.1f} s")
    complaint_type = ContentType.objects.get_for_model(Complaint)
    if not Deadline.objects.filter(record_type=complaint_type, kind="isd.appeal").exists():
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            tables = {"deadlines": Deadline._meta.db_table, "complaints": Complaint._meta.db_table}
            for sql in (TERMS_SQL, TERM_KEPT_SQL):
                cursor.execute(sql.format(**tables), {"record_type": complaint_type.pk})
        with connection.cursor() as cursor:  # as autovacuum would leave them: index-only scans possible
            for model in (Deadline, Complaint):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
        terms = Deadline.objects.filter(record_type=complaint_type, kind="isd.appeal").count()
        done.append(f"{terms:,} complaint terms in {time.perf_counter() - started:.1f} s")
    return done


def _plain_counts(today) -> list[int]:
    """The leadership board's figures, each a plain count() of its own, no reach rule."""
    this, before = period_of("month", today), period_of("month", today).year_before()
    r, c = LegalAssistanceRequest.objects, Complaint.objects
    appeal = Deadline.objects.filter(kind="isd.appeal")
    counts = []
    for period in (this, before):
        span = (period.start, period.end)
        counts += [
            r.filter(received_on__range=span).count(),
            r.filter(executed_on__range=span).count(),
            Trip.objects.filter(departs_on__range=span).count(),
            Delegation.objects.filter(arrives_on__lte=period.end, leaves_on__gte=period.start).count(),
            c.filter(received_on__range=span).count(),
            c.filter(closed_on__range=span).count(),
            c.filter(closed_on__range=span, term_kept=True).count(),
            c.filter(closed_on__range=span, term_kept=False).count(),
            Investigation.objects.filter(instruction_date__range=span).count(),
            Investigation.objects.filter(concluded_on__range=span).count(),
        ]
    counts += [
        Deadline.objects.filter(kind="ir.rogatory_execution", state__in=Deadline.ACTIVE, due_on__lt=today).count(),
        Trip.objects.filter(report_received_on__isnull=True, returns_on__lt=today).count(),
        appeal.filter(state__in=Deadline.ACTIVE, due_on__lt=today).count(),
        Investigation.objects.filter(status="open").count(),
    ]
    stages = [stage for stage, _label in CriminalCase.Stage.choices]
    opened = CriminalCase.objects.filter(opened_on__range=(this.start, this.end))
    for region in Region.objects.values_list("pk", flat=True):  # the table of cases, cell by cell
        counts += [opened.filter(region=region, stage=stage).count() for stage in stages]
    return counts


def run(runs: int = 7) -> Result:
    client_ir, today = la_registry._prepare()
    isd_need_to_know._prepare()
    people = build_demo_organisation(password="bench-password-not-used")  # noqa: S106
    generated = _fill(people, today)
    if generated:
        print(f"dashboard: generated {'; '.join(generated)}")
    client = Client()
    client.force_login(people["chairman"].user)
    session = client.session
    session[SECOND_FACTOR_KEY] = DONE
    session.save()
    url = reverse("dashboard:board", args=["leadership"])
    with _page_settings():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        queries = len(captured.captured_queries)
        panels = re.findall(r'<section class="dashboard-panel mb-4"\s+id="panel-([a-z_]+)"', response.content.decode())
        if panels != ["irlegal_assistance", "irtrips", "isdoverview"]:
            raise RuntimeError(f"the Chairman's board shows {panels}")

        def page():
            client.get(url)

        def plain():
            _plain_counts(today)

        page_ms, plain_ms = compare(page, plain, runs=runs)
    return Result(
        name="dashboard",
        measures=(
            f"the leadership's dashboard (this month, the same month a year earlier, 12-month trends) as the "
            f"Chairman over {SIZE:,} records of each kind, the whole page through the test client, "
            f"{queries} queries"
        ),
        ours_ms=page_ms,
        baseline=(
            "the same figures as plain count() queries one by one, the cases' table cell by cell "
            "(no reach rule, no page, no trends, no top countries and courts)"
        ),
        baseline_ms=plain_ms,
        queries=queries,
        rows=SIZE,
        target=f"under {TARGET_MS} ms",
    )
