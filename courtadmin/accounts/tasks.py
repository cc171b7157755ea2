from celery import shared_task

from .services import sessions_clear_expired


@shared_task
def clear_expired_sessions():
    """Delete expired session rows (idempotent: a second run finds nothing to delete)."""
    return sessions_clear_expired()
