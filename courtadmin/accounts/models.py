import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A sign-in account. Who the person is (names, position, unit) lives in `org.Person`."""

    language = models.CharField(
        _("interface language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        db_table = "accounts_user"

    def __str__(self):
        """A person by his name, in the reader's language, as the personnel office keeps it;
        never by his login. An account that no person holds (the administrator's) by its full
        name or login. Lists that show people select `person` with the account."""
        person = getattr(self, "person", None)  # the reverse one-to-one: absent raises AttributeError
        return str(person) if person is not None else (self.get_full_name() or self.username)


class PortalSession(AbstractBaseSession):
    """A signed-in session, kept in the database with whose it is and where it comes from,
    so that a user sees and ends his own sessions and a disabled account loses all of them.
    The extra columns are copied from the session's data on every save (sessions.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="portal_sessions",
    )
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    started_at = models.DateTimeField(_("signed in at"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last active"), null=True, blank=True)

    class Meta(AbstractBaseSession.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        db_table = "accounts_session"

    @classmethod
    def get_session_store_class(cls):
        from .sessions import SessionStore

        return SessionStore

    @property
    def public_id(self) -> str:
        """Names the session in pages and URLs without revealing its key."""
        return hashlib.sha256(self.session_key.encode()).hexdigest()[:24]
