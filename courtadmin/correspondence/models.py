"""Incoming correspondence (issue 20, item 1): each department's journal of incoming letters,
numbered per department and year without a gap, the resolution (резолюция) of the head or
the leadership naming the executors, the lead executor and the term (IR 11, ISD 9), and the
execution: the report, the answer document, taken off control by the one who set it.

Nothing here assigns a status: `workflow.LetterWorkflow.perform` does, alone.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courtadmin.core.channels import Channel
from courtadmin.core.models import Executor, StoredFile
from courtadmin.org import departments


class IncomingLetter(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("registered")
        ON_EXECUTION = "on_execution", _("on execution")
        EXECUTED = "executed", _("executed")
        CLOSED = "closed", _("taken off control")

    # The same channels as the outgoing journal's (Document.channel): one list, in the core.
    Channel = Channel

    class SenderKind(models.TextChoices):
        FOREIGN_COURT = "foreign_court", _("foreign court")
        FOREIGN_BODY = "foreign_body", _("foreign ministry or other foreign state body")
        EMBASSY = "embassy", _("embassy")
        INTERNATIONAL_ORGANISATION = "international_organisation", _("international organisation")
        KAZAKH_BODY = "kazakh_body", _("state body of Kazakhstan")
        CA_SUBDIVISION = "ca_subdivision", _("subdivision of the Court Administration")
        KAZAKH_COURT = "kazakh_court", _("court of Kazakhstan")

    class Language(models.TextChoices):
        KK = "kk", _("Kazakh")
        RU = "ru", _("Russian")
        EN = "en", _("English")
        OTHER = "other", _("other")

    class Marking(models.TextChoices):
        ORDINARY = "ordinary", _("ordinary")
        OFFICIAL_USE = "official_use", _("for official use only (ҚБП/ДСП)")

    department = models.CharField(_("department"), max_length=8, choices=departments.choices)
    # The department's journal: numbers per department and year, no gap (services).
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number in the journal"))
    registration_number = models.CharField(_("registration number"), max_length=32, db_index=True)
    received_on = models.DateField(_("received on"))
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    sender_kind = models.CharField(_("sender"), max_length=32, choices=SenderKind.choices)
    sender_name = models.CharField(_("sender's name"), max_length=300)
    sender_number = models.CharField(_("sender's number"), max_length=64, blank=True)
    sender_date = models.DateField(_("sender's date"), null=True, blank=True)
    language = models.CharField(_("language of the original"), max_length=8, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=500)
    # IR 7.12: the original's text, where it came as text (an e-mail); its scan is a file.
    text = models.TextField(_("text of the original"), blank=True)
    marking = models.CharField(_("marking"), max_length=16, choices=Marking.choices, default=Marking.ORDINARY)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REGISTERED, db_index=True
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("registered by"), on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    # Execution: the lead executor's report and the answer, if one was written.
    report = models.TextField(_("report on execution"), blank=True)
    answer = models.ForeignKey(
        "documents.Document",
        verbose_name=_("answer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for the return"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("taken off control at"), null=True, blank=True)
    term_kept = models.BooleanField(_("executed on time"), null=True, blank=True)

    class Meta:
        verbose_name = _("incoming letter")
        verbose_name_plural = _("incoming letters")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year", "number"], name="correspondence_one_number_per_department_year"
            ),
        ]
        indexes = [
            models.Index(fields=["department", "-year", "-number"], name="correspondence_letter_journal"),
            # The journals of every department the reader reaches, in the list's order.
            models.Index(fields=["-year", "-number", "-id"], name="correspondence_letter_order"),
            # A status of a department's journal, in the list's order.
            models.Index(fields=["department", "status", "-year", "-number"], name="correspondence_letter_status"),
        ]

    def __str__(self):
        return self.registration_number

    def get_absolute_url(self):
        return reverse("correspondence:letter-detail", args=[self.pk])

    @property
    def audit_department(self) -> str:
        return self.department

    @property
    def is_official_use(self) -> bool:
        return self.marking == self.Marking.OFFICIAL_USE


class LetterResolution(models.Model):
    """The resolution (резолюция) on a letter (IR 11, ISD 9): who gave it, what is to be done,
    by whom (one lead executor among the executors) and by when (working days from the day
    it was given)."""

    letter = models.OneToOneField(IncomingLetter, on_delete=models.CASCADE, related_name="resolution")
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("resolution", "given by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    given_at = models.DateTimeField(pgettext_lazy("resolution", "given at"), auto_now_add=True)
    text = models.TextField(_("instruction"))
    working_days = models.PositiveSmallIntegerField(_("term, working days"))
    due_on = models.DateField(_("due"))

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")

    def __str__(self):
        return f"{self.letter}: {self.due_on:%d.%m.%Y}"


class LetterExecutor(Executor):
    """An executor named by the resolution; exactly one of them is its lead."""

    letter = models.ForeignKey(IncomingLetter, on_delete=models.CASCADE, related_name="executors")

    class Meta(Executor.Meta):
        constraints = [
            models.UniqueConstraint(fields=["letter", "user"], name="correspondence_one_executor_row"),
            models.UniqueConstraint(fields=["letter"], condition=Q(is_lead=True), name="correspondence_one_lead"),
        ]
        indexes = [models.Index(fields=["user", "letter"], name="correspondence_executor_user")]

    def __str__(self):
        return f"{self.letter_id}: {self.user_id}"


class LetterFile(StoredFile):
    """A scan of the letter or its enclosures; checked like every upload (core.uploads)."""

    letter = models.ForeignKey(IncomingLetter, on_delete=models.CASCADE, related_name="files")

    class Meta:
        verbose_name = _("file of a letter")
        verbose_name_plural = _("files of letters")
        ordering = ["uploaded_at", "pk"]


class LetterTranslation(models.Model):
    """A translation of a foreign letter (IR 7.12): a version of the letter in another language,
    by a translator of the portal or an outside one, certified or not, with its text and/or
    files, checked by a second person (never its translator). It starts as a task given by
    whoever may give the letter's resolution, with a term in working days; the task is done
    when the translation is submitted; then it is accepted or returned.

    Nothing here assigns a status: `workflow.TranslationWorkflow.perform` does, alone."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("being translated")
        SUBMITTED = "submitted", _("submitted for checking")
        ACCEPTED = "accepted", _("checked and accepted")

    letter = models.ForeignKey(IncomingLetter, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language of the translation"), max_length=8, choices=IncomingLetter.Language.choices)
    # A translator of the portal, or the name of an outside one (exactly one of the two).
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    translator_name = models.CharField(_("outside translator"), max_length=300, blank=True)
    certified = models.BooleanField(_("certified translation"), default=False)
    text = models.TextField(_("text of the translation"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ASSIGNED, db_index=True
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("translation task", "given by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    given_at = models.DateTimeField(pgettext_lazy("translation task", "given at"), auto_now_add=True)
    working_days = models.PositiveSmallIntegerField(_("term, working days"))
    due_on = models.DateField(_("due"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for the return"), blank=True)

    class Meta:
        verbose_name = _("translation of a letter")
        verbose_name_plural = _("translations of letters")
        ordering = ["given_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(translator__isnull=False) & Q(translator_name=""))
                | (Q(translator__isnull=True) & ~Q(translator_name="")),
                name="correspondence_translation_one_translator",
            ),
        ]
        indexes = [models.Index(fields=["translator", "status"], name="correspondence_translator")]

    def __str__(self):
        return f"{self.letter.registration_number} · {self.get_language_display()}"

    def get_absolute_url(self):
        return reverse("correspondence:translation-detail", args=[self.pk])

    @property
    def audit_department(self) -> str:
        return self.letter.department

    @property
    def translator_display(self) -> str:
        return str(self.translator) if self.translator_id else self.translator_name


class TranslationFile(StoredFile):
    """A file of a translation (a certified translation's scan); checked like every upload."""

    translation = models.ForeignKey(LetterTranslation, on_delete=models.CASCADE, related_name="files")

    class Meta:
        verbose_name = _("file of a translation")
        verbose_name_plural = _("files of translations")
        ordering = ["uploaded_at", "pk"]
