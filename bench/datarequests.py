"""`requests_register`: the register of requests (issue 20, item 4) over 1,000,000 requests of
both departments, each case requested in full through Django's test client against the same
page's SELECTs replayed bare. Cases: the IR head (who reaches every IR request) on the first
page, a status, the overdue ones, a search by number; the Almaty court's user on his inbox
("requests to us"). Target: every case under 50 ms.

`requests_figures`: the control of the terms per addressed unit, a report over the requests
sent within a period of at most a year (core.periods): this year's, and the last twelve
months', about 100,000 requests of the million. Target: under 500 ms, as a report's page."""

import re
from datetime import timedelta

from django.utils import timezone

from courtadmin.datarequests.models import DataRequest

from .harness import SIZE, Result, prepared, signed_in, slowest_case_result
from .la_registry import _cases

TARGET_MS = 50
ROW_LINK = re.compile(r'href="/requests/(\d+)/"')


FIGURES_TARGET_MS = 500


def run_figures(runs: int = 5) -> Result:
    people = prepared("requests_figures", datarequests=SIZE)
    today = timezone.localdate()
    cases = _cases(
        signed_in(people["ir_head"].user),
        "datarequests:request-figures",
        {"this year": {}, "last twelve months": {"sent_from": (today - timedelta(days=365)).isoformat()}},
        runs=runs,
    )
    for case in cases.values():
        case["rows"] = case["html"].count('<th scope="row">') - 1  # the units, without the total
    return slowest_case_result(
        "requests_figures",
        "control of the terms of requests over a year",
        cases,
        rows=SIZE,
        target_ms=FIGURES_TARGET_MS,
    )


def run(runs: int = 5) -> Result:
    people = prepared("requests_register", datarequests=SIZE)
    sent = DataRequest.objects.filter(department="IR", number__isnull=False).order_by("pk")
    searched = sent[SIZE // 3].registration_number
    cases = _cases(
        signed_in(people["ir_head"].user),
        "datarequests:request-list",
        {
            "first page": {},
            "answered": {"status": DataRequest.Status.ANSWERED},
            "overdue": {"term": "overdue"},
            "number search": {"text": searched},
        },
        runs=runs,
    )
    cases.update(
        _cases(signed_in(people["court_almaty"].user), "datarequests:request-inbox", {"court's inbox": {}}, runs=runs)
    )
    for label, case in cases.items():
        shown = len(set(ROW_LINK.findall(case["html"])))
        if label == "number search" and shown != 1:
            raise RuntimeError(f"requests_register {label}: {shown} rows on the page")
        case["rows"] = shown
    return slowest_case_result("requests_register", "register of requests", cases, rows=SIZE, target_ms=TARGET_MS)
