import pytest
from django.urls import reverse

from courtadmin.core import health


@pytest.fixture(autouse=True)
def _no_worker_expected(settings):
    """No Celery worker runs beside the test suite; the worker check has its own test."""
    settings.HEALTH_CHECK_CELERY = False


def test_health_reports_database_as_json(client, db):
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True


def test_health_answers_503_when_a_part_fails(client, db, monkeypatch):
    monkeypatch.setattr(health, "check_database", lambda: (False, "OperationalError"))
    response = client.get(reverse("core:health"))
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"ok": False, "detail": "OperationalError"}


def test_health_checks_redis_when_configured(client, db, settings):
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: Redis is not configured")
    body = client.get(reverse("core:health")).json()
    assert body["checks"]["redis"]["ok"] is True


def test_health_reports_unreachable_redis(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get(reverse("core:health"))
    assert response.status_code == 503
    assert response.json()["checks"]["redis"]["ok"] is False


def test_health_fails_when_no_celery_worker_answers(client, db, settings, monkeypatch):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.HEALTH_CHECK_CELERY = True
    monkeypatch.setattr(health, "check_redis", lambda: (True, "ok"))
    monkeypatch.setattr(health, "check_celery", lambda: (False, "0 worker(s)"))
    response = client.get(reverse("core:health"))
    assert response.status_code == 503
    assert response.json()["checks"]["celery"] == {"ok": False, "detail": "0 worker(s)"}
