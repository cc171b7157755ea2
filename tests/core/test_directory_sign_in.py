"""Directory sign-in (the reliability issue, part 5): LDAP / Active Directory through
django-auth-ldap, against a real OpenLDAP server (slapd) that the test starts on a port of
its own. The directory checks the password of a portal account and gives nothing else: no
user it does not know of, no position, reach, staff or superuser flag; the second factor
follows as after a local password; without the directory, local passwords still work."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.urls import reverse

from courtadmin.accounts.middleware import SECOND_FACTOR_KEY
from courtadmin.org.models import Person
from tests.conftest import DEMO_TEST_PASSWORD, required_tool
from tests.processes import free_port, wait_until

SUFFIX = "dc=sot,dc=kz"
ROOT_DN = f"cn=admin,{SUFFIX}"
ROOT_PASSWORD = "directory-root-secret"  # noqa: S105 - the test directory's own
DIRECTORY_PASSWORD = "Kokterek-Directory-2026!"  # noqa: S105 - a person's password in the directory


def _ldap():
    if os.environ.get("CI"):
        import ldap  # in CI python-ldap is installed (.ci/run): a failure, not a skip

        return ldap
    return pytest.importorskip("ldap", reason="python-ldap is not installed (make .venv/.directory)")


class Slapd:
    """An OpenLDAP server of the test's own: slapd.conf in a temporary folder, an MDB database,
    in the foreground on 127.0.0.1 and a free port."""

    def __init__(self, folder):
        self.binary = required_tool("slapd")
        self.folder = folder
        self.port = free_port()
        self.process = None

    @property
    def uri(self) -> str:
        return f"ldap://127.0.0.1:{self.port}"

    def start(self) -> "Slapd":
        data = self.folder / "data"
        data.mkdir(exist_ok=True)
        schemas = "\n".join(f"include /etc/ldap/schema/{name}.schema" for name in ("core", "cosine", "inetorgperson"))
        (self.folder / "slapd.conf").write_text(
            f"{schemas}\nmodulepath /usr/lib/ldap\nmoduleload back_mdb\npidfile {self.folder}/slapd.pid\n"
            f'database mdb\ndirectory {data}\nsuffix "{SUFFIX}"\nrootdn "{ROOT_DN}"\nrootpw {ROOT_PASSWORD}\n'
        )
        self.process = subprocess.Popen(  # noqa: S603 - the system's slapd with fixed arguments
            [self.binary, "-f", str(self.folder / "slapd.conf"), "-h", f"{self.uri}/", "-d", "0"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert wait_until(self._answers, timeout=20), "slapd did not start"
        return self

    def _answers(self) -> bool:
        ldap = _ldap()
        try:
            connection = ldap.initialize(self.uri)
            connection.simple_bind_s(ROOT_DN, ROOT_PASSWORD)
            return True
        except ldap.LDAPError:
            return False

    def add(self, dn: str, **attributes) -> None:
        ldap = _ldap()
        from ldap import modlist

        connection = ldap.initialize(self.uri)
        connection.simple_bind_s(ROOT_DN, ROOT_PASSWORD)
        values = {
            key: [v.encode() for v in (value if isinstance(value, list) else [value])]
            for key, value in attributes.items()
        }
        connection.add_s(dn, modlist.addModlist(values))

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=20)


@pytest.fixture(scope="module")
def directory(tmp_path_factory):
    """The court's directory: the people's accounts under ou=people, one of them in a group
    called Domain Admins, and one account the portal does not know."""
    server = Slapd(tmp_path_factory.mktemp("slapd")).start()
    server.add(SUFFIX, objectClass=["dcObject", "organization"], dc="sot", o="Sot akimshiligi")
    server.add(f"ou=people,{SUFFIX}", objectClass="organizationalUnit", ou="people")
    for name in ("IR_Officer", "isd_head", "stranger"):
        server.add(
            f"uid={name},ou=people,{SUFFIX}",
            objectClass="inetOrgPerson",
            uid=name,
            cn=name,
            sn=name,
            mail=f"{name.lower()}@directory.example",
            userPassword=DIRECTORY_PASSWORD,
        )
    server.add(
        f"cn=Domain Admins,{SUFFIX}",
        objectClass="groupOfNames",
        cn="Domain Admins",
        member=f"uid=IR_Officer,ou=people,{SUFFIX}",
    )
    yield server
    server.stop()


@pytest.fixture
def directory_on(settings, directory):
    """The settings that LDAP_SERVER_URI and its companions give (settings.py)."""
    ldap = _ldap()
    from django_auth_ldap.config import LDAPSearch

    settings.AUTH_LDAP_SERVER_URI = directory.uri
    settings.AUTH_LDAP_BIND_DN = ROOT_DN
    settings.AUTH_LDAP_BIND_PASSWORD = ROOT_PASSWORD
    settings.AUTH_LDAP_USER_SEARCH = LDAPSearch(f"ou=people,{SUFFIX}", ldap.SCOPE_SUBTREE, "(uid=%(user)s)")
    settings.AUTH_LDAP_NO_NEW_USERS = True
    settings.AUTH_LDAP_USER_ATTR_MAP = {}
    settings.AUTH_LDAP_ALWAYS_UPDATE_USER = False
    settings.AUTH_LDAP_CONNECTION_OPTIONS = {ldap.OPT_NETWORK_TIMEOUT: 2, ldap.OPT_TIMEOUT: 2, ldap.OPT_REFERRALS: 0}
    backends = list(settings.AUTHENTICATION_BACKENDS)
    settings.AUTHENTICATION_BACKENDS = [backends[0], "courtadmin.accounts.directory.DirectoryBackend", *backends[1:]]
    return directory


def sign_in(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR="10.0.0.9")


def test_the_settings_turn_directory_sign_in_on_from_the_environment():
    """GIVEN LDAP_SERVER_URI and its companions in the environment THEN settings.py puts the
    directory back-end after axes and before local passwords, searching where it is told, and
    makes no new user; without LDAP_SERVER_URI there is no directory back-end."""
    _ldap()
    script = (
        "from django.conf import settings as s; import django; django.setup(); "
        "print(s.AUTHENTICATION_BACKENDS[1]); print(s.AUTH_LDAP_USER_SEARCH.base_dn); "
        "print(s.AUTH_LDAP_USER_SEARCH.filterstr); print(s.AUTH_LDAP_NO_NEW_USERS, s.AUTH_LDAP_USER_ATTR_MAP)"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "courtadmin.settings",
        "DATABASE_URL": "sqlite://:memory:",
        "LDAP_SERVER_URI": "ldaps://dc1.sot.local",
        "LDAP_USER_SEARCH_BASE": "OU=Staff,DC=sot,DC=local",
    }
    on = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True)  # noqa: S603
    assert on.stdout.split("\n")[:4] == [
        "courtadmin.accounts.directory.DirectoryBackend",
        "OU=Staff,DC=sot,DC=local",
        "(sAMAccountName=%(user)s)",
        "True {}",
    ]
    environment.pop("LDAP_SERVER_URI")
    backends = "import django; django.setup(); from django.conf import settings as s; print(s.AUTHENTICATION_BACKENDS)"
    off = subprocess.run([sys.executable, "-c", backends], env=environment, capture_output=True, text=True, check=True)  # noqa: S603
    assert "DirectoryBackend" not in off.stdout


def test_a_directory_password_signs_in_the_portal_user_of_that_name_and_the_second_factor_follows(
    client, users, directory_on
):
    """GIVEN IR_Officer in the directory (in its Domain Admins group) WHEN he signs in as
    ir_officer with his directory password THEN he is the portal's ir_officer, with the
    positions the personnel office gave him and no flag from the directory; a password that
    the directory refuses is refused."""
    officer = users["ir_officer"]
    position = Person.objects.get(user=officer).position_id

    assert sign_in(client, "ir_officer", "not-his-password").status_code == 200
    assert "_auth_user_id" not in client.session

    answer = sign_in(client, "IR_Officer", DIRECTORY_PASSWORD)
    assert answer.status_code == 302
    assert int(client.session["_auth_user_id"]) == officer.pk
    assert client.session["_auth_user_backend"] == "courtadmin.accounts.directory.DirectoryBackend"
    officer.refresh_from_db()
    assert (officer.is_staff, officer.is_superuser) == (False, False)
    assert officer.email != "ir_officer@directory.example"  # nothing copied from the directory
    assert Person.objects.get(user=officer).position_id == position is not None


def test_a_head_signed_in_by_the_directory_still_gives_the_second_factor(client, users, directory_on):
    """GIVEN isd_head, who must have a second factor WHEN the directory lets him in THEN the
    portal holds him at the second factor's enrolment before any page."""
    assert sign_in(client, "isd_head", DIRECTORY_PASSWORD).status_code == 302
    home = client.get(reverse("core:home"))
    assert home.status_code == 302
    assert home.url.startswith(reverse("accounts:second-factor-enrol"))
    assert client.session[SECOND_FACTOR_KEY] != "done"


