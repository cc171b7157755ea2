"""`requests_register`: the register of requests (issue 20, item 4) over 1,000,000 requests of
both departments, with its figures per addressed unit as the page shows them now, each case
requested in full through Django's test client against the same page's SELECTs replayed bare.
Cases: the IR head (who reaches every IR request) on the first page, a status, the overdue
ones, a search by number; the Almaty court's user on his inbox ("requests to us"). Target:
every case under 50 ms."""

import re

from django.db import connection

from courtadmin.datarequests.models import DataRequest
from courtadmin.org.demo import build_demo_organisation

from .harness import Result, ensure_load, signed_in, slowest_case_result
from .la_registry import _cases

SIZE = 1_000_000
TARGET_MS = 50
ROW_LINK = re.compile(r'href="/requests/(\d+)/"')


def run(runs: int = 5) -> Result:
    if connection.vendor != "postgresql":
        raise RuntimeError("requests_register needs PostgreSQL: set DATABASE_URL (make bench does)")
    people = build_demo_organisation(password="bench-password-not-used")  # noqa: S106
    generated = ensure_load(datarequests=SIZE)
    if generated:
        print(f"requests_register: generated {'; '.join(generated)}")
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
    return slowest_case_result(
        "requests_register", "register of requests with its figures", cases, rows=SIZE, target_ms=TARGET_MS
    )
