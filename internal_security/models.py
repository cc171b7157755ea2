"""Records of the Internal Security Department, each on a need-to-know basis (ISD 7)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courtadmin.core.models import StoredFile
from courtadmin.core.validators import validate_iin_bin
from courtadmin.org.models import NeedToKnowGrant, Region


class Complaint(models.Model):
    """An application about corruption in the judicial system (ISD 6.23), registered the day
    it arrives (АППК art. 64) and answered within the АППК term. Its status changes only
    through `workflow.complaint_move`."""

    audit_department = "ISD"

    class Channel(models.TextChoices):
        E_OTINISH = "e_otinish", _("e-Otinish")
        POST = "post", _("post")
        IN_PERSON = "in_person", _("in person")
        HOTLINE = "hotline", _("hotline")
        FORWARDED = "forwarded", _("forwarded by another body")

    class ApplicantKind(models.TextChoices):
        INDIVIDUAL = "individual", _("individual")
        LEGAL_ENTITY = "legal_entity", _("legal entity")
        ANONYMOUS = "anonymous", _("anonymous")

    class PersonRole(models.TextChoices):
        JUDGE = "judge", _("judge")
        STAFF = "staff", _("court staff member")

    class Status(models.TextChoices):
        REGISTERED = "registered", pgettext_lazy("status", "registered")
        IN_WORK = "in_work", _("assigned, being considered")
        FORWARDED = "forwarded", _("forwarded to the competent body")
        SENT_ON = "sent_on", _("sent on at once: a crime or threat reported")
        NOT_CONSIDERED = "not_considered", _("left without consideration")
        DECIDED = "decided", _("decided, answer being prepared")
        ANSWERED = "answered", _("answered")

    class Decision(models.TextChoices):
        CONFIRMED = "confirmed", _("facts confirmed")
        NOT_CONFIRMED = "not_confirmed", _("facts not confirmed")

    number = models.CharField(_("registration number"), max_length=32, unique=True)
    received_at = models.DateTimeField(_("received"), null=True)
    received_on = models.DateField(_("registered on"), db_index=True)
    channel = models.CharField(_("channel of receipt"), max_length=16, choices=Channel.choices, default=Channel.POST)
    external_number = models.CharField(_("number in the appeals system"), max_length=64, blank=True)
    applicant_kind = models.CharField(
        _("applicant"), max_length=16, choices=ApplicantKind.choices, default=ApplicantKind.INDIVIDUAL
    )
    applicant_name = models.CharField(_("applicant's name"), max_length=300, blank=True)
    applicant_identifier = models.CharField(_("IIN or BIN"), max_length=12, blank=True, validators=[validate_iin_bin])
    applicant_address = models.CharField(_("applicant's postal address"), max_length=500, blank=True)
    applicant_contacts = models.CharField(_("applicant's contacts"), max_length=300, blank=True)
    language = models.CharField(
        _("language of the appeal"), max_length=8, choices=[("kk", _("Kazakh")), ("ru", _("Russian"))], default="kk"
    )
    person_concerned = models.CharField(_("person concerned"), max_length=300, blank=True)
    person_role = models.CharField(_("who he is"), max_length=16, choices=PersonRole.choices, blank=True)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    court = models.CharField(_("court concerned"), max_length=300)
    summary = models.CharField(_("summary"), max_length=300)
    substance = models.TextField(_("substance"))
    crime_reported = models.BooleanField(
        _("reports a crime being prepared or committed, or a threat to security"), default=False
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.REGISTERED)
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices, blank=True)
    outcome_note = models.TextField(_("ground"), blank=True)
    forwarded_to = models.CharField(_("forwarded to"), max_length=300, blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["-received_on", "-id"], name="isd_complaint_list_order"),
            models.Index(fields=["status", "-received_on"], name="isd_complaint_status"),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("internal_security:complaint-detail", args=[self.pk])

    @property
    def is_anonymous(self) -> bool:
        return self.applicant_kind == self.ApplicantKind.ANONYMOUS

    def clean(self):
        """АППК art. 63: a person's or a legal entity's name and postal address; anonymous
        appeals have neither. The IIN belongs to a person, the BIN to a legal entity."""
        super().clean()
        errors = {}
        if not self.is_anonymous:
            if not self.applicant_name.strip():
                errors["applicant_name"] = ValidationError(_("Give the applicant's name."), code="required")
            if not self.applicant_address.strip():
                errors["applicant_address"] = ValidationError(
                    _("Give the applicant's postal address."), code="required"
                )
        if not self.substance.strip():
            errors["substance"] = ValidationError(_("Write down what the appeal says."), code="required")
        if self.received_at and self.received_at > timezone.now():
            errors["received_at"] = ValidationError(_("The time of receipt cannot be in the future."), code="future")
        if errors:
            raise ValidationError(errors)


class ComplaintCounter(models.Model):
    """The last registration number given to a complaint in a year (locked per registration)."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class ComplaintConflict(models.Model):
    """An officer's declared conflict of interest on a complaint (his former court, a
    relative...): he loses access to it for good, and the declaration is kept."""

    complaint = models.ForeignKey("Complaint", on_delete=models.CASCADE, related_name="conflicts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=500)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["complaint", "user"], name="isd_one_conflict_per_officer")]

    def __str__(self):
        return f"{self.complaint_id}: {self.user_id}"


class ComplaintGrant(NeedToKnowGrant):
    """Who may open one complaint, granted by the ISD head or deputy (ISD 7, ISD 9)."""

    content_object = models.ForeignKey(Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE)

    class Meta(NeedToKnowGrant.Meta):
        verbose_name = _("need-to-know grant")
        verbose_name_plural = _("need-to-know grants")
        indexes = [models.Index(fields=["user", "content_object"], name="isd_complaint_grant_user")]


class ComplaintAttachment(StoredFile):
    """A file of a complaint (the appeal itself, its annexes). Reached only through the
    complaint, within the reader's reach."""

    audit_department = "ISD"

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE, related_name="attachments"
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]
