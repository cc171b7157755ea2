"""`throughput`: requests per second for the legal-assistance list page (the `la_list` page:
first page, newest first, filtered on one status, as the IR officer, over 1,000,000 requests)
under gunicorn with 2 sync workers, driven from a second process on loopback
(`bench/driver.py`) for a bounded time; against Django's admin changelist of the same model
and data with the same filter, as a superuser, served by the same gunicorn in the same run.

gunicorn serves `bench/wsgi.py`: the portal's own application with that changelist
registered beside it."""

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courtadmin.org.demo import build_demo_organisation
from international.models import LegalAssistanceRequest as R

from . import la_registry
from .harness import ROOT, Result, signed_in

WORKERS = 2
CONNECTIONS = 4  # two per worker, so that neither waits for the driver between requests
ROUNDS = 3
ROUND_SECONDS = 10
WARMUP_SECONDS = 3


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_server(port: int) -> subprocess.Popen:
    # /health/ is what the driver waits for; no worker runs here, so it does not ask for one.
    environment = {
        **os.environ,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "courtadmin.settings",
        "HEALTH_CHECK_CELERY": "false",
    }
    server = subprocess.Popen(  # noqa: S603  (our own interpreter and arguments)
        [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "--workers", str(WORKERS)]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=environment,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=5) as answer:  # noqa: S310
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError("gunicorn did not answer /health/ within 60 s")


def _cookies(user) -> list[str]:
    """One session per connection, each signed in with its second factor given."""
    name = settings.SESSION_COOKIE_NAME
    return [f"{name}={signed_in(user).cookies[name].value}" for _ in range(CONNECTIONS)]


def _drive(port: int, path: str, cookies: list[str], seconds: float) -> dict:
    arguments = [sys.executable, "-m", "bench.driver", "--port", str(port), "--path", path]
    arguments += ["--seconds", str(seconds)] + [item for cookie in cookies for item in ("--cookie", cookie)]
    finished = subprocess.run(arguments, cwd=ROOT, capture_output=True, text=True, check=True)  # noqa: S603
    outcome = json.loads(finished.stdout)
    if outcome["errors"] or not outcome["requests"]:
        raise RuntimeError(f"{path}: {outcome['errors']} answers other than 200 of {outcome['requests']}")
    return outcome


def _page_queries(client, path: str) -> int:
    with la_registry._page_settings():
        client.get(path)  # the session's first touches
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
    return len(captured.captured_queries)


def run() -> Result:
    _client, _today = la_registry._prepare()
    officer = build_demo_organisation(password="bench-password-not-used")["ir_officer"].user  # noqa: S106
    superuser = la_registry.bench_superuser()
    call_command("collectstatic", interactive=False, verbosity=0)  # gunicorn serves the manifest's names
    ours_path = f"{reverse('international:request-list')}?{urlencode({'status': R.Status.EXECUTING})}"
    admin_path = "/admin/international/legalassistancerequest/?status__exact=executing"
    sides = {"ours": (ours_path, _cookies(officer)), "admin": (admin_path, _cookies(superuser))}
    queries = _page_queries(signed_in(officer), ours_path)
    port = _free_port()
    server = _start_server(port)
    try:
        for path, cookies in sides.values():
            _drive(port, path, cookies, WARMUP_SECONDS)
        rounds = {side: [] for side in sides}
        for _round in range(ROUNDS):  # alternated, so that the machine's load falls on both alike
            for side, (path, cookies) in sides.items():
                rounds[side].append(_drive(port, path, cookies, ROUND_SECONDS))
    finally:
        server.terminate()
        server.wait(timeout=30)
    rps = {side: statistics.median(outcome["rps"] for outcome in outcomes) for side, outcomes in rounds.items()}
    latency = {
        side: statistics.median(outcome["median_ms"] for outcome in outcomes) for side, outcomes in rounds.items()
    }
    served = {side: sum(outcome["requests"] for outcome in outcomes) for side, outcomes in rounds.items()}
    return Result(
        name="throughput",
        measures=(
            f"requests per second for the la_list page (first page, one status filter, 50 rows) over "
            f"{la_registry.SIZE:,} requests under gunicorn, {WORKERS} sync workers, {CONNECTIONS} connections "
            f"from a driver process on loopback, each with its own session; median of {ROUNDS} rounds of "
            f"{ROUND_SECONDS} s after {WARMUP_SECONDS} s of warm-up, ours and the admin alternated: "
            f"{served['ours']:,} and {served['admin']:,} pages served, all answered 200; "
            f"ours_ms and baseline_ms are the median latency under that load; {queries} queries a page"
        ),
        ours_ms=latency["ours"],
        ours_rps=round(rps["ours"], 1),
        baseline="Django admin changelist of the same model and data, same filter, as a superuser, same server",
        baseline_ms=latency["admin"],
        baseline_rps=round(rps["admin"], 1),
        queries=queries,
        rows=la_registry.SIZE,
        target="at least the admin changelist's requests per second",
    )
