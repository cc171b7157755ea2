from celery import shared_task
from django.core.management import call_command


@shared_task
def clear_expired_sessions():
    """Delete expired session rows (idempotent: a second run finds nothing to delete)."""
    call_command("clearsessions")
