from celery import shared_task

from . import services


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=300, max_retries=5)
def scan_reminders() -> int:
    """Beat runs this every few minutes: create what is due, then send it. Both halves are
    safe to run twice and at the same time as another worker's; a run lost with the broker is
    made good by the next one, since the reminders are rows (the daily digest is a periodic
    duty of core.jobs)."""
    created = services.reminders_scan()
    services.reminders_send()
    return created
