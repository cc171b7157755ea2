"""`outgoing_list`: the outgoing journal (issue 20, item 7) over 1,000,000 signed documents of
both departments, each case requested in full through Django's test client, against the same
page's SELECT statements replayed bare through a cursor (the database's share of the page).
Cases: the IR officer (who reaches every IR document) on the first page, a year, a channel, a
search by number and one by a word of the subject; an ISD officer (need-to-know, ISD 7: only
the documents he wrote or is on the route of) on his first page. Target: every case under
50 ms, as every list page."""

import re

from courtadmin.documents.models import Document

from .harness import SIZE, Result, prepared, signed_in, slowest_case_result
from .la_registry import _cases

TARGET_MS = 50
ROW_LINK = re.compile(r'href="/documents/(\d+)/"')


def run(runs: int = 7) -> Result:
    people = prepared("outgoing_list", documents=SIZE)
    ir = Document.objects.filter(department="IR", number__isnull=False).order_by("pk")
    searched = ir[SIZE // 3].registration_number
    year = ir[SIZE // 3].year
    officer = signed_in(people["ir_officer"].user)
    cases = _cases(
        officer,
        "correspondence:outgoing-list",
        {
            "first page": {},
            "year": {"year": year},
            "channel": {"channel": "diplomatic"},
            "number search": {"text": searched},
            "subject search": {"text": "семинара"},
        },
        runs=runs,
    )
    isd = _cases(signed_in(people["isd_officer2"].user), "correspondence:outgoing-list", {"ISD officer": {}}, runs=runs)
    cases.update(isd)
    for label, case in cases.items():
        shown = len(set(ROW_LINK.findall(case["html"])))
        if label == "number search" and shown != 1:
            raise RuntimeError(f"outgoing_list {label}: {shown} rows on the page")
        case["rows"] = shown
    return slowest_case_result("outgoing_list", "outgoing journal", cases, rows=SIZE, target_ms=TARGET_MS)
