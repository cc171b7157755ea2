"""`events_list`: the register of international events (issue 21, item 1) over 100,000 events,
each case requested in full through Django's test client, against the same page's SELECT
statements replayed bare through a cursor (the database's share of the page). Cases: the IR
officer (who reads every event) on the first page, one status, one kind, a common word and a
title's number, his own events, and the month's calendar; the Legal Department's officer, who
reads only the events he takes part in (a fifth of them), on his first page. Target: every
case under 50 ms, as every list page."""

import re

from django.utils import timezone

from international.models import Event

from . import harness
from .harness import Result, prepared, signed_in, slowest_case_result
from .la_registry import _cases

SIZE = harness.SIZE // 10  # events are fewer: a tenth of the other registers
TARGET_MS = 50
ROW_LINK = re.compile(r'href="/ir/events/(\d+)/"')


def run(runs: int = 7) -> Result:
    people = prepared("events_list", events=SIZE)
    searched = Event.objects.order_by("pk")[SIZE // 3].title.split(" ")[2]  # its number
    officer = signed_in(people["ir_officer"].user)
    cases = _cases(
        officer,
        "international:event-list",
        {
            "first page": {},
            "held": {"status": Event.Status.HELD},
            "seminars": {"kind": Event.Kind.SEMINAR},
            "word search": {"text": "семинар"},
            "number search": {"text": f"event {searched} "},
            "his own": {"mine": "on"},
        },
        runs=runs,
    )
    cases.update(_cases(officer, "international:event-calendar", {"calendar": {}}, runs=runs))
    outsider = signed_in(people["legal_officer"].user)
    cases.update(_cases(outsider, "international:event-list", {"participant from elsewhere": {}}, runs=runs))
    # One event a number, unless there are more numbers than ten times it (the box strips the space).
    expected = min(Event.objects.filter(title__icontains=f"event {searched}").count(), 50)  # the box strips it
    for label, case in cases.items():
        shown = len(set(ROW_LINK.findall(case["html"])))
        if label == "number search" and shown != expected:
            raise RuntimeError(f"events_list {label}: {shown} rows on the page, {expected} expected")
        case["rows"] = shown
    return slowest_case_result("events_list", "register of international events", cases, rows=SIZE, target_ms=TARGET_MS)


def run_budget(runs: int = 7) -> Result:
    """`budget_page`: the year's budget programmes over 100,000 spendings (one an event of the
    100,000 over ten years): this year, a past year and an item's page with its spendings,
    as the IR head. Target: under 50 ms, as every list page."""
    from international.models import BudgetLine

    people = prepared("budget_page", events=SIZE, budget=SIZE)
    head = signed_in(people["ir_head"].user)
    this_year = _cases(head, "international:budget-list", {"this year": {}}, runs=runs)
    past = timezone.localdate().year - 1
    cases = {**this_year, **_cases(head, "international:budget-list", {"a past year": {"year": past}}, runs=runs)}
    line = BudgetLine.objects.filter(year=past, spendings__isnull=False).order_by("pk").first()
    cases.update(_detail_case(head, line, runs))
    for case in cases.values():
        case["rows"] = len(re.findall(r'class="(?:budget|spending)-row"', case["html"]))
    return slowest_case_result("budget_page", "budget programmes of a year", cases, rows=SIZE, target_ms=TARGET_MS)


def _detail_case(client, line, runs: int) -> dict:
    from django.urls import reverse

    from .la_registry import _measure, _page_settings

    with _page_settings():
        return {"an item": _measure(client, reverse("international:budget-detail", args=[line.pk]), runs=runs)}
