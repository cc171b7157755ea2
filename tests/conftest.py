"""Personas: the demo organisation, one account per role (PRODUCT.md, "Who uses it"), and
the suite's today."""

import os
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection

from courtadmin.accounts.middleware import DONE, SECOND_FACTOR_KEY
from courtadmin.core.validators import iin_bin_check_digit
from courtadmin.org.demo import build_demo_organisation

DEMO_TEST_PASSWORD = "a-test-password-long-enough"

# The suite's today: a working Tuesday in Astana. Every test runs on it, its clock ticking,
# unless it states its own with @pytest.mark.time_machine(...), so that no test depends on
# the day it happens to run (CI runs the suite again with the machine's clock a year ahead).
TODAY = datetime(2026, 11, 24, 11, 0, tzinfo=ZoneInfo("Asia/Almaty"))


# The queries of every signed-in page before its own: the session, its user, and the user's
# person with his position (navigation, reach). The session is not written again within the
# minute ("last seen", SESSION_LAST_SEEN_EVERY), so a page measured after sign-in writes nothing.
PAGE = 3


def iin(first_eleven: str = "90010130012") -> str:
    """An IIN that passes its check digit, from its first eleven digits."""
    return first_eleven + str(iin_bin_check_digit(first_eleven))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Give every test without a stated today the suite's; time-machine's own hook then adds
    its fixture to each."""
    for item in items:
        if item.get_closest_marker("time_machine") is None:
            item.add_marker(pytest.mark.time_machine(TODAY))


_suite_clock = time_machine.travel(TODAY)


def pytest_configure(config):
    """Collection (parametrize arguments, module constants) and session fixtures (the test
    database, the browser) live on the suite's today too."""
    _suite_clock.start()


def pytest_unconfigure(config):
    _suite_clock.stop()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Production hashing costs ~0.3 s per password; tests create hundreds of accounts."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _static_without_manifest(settings):
    """Pages render without a prior collectstatic."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _trends_counted_live(settings):
    """Each test counts its own records: the trends' cache of finished months would carry one
    test's counts into the next (tests/dashboard/test_dashboard.py tests the cache itself)."""
    settings.DASHBOARD_TREND_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _private_files_in_tmp(settings, tmp_path):
    """Uploaded files of a test go to its own folder, never to var/media."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


@pytest.fixture(autouse=True)
def _an_empty_cache_of_each_process_its_own(settings):
    """Each test starts with an empty cache (a row a test's rollback removed stays in no
    cache), and test processes running side by side (pytest-xdist) each use a Redis database
    of their own (gw0 the 1st, gw1 the 2nd, ...), as each has its own test database."""
    from django.core.cache import cache

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker and "redis" in settings.CACHES["default"]["BACKEND"].lower():
        database = 1 + int(worker.removeprefix("gw"))
        location = re.sub(r"/\d*$", f"/{database}", settings.CACHES["default"]["LOCATION"])
        settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": location}}
    cache.clear()


@pytest.fixture(autouse=True)
def _audit_checkpoints_in_tmp(settings, tmp_path):
    """Each test's audit checkpoints go to its own file, never to var/."""
    settings.AUDIT_CHECKPOINT_FILE = tmp_path / "audit-checkpoints.jsonl"


@pytest.fixture
def eager(monkeypatch):
    """Celery tasks run in the test's own process, as in the embedded default, whatever broker
    the run has: a job handed on after the commit is done before the test goes on."""
    from courtadmin.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", True)


@pytest.fixture
def people(db):
    """The organisation with its people by username: chairman, ca_head, ir_head, isd_officer, ..."""
    return build_demo_organisation(password=DEMO_TEST_PASSWORD)


@pytest.fixture
def users(people, django_user_model):
    accounts = {username: person.user for username, person in people.items()}
    accounts["sysadmin"] = django_user_model.objects.get(username="sysadmin")
    return accounts


def mark_second_factor_given(client) -> None:
    """What the second-factor page does after a right code (tested in test_second_factor)."""
    session = client.session
    session[SECOND_FACTOR_KEY] = DONE
    session.save()


@pytest.fixture
def client_for(client, users):
    """A test client signed in as the given persona, second factor given."""

    def sign_in(username):
        client.force_login(users[username])
        mark_second_factor_given(client)
        return client

    return sign_in


@pytest.fixture
def complaint(people):
    """One ISD complaint, reached by the ISD head and deputy (ISD 7)."""
    from datetime import date

    from courtadmin.org.models import Region
    from internal_security.models import Complaint

    return Complaint.objects.create(
        number="DL-1",
        received_on=date(2026, 11, 20),
        region=Region.objects.order_by("code").first(),
        court="Court",
        summary="A complaint",
        substance="...",
    )


# One line of the read log on its chain: a savepoint, the chain's lock (PostgreSQL), its last
# hash, the INSERT, the release (courtadmin.audit.chain).
READ_LOG_QUERIES = 5 if connection.vendor == "postgresql" else 4


def requires_postgres():
    return pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL); SQLite lacks this feature"
    )


def required_tool(name: str) -> str:
    """The path of a system program a test needs: skipped on a developer's machine without
    it, a failure in CI (CI=true), where .ci/run installs it."""
    import os
    import shutil

    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs {name} (.ci/run installs it with apt)")
        pytest.skip(f"{name} is not installed")
    return path


def on_the_tests_clock(command: list[str], env: dict) -> tuple[list[str], dict]:
    """A program the test starts (a Celery worker) lives on the test's clock, not the
    machine's: libfaketime starts its clock at the test's now and lets it tick.

    The library is preloaded directly, not through the `faketime` wrapper: the wrapper keeps
    a named semaphore per process, which a process the test kills (SIGKILL) leaves behind, and
    a later process given the same id then fails to start ("sem_open: File exists")."""
    import datetime as dt
    import glob

    required_tool("faketime")
    libraries = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))
    if not libraries:
        pytest.fail("libfaketime.so.1 is not where Debian's faketime puts it")
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    return command, {**env, "TZ": "UTC", "LD_PRELOAD": libraries[0], "FAKETIME": f"@{now}"}


def refusal_codes(call, **kwargs) -> set[str]:
    """The codes of the ValidationError a service raises (its messages are in the user's language)."""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        call(**kwargs)
    error = refused.value
    by_field = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
    return {item.code for items in by_field.values() for item in items}


def page_queries(client, url) -> int:
    """The queries one page costs (the page must answer 200)."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200, url
    return len(captured.captured_queries)
