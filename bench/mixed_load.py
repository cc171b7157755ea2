"""`mixed_load`: a working hour in one minute. Eight people of different roles (IR officer,
IR deputy for legal assistance, IR head, ISD officer, ISD head, territorial ISD officer, the
Chairman, the Head of the Court Administration), each with a session of his own, go through
their own pages in turn for 60 s (lists with a filter, a record they may see, the
dashboards, the home page) on gunicorn with 2 sync workers over one PostgreSQL and Redis,
driven from a second process on loopback (`bench/driver.py`). Every answer must be 200.

The baseline is the same load as the reliability issue measured it before its changes (the
demo data, a quiet moment of this machine): 47.5 requests per second, median 162 ms, 95th
percentile 240 ms. Here the data are the bench database's, at least 100,000 records of each
main kind."""

import json
import os
import re
import subprocess
import sys
import tempfile
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from courtadmin.org.demo import build_demo_organisation
from international.models import LegalAssistanceRequest

from . import sizes
from .harness import ROOT, Result, ensure_load, signed_in
from .la_registry import _page_settings
from .throughput import WORKERS, _free_port, _start_server

SECONDS = 60
WARMUP_SECONDS = 5
# The records of each main kind; MIXED_LOAD_SIZE=0 measures a database as it stands (the demo's).
SIZE = int(os.environ.get("MIXED_LOAD_SIZE", 100_000))
BASELINE = {"rps": 47.5, "median_ms": 162.0, "p95_ms": 240.0}


def _pages() -> dict[str, list[str]]:
    """Each person's round: the pages he opens, in order (details are found on his lists)."""
    executing = urlencode({"status": LegalAssistanceRequest.Status.EXECUTING})
    home = reverse("core:home")
    board = lambda code: reverse("dashboard:board", args=[code])  # noqa: E731
    return {
        "ir_officer": [home, f"{reverse('international:request-list')}?{executing}", "detail:/ir/requests/"],
        "ir_deputy_legal": [reverse("international:request-list"), reverse("documents:document-list")],
        "ir_head": [board("IR"), reverse("documents:document-list"), home],
        "isd_officer": [reverse("internal_security:complaint-list"), "detail:/isd/complaints/", home],
        "isd_head": [
            reverse("internal_security:complaint-list"),
            board("ISD"),
            reverse("internal_security:investigation-list"),
        ],
        "isd_almaty": [reverse("internal_security:complaint-list"), home],
        "chairman": [board("leadership"), home],
        "ca_head": [board("leadership"), reverse("documents:document-list")],
    }


def _round_of(client, pages: list[str]) -> list[str]:
    """The pages with each "detail:<prefix>" made the first record of that kind on the list
    before it, as the person would click it."""
    round_, last = [], ""
    for page in pages:
        if page.startswith("detail:"):
            prefix = page.removeprefix("detail:")
            found = re.search(rf'href="({re.escape(prefix)}\d+/)"', client.get(last).content.decode())
            if found is None:
                raise RuntimeError(f"no record on {last} to open")
            page = found.group(1)
        answer = client.get(page)
        if answer.status_code != 200:
            raise RuntimeError(f"{page} answered {answer.status_code}")
        round_.append(page)
        last = page
    return round_


def run() -> Result:
    people = build_demo_organisation(password="bench-password-not-used")  # noqa: S106
    generated = ensure_load(
        requests=SIZE, complaints=SIZE, investigations=SIZE // 10, cases=SIZE // 10, grants=SIZE // 100
    )
    if generated:
        print(f"mixed_load: generated {'; '.join(generated)}")
    call_command("collectstatic", interactive=False, verbosity=0)
    name = settings.SESSION_COOKIE_NAME
    plan = []
    for username, pages in _pages().items():
        client = signed_in(people[username].user)
        cookie = f"{name}={client.cookies[name].value}"
        with _page_settings():
            plan.append({"role": username, "cookie": cookie, "paths": _round_of(client, pages)})
    counts = {kind: sizes.existing(kind) for kind in ("requests", "complaints", "investigations", "cases")}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(plan, file)
    port = _free_port()
    server = _start_server(port)
    try:
        _drive_plan(port, file.name, WARMUP_SECONDS)
        outcome = _drive_plan(port, file.name, SECONDS)
    finally:
        server.terminate()
        server.wait(timeout=30)
    if outcome["errors"]:
        raise RuntimeError(f"{outcome['errors']} answers other than 200: {outcome['errors_seen']}")
    pages = sum(len(entry["paths"]) for entry in plan)
    return Result(
        name="mixed_load",
        measures=(
            f"{len(plan)} people of different roles, a session each, going through their {pages} pages in turn "
            f"(lists, a record, dashboards, home) for {SECONDS} s after {WARMUP_SECONDS} s of warm-up, on gunicorn "
            f"with {WORKERS} sync workers, from a driver process on loopback; "
            f"{outcome['requests']:,} pages served, {outcome['errors']} errors; median {outcome['median_ms']:.0f} ms, "
            f"95th percentile {outcome['p95_ms']:.0f} ms; data: "
            + ", ".join(f"{count:,} {kind}" for kind, count in counts.items())
        ),
        ours_ms=outcome["median_ms"],
        ours_rps=round(outcome["rps"], 1),
        baseline=(
            f"the same load before the reliability issue's changes, on the demo data: {BASELINE['rps']} req/s, "
            f"median {BASELINE['median_ms']:.0f} ms, 95th percentile {BASELINE['p95_ms']:.0f} ms"
        ),
        baseline_ms=BASELINE["median_ms"],
        baseline_rps=BASELINE["rps"],
        rows=counts["requests"],
        target="0 errors; at least the baseline's requests per second",
    )


def _drive_plan(port: int, plan: str, seconds: float) -> dict:
    arguments = [sys.executable, "-m", "bench.driver", "--port", str(port), "--plan", plan, "--seconds", str(seconds)]
    finished = subprocess.run(arguments, cwd=ROOT, capture_output=True, text=True, check=True)  # noqa: S603
    return json.loads(finished.stdout)
