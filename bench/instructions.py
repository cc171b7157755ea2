"""`instructions_list`: the control list of instructions (issue 20, item 3) over 1,000,000
instructions of both departments, each case requested in full through Django's test client
against the same page's SELECTs replayed bare. Cases: the IR officer (who reaches every IR
instruction) on the first page, the overdue ones, a search by number and by a word every
instruction holds, this month's; the ISD head and an ISD officer (who executes a third of the
ISD's, 100,000: his own, read row by row) on their first page. Target: every case under 50 ms.

`instructions_figures`: the execution figures per executor and per unit, a report over the
instructions given within a period of at most a year (core.periods): this year's, and the
last twelve months', about 70,000 IR instructions of the million. Target: under 500 ms."""

import re
from datetime import timedelta

from django.utils import timezone

from courtadmin.instructions.models import Instruction

from .harness import SIZE, Result, prepared, signed_in, slowest_case_result
from .la_registry import _cases

TARGET_MS = 50
ROW_LINK = re.compile(r'href="/instructions/(\d+)/"')


FIGURES_TARGET_MS = 500


def run_figures(runs: int = 5) -> Result:
    people = prepared("instructions_figures", instructions=SIZE)
    today = timezone.localdate()
    cases = _cases(
        signed_in(people["ir_officer"].user),
        "instructions:instruction-figures",
        {"this year": {}, "last twelve months": {"given_from": (today - timedelta(days=365)).isoformat()}},
        runs=runs,
    )
    for case in cases.values():
        case["rows"] = case["html"].count('<th scope="row"')  # executors and units
    return slowest_case_result(
        "instructions_figures",
        "execution figures of instructions over a year",
        cases,
        rows=SIZE,
        target_ms=FIGURES_TARGET_MS,
    )


def run(runs: int = 5) -> Result:
    people = prepared("instructions_list", instructions=SIZE)
    searched = Instruction.objects.filter(department="IR").order_by("pk")[SIZE // 3].registration_number
    month_start = timezone.localdate().replace(day=1)
    cases = _cases(
        signed_in(people["ir_officer"].user),
        "instructions:instruction-list",
        {
            "first page": {},
            "overdue": {"term": "overdue"},
            "number search": {"text": searched},
            "word search": {"text": "информацию"},
            "given this month": {"given_from": month_start.isoformat()},
        },
        runs=runs,
    )
    cases.update(
        _cases(
            signed_in(people["isd_head"].user),
            "instructions:instruction-list",
            {"ISD head": {}},
            runs=runs,
        )
    )
    cases.update(
        _cases(signed_in(people["isd_officer"].user), "instructions:instruction-list", {"ISD officer": {}}, runs=runs)
    )
    for case in cases.values():
        case["rows"] = len(set(ROW_LINK.findall(case["html"])))
    return slowest_case_result(
        "instructions_list", "control list of instructions", cases, rows=SIZE, target_ms=TARGET_MS
    )