def test_a_directory_account_the_portal_does_not_know_makes_no_user(client, users, directory_on, django_user_model):
    """GIVEN "stranger", in the directory with a right password but no portal user THEN he
    is refused and no user is made."""
    before = django_user_model.objects.count()
    answer = sign_in(client, "stranger", DIRECTORY_PASSWORD)
    assert answer.status_code == 200 and "_auth_user_id" not in client.session
    assert django_user_model.objects.count() == before
    assert not django_user_model.objects.filter(username="stranger").exists()


def test_a_disabled_portal_account_is_refused_whatever_the_directory_says(client, users, directory_on):
    officer = users["ir_officer"]
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    assert sign_in(client, "ir_officer", DIRECTORY_PASSWORD).status_code == 200
    assert "_auth_user_id" not in client.session


def test_without_the_directory_a_local_password_still_signs_in(client, users, directory_on, settings):
    """GIVEN the directory unreachable (a port nobody listens on) THEN sign-in answers within
    the connection timeout, the directory password is refused, and a local password works."""
    settings.AUTH_LDAP_SERVER_URI = f"ldap://127.0.0.1:{free_port()}"
    started = time.monotonic()
    assert sign_in(client, "isd_head", DIRECTORY_PASSWORD).status_code == 200
    assert time.monotonic() - started < 10
    assert "_auth_user_id" not in client.session
    assert sign_in(client, "ir_officer", DEMO_TEST_PASSWORD).status_code == 302
    assert client.session["_auth_user_backend"] == "django.contrib.auth.backends.ModelBackend"
