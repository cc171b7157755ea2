"""`la_list` and `la_figures`: the legal-assistance registry's list page (50 rows a page) and
its figures page over 1,000,000 requests, each requested in full through Django's test client
signed in as the IR officer, against the same page's SELECT statements replayed bare through
a cursor (the database's share of the page). Target: every case under 1 s."""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courtadmin.deadlines.models import Deadline
from courtadmin.org.demo import build_demo_organisation
from international.models import Country, KazakhCourt, LegalAssistanceRequest

from .harness import SIZE, Result, compare, ensure_load, signed_in

R = LegalAssistanceRequest
EXECUTION_TERM = "ir.rogatory_execution"
TARGET_MS = 1000


def _require_postgres() -> None:
    if connection.vendor != "postgresql":
        raise RuntimeError("la_list and la_figures need PostgreSQL: set DATABASE_URL (make bench does)")


def _check_indexes() -> None:
    """The indexes the model and the deadlines declare, present in the database."""
    wanted = {
        R._meta.db_table: [index.name for index in R._meta.indexes],
        Deadline._meta.db_table: ["deadline_active_kind_due"],
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
    generated = ensure_load(requests=SIZE)
    if generated:
        print(f"la_registry: generated {'; '.join(generated)}")
    _check_indexes()
    return signed_in(people["ir_officer"].user), today


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


def register_request_admin() -> None:
    """Django's own admin changelist for the requests: the portal keeps IR records out of its
    admin, so the benchmark registers a plain ModelAdmin with the list's columns, a filter on
    the status, the same order and 50 rows a page, for this run only."""
    import importlib
    import sys

    from django.contrib import admin
    from django.urls import clear_url_caches

    class RequestAdmin(admin.ModelAdmin):
        list_display = ("registration_number", "received_on", "direction", "subject", "status", "country", "court")
        list_filter = ("status",)
        list_select_related = ("country", "court")
        list_per_page = 50
        ordering = ("-received_on", "-id")

    if not admin.site.is_registered(R):
        admin.site.register(R, RequestAdmin)
        if settings.ROOT_URLCONF in sys.modules:  # the admin's URLs are read at import
            importlib.reload(sys.modules[settings.ROOT_URLCONF])
            clear_url_caches()


def bench_superuser():
    from django.contrib.auth import get_user_model

    superuser, _created = get_user_model().objects.get_or_create(
        username="bench_superuser", defaults={"is_staff": True, "is_superuser": True}
    )
    return superuser


ADMIN_ROW = re.compile(r'<th class="field-registration_number">')


def run_list(runs: int = 7) -> Result:
    """Issue 9: the first page, default sort and one filter (status: being executed), as the IR
    officer, against the admin changelist with the same filter as a superuser. The other
    cases (unfiltered, state and status, overdue only, a search) are in "measures"."""
    client, _today = _prepare()
    searched = R.objects.get(registration_number__startswith=f"{SIZE // 3}/").case_number
    executing = {"status": R.Status.EXECUTING}
    cases_params = {
        "being executed": executing,
        "first page": {},
        "Russia + being executed": {"country": Country.objects.get(code="RU").pk, **executing},
        "overdue only": {"overdue": "on"},
        "case-number search": {"text": searched},
    }
    cases = _cases(client, "international:request-list", cases_params, runs=runs)
    for label, case in cases.items():
        shown = len(set(ROW_LINK.findall(case["html"])))
        if shown != (1 if label == "case-number search" else 50):
            raise RuntimeError(f"la_list {label}: {shown} rows on the page")
    register_request_admin()
    admin_client = signed_in(bench_superuser())
    ours_url = f"{reverse('international:request-list')}?{urlencode(executing)}"
    admin_url = f"{reverse('admin:international_legalassistancerequest_changelist')}?status__exact=executing"
    with _page_settings():
        response = admin_client.get(admin_url)
        if response.status_code != 200 or len(ADMIN_ROW.findall(response.content.decode())) != 50:
            raise RuntimeError(f"the admin changelist answered {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            admin_client.get(admin_url)
        admin_queries = len(captured.captured_queries)
        ours_ms, admin_ms = compare(lambda: client.get(ours_url), lambda: admin_client.get(admin_url), runs=runs)
    listed = "; ".join(f"{label} {case['ms']:,.0f} ms ({case['queries']})" for label, case in cases.items())
    return Result(
        name="la_list",
        measures=(
            f"list page (first page, newest first, 50 rows) filtered on one status over {SIZE:,} requests as the "
            f"IR officer, {cases['being executed']['queries']} queries; median and (queries) of each case measured "
            f"alone: {listed}; the admin changelist {admin_queries} queries"
        ),
        ours_ms=ours_ms,
        baseline="Django admin changelist of the same model and data, same filter, 50 a page, as a superuser",
        baseline_ms=admin_ms,
        queries=cases["being executed"]["queries"],
        rows=SIZE,
        target="under 50 ms and at most half the admin's time",
    )


def run_figures(runs: int = 5) -> Result:
    client, today = _prepare()
    year = today.year - 1
    one_year = f"received in {year}"
    # All but the last are read from the kept counts (whole months, a direction, a state); the
    # last is counted from the requests, as any other filter is.
    whole_year = {"received_from": f"{year}-01-01", "received_to": f"{year}-12-31"}
    outgoing = f"outgoing, received in {year}"
    state = Country.objects.get(code="RU")
    one_state = f"one state ({state.code})"
    state_year = f"one state, received in {year}"
    court = KazakhCourt.objects.filter(pk__in=R.objects.values("court")[:1]).get()
    one_court = "one court, counted from the requests"
    cases_params = {
        "all": {},
        one_year: whole_year,
        outgoing: {**whole_year, "direction": "outgoing"},
        one_state: {"country": state.pk},
        state_year: {**whole_year, "country": state.pk},
        one_court: {"court": court.pk},
    }
    expected = {
        "all": R.objects.count(),
        one_year: R.objects.filter(received_on__year=year).count(),
        outgoing: R.objects.filter(received_on__year=year, direction="outgoing").count(),
        one_state: R.objects.filter(country=state).count(),
        state_year: R.objects.filter(country=state, received_on__year=year).count(),
        one_court: R.objects.filter(court=court).count(),
    }
    cases = _cases(client, "international:request-figures", cases_params, runs=runs)
    for label, case in cases.items():
        total = re.search(r'id="figure-total">([^<]*)<', case["html"])
        if total is None or int(re.sub(r"\D", "", total.group(1))) != expected[label]:
            raise RuntimeError(f"la_figures {label}: total {total and total.group(1)!r}, expected {expected[label]}")
    counts = ", ".join(f"{label}: {expected[label]:,} requests" for label in cases)
    return _result("la_figures", "figures page", cases, counts)
