"""Production settings: everything of `settings`, hardened. Used by docker-compose.

SECRET_KEY, SIGNING_KEY_PASSPHRASE, AUDIT_CHAIN_KEYS and DATABASE_URL must come from the
environment; nothing secret has a default.
"""

import environ

from .settings import *  # noqa: F403
from .settings import env

SECRET_KEY = environ.Env().str("SECRET_KEY")  # no fallback: refuse to start without one
SIGNING_KEY_PASSPHRASE = environ.Env().str("SIGNING_KEY_PASSPHRASE")
AUDIT_CHAIN_KEYS = environ.Env().list("AUDIT_CHAIN_KEYS")
PORTAL_URL = environ.Env().str("PORTAL_URL")
DEBUG = False
DEMO_MODE = False

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# __Host- cookies: only over HTTPS, for this host alone, for the whole path.
SESSION_COOKIE_NAME = "__Host-courtadmin_session"
CSRF_COOKIE_NAME = "__Host-courtadmin_csrf"
LANGUAGE_COOKIE_NAME = "__Host-courtadmin_language"
LANGUAGE_COOKIE_PATH = "/"

# The portal lives on an intranet host name, which cannot be on the browsers' HSTS preload
# list; HSTS itself is on (above).
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W021"]  # noqa: F405
