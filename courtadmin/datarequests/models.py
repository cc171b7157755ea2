"""Requests (запросы) of a department to a unit (issue 20, item 4): a structural subdivision
of the Court Administration, a territorial subdivision, a territorial ISD unit or a local court
is asked for documents, materials, statistics or analytics, with a term in working days.

IR 5.1: the IR requests documents, analytical materials and other information from structural
subdivisions. ISD 5.6: the ISD requests and receives any documents, statistics and analytics
from structural and territorial subdivisions and local courts; ISD 12: they must assist the
ISD and meet its lawful demands.

Each department keeps its own register, numbered per year without a gap at sending. The
request may serve a record of its department (for the ISD, a case: a complaint or an
investigation), bound generically: the core never imports a department. The addressed unit
sees the request and its own answer, never the record it serves (ISD 7).

Nothing here assigns a status: `workflow.RequestWorkflow.perform` does, alone.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from courtadmin.core.models import StoredFile
from courtadmin.org import departments


class DataRequest(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENT = "sent", _("sent, awaiting the answer")
        ANSWERED = "answered", _("answered, awaiting acceptance")
        RETURNED = "returned", _("returned for a fuller answer")
        ACCEPTED = "accepted", _("answer accepted")

    # With the addressed unit: the answer is still to come.
    AWAITING_ANSWER = (Status.SENT, Status.RETURNED)

    department = models.CharField(_("department"), max_length=8, choices=departments.choices)
    # The department's register: numbers per department and year, given at sending, no gap.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    number = models.PositiveIntegerField(_("number in the register"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=32, blank=True, db_index=True)
    unit = models.ForeignKey("org.Unit", verbose_name=_("addressed unit"), on_delete=models.PROTECT, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient in the unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("what is requested"))
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    working_days = models.PositiveSmallIntegerField(_("term, working days"))
    due_on = models.DateField(_("due"), null=True, blank=True)
    # The record the request serves, of the request's department (an ISD case): hidden from
    # the addressed unit (ISD 7).
    record_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    record_id = models.CharField(max_length=64, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drafted by"), on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField(_("drafted at"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The sender's capacity as the request keeps it, in each language it is read in.
    sent_capacity_kk = models.CharField(_("sent in the capacity of (kk)"), max_length=300, blank=True)
    sent_capacity_ru = models.CharField(_("sent in the capacity of (ru)"), max_length=300, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    return_reason = models.TextField(_("reason for the return"), blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    term_kept = models.BooleanField(_("answered on time"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for documents")
        verbose_name_plural = _("requests for documents")
        ordering = ["-drafted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year", "number"],
                condition=Q(number__isnull=False),
                name="datarequests_one_number_per_department_year",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(number__isnull=False, due_on__isnull=False),
                name="datarequests_sent_has_number_and_due",
            ),
        ]
        indexes = [
            models.Index(fields=["department", "-drafted_at"], name="datarequests_register"),
            # The control of the terms counts a period's sent requests (selectors.request_figures).
            models.Index(fields=["sent_at"], name="datarequests_sent"),
            models.Index(fields=["unit", "status"], name="datarequests_unit_status"),
            models.Index(fields=["record_type", "record_id"], name="datarequests_record"),
            # The search's newest requests first, whatever the reader's reach (core.search.newest_matching).
            models.Index(fields=["-drafted_at", "-id"], name="datarequests_newest"),
        ]

    def __str__(self):
        return self.registration_number or str(_("draft request"))

    def get_absolute_url(self):
        return reverse("datarequests:request-detail", args=[self.pk])

    @property
    def sent_capacity_display(self) -> str:
        return self.sent_capacity_kk if get_language() == "kk" else self.sent_capacity_ru

    @property
    def audit_department(self) -> str:
        return self.department

    @property
    def overdue(self) -> bool:
        return self.status in self.AWAITING_ANSWER and self.due_on is not None and self.due_on < timezone.localdate()


class RequestFile(StoredFile):
    """A file of the answer, uploaded by the addressed unit; checked like every upload."""

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="files")

    class Meta:
        verbose_name = _("file of an answer")
        verbose_name_plural = _("files of answers")
        ordering = ["uploaded_at", "pk"]
