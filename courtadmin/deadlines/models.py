"""Deadlines, their history, reminders and in-portal notifications."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from courtadmin.org.models import Department

from .kinds import KINDS


class DayTransfer(models.Model):
    """A Government decree moving a day (Labour Code art. 85): an extra day off, or a
    Saturday or Sunday that is worked."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("day off")
        WORKING_DAY = "working_day", _("working day")

    day = models.DateField(_("day"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    decree_number = models.CharField(_("decree number"), max_length=64)
    decree_date = models.DateField(_("decree date"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("day transfer")
        verbose_name_plural = _("day transfers")
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day:%d.%m.%Y} {self.get_kind_display()}"


class Deadline(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("open")
        EXTENDED = "extended", _("extended")
        SUSPENDED = "suspended", _("suspended")
        MET = "met", _("met")
        MISSED = "missed", _("missed")

    ACTIVE = (State.OPEN, State.EXTENDED)

    record_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    record_id = models.CharField(max_length=64)
    record = GenericForeignKey("record_type", "record_id")
    kind = models.CharField(_("kind"), max_length=64)
    department = models.CharField(_("department"), max_length=8, choices=Department.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    started_on = models.DateField(_("term starts"))
    due_on = models.DateField(_("due"))
    original_due_on = models.DateField(_("due at first"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.OPEN)
    extension_decision = models.CharField(_("decision to extend"), max_length=300, blank=True)
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    suspended_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        indexes = [
            # Every reading of running terms names their kind: the reminder scan, the overdue filters
            # and figures of the registries and the dashboards.
            models.Index(
                fields=["kind", "due_on"], name="deadline_active_kind_due", condition=Q(state__in=["open", "extended"])
            ),
            models.Index(fields=["record_type", "record_id"]),
            models.Index(fields=["responsible", "state"]),
        ]
        constraints = [
            # A record runs one term of a kind at a time: a new one only after the last closed.
            models.UniqueConstraint(
                fields=["record_type", "record_id", "kind"],
                condition=Q(state__in=["open", "extended"]),
                name="deadlines_one_running_term_per_kind",
            )
        ]

    def __str__(self):
        return f"{self.kind_label} — {self.due_on:%d.%m.%Y}"

    @property
    def audit_department(self) -> str:
        return self.department

    @property
    def kind_spec(self):
        return KINDS.get(self.kind)

    @property
    def kind_label(self):
        return self.kind_spec.label if self.kind_spec else self.kind

    @property
    def legal_basis_display(self) -> str:
        """The legal basis in the reader's language. It is recorded in the state language when
        the term opens; while it is still its kind's own, the kind's translation says the
        same, and a basis recorded under an earlier rule is shown as it was recorded."""
        spec = self.kind_spec
        if spec is not None:
            with translation.override(settings.LANGUAGE_CODE):
                recorded = str(spec.legal_basis)
            if recorded == self.legal_basis:
                return str(spec.legal_basis)
        return self.legal_basis


class DeadlineEvent(models.Model):
    """The history of a deadline: opened, extended, suspended, resumed, closed."""

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=32)
    due_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.deadline_id} {self.action}"


class Reminder(models.Model):
    """One reminder to one person, created by the scan and sent once. The unique key makes a
    second scan of the same day create nothing."""

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=40)  # "before:3", "due", "overdue:2026-11-23", "escalation:2026-11-23"
    on_date = models.DateField()
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=16, blank=True)  # "sent", "obsolete"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["deadline", "recipient", "key"], name="deadlines_one_reminder_per_key")
        ]
        indexes = [models.Index(fields=["id"], name="deadlines_reminder_unsent", condition=Q(sent_at__isnull=True))]

    def __str__(self):
        return f"{self.deadline_id} → {self.recipient_id} {self.key}"


class Digest(models.Model):
    """The daily list of a person's due and overdue items: one per person and day."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    on_date = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recipient", "on_date"], name="deadlines_one_digest_per_day")]

    def __str__(self):
        return f"{self.recipient_id} {self.on_date}"


def language_now() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


class Notification(models.Model):
    """What the bell shows: written in the recipient's language when it is made (as its e-mail
    is), and shown so, marked with that language, should he read the portal in another since."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True)
    title = models.CharField(_("notification text"), max_length=300)
    language = models.CharField(max_length=8, default=language_now, editable=False)
    # The words people wrote that the text names (a document's subject): marked with their own
    # language on the page.
    quote = models.CharField(max_length=300, blank=True, editable=False)
    url = models.CharField(max_length=300, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    reminder = models.OneToOneField(Reminder, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The news of a move: "news:<audit event id>", one notification per person and move.
    key = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], condition=~Q(key=""), name="deadlines_one_news_per_move")
        ]

    def __str__(self):
        return self.title


class EmailChoice(models.Model):
    """Which e-mails a person receives; in-portal notifications are always on."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_choice")
    reminders = models.BooleanField(_("reminders of deadlines"), default=True)
    digest = models.BooleanField(_("daily digest"), default=True)
    moves = models.BooleanField(_("news of moves on my records"), default=True)

    def __str__(self):
        return f"{self.user_id}"
