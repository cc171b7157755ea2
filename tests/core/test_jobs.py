"""Jobs and periodic duties (the reliability issue, courtadmin/core/jobs.py), in one process:
a promise is a row of the change's transaction, done once, retried with backoff, failed with
its error after the last attempt; held by a worker's lease, handed on by the sweep once the
lease is over; a periodic duty is done once per period, and tried again when it failed."""

from datetime import datetime, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from courtadmin.core import jobs
from courtadmin.core.models import Job, PeriodicRun

pytestmark = pytest.mark.django_db

done: list[dict] = []
failures: list[str] = []


@pytest.fixture(autouse=True)
def test_kinds(monkeypatch):
    """A kind whose handler records its payload and fails while told to, and a duty due daily."""
    monkeypatch.setattr(jobs, "_KINDS", dict(jobs._KINDS))
    monkeypatch.setattr(jobs, "_DUTIES", {})
    done.clear()
    failures.clear()

    def handler(payload):
        if payload.get("fail"):
            raise RuntimeError("the printer is on fire")
        done.append(payload)

    jobs.register_job_kind(jobs.JobKind("test.kind", handler, on_failure=lambda payload, error: failures.append(error)))


def test_a_promise_rolled_back_with_its_change_leaves_no_job():
    with pytest.raises(RuntimeError), transaction.atomic():
        jobs.job_promise("test.kind", "1", n=1)
        raise RuntimeError("the change failed")
    assert not Job.objects.exists()


def test_promised_twice_it_is_one_job_done_once():
    first = jobs.job_promise("test.kind", "7", n=7)
    second = jobs.job_promise("test.kind", "7", n=7)
    assert first.pk == second.pk and Job.objects.count() == 1
    assert jobs.job_run(first.pk) == "done"
    assert jobs.job_run(first.pk) == "skipped"  # a second delivery of the message changes nothing
    assert done == [{"n": 7}]
    assert Job.objects.get().state == Job.State.DONE


def test_a_failing_job_is_retried_with_backoff_then_failed_with_its_error(time_machine, monkeypatch):
    monkeypatch.setattr(jobs, "MAX_ATTEMPTS", 3)
    job = jobs.job_promise("test.kind", "9", fail=True)
    assert jobs.job_run(job.pk) == "retry"
    assert jobs.job_run(job.pk) == "skipped"  # not before its backoff (10 s)
    time_machine.shift(timedelta(seconds=11))
    assert jobs.job_run(job.pk) == "retry"
    time_machine.shift(timedelta(seconds=21))  # 20 s the second time
    assert jobs.job_run(job.pk) == "failed"
    job.refresh_from_db()
    assert (job.state, job.attempts, job.last_error) == (Job.State.FAILED, 3, "RuntimeError: the printer is on fire")
    assert failures == ["RuntimeError: the printer is on fire"]
    # Promised again (the user's "Try again"), it is due again from its first attempt.
    jobs.job_promise("test.kind", "9", n=9)
    assert jobs.job_run(job.pk) == "done" and done == [{"n": 9}]


def test_a_job_held_by_a_worker_is_not_swept_until_its_lease_is_over(time_machine, settings):
    settings.JOB_LEASE_SECONDS = 120
    job = jobs.job_promise("test.kind", "3", n=3)
    assert list(jobs.jobs_due()) == []  # just promised: the relay is handing it on
    time_machine.shift(jobs.RELAY_GRACE + timedelta(seconds=1))
    assert list(jobs.jobs_due()) == [job]
    held = jobs._claim(job.pk)  # a worker takes it, then dies
    assert held is not None and list(jobs.jobs_due()) == []
    assert jobs.job_run(job.pk) == "skipped"  # nobody else runs it meanwhile
    time_machine.shift(timedelta(seconds=121))
    assert list(jobs.jobs_due()) == [job]
    assert jobs.job_run(job.pk) == "done"
    assert Job.objects.get().attempts == 2


def test_a_duty_is_done_once_per_period_and_tried_again_after_a_failure(time_machine):
    runs = []
    broken = {"yes": True}

    def digest():
        if broken["yes"]:
            raise RuntimeError("mail server down")
        runs.append(timezone.localdate())

    after_half_past_eight = lambda now: now.date().isoformat() if timezone.localtime(now).hour >= 9 else None  # noqa: E731
    jobs.register_duty(jobs.Duty("test-digest", after_half_past_eight, digest))
    time_machine.move_to(timezone.make_aware(datetime(2026, 11, 24, 8, 0)), tick=False)
    assert jobs.duties_run() == []  # not due yet
    time_machine.move_to(timezone.make_aware(datetime(2026, 11, 24, 10, 0)), tick=False)
    assert jobs.duties_run() == []  # due, failed: no row, tried again
    assert not PeriodicRun.objects.exists()
    broken["yes"] = False
    assert jobs.duties_run() == ["test-digest 2026-11-24"]
    assert jobs.duties_run() == []  # the next sweeps: done already
    assert runs == [datetime(2026, 11, 24).date()]
