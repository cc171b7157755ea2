"""The portal in real processes, for the tests of what happens in the server room (the
reliability issue): a Redis of the test's own on a port of its own, gunicorn serving the
portal, Celery workers and beat, all on the test's PostgreSQL database and the test's clock,
each stopped, hung or killed by the test. HTTP goes over loopback without following redirects."""

import contextlib
import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection

from tests.conftest import mark_second_factor_given, on_the_tests_clock, required_tool

ROOT = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout: float = 120, every: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


class OwnRedis:
    """A Redis of the test's own: started, stopped (its data gone, as after a crash with no
    persistence), hung (SIGSTOP: it accepts connections and answers nothing) and resumed."""

    def __init__(self, folder: Path):
        self.binary = required_tool("redis-server")
        self.port = free_port()
        self.folder = folder
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "OwnRedis":
        arguments = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(  # noqa: S603 - the system's redis-server with fixed arguments
            [*arguments, "--dir", str(self.folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        assert wait_until(self._answers, timeout=20), "the test's Redis did not start"
        return self

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=20)

    def hang(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)


@contextlib.contextmanager
def application_role():
    """The role the portal runs under in production, which owns nothing
    (grant_application_role), made for the test's database and dropped after it."""
    from courtadmin.core.management.commands.grant_application_role import grant_application_role

    role = f"{connection.settings_dict['NAME']}_app"[:63]
    grant_application_role(role)
    try:
        yield role
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP OWNED BY "{role}"; DROP ROLE "{role}"')


def portal_environment(redis_url: str, folder: Path, *, database_user: str = "", **extra) -> dict:
    """The environment of the portal's processes: the test's database (as `database_user`,
    else as the test's own), the given Redis, the test's secrets (sessions, signing keys,
    audit key), and short sweeps and leases."""
    database = connection.settings_dict
    user = database_user or database["USER"]
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "courtadmin.settings",
        "DATABASE_URL": f"postgres://{user}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "REDIS_URL": redis_url,
        "SECRET_KEY": settings.SECRET_KEY,
        "SIGNING_KEY_PASSPHRASE": settings.SIGNING_KEY_PASSPHRASE,
        "AUDIT_CHAIN_KEYS": ",".join(settings.AUDIT_CHAIN_KEYS),
        "AUDIT_CHECKPOINT_FILE": str(folder / "audit-checkpoints.jsonl"),
        "COURTADMIN_VAR_DIR": str(folder),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECOND_FACTOR_ENFORCED": "false",
        # The test's accounts are hashed as the test process hashes them (tests/conftest.py).
        "PASSWORD_HASHERS": ",".join(settings.PASSWORD_HASHERS),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_FILE_PATH": str(folder / "mail"),
        "JOB_SWEEP_SECONDS": "2",
        "JOB_LEASE_SECONDS": "10",
        "REMINDER_SCAN_SECONDS": "2",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


class Process:
    """A process of the portal's, in a process group of its own (killed with its children)."""

    def __init__(self, command: list[str], environment: dict, log: Path):
        self.command, self.environment, self.log = command, environment, log
        self.process = None

    def start(self) -> "Process":
        command, environment = on_the_tests_clock(self.command, self.environment)
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
            command,
            env=environment,
            cwd=ROOT,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def stop(self, how=signal.SIGTERM) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, how)
            self.process.wait(timeout=30)

    def tail(self, characters: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-characters:] if self.log.exists() else ""


def gunicorn(environment: dict, folder: Path, *, workers: int = 2) -> tuple[Process, int]:
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "courtadmin.wsgi:application", "--workers", str(workers)]
    command += ["--bind", f"127.0.0.1:{port}", "--timeout", "60", "--log-level", "warning"]
    server = Process(command, environment, folder / f"gunicorn-{port}.log").start()
    assert wait_until(lambda: _accepts(port), timeout=60), server.tail()
    return server, port


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def worker(environment: dict, folder: Path, *, name: str, beat: bool = False) -> Process:
    command = [sys.executable, "-m", "celery", "-A", "courtadmin", "worker", "--pool", "solo", "-n", f"{name}@%h"]
    command += ["-Q", "default,documents,notifications", "--loglevel", "INFO"]
    if beat:
        command += ["--beat", "-s", str(folder / f"beat-schedule-{name}")]
    return Process(command, environment, folder / f"worker-{name}.log").start()


def beat(environment: dict, folder: Path) -> Process:
    command = [sys.executable, "-m", "celery", "-A", "courtadmin", "beat", "-s", str(folder / "beat-schedule")]
    return Process([*command, "--loglevel", "INFO"], environment, folder / "beat.log").start()


class Browser:
    """A signed-in person at a browser, over loopback: his session cookie and a CSRF token of
    his own, no redirect followed (a 302 is the answer looked at)."""

    def __init__(self, user, port: int):
        from django.test import Client

        client = Client()
        client.force_login(user)
        mark_second_factor_given(client)
        self.session = client.cookies[settings.SESSION_COOKIE_NAME].value
        self.csrf = secrets.token_hex(16)  # a token Django accepts unmasked (32 characters)
        self.port = port

    def request(self, method: str, path: str, data: dict | None = None, timeout: float = 20):
        body = urlencode({**(data or {}), "csrfmiddlewaretoken": self.csrf}, doseq=True) if method == "POST" else None
        headers = {
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={self.session}; {settings.CSRF_COOKIE_NAME}={self.csrf}",
            "Host": "127.0.0.1",
            "Referer": f"http://127.0.0.1:{self.port}{path}",
        }
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            answer = conn.getresponse()
            answer.read()
            return answer.status, answer.getheader("Location", ""), time.monotonic() - started
        finally:
            conn.close()

    def post(self, path: str, data: dict, timeout: float = 20):
        return self.request("POST", path, data, timeout)

    def get(self, path: str, timeout: float = 20):
        return self.request("GET", path, None, timeout)


def mail_count(folder: Path, header: str) -> dict[str, int]:
    """How many messages of the file back-end carry each value of `header`."""
    counts: dict[str, int] = {}
    for path in (folder / "mail").glob("*.log") if (folder / "mail").exists() else ():
        for value in re.findall(rf"^{header}: (.+)$", path.read_text(errors="replace"), flags=re.MULTILINE):
            counts[value] = counts.get(value, 0) + 1
    return counts
