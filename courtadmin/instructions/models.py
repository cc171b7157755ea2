"""Instructions (поручения; issue 20, item 3): given by the Chairman or the leadership of the
Court Administration to a department, by a department's head to his staff (IR 11, ISD 9), and
by the ISD head to territorial ISD units, binding, with the report they must send (ISD 5.12,
ISD 9). Each is numbered in its department's register per year without a gap; it names the
executors with one lead, a term, optionally the instruction it was split from; executors send
interim reports, the lead the final one, and the one who gave it accepts or returns it.

Nothing here assigns a status: `workflow.InstructionWorkflow` does, alone.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courtadmin.core.models import Executor, StoredFile
from courtadmin.org import departments


class Instruction(models.Model):
    class Status(models.TextChoices):
        ON_EXECUTION = "on_execution", _("on execution")
        RETURNED = "returned", _("returned for execution")
        REPORTED = "reported", _("reported")
        ACCEPTED = "accepted", _("accepted")

    # The term as the control list reads it (selectors.term_state), computed in the database.
    class Term(models.TextChoices):
        RUNNING = "running", _("running")
        OVERDUE = "overdue", _("overdue")
        ON_TIME = "on_time", _("done on time")
        LATE = "late", _("done late")

    department = models.CharField(_("department"), max_length=8, choices=departments.choices)
    # The department's register: numbers per department and year, no gap (services).
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number in the register"))
    registration_number = models.CharField(_("registration number"), max_length=32, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("split from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("instruction", "given by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    given_at = models.DateTimeField(pgettext_lazy("instruction", "given at"), auto_now_add=True)
    text = models.TextField(_("instruction"))
    # The function of its department it serves, where the department's regulation lists them
    # (ISD 14: no other is given); empty for a department that lists none.
    function = models.CharField(_("function it serves"), max_length=16, blank=True)
    working_days = models.PositiveSmallIntegerField(_("term, working days"), null=True, blank=True)
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ON_EXECUTION, db_index=True
    )
    # The final report's day: acceptance closes the term as met or late by it.
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    return_reason = models.TextField(_("reason for the return"), blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    term_kept = models.BooleanField(_("executed on time"), null=True, blank=True)

    class Meta:
        verbose_name = _("instruction")
        verbose_name_plural = _("instructions")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year", "number"], name="instructions_one_number_per_department_year"
            ),
            # Only an accepted instruction says whether its term was kept.
            models.CheckConstraint(
                condition=Q(status="accepted") | Q(term_kept__isnull=True), name="instructions_kept_when_accepted"
            ),
        ]
        indexes = [
            models.Index(fields=["department", "-year", "-number"], name="instructions_register"),
            # The control list's order, newest first (selectors.instruction_register).
            models.Index(fields=["-given_at", "-id"], name="instructions_given_order"),
            models.Index(fields=["department", "status", "due_on"], name="instructions_status_due"),
            models.Index(fields=["given_by", "status"], name="instructions_giver_status"),
        ]

    def __str__(self):
        return self.registration_number

    def get_absolute_url(self):
        return reverse("instructions:instruction-detail", args=[self.pk])

    @property
    def audit_department(self) -> str:
        return self.department

    @property
    def term_state_label(self) -> str:
        """The term's state, where the selector annotated it (selectors.with_term_state)."""
        state = getattr(self, "term_state", None)
        return str(self.Term(state).label) if state else ""

    @property
    def function_label(self) -> str:
        """The function it serves, as its department's regulation names it."""
        rules = departments.department(self.department)
        return str(dict(rules.functions).get(self.function, self.function)) if rules and self.function else ""

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.ON_EXECUTION, self.Status.RETURNED)


class InstructionExecutor(Executor):
    """An executor of an instruction; exactly one of them is its lead."""

    instruction = models.ForeignKey(Instruction, on_delete=models.CASCADE, related_name="executors")

    class Meta(Executor.Meta):
        constraints = [
            models.UniqueConstraint(fields=["instruction", "user"], name="instructions_one_executor_row"),
            models.UniqueConstraint(fields=["instruction"], condition=Q(is_lead=True), name="instructions_one_lead"),
        ]
        indexes = [models.Index(fields=["user", "instruction"], name="instructions_executor_user")]

    def __str__(self):
        return f"{self.instruction_id}: {self.user_id}"


class InstructionReport(models.Model):
    """A report on an instruction: an interim one by any executor, any number of them, or the
    final one by the lead (the move "report")."""

    instruction = models.ForeignKey(Instruction, on_delete=models.CASCADE, related_name="reports")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("report"))
    is_final = models.BooleanField(_("final report"), default=False)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("report on an instruction")
        verbose_name_plural = _("reports on instructions")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.instruction_id}: {self.created_at:%d.%m.%Y}"


class InstructionFile(StoredFile):
    """A file of a report; checked like every upload (core.uploads)."""

    report = models.ForeignKey(InstructionReport, on_delete=models.CASCADE, related_name="files")

    class Meta:
        verbose_name = _("file of a report")
        verbose_name_plural = _("files of reports")
        ordering = ["uploaded_at", "pk"]
