"""Celery for real (issue 5.4, 5.5): a worker with beat against the real Redis and the test
PostgreSQL database; beat's scan finds what is due, the sender sends each reminder once; a
worker killed during a send and started again still sends each reminder once, except the one
case the design admits: an e-mail that left before the kill, whose commit did not happen,
goes again (its portal notification does not, being in the same transaction)."""

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from courtadmin.deadlines.calendar import is_working_day
from courtadmin.deadlines.models import DayTransfer, Deadline, Notification, Reminder
from tests.conftest import on_the_tests_clock, requires_postgres
from tests.deadlines.conftest import complaints_like

pytestmark = [requires_postgres(), pytest.mark.django_db(transaction=True)]
ROOT = Path(settings.BASE_DIR)
TEST_BROKER_DB = 15  # a Redis database of its own: no message of another test is picked up


@pytest.fixture
def broker():
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: no broker for a real worker")
    import redis

    url = re.sub(r"/\d+$", f"/{TEST_BROKER_DB}", settings.REDIS_URL)
    redis.Redis.from_url(url).flushdb()
    yield url
    redis.Redis.from_url(url).flushdb()


def start_worker(tmp_path, broker, mail_dir, *, slow=False):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "REDIS_URL": broker,
        "EMAIL_FILE_PATH": str(mail_dir),
        "REMINDER_SCAN_SECONDS": "2",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "PYTHONPATH": str(ROOT),
    }
    if slow:
        env["EMAIL_FILE_BACKEND"] = "tests.deadlines.slow_mail.SlowFileBackend"
    log = (tmp_path / "worker.log").open("ab")
    command = [sys.executable, "-m", "celery", "-A", "courtadmin", "worker", "--beat", "--pool", "solo"]
    command += ["-s", str(tmp_path / "beat-schedule"), "-Q", "default,documents,notifications", "--loglevel", "INFO"]
    command, env = on_the_tests_clock(command, env)
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)  # noqa: S603


def stop(worker, sig=signal.SIGTERM):
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
        worker.wait(timeout=30)


def sent_emails(mail_dir) -> Counter:
    counts = Counter()
    for path in mail_dir.glob("*.log"):
        counts.update(int(found) for found in re.findall(r"X-Courtadmin-Reminder: (\d+)", path.read_text()))
    return counts


def wait_until(condition, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def due_today(people, complaint, count, offset=0):
    today = timezone.localdate()
    made = []
    for n, record in enumerate(complaints_like(complaint, count)):
        user = people[["isd_officer", "isd_officer2", "isd_almaty", "isd_deputy"][(n + offset) % 4]].user
        user.email = f"{user.username}@court.local"
        user.save()
        made.append(
            Deadline.objects.create(
                record=record,
                kind="isd.appeal.forwarding",
                department="ISD",
                legal_basis="АППК",
                started_on=today - timedelta(days=5),
                due_on=today,
                original_due_on=today,
                responsible=user,
            )
        )
    return made


def test_a_real_worker_sends_each_reminder_once_even_when_killed(people, complaint, broker, tmp_path):
    today = timezone.localdate()
    if not is_working_day(today):  # reminders go on working days; make today one for the test
        DayTransfer.objects.create(day=today, kind="working_day", decree_number="test", decree_date=today)
    mail_dir = tmp_path / "mail"

    # Beat's scan finds the five due today; the worker sends each once.
    first = due_today(people, complaint, 5)
    worker = start_worker(tmp_path, broker, mail_dir)
    try:
        assert wait_until(lambda: Reminder.objects.filter(sent_at__isnull=False).count() == 5), (
            tmp_path / "worker.log"
        ).read_text()[-3000:]
        time.sleep(5)  # two more scans and sends: nothing more may go
    finally:
        stop(worker)
    emails = sent_emails(mail_dir)
    ids = set(Reminder.objects.filter(deadline__in=first).values_list("id", flat=True))
    assert set(emails) == ids and set(emails.values()) == {1}

    # Killed during a send (the slow back-end holds it between the e-mail and the commit).
    second = due_today(people, complaint, 5, offset=1)
    worker = start_worker(tmp_path, broker, mail_dir, slow=True)
    try:
        assert wait_until(lambda: len(sent_emails(mail_dir)) > len(emails))
    finally:
        stop(worker, signal.SIGKILL)
    worker = start_worker(tmp_path, broker, mail_dir)
    try:
        assert wait_until(
            lambda: Reminder.objects.filter(sent_at__isnull=True).count() == 0 and Reminder.objects.count() == 10
        )
    finally:
        stop(worker)
    emails = sent_emails(mail_dir)
    ids = set(Reminder.objects.filter(deadline__in=second).values_list("id", flat=True))
    assert ids <= set(emails)
    repeated = [reminder for reminder, count in emails.items() if count > 1]
    assert len(repeated) <= 1  # at most the one caught between its e-mail and its commit
    assert Notification.objects.count() == 10  # in the portal, never twice
