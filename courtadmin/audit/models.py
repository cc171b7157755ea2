"""The audit log and the read log: append-only and chained (C4; chain.py).

Each event's hash seals its own content and the previous event's hash under a key kept
outside the database, so changing or removing an event breaks every link after it and
cannot be mended without the key; `manage.py verify_audit` finds the first broken one and
compares the chains with their checkpoints. On PostgreSQL a trigger refuses UPDATE and
DELETE on each table itself (migrations 0002, 0004), so not even a direct SQL statement of
the portal's role can rewrite history.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courtadmin.org.models import Department


class ChainedEvent(models.Model):
    """An event sealed onto its table's chain (chain.py): its predecessor's hash, its own, and
    the id of the key that sealed it."""

    prev_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, unique=True, editable=False)
    key_id = models.CharField(max_length=16, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit and read events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit and read events are append-only.")


# What the security log calls each of its events, in the reader's language (never a code).
SECURITY_ACTIONS = {
    "auth.login": _("signed in"),
    "auth.logout": _("signed out"),
    "auth.login_failed": _("sign-in failed"),
    "auth.locked_out": _("account locked after failed sign-ins"),
    "auth.address_throttled": _("address held back after failed sign-ins"),
    "access.denied": _("access denied"),
    "second_factor.enrolled": _("second factor enrolled"),
    "second_factor.failed": _("second-factor code refused"),
    "second_factor.throttled": _("second-factor attempts held back"),
    "second_factor.replaced": _("second factor replaced"),
    "second_factor.removed": _("second factor removed"),
    "second_factor.reset": _("second factor reset"),
    "second_factor.recovery_codes_renewed": _("recovery codes renewed"),
    "second_factor.recovery_code_used": _("recovery code used"),
    "session.ended": _("session ended"),
    "session.others_ended": _("other sessions ended"),
    "session.all_ended": _("all sessions ended"),
    "password.changed": _("password changed"),
    "password.reset_by_link": _("password set by a reset link"),
}


class AuditEvent(ChainedEvent):
    at = models.DateTimeField(_("time (UTC)"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    # The department whose regulation governs the object ("ISD" events are for ISD 7's people only).
    department = models.CharField(_("department"), max_length=8, blank=True, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor_name} {self.action} {self.object_repr}"

    @property
    def action_label(self) -> str:
        return str(SECURITY_ACTIONS.get(self.action, _("other event")))

    def payload(self) -> dict:
        """What the seal covers: every recorded fact of the event."""
        return {
            "at": self.at.isoformat(),
            "actor": self.actor_id,
            "actor_name": self.actor_name,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_repr": self.object_repr,
            "before": self.before,
            "after": self.after,
            "ip_address": self.ip_address,
            "department": self.department,
        }


class ReadEvent(ChainedEvent):
    """One opening of a record's page, one download, one export of a list (issue 7.2).

    A chain of its own, apart from the audit chain, so that reads, as frequent as page views,
    never wait for the audit chain's lock (`services.read_record`); like it, the table is
    append-only (here and, on PostgreSQL, by a trigger: migration 0004). Who may browse it:
    `selectors.may_view_reads`.
    """

    class Action(models.TextChoices):
        OPEN = "open", _("opened the record")
        DOWNLOAD = "download", _("downloaded a file")
        EXPORT = "export", _("exported a list")
        SEARCH = "search", _("searched the registries about a person")

    at = models.DateTimeField(_("time"), default=timezone.now, editable=False, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="+"
    )
    # The department whose regulation governs the record (ISD 7 decides who reads the ISD's log).
    department = models.CharField(_("department"), max_length=8, choices=Department.choices)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    # Empty for an export of a list that names no type.
    record_type = models.ForeignKey(
        ContentType,
        verbose_name=_("record type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    record_id = models.CharField(_("record id"), max_length=64, blank=True)
    # What the record was called when it was read: a later renumbering does not rewrite the log.
    record_label = models.CharField(_("record"), max_length=300)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        verbose_name = _("read event")
        verbose_name_plural = _("read events")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["department", "-at"], name="audit_read_department_at"),
            models.Index(fields=["user", "-at"], name="audit_read_user_at"),
            models.Index(fields=["record_type", "record_id"], name="audit_read_record"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.user_id} {self.action} {self.record_label}"

    def payload(self) -> dict:
        return {
            "at": self.at.isoformat(),
            "user": self.user_id,
            "department": self.department,
            "action": self.action,
            "record_type": self.record_type_id,
            "record_id": self.record_id,
            "record_label": self.record_label,
            "ip_address": self.ip_address,
        }
