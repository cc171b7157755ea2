"""Official documents: draft, approval route, signature, registration, the signed PDF.

Nothing here assigns a status: `workflow.document_move` does, alone. After signing no field
of the document, its versions or its signature changes (the PDF's hash is stored); a
correction is a new document that refers to the old one.
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from courtadmin.core.channels import Channel
from courtadmin.core.models import StoredFile
from courtadmin.core.uploads import private_upload_path
from courtadmin.org.models import ActingAppointment, Department, Person

from .kinds import KINDS


def new_verification_token() -> str:
    return secrets.token_urlsafe(24)


# The core.jobs kind that renders and signs a signed document's PDF.
PDF_JOB = "documents.pdf"


class Document(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ON_APPROVAL = "on_approval", _("on approval")
        APPROVED = "approved", _("approved, awaiting signature")
        SIGNED = "signed", _("signed and registered")
        SENT = "sent", _("sent")
        CANCELLED = "cancelled", _("cancelled")

    class Marking(models.TextChoices):
        ORDINARY = "ordinary", _("ordinary")
        OFFICIAL_USE = "official_use", _("for official use only (ҚБП/ДСП)")

    class PdfStatus(models.TextChoices):
        NONE = "none", _("not yet")
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    department = models.CharField(_("department"), max_length=8, choices=Department.choices)
    kind = models.CharField(_("kind"), max_length=64)
    subject = models.CharField(_("subject"), max_length=500)
    addressee = models.CharField(_("addressee"), max_length=500)
    marking = models.CharField(_("marking"), max_length=16, choices=Marking.choices, default=Marking.ORDINARY)
    # An answer to an appeal is given in the appeal's language (Law on Languages, art. 11):
    # such a document has that one version; others are written in Kazakh and Russian.
    language = models.CharField(
        _("written in"), max_length=8, blank=True, choices=[("kk", _("Kazakh")), ("ru", _("Russian"))]
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)
    # The approval round: each submission after a return starts a new one.
    round = models.PositiveSmallIntegerField(default=1)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The record the document belongs to (a request, a complaint ...), if any.
    record_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    record_id = models.CharField(max_length=64, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    corrects = models.ForeignKey(
        "self", verbose_name=_("corrects"), null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    # Registration in the department's outgoing journal, at signing.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    number = models.PositiveIntegerField(_("number in the journal"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=64, blank=True, db_index=True)
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    sent_note = models.CharField(_("how it was sent"), max_length=300, blank=True)
    # The channel it was sent by: the incoming journal's channels (issue 20, item 7).
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices, blank=True)
    # The signed PDF, made by a background task.
    pdf_status = models.CharField(_("PDF"), max_length=16, choices=PdfStatus.choices, default=PdfStatus.NONE)
    pdf_file = models.FileField(upload_to=private_upload_path, max_length=255, blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    pdf_error = models.CharField(max_length=500, blank=True)
    pdf_attempts = models.PositiveSmallIntegerField(default=0)
    verification_token = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year", "number"],
                condition=Q(number__isnull=False),
                name="documents_one_number_per_department_year",
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(status__in=["signed", "sent"]),
                name="documents_number_only_when_signed",
            ),
        ]
        indexes = [
            models.Index(fields=["department", "status"]),
            models.Index(fields=["department", "-year", "-number"]),
            # The search's newest documents first (core.search.newest_matching), read in order.
            models.Index(fields=["-created_at", "-id"], name="documents_newest"),
        ]

    def __str__(self):
        return self.registration_number or self.subject

    def get_absolute_url(self):
        return reverse("documents:document-detail", args=[self.pk])

    @property
    def audit_department(self) -> str:
        return self.department

    @property
    def kind_spec(self):
        return KINDS.get(self.kind)

    @property
    def kind_label(self):
        spec = self.kind_spec
        return spec.label if spec else self.kind

    @property
    def line_of_work(self):
        spec = self.kind_spec
        return spec.line_of_work if spec else None

    @property
    def is_signed(self) -> bool:
        return self.status in (self.Status.SIGNED, self.Status.SENT)


class DocumentVersion(models.Model):
    """The text in one language. Kazakh and Russian always; others where the kind allows."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "language"], name="documents_one_version_per_language")
        ]

    def __str__(self):
        return f"{self.document_id}:{self.language}"


class DocumentAttachment(StoredFile):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="attachments")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]


