"""Settings of the portal, read from the environment only.

The embedded default (no environment at all) runs on SQLite with Celery tasks executed
in-process, so that `make run` works on a fresh machine. A server sets DATABASE_URL,
REDIS_URL and the rest (see .env.example) and uses `courtadmin.settings_production`.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import environ
import xstatic.pkg.bootstrap
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("COURTADMIN_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env(
    DEBUG=(bool, False),
    DEMO_MODE=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
)


def _local_secret(name: str) -> str:
    """A per-checkout secret for the embedded default, kept out of the repository."""
    path = VAR_DIR / name
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="") or _local_secret("secret_key")
DEBUG = env("DEBUG")
# Demo mode allows `load_demo` to create the demo accounts with the shared demo password.
DEMO_MODE = env("DEMO_MODE")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "guardian",
    "axes",
    "courtadmin.core",
    "courtadmin.accounts",
    "courtadmin.audit",
    "courtadmin.org",
    "courtadmin.documents",
    "courtadmin.deadlines",
    "courtadmin.dashboard",
    "courtadmin.correspondence",
    "courtadmin.instructions",
    "international",
    "internal_security",
    # After the departments: its demo requests serve the cases their loaders made.
    "courtadmin.datarequests",
]

MIDDLEWARE = [
    # First: the client's address, taken from the trusted proxies' header (TRUSTED_PROXY_COUNT).
    "courtadmin.audit.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "courtadmin.core.middleware.PrivateResponseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "courtadmin.accounts.middleware.SessionLifetimeMiddleware",
    "courtadmin.core.middleware.UserLanguageMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "courtadmin.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "courtadmin.core.middleware.DeniedAccessMiddleware",
    # AxesMiddleware last: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "courtadmin.urls"
WSGI_APPLICATION = "courtadmin.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "courtadmin.core.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'courtadmin.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a writer instead of failing at once when the demo server and a task write together.
    # IMMEDIATE transactions take the write lock at BEGIN, so concurrent writers queue
    # instead of failing midway (the audit chain relies on this on SQLite).
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    # The tests' database is a file too, not SQLite's shared in-memory cache: there the browser
    # tests' server threads meet table locks ("database table is locked") that no timeout waits out.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No JIT compilation of queries: a page's bounded query may carry a large estimated cost
    # (the planner prices a fallback branch it never runs), and compiling it took 230 ms where
    # running it took 0.1 ms (the search, issue 27). The portal's queries are short ones.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out username/address before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Directory sign-in (LDAP, Active Directory), an option: with LDAP_SERVER_URI set, the password
# of a portal account is checked against the directory first (courtadmin/accounts/directory.py).
# It maps a directory account to the portal user of the same name and makes none, and copies
# no group, flag or attribute: positions and reach stay the organisation keeper's.
LDAP_SERVER_URI = env.str("LDAP_SERVER_URI", default="")
if LDAP_SERVER_URI:
    import ldap
    from django_auth_ldap.config import LDAPSearch

    AUTH_LDAP_SERVER_URI = LDAP_SERVER_URI
    AUTH_LDAP_START_TLS = env.bool("LDAP_START_TLS", default=False)
    AUTH_LDAP_BIND_DN = env.str("LDAP_BIND_DN", default="")
    AUTH_LDAP_BIND_PASSWORD = env.str("LDAP_BIND_PASSWORD", default="")
    AUTH_LDAP_USER_SEARCH = LDAPSearch(
        env.str("LDAP_USER_SEARCH_BASE"),
        ldap.SCOPE_SUBTREE,
        # Active Directory's account name; OpenLDAP's is "(uid=%(user)s)".
        env.str("LDAP_USER_FILTER", default="(sAMAccountName=%(user)s)"),
    )
    AUTH_LDAP_NO_NEW_USERS = True
    AUTH_LDAP_USER_ATTR_MAP: dict = {}
    AUTH_LDAP_ALWAYS_UPDATE_USER = False
    # A directory that does not answer costs a sign-in these seconds, then the local password is tried.
    AUTH_LDAP_CONNECTION_OPTIONS = {
        ldap.OPT_NETWORK_TIMEOUT: env.int("LDAP_TIMEOUT_SECONDS", default=5),
        ldap.OPT_TIMEOUT: env.int("LDAP_TIMEOUT_SECONDS", default=5),
        ldap.OPT_REFERRALS: 0,
    }
    AUTHENTICATION_BACKENDS.insert(1, "courtadmin.accounts.directory.DirectoryBackend")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # The organisation's own names, the first words an attacker tries here.
    {"NAME": "courtadmin.accounts.passwords.OrganisationWordsValidator"},
    # What a guesser tries early: zxcvbn's maintained lists, keyboard rows, sequences.
    {"NAME": "courtadmin.accounts.passwords.GuessableValidator"},
]
# The one-time link of an administrator's password reset works for a day.
PASSWORD_RESET_TIMEOUT = 24 * 3600
# Passwords are never forced to expire (NIST SP 800-63B); they change when compromised.
PASSWORD_HASHERS = env.list(
    "PASSWORD_HASHERS",
    default=[
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ],
)

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions live in the database, one row per session with its user and address, so that a
# user sees and ends his sessions and a disabled account loses all of them at once.
SESSION_ENGINE = "courtadmin.accounts.sessions"
SESSION_IDLE_TIMEOUT = timedelta(minutes=env.int("SESSION_IDLE_MINUTES", default=30))
SESSION_ABSOLUTE_LIFETIME = timedelta(hours=env.int("SESSION_ABSOLUTE_HOURS", default=12))
# The cookie's own age is the idle timeout. The session's "last seen" is written (and the
# cookie renewed) at most once a minute, not on every request: the idle timeout keeps its
# meaning to the minute, and a page costs three queries fewer.
SESSION_COOKIE_AGE = int(SESSION_IDLE_TIMEOUT.total_seconds())
SESSION_LAST_SEEN_EVERY = timedelta(minutes=1)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# django-axes: lock a username from one address after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
# An account locks after AXES_FAILURE_LIMIT failures from anywhere (a second address does not
# reopen it); an address is refused after SIGN_IN_ADDRESS_FAILURE_LIMIT failures over any
# accounts within the same cool-off (a password spray is slowed).
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "courtadmin.audit.middleware.client_address"
SIGN_IN_ADDRESS_FAILURE_LIMIT = env.int("SIGN_IN_ADDRESS_FAILURE_LIMIT", default=20)
# How many proxies of our own stand in front of the portal (0: none, REMOTE_ADDR is the client).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_VERBOSE = False

# The second factor (TOTP, django-otp). Roles that must use it; others may. `make run` (demo
# mode) leaves it optional for everybody unless SECOND_FACTOR_ENFORCED=1.
SECOND_FACTOR_ENFORCED = env.bool("SECOND_FACTOR_ENFORCED", default=not DEMO_MODE)
SECOND_FACTOR_REQUIRED_FOR = env.list(
    "SECOND_FACTOR_REQUIRED_FOR", default=["chairman", "ca_head", "head", "isd", "administrator", "keeper"]
)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Courtadmin")
# Each wrong code doubles the wait before the next attempt: 1 s, 2 s, 4 s ... (django-otp).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# django-guardian: per-record grants use direct foreign-key tables; no anonymous user.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False
# Guardian's backend is deliberately not installed: it would answer has_perm() from a grant
# without looking at its expiry. Grants are read by courtadmin.org.authority alone.
SILENCED_SYSTEM_CHECKS = [
    "guardian.W001",
    # axes' per-address lockout would lock every colleague behind one office address; the
    # address is limited by the portal's own count (SIGN_IN_ADDRESS_FAILURE_LIMIT) instead.
    "axes.W006",
]

LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", _("Kazakh")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["courtadmin.formats"]
LANGUAGE_COOKIE_NAME = "courtadmin_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "kk"
MODELTRANSLATION_LANGUAGES = ("kk", "ru", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("kk", "ru"), "kk": ("ru",), "en": ("ru", "kk")}

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
# Bootstrap comes from its package at install time; nothing third-party is committed.
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor/bootstrap", xstatic.pkg.bootstrap.BASE_DIR)]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # Private files: served only through views that check access, never by URL.
        "OPTIONS": {"location": env.path("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "media"))},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

REDIS_URL = env.str("REDIS_URL", default="")
# How long the portal waits for Redis to connect and to answer, cache and broker alike: a
# Redis down or hung costs a request this much, never a hang or an error (docs/deployment.md).
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", default=1.0)
if REDIS_URL:
    CACHES = {
        "default": {
            # Without Redis a read is a miss and a write is skipped: everything cached is counted again.
            "BACKEND": "courtadmin.core.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT_SECONDS, "socket_timeout": REDIS_TIMEOUT_SECONDS},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The dashboards' trends: the finished months are counted once and kept this long (the
# chart says when they were counted); the current month is counted on every view.
DASHBOARD_TREND_CACHE_SECONDS = env.int("DASHBOARD_TREND_CACHE_SECONDS", default=3600)

# Celery: with REDIS_URL a real broker and workers; without it tasks run in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The broker's socket timeouts: handing a job to a Redis down or hung fails within them, and
# the job waits in its row for the sweep (core.jobs). A message a worker took and did not
# acknowledge (it died) comes back after visibility_timeout, longer than the longest job (a
# board's PDF, seconds); the sweep re-hands a job whose worker's lease ran out sooner (2 min).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
    "socket_timeout": REDIS_TIMEOUT_SECONDS,
    "visibility_timeout": 900,
}
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT_SECONDS
# How long a worker holds a job it took (core.jobs): beyond the longest job; a job held
# longer by a worker that died is handed on again by the next sweep.
JOB_LEASE_SECONDS = env.int("JOB_LEASE_SECONDS", default=120)
CELERY_BEAT_SCHEDULE: dict = {
    "clear-expired-sessions": {"task": "courtadmin.accounts.tasks.clear_expired_sessions", "schedule": 3600.0},
    # Reminders are rows in the database: the scan creates what is due and sends it; a lost
    # run is made good by the next one, so nothing waits in the broker.
    "scan-reminders": {
        "task": "courtadmin.deadlines.tasks.scan_reminders",
        "schedule": float(env.int("REMINDER_SCAN_SECONDS", default=300)),
    },
    # The promised jobs a broker lost or a worker dropped, and the periodic duties (the daily
    # digest, the Monday report) by their "done" rows, so that a run lost is done late, once.
    "sweep": {"task": "courtadmin.core.tasks.sweep", "schedule": float(env.int("JOB_SWEEP_SECONDS", default=60))},
    # The heads of the audit and read chains, sealed, to a file outside the database.
    "audit-checkpoint": {
        "task": "courtadmin.audit.tasks.write_checkpoint",
        "schedule": float(env.int("AUDIT_CHECKPOINT_SECONDS", default=60)),
    },
}
# Rendering and signing PDFs runs on its own queue, so a burst of documents never delays reminders.
# Jobs name their queue themselves (core.jobs.JobKind.queue: the PDFs on "documents").
CELERY_TASK_ROUTES: dict = {}
# /health/ pings a Celery worker when a broker is configured.
HEALTH_CHECK_CELERY = env.bool("HEALTH_CHECK_CELERY", default=True)

_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="courtadmin@localhost")
# E-mails written as files into a folder instead of sent (a test of the real worker reads them).
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default="")
if EMAIL_FILE_PATH:
    EMAIL_BACKEND = env.str("EMAIL_FILE_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")

# The working day ends at this local time: what arrives later counts from the next working day.
WORKING_DAY_ENDS = env.str("WORKING_DAY_ENDS", default="18:30")

# Documents (courtadmin/documents). The server-side signer: the portal's own certification
# authority (the national EDS signs in the signer's browser: NATIONAL_SIGNING below).
DOCUMENT_SIGNING_BACKEND = env.str(
    "DOCUMENT_SIGNING_BACKEND", default="courtadmin.documents.signing.portal_ca.PortalCABackend"
)
# The keys that seal the audit and read chains (audit/chain.py), kept outside the database:
# the first seals new events, the others still verify what they sealed. On a server they come
# from the environment; the embedded default keeps one in var/.
AUDIT_CHAIN_KEYS = env.list("AUDIT_CHAIN_KEYS", default=[]) or [_local_secret("audit_chain_key")]
# Where the chains' checkpoints are appended: a volume the database's users cannot write.
AUDIT_CHECKPOINT_FILE = Path(env.str("AUDIT_CHECKPOINT_FILE", default=str(VAR_DIR / "audit-checkpoints.jsonl")))
# Encrypts the private keys of the authority and of each signer in the database.
SIGNING_KEY_PASSPHRASE = env.str("SIGNING_KEY_PASSPHRASE", default="") or _local_secret("signing_key_passphrase")
# The outgoing number of each department's journal (the format is not fixed by any rule we
# could verify: Order No. 236 of 25 August 2023 leaves it to the body).
DOCUMENT_NUMBER_FORMATS = {
    "IR": env.str("DOCUMENT_NUMBER_FORMAT_IR", default="IR-{number}/{year}"),
    "ISD": env.str("DOCUMENT_NUMBER_FORMAT_ISD", default="ISD-{number}/{year}"),
}
# The address printed in the QR code of a signed document, which opens its /verify/ page.
PORTAL_URL = env.str("PORTAL_URL", default="http://127.0.0.1:8000")

# Signatures with the signer's own national EDS through NCALayer (docs/signatures.md). Off in
# the demo, where the portal's authority signs; NCALAYER_URL is where the signer's browser
# finds NCALayer on his own computer.
NATIONAL_SIGNING = env.bool("NATIONAL_SIGNING", default=False)
NCALAYER_URL = env.str("NCALAYER_URL", default="wss://127.0.0.1:13579")
# The national CA's root and intermediate certificates: the files in NCA_TRUST_DIR whose
# SHA-256 fingerprints are listed here (docs/signatures.md gives where they come from).
NCA_TRUST_DIR = env.str("NCA_TRUST_DIR", default="")
NCA_TRUST_FINGERPRINTS = env.list("NCA_TRUST_FINGERPRINTS", default=[])
# Revocation: the OCSP responder first, then the lists. When neither answers, "refuse" the
# signature, or "mark" it signed with its revocation not checked.
NCA_OCSP_URL = env.str("NCA_OCSP_URL", default="")
NCA_CRL_URLS = env.list("NCA_CRL_URLS", default=[])
NCA_REVOCATION_UNAVAILABLE = env.str("NCA_REVOCATION_UNAVAILABLE", default="refuse")
# The time-stamping authority (RFC 3161 over HTTP); empty: the portal's own authority stamps.
TSA_URL = env.str("TSA_URL", default="")
# An NCANode-compatible service that verifies GOST signatures (docs/signatures.md).
NCANODE_URL = env.str("NCANODE_URL", default="")
# Seconds to wait for the OCSP responder, the revocation lists, the TSA and NCANode.
SIGNING_NETWORK_TIMEOUT = env.int("SIGNING_NETWORK_TIMEOUT", default=10)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Everything from this server; no inline script or style, no framing (django-csp 4).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws its small icons (toggler, select arrow) as data: SVG images.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        # NCALayer, on the signer's own computer, when national signatures are on.
        "connect-src": [SELF, *([NCALAYER_URL] if NATIONAL_SIGNING else [])],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# A gift received at an event, a visit or a trip worth more than this (tenge) is read also by
# the ISD head (anti-corruption, ISD 6.14; international/selectors/gifts.py). The operators set
# it to the figure the Court Administration's anti-corruption rules give.
GIFT_DISCLOSURE_THRESHOLD = env.int("GIFT_DISCLOSURE_THRESHOLD", default=40_000)
# A budget programme's item is shown as nearly spent once this share of its plan is used.
BUDGET_WARNING_SHARE = 0.9

# Uploads: the allowed kinds and sizes are in courtadmin/core/uploads.py. Big files go to a
# temporary file on disk, never all into memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
