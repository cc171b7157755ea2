"""`instructions_list`: the control list of instructions (issue 20, item 3) over 1,000,000
instructions of both departments, with its figures per executor and per unit, each case
requested in full through Django's test client against the same page's SELECTs replayed bare.
Cases: the IR officer (who reaches every IR instruction) on the first page, the overdue ones, a
search by number; the ISD head on his first page. Target: every case under 50 ms."""

import re

from django.db import connection

from courtadmin.instructions.models import Instruction
from courtadmin.org.demo import build_demo_organisation

from .harness import Result, ensure_load, signed_in, slowest_case_result
from .la_registry import _cases

SIZE = 1_000_000
TARGET_MS = 50
ROW_LINK = re.compile(r'href="/instructions/(\d+)/"')


def run(runs: int = 5) -> Result:
    if connection.vendor != "postgresql":
        raise RuntimeError("instructions_list needs PostgreSQL: set DATABASE_URL (make bench does)")
    people = build_demo_organisation(password="bench-password-not-used")  # noqa: S106
    generated = ensure_load(instructions=SIZE)
    if generated:
        print(f"instructions_list: generated {'; '.join(generated)}")
    searched = Instruction.objects.filter(department="IR").order_by("pk")[SIZE // 3].registration_number
    cases = _cases(
        signed_in(people["ir_officer"].user),
        "instructions:instruction-list",
        {"first page": {}, "overdue": {"term": "overdue"}, "number search": {"text": searched}},
        runs=runs,
    )
    cases.update(
        _cases(signed_in(people["isd_head"].user), "instructions:instruction-list", {"ISD head": {}}, runs=runs)
    )
    for case in cases.values():
        case["rows"] = len(set(ROW_LINK.findall(case["html"])))
    return slowest_case_result(
        "instructions_list", "control list of instructions with its figures", cases, rows=SIZE, target_ms=TARGET_MS
    )
