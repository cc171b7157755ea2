"""Periodic tasks: every entry of beat's schedule runs once without raising, on the demo
organisation, and the hourly session clean-up deletes what has expired and nothing else."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from courtadmin.accounts.models import PortalSession
from courtadmin.accounts.tasks import clear_expired_sessions
from courtadmin.celery import app


@pytest.mark.parametrize("entry", sorted(settings.CELERY_BEAT_SCHEDULE))
def test_each_beat_entry_runs_once_without_raising(people, entry):
    app.loader.import_default_modules()  # the tasks modules, as a worker finds them at start
    task = app.tasks[settings.CELERY_BEAT_SCHEDULE[entry]["task"]]
    result = task.apply(throw=False)
    assert result.successful(), result.traceback


def session(key, *, user, idle_for, signed_in_ago):
    now = timezone.now()
    return PortalSession.objects.create(
        session_key=key,
        session_data="",
        user=user,
        expire_date=now + settings.SESSION_IDLE_TIMEOUT - idle_for,
        started_at=now - signed_in_ago,
    )


def test_the_hourly_clean_up_deletes_expired_sessions_only(users):
    """GIVEN a session in use, one idle past the timeout and one past the absolute lifetime
    WHEN the hourly task runs THEN only the one in use is left; a second run deletes nothing."""
    user = users["ir_officer"]
    idle, lifetime = settings.SESSION_IDLE_TIMEOUT, settings.SESSION_ABSOLUTE_LIFETIME
    session("in-use", user=user, idle_for=timedelta(minutes=1), signed_in_ago=timedelta(hours=1))
    session("idle", user=user, idle_for=idle + timedelta(minutes=1), signed_in_ago=timedelta(hours=1))
    session("too-old", user=user, idle_for=timedelta(0), signed_in_ago=lifetime + timedelta(minutes=1))

    assert clear_expired_sessions.apply().get() == 2
    assert list(PortalSession.objects.values_list("session_key", flat=True)) == ["in-use"]
    assert clear_expired_sessions.apply().get() == 0
