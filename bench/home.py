"""`home`: the home page (the reader's work: his terms, letters, instructions, requests and
cases, core.work) over SIZE records of every kind its panels read, requested in full through
Django's test client as each kind of reader: the IR officer and head, the ISD head, an ISD
officer (need-to-know, ISD 7) and the Chairman; against the same page's SELECT statements
replayed bare through a cursor (the database's share). Target: every case under 50 ms, as
every list page (issue 27)."""

from .harness import SIZE, Result, prepared, signed_in, slowest_case_result
from .la_registry import _cases

TARGET_MS = 50
READERS = ("ir_officer", "ir_head", "isd_head", "isd_officer2", "chairman")


def run(runs: int = 7) -> Result:
    people = prepared(
        "home", requests=SIZE, letters=SIZE, instructions=SIZE, datarequests=SIZE, complaints=SIZE, documents=SIZE
    )
    cases = {}
    for username in READERS:
        measured = _cases(signed_in(people[username].user), "core:home", {username: {}}, runs=runs)
        measured[username]["rows"] = measured[username]["html"].count("<li")
        cases.update(measured)
    return slowest_case_result("home", "the home page", cases, rows=SIZE, target_ms=TARGET_MS)
