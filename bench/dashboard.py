"""`dashboard`: the leadership's dashboard as the Chairman opens it, the default period (this
month), over 1,000,000 records of each kind: legal-assistance requests, complaints (with their
АППК terms), official investigations, criminal cases, trips abroad and foreign delegations.
Requested in full through Django's test client; against the same figures computed by plain
`count()` queries one by one, with no reach rule and no page. Target: under 300 ms.

All of it is written by `generate_load` (courtadmin/core/load.py and each department's load.py)."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courtadmin.dashboard.periods import period_of
from courtadmin.deadlines.models import Deadline
from courtadmin.org.demo import build_demo_organisation
from courtadmin.org.models import Region
from internal_security.models import Complaint, CriminalCase, Investigation
from international.models import Delegation, LegalAssistanceRequest, Trip

from . import isd_need_to_know, la_registry
from .harness import SIZE, Result, compare, ensure_load, signed_in
from .la_registry import _page_settings

DAYS = 3653
TARGET_MS = 300


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
    generated = ensure_load(investigations=SIZE, cases=SIZE, trips=SIZE, delegations=SIZE)
    if generated:
        print(f"dashboard: generated {'; '.join(generated)}")
    client = signed_in(people["chairman"].user)
    url = reverse("dashboard:board", args=["leadership"])
    with _page_settings():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        queries = len(captured.captured_queries)
        panels = re.findall(r'<section class="dashboard-panel mb-4"\s+id="panel-([a-z_]+)"', response.content.decode())
        if panels != ["irlegal_assistance", "irtrips", "irevents", "isdoverview", "isdsecurity"]:
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
