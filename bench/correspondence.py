"""`letters_list`: the journal of incoming letters (issue 20) over 1,000,000 letters of both
departments, each case requested in full through Django's test client, against the same
page's SELECT statements replayed bare through a cursor (the database's share of the page).
Cases: the IR officer (who reaches every IR letter) on the first page, a status, the overdue
filter, a search by number and one by a word of the subject; an ISD officer (need-to-know,
ISD 7: only the letters he executes, registered or resolved) on his first page. Target:
every case under 50 ms, as every list page."""

import re

from courtadmin.correspondence.models import IncomingLetter

from .harness import SIZE, Result, prepared, signed_in, slowest_case_result
from .la_registry import _cases

TARGET_MS = 50
ROW_LINK = re.compile(r'href="/correspondence/letters/(\d+)/"')


def run(runs: int = 7) -> Result:
    people = prepared("letters_list", letters=SIZE)
    searched = IncomingLetter.objects.filter(department="IR").order_by("pk")[SIZE // 3].registration_number
    officer = signed_in(people["ir_officer"].user)
    cases = _cases(
        officer,
        "correspondence:letter-list",
        {
            "first page": {},
            "on execution": {"status": IncomingLetter.Status.ON_EXECUTION},
            "overdue": {"overdue": "on"},
            "number search": {"text": searched},
            "subject search": {"text": "семинара"},
        },
        runs=runs,
    )
    isd = _cases(signed_in(people["isd_officer2"].user), "correspondence:letter-list", {"ISD officer": {}}, runs=runs)
    cases.update(isd)
    for label, case in cases.items():
        shown = len(set(ROW_LINK.findall(case["html"])))
        if label == "number search" and shown != 1:
            raise RuntimeError(f"letters_list {label}: {shown} rows on the page")
        case["rows"] = shown
    return slowest_case_result("letters_list", "incoming letters' journal", cases, rows=SIZE, target_ms=TARGET_MS)
