"""Side effects that survive the broker (the reliability issue).

A change that promises a side effect (a PDF to render and sign, an e-mail, an export) calls
`job_promise` inside its own transaction: the promise is a `Job` row, committed with the
change or not at all. After the commit the relay hands its id to Celery; if the broker is
down or hangs (socket timeouts, no retry), the request still answers what it did, and the row
waits. Beat's sweep (every minute) hands on every row that is due and not held by a worker,
so a job lost with the broker, a message dropped or a worker killed mid-job is done late,
never lost. A worker claims a row (SELECT ... FOR UPDATE SKIP LOCKED, then a lease), runs the
kind's handler and marks it done; a handler is idempotent, so a second run changes nothing.
A failure is retried with backoff; after the last attempt the row is failed, with its error,
and the kind's `on_failure` says so where the user looks.

Periodic duties (the day's digest, the week's report) are checked by the same sweep against
`PeriodicRun` rows: a run beat could not hand over is done once the broker is back.
"""

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .models import Job, PeriodicRun

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# What the sweep leaves to the relay: a job promised this recently is on its way already.
RELAY_GRACE = timedelta(seconds=30)


@dataclass(frozen=True)
class JobKind:
    code: str
    handler: Callable[[dict], object]  # does the job; idempotent
    queue: str = "default"
    on_failure: Callable[[dict, str], None] | None = None  # after the last attempt


_KINDS: dict[str, JobKind] = {}


def register_job_kind(kind: JobKind) -> None:
    _KINDS[kind.code] = kind


def job_promise(kind: str, key: str, **payload) -> Job:
    """Promise a side effect of the change being committed: a row in its transaction, handed
    to a worker once it commits. Promised twice (same kind and key), it is one job; a job done
    or failed before is made due again."""
    spec = _KINDS[kind]
    with transaction.atomic():
        job, created = Job.objects.get_or_create(kind=kind, key=key, defaults={"payload": payload, "queue": spec.queue})
        if not created and job.state != Job.State.PENDING:
            Job.objects.filter(pk=job.pk).update(
                state=Job.State.PENDING, payload=payload, attempts=0, last_error="", run_after=timezone.now()
            )
    transaction.on_commit(lambda: relay(job.pk, spec.queue))
    return job


def relay(job_id: int, queue: str) -> bool:
    """Hand a job to the broker; if the broker cannot take it now, the sweep will."""
    from .tasks import run_job

    try:
        run_job.apply_async(args=[job_id], queue=queue, retry=False)
    except Exception as error:  # noqa: BLE001 - a broker down or hung: the row waits for the sweep
        log.warning("job %s waits for the sweep: the broker did not take it (%s)", job_id, error)
        return False
    return True


def _claim(job_id: int) -> Job | None:
    now = timezone.now()
    with transaction.atomic():
        job = (
            Job.objects.select_for_update(skip_locked=True)
            .filter(pk=job_id, state=Job.State.PENDING, run_after__lte=now)
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
            .first()
        )
        if job is None:
            return None
        # The worker holds it for JOB_LEASE_SECONDS (beyond the longest job): held longer by a
        # worker that died, it is anyone's again.
        job.claimed_until = now + timedelta(seconds=settings.JOB_LEASE_SECONDS)
        job.attempts += 1
        job.save(update_fields=["claimed_until", "attempts"])
    return job


def job_run(job_id: int) -> str:
    """Do one job if it is due and nobody holds it: "done", "retry", "failed" or "skipped"."""
    job = _claim(job_id)
    if job is None:
        return "skipped"
    spec = _KINDS[job.kind]
    try:
        spec.handler(job.payload)
    except Exception as error:  # noqa: BLE001 - every failure is kept on the row and retried
        message = f"{type(error).__name__}: {error}"[:500]
        if job.attempts >= MAX_ATTEMPTS:
            Job.objects.filter(pk=job.pk).update(state=Job.State.FAILED, last_error=message, claimed_until=None)
            if spec.on_failure is not None:
                spec.on_failure(job.payload, message)
            return "failed"
        backoff = timedelta(seconds=min(600, 10 * 2 ** (job.attempts - 1)))
        Job.objects.filter(pk=job.pk).update(last_error=message, claimed_until=None, run_after=timezone.now() + backoff)
        return "retry"
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.DONE, done_at=timezone.now(), claimed_until=None, last_error=""
    )
    return "done"


def jobs_due(now: datetime | None = None):
    """Jobs due that no worker holds and that the relay is not handing on now."""
    now = now or timezone.now()
    return (
        Job.objects.filter(state=Job.State.PENDING, run_after__lte=now, created_at__lte=now - RELAY_GRACE)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("run_after")
    )


def job_delayed(kind: str, key: str) -> bool:
    """A job promised and still waiting past the relay's grace: the broker or the workers are
    not answering (the pages say so, and that nothing is lost)."""
    return Job.objects.filter(
        kind=kind, key=key, state=Job.State.PENDING, created_at__lt=timezone.now() - RELAY_GRACE
    ).exists()


# --- Periodic duties ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Duty:
    name: str
    # The period due at a moment ("2026-11-24" for the day's digest after 08:30), or None.
    period_due: Callable[[datetime], str | None]
    run: Callable[[], object]


_DUTIES: dict[str, Duty] = {}


def register_duty(duty: Duty) -> None:
    _DUTIES[duty.name] = duty


def duties_run(now: datetime | None = None) -> list[str]:
    """Do each duty whose period is due and not done yet; returns "name period" of each done.
    A duty that fails is tried again at the next sweep; one done is never done again."""
    now = now or timezone.now()
    done = []
    for duty in _DUTIES.values():
        period = duty.period_due(now)
        if period is None or PeriodicRun.objects.filter(name=duty.name, period=period).exists():
            continue
        try:
            duty.run()
        except Exception:  # noqa: BLE001 - logged; the next sweep tries again
            log.exception("periodic duty %s for %s failed; it will be tried again", duty.name, period)
            continue
        with contextlib.suppress(IntegrityError):  # another sweep finished it a moment ago
            PeriodicRun.objects.create(name=duty.name, period=period)
        done.append(f"{duty.name} {period}")
    return done


def sweep(now: datetime | None = None) -> dict:
    """Beat, every minute: hand on the jobs due, and do the periodic duties due."""
    handed = sum(relay(job.pk, job.queue) for job in jobs_due(now)[:500])
    return {"jobs_handed": handed, "duties": duties_run(now)}
