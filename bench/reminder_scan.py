"""`reminder_scan`: one scan over 1,000,000 active deadlines, against the bare SQL that
selects the due ones (issue 5; target: under 30 s)."""

import statistics
import time

from django.db import connection
from django.utils import timezone

from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.models import DayTransfer, Deadline, Reminder
from courtadmin.deadlines.services import reminders_scan

from .harness import SIZE, Result, ensure_load


def run(runs: int = 3) -> Result:
    today = timezone.localdate()
    if not WorkingCalendar().is_working_day(today):
        DayTransfer.objects.get_or_create(
            day=today, defaults={"kind": "working_day", "decree_number": "bench", "decree_date": today}
        )
    generated = ensure_load(deadlines=SIZE)
    if generated:
        print(f"reminder_scan: generated {'; '.join(generated)}")
    calendar = WorkingCalendar()
    due_days = [calendar.add_working_days(today, days) for days in (3, 1)] + [today]
    bare_sql = (
        f"SELECT id, responsible_id FROM {Deadline._meta.db_table} "  # noqa: S608
        "WHERE state IN ('open', 'extended') AND (due_on IN (%s, %s, %s) OR due_on < %s)"
    )

    def bare():
        with connection.cursor() as cursor:
            cursor.execute(bare_sql, [*due_days, today])
            return len(cursor.fetchall())

    ours_timings, baseline_timings, created, selected = [], [], 0, 0
    for _ in range(runs):
        Reminder.objects.all().delete()
        started = time.perf_counter()
        created = reminders_scan(today)
        ours_timings.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        selected = bare()
        baseline_timings.append((time.perf_counter() - started) * 1000)
    repeat_started = time.perf_counter()
    repeated = reminders_scan(today)
    repeat_ms = (time.perf_counter() - repeat_started) * 1000
    running = Deadline.objects.filter(state__in=Deadline.ACTIVE)
    active, overdue = running.count(), running.filter(due_on__lt=today).count()
    return Result(
        name="reminder_scan",
        measures=(
            f"one scan over {active:,} active deadlines ({overdue:,} overdue): {created:,} reminder rows created "
            f"(the bare SQL selects {selected:,} deadlines); a repeat scan creates {repeated} in {repeat_ms:.0f} ms"
        ),
        ours_ms=statistics.median(ours_timings),
        baseline="bare SQL selecting the due deadlines",
        baseline_ms=statistics.median(baseline_timings),
        rows=SIZE,
        target="under 30 000 ms",
    )