class ApprovalStep(models.Model):
    """One visa of the route. Steps of one `position` form a parallel group; the groups are
    passed in order. Each submission is a new `round`: the history of earlier ones stays."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("awaiting")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned for rework")
        SKIPPED = "skipped", _("not reached")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="steps")
    round = models.PositiveSmallIntegerField(default=0)
    position = models.PositiveSmallIntegerField()
    approver = models.ForeignKey(Person, verbose_name=_("approver"), on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=16, choices=Decision.choices, default=Decision.PENDING)
    comment = models.TextField(_("comment"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "round", "approver"], name="documents_one_visa_per_round")
        ]

    def __str__(self):
        return f"{self.document_id}: {self.approver} ({self.decision})"


class Signature(models.Model):
    """Who signed, in what capacity, when: frozen at the moment of signing (IR 13, ISD 15)."""

    document = models.OneToOneField(Document, on_delete=models.PROTECT, related_name="signature")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    capacity = models.CharField(max_length=32)
    appointment = models.ForeignKey(
        ActingAppointment, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    clause = models.CharField(max_length=16)
    # As printed on the PDF, in Kazakh and Russian.
    signer_name_kk = models.CharField(max_length=300)
    signer_name_ru = models.CharField(max_length=300)
    capacity_kk = models.CharField(max_length=300)
    capacity_ru = models.CharField(max_length=300)
    signed_at = models.DateTimeField()
    certificate = models.ForeignKey(
        "SignerCertificate", null=True, blank=True, on_delete=models.PROTECT, related_name="signatures"
    )
    backend = models.CharField(max_length=32)
    # The certificate the PDF's signature was made with, as the PDF carries it: the portal's
    # or the signer's own national one (then `certificate` is empty).
    certificate_subject = models.CharField(max_length=500, blank=True)
    certificate_issuer = models.CharField(max_length=500, blank=True)
    certificate_serial = models.CharField(max_length=80, blank=True)
    iin = models.CharField(_("IIN"), max_length=12, blank=True)
    # What the revocation check said at signing (good, unknown), and who verified the CMS:
    # the portal itself or the NCANode service (a GOST certificate).
    revocation_status = models.CharField(max_length=16, blank=True)
    verified_by = models.CharField(max_length=16, blank=True)

    def __str__(self):
        return f"{self.signer_name_kk}, {self.signed_at:%Y-%m-%d %H:%M}"

    # On a page, the signer and his capacity in the reader's language: Kazakh on a Kazakh page,
    # Russian on any other (the PDF prints both, as its versions need).
    @property
    def signer_name(self) -> str:
        return self.signer_name_kk if get_language() == "kk" else self.signer_name_ru

    @property
    def capacity_display(self) -> str:
        return self.capacity_kk if get_language() == "kk" else self.capacity_ru


class CertificateAuthority(models.Model):
    """The portal's own certification authority; its key is stored encrypted."""

    name = models.CharField(max_length=200)
    certificate_pem = models.TextField()
    private_key_pem = models.TextField()
    # Its time-stamping certificate and key (the embedded default TSA), made on first use.
    tsa_certificate_pem = models.TextField(blank=True)
    tsa_private_key_pem = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.name


class SignerCertificate(models.Model):
    """A signing certificate the portal's authority issued to a user; key stored encrypted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signing_certificates")
    authority = models.ForeignKey(CertificateAuthority, on_delete=models.PROTECT, related_name="issued")
    serial = models.CharField(max_length=64, unique=True)
    subject = models.CharField(max_length=300)
    certificate_pem = models.TextField()
    private_key_pem = models.TextField()
    not_before = models.DateTimeField()
    not_after = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-not_before"]

    def __str__(self):
        return f"{self.subject} ({self.serial})"


class SigningSession(models.Model):
    """A signature with the national EDS under way: the PDF prepared for the signer's
    browser, with the registration it prints (the next number of the journal, kept only if
    it is still the next one when the signature comes back), for `LIFETIME` after the
    signer gave his password and second factor."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    prepared_at = models.DateTimeField()
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    verification_token = models.CharField(max_length=64)
    pdf = models.BinaryField()
    digest = models.BinaryField()
    room_start = models.PositiveIntegerField()
    room_end = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "signer"], name="documents_one_signing_session")]

    def __str__(self):
        return f"{self.document_id}: {self.signer_id} at {self.prepared_at:%H:%M}"
