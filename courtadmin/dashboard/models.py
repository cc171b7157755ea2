from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courtadmin.core.uploads import private_upload_path


class BoardExport(models.Model):
    """A dashboard as a PDF, made in the background for the person who asked for it (or for the
    Monday report) with what he may see at that moment, in his language; his alone to download."""

    class State(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    board = models.CharField(max_length=16)
    period_kind = models.CharField(max_length=8)
    start = models.DateField()
    end = models.DateField()
    language = models.CharField(max_length=8)
    # The Monday of the week whose report this is (issue 8.5); empty for an export asked for.
    weekly_for = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    file = models.FileField(upload_to=private_upload_path, max_length=255, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["requested_by", "weekly_for"],
                condition=models.Q(weekly_for__isnull=False),
                name="dashboard_one_weekly_report_per_person",
            )
        ]

    def __str__(self):
        return f"{self.board} {self.start}–{self.end} ({self.requested_by_id})"
