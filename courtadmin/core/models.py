from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .uploads import private_upload_path


class StoredFile(models.Model):
    """An uploaded file kept in private storage: reachable only through a view that checks
    access to the record it belongs to (courtadmin.core.downloads), never by a public URL."""

    file = models.FileField(_("file"), upload_to=private_upload_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name


class Executor(models.Model):
    """A person given a record to execute (a letter, an instruction); exactly one of a
    record's executors is its lead, which each concrete model constrains on its own record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("executor"), on_delete=models.PROTECT, related_name="+"
    )
    is_lead = models.BooleanField(_("lead executor"), default=False)

    class Meta:
        abstract = True
        verbose_name = _("executor")
        verbose_name_plural = _("executors")
        ordering = ["-is_lead", "pk"]


class Job(models.Model):
    """A side effect that a committed change promised (render and sign a PDF, send an e-mail,
    make an export): written in the change's own transaction, so that it outlives the broker
    and the worker. The broker only wakes a worker; the row says what is to be done, and
    `core.jobs` does it once (jobs.py)."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=64)
    # What makes two promises the same job: promised twice, it is done once.
    key = models.CharField(_("key"), max_length=200)
    payload = models.JSONField(_("payload"), default=dict)
    queue = models.CharField(_("queue"), max_length=32, default="default")
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("promised at"), auto_now_add=True)
    # Not before: the next attempt after a failure waits this long (backoff).
    run_after = models.DateTimeField(_("not before"), default=timezone.now)
    # A worker that claimed it holds it until then; past it, the job is anyone's again (a
    # worker killed mid-job leaves it for the next).
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="core_job_once")]
        indexes = [
            models.Index(fields=["run_after"], name="core_job_pending", condition=models.Q(state="pending")),
        ]

    def __str__(self):
        return f"{self.kind} {self.key} ({self.state})"


class PeriodicRun(models.Model):
    """A periodic duty done for its period (the digest of a day, the report of a week): a duty
    whose run was lost (the broker down when beat called it) is done late, never twice."""

    name = models.CharField(max_length=64)
    period = models.CharField(max_length=32)
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "period"], name="core_periodic_once")]

    def __str__(self):
        return f"{self.name} {self.period}"


class RegisterCounter(models.Model):
    """The last number given in one register of a department for a year: the outgoing journal,
    the incoming letters, the instructions, the requests (`core.registers.next_number`)."""

    register = models.CharField(max_length=32)
    department = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["register", "department", "year"], name="core_one_register_counter")
        ]

    def __str__(self):
        return f"{self.register} {self.department} {self.year}: {self.last_number}"


class Rollup(models.Model):
    """How many records of a kind fall in one cell: a month, a part (a direction, a
    department), a dimension (status, country, days to execution) and its key
    (`core.rollups`). Kept by the records' own saves; never edited by hand."""

    kind = models.CharField(max_length=40)
    month = models.DateField()
    part = models.CharField(max_length=20, blank=True)
    dimension = models.CharField(max_length=60)
    key = models.CharField(max_length=40, blank=True)
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "dimension", "month", "part", "key"], name="core_rollup_cell")
        ]

    def __str__(self):
        return f"{self.kind} {self.month:%Y-%m} {self.part} {self.dimension}={self.key}: {self.count}"
