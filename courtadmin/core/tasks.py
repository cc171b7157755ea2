from celery import shared_task

from . import jobs


@shared_task(acks_late=True)
def run_job(job_id: int) -> str:
    """Do one promised job (core.jobs): claimed under a lease, done once, retried from its row."""
    return jobs.job_run(job_id)


@shared_task
def sweep() -> dict:
    """Beat, every minute: hand on the jobs due and do the periodic duties due (core.jobs)."""
    return jobs.sweep()
