from celery import shared_task

from . import services


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=300, max_retries=5)
def scan_reminders() -> int:
    """Beat runs this every few minutes: create what is due, then send it. Both halves are
    safe to run twice and at the same time as another worker's."""
    created = services.reminders_scan()
    send_reminders.delay()
    return created


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=300, max_retries=5)
def send_reminders() -> int:
    return services.reminders_send()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=300, max_retries=5)
def send_digests() -> int:
    return services.digests_send()
