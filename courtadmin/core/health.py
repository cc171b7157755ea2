"""Health of the parts a load balancer cares about: the database always; Redis and a
Celery worker when they are configured. 200 when every configured part answers, else 503."""

from django.conf import settings
from django.db import connection


def check_database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True, connection.vendor
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        return False, type(exc).__name__


def check_redis() -> tuple[bool, str]:
    import redis

    try:
        timeout = settings.REDIS_TIMEOUT_SECONDS
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=timeout, socket_timeout=timeout)
        client.ping()
        return True, "ok"
    except Exception as exc:  # noqa: BLE001
        return False, type(exc).__name__


def check_celery() -> tuple[bool, str]:
    from courtadmin.celery import app

    try:
        replies = app.control.ping(timeout=1.0)
    except Exception as exc:  # noqa: BLE001
        return False, type(exc).__name__
    return bool(replies), f"{len(replies)} worker(s)"


def health_report() -> tuple[bool, dict]:
    checks = {"database": check_database()}
    if settings.REDIS_URL:
        checks["redis"] = check_redis()
        if not settings.CELERY_TASK_ALWAYS_EAGER and settings.HEALTH_CHECK_CELERY:
            # Without the broker no worker can answer: not asked, so that /health/ answers
            # within Redis's timeouts when it is down or hung.
            checks["celery"] = check_celery() if checks["redis"][0] else (False, "no broker")
    else:
        checks["celery"] = (True, "in-process")
    healthy = all(ok for ok, _ in checks.values())
    body = {
        "status": "ok" if healthy else "error",
        "checks": {name: {"ok": ok, "detail": detail} for name, (ok, detail) in checks.items()},
    }
    return healthy, body
