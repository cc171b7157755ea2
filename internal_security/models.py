"""Records of the Internal Security Department, each on a need-to-know basis (ISD 7)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courtadmin.core.models import StoredFile
from courtadmin.core.validators import check_in_order, validate_iin_bin
from courtadmin.org.models import NeedToKnowGrant, Person, Region


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
    # How its АППК term ended when it was closed: kept (met) or not (missed); empty while it
    # runs and for appeals that had none. A copy of the term's state, for the figures (issue 8).
    term_kept = models.BooleanField(_("answered within the term"), null=True, editable=False)
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
            # The dashboards count closings by period (issue 8).
            models.Index(
                fields=["closed_on", "term_kept"], name="isd_complaint_closed", condition=Q(closed_on__isnull=False)
            ),
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


class RegistrationCounter(models.Model):
    """The last number given in one of the ISD's registers in a year (complaints,
    investigations), locked per registration so that numbers never repeat nor skip."""

    class Series(models.TextChoices):
        COMPLAINT = "ІҚБ", _("complaints")
        INVESTIGATION = "ҚТ", _("official investigations")

    series = models.CharField(max_length=8, choices=Series.choices)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["series", "year"], name="isd_one_counter_per_series_year")]

    def __str__(self):
        return f"{self.series}-{self.year}: {self.last_number}"


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


# --- Official investigations (ISD 6.21, 6.22) ----------------------------------------------


class Investigation(models.Model):
    """An official investigation, opened only on an instruction of the Chairman of the Supreme
    Court or the Head of the Court Administration (ISD 6.21), or about officials whose direct
    subordinates were convicted of corruption (ISD 6.22). Each on a need-to-know basis (ISD 7)."""

    audit_department = "ISD"

    class Basis(models.TextChoices):
        MISCONDUCT = "6.21", _("ISD 6.21: conduct of judges or staff")
        SUBORDINATES_CONVICTED = "6.22", _("ISD 6.22: officials whose subordinates were convicted of corruption")

    class Status(models.TextChoices):
        OPEN = "open", _("under way")
        CONCLUDED = "concluded", _("concluded")

    class Outcome(models.TextChoices):
        NO_VIOLATION = "no_violation", _("no violation found")
        DISCIPLINARY = "disciplinary", _("referred for disciplinary proceedings")
        LAW_ENFORCEMENT = "law_enforcement", _("materials sent to law enforcement")
        OTHER = "other", _("other measures")

    number = models.CharField(_("number"), max_length=32, unique=True)
    basis = models.CharField(_("basis"), max_length=8, choices=Basis.choices)
    instructed_by = models.ForeignKey(
        Person, verbose_name=_("instruction given by"), on_delete=models.PROTECT, related_name="+"
    )
    instruction_number = models.CharField(_("instruction number"), max_length=64)
    instruction_date = models.DateField(_("instruction date"))
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    subject = models.CharField(_("what is investigated"), max_length=500)
    plan = models.TextField(_("plan"), blank=True)
    due_on = models.DateField(_("term"))
    complaints = models.ManyToManyField(Complaint, verbose_name=_("complaints that started it"), blank=True)
    signals = models.ManyToManyField(
        "CorruptionSignal", verbose_name=_("information on corruption it rests on"), blank=True, related_name="+"
    )
    conviction_case = models.ForeignKey(
        "CriminalCase",
        verbose_name=_("the criminal case of the conviction (ISD 6.22)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supervisor_investigations",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True, editable=False)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("official investigation")
        verbose_name_plural = _("official investigations")
        ordering = ["-instruction_date", "-pk"]
        indexes = [
            models.Index(fields=["-instruction_date", "-id"], name="isd_investigation_list_order"),
            models.Index(
                fields=["concluded_on"], name="isd_investigation_concluded", condition=Q(concluded_on__isnull=False)
            ),
            models.Index(fields=["status"], name="isd_investigation_open", condition=Q(status="open")),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("internal_security:investigation-detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.instruction_date and self.instruction_date > timezone.localdate():
            errors["instruction_date"] = ValidationError(
                _("The instruction cannot be dated in the future."), code="future"
            )
        if self.instruction_date and self.due_on and self.due_on <= self.instruction_date:
            errors["due_on"] = ValidationError(_("The term ends after the instruction."), code="before_instruction")
        if self.basis == self.Basis.SUBORDINATES_CONVICTED:
            if self.conviction_case_id is None:
                errors["conviction_case"] = ValidationError(
                    _("An investigation under ISD 6.22 names the criminal case of the conviction."),
                    code="conviction_missing",
                )
            elif self.conviction_case.outcome != CriminalCase.Outcome.CONVICTED:
                errors["conviction_case"] = ValidationError(
                    _("Nobody is convicted in this criminal case (ISD 6.22)."), code="not_convicted"
                )
        if errors:
            raise ValidationError(errors)


class InvestigationMaterial(StoredFile):
    """A material of an investigation of any kind (a document, a copy, a photograph, a record),
    within the upload rules; read by those who reach the investigation (ISD 7)."""

    audit_department = "ISD"

    investigation = models.ForeignKey("Investigation", on_delete=models.CASCADE, related_name="materials")
    description = models.CharField(_("what it is"), max_length=300)

    class Meta:
        verbose_name = _("material of an investigation")
        verbose_name_plural = _("materials of an investigation")
        ordering = ["uploaded_at", "pk"]


class InvestigationGrant(NeedToKnowGrant):
    """A member of an investigation's team (ISD 7)."""

    content_object = models.ForeignKey(Investigation, verbose_name=_("investigation"), on_delete=models.CASCADE)

    class Meta(NeedToKnowGrant.Meta):
        verbose_name = _("investigation team member")
        verbose_name_plural = _("investigation team")
        indexes = [models.Index(fields=["user", "content_object"], name="isd_investigation_grant_user")]


class InvestigatedPerson(models.Model):
    class Role(models.TextChoices):
        JUDGE = "judge", _("judge")
        STAFF = "staff", _("court staff member")
        OFFICIAL = "official", _("official whose subordinates were convicted")

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="persons")
    name = models.CharField(_("full name"), max_length=300)
    role = models.CharField(_("who he is"), max_length=16, choices=Role.choices)
    position = models.CharField(_("position and court"), max_length=300)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Explanation(StoredFile):
    """A written explanation of a member of staff, summoned by the ISD (ISD 5.2)."""

    audit_department = "ISD"

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="explanations")
    person = models.CharField(_("who explains"), max_length=300)
    summoned_on = models.DateField(_("summoned on"))
    given_on = models.DateField(_("explanation given on"))

    class Meta:
        ordering = ["given_on", "pk"]


class JudgeInterview(models.Model):
    """An interview of a judge (ISD 5.3): recorded only with the Chairman's instruction or
    permission and the judge's consent both on file."""

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="interviews")
    judge = models.CharField(_("judge"), max_length=300)
    permission = models.CharField(_("the Chairman's instruction or permission (number, date)"), max_length=300)
    consent_on = models.DateField(_("the judge's consent given on"), null=True, blank=True)
    held_on = models.DateField(_("held on"))
    record = models.TextField(_("record of the interview"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self):
        return f"{self.judge} {self.held_on}"


class PersonalFileRequest(models.Model):
    """A request to study a personal file (ISD 5.9): a time-limited permission once the
    Chairman or the Head of the Court Administration grants it; it lapses on its own."""

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="file_requests")
    person = models.CharField(_("whose personal file"), max_length=300)
    reason = models.CharField(_("why it is needed"), max_length=500)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    granted_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(null=True, blank=True)
    valid_until = models.DateField(_("permission valid until"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return self.person

    def permits(self, day=None) -> bool:
        """Granted and not lapsed on `day` (today by default)."""
        day = day or timezone.localdate()
        return self.granted_at is not None and self.valid_until is not None and day <= self.valid_until


# --- The criminal-case registry (ISD 6.16) -------------------------------------------------


class CriminalCase(models.Model):
    """A criminal case opened against a judge or a member of court staff, for corruption or
    another offence (ISD 6.16). The territorial ISD unit of the region keeps its region's
    entries, the central ISD any region's; the ISD sees them all. Its stage is the last of
    its `stages`, each kept with its date and the authority's decision, and moves only
    through `workflow.case_move`."""

    audit_department = "ISD"
    state_field = "stage"

    class Stage(models.TextChoices):
        PRE_TRIAL = "pre_trial", _("pre-trial investigation")
        IN_COURT = "in_court", _("sent to court")
        VERDICT = "verdict", _("verdict given")
        TERMINATED = "terminated", _("terminated")

    class Outcome(models.TextChoices):
        CONVICTED = "convicted", _("convicted")
        ACQUITTED = "acquitted", _("acquitted")
        TERMINATED = "terminated", _("terminated")

    person = models.CharField(_("full name"), max_length=300)
    person_role = models.CharField(_("who he is"), max_length=16, choices=Complaint.PersonRole.choices)
    position = models.CharField(_("position"), max_length=300)
    court = models.CharField(_("court"), max_length=300)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    article = models.CharField(_("article of the Criminal Code"), max_length=64)
    corruption = models.BooleanField(_("a corruption offence"), default=True)
    investigating_body = models.CharField(_("investigating body"), max_length=300)
    opened_on = models.DateField(_("opened on"))
    sent_to_court_on = models.DateField(_("sent to court on"), null=True, blank=True)
    verdict_on = models.DateField(_("verdict on"), null=True, blank=True)
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.PRE_TRIAL)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    complaints = models.ManyToManyField(Complaint, verbose_name=_("complaints"), blank=True)
    investigations = models.ManyToManyField(Investigation, verbose_name=_("investigations"), blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("criminal case")
        verbose_name_plural = _("criminal cases")
        ordering = ["-opened_on", "-pk"]
        indexes = [
            models.Index(fields=["region", "-opened_on"], name="isd_criminal_case_region"),
            models.Index(fields=["opened_on"], name="isd_criminal_case_opened"),
        ]

    def __str__(self):
        return f"{self.person}, {self.article}"

    def get_absolute_url(self):
        return reverse("internal_security:case-detail", args=[self.pk])

    def clean(self):
        """A case is opened on a day that has come; its later dates are its stages' (`CaseStage`)."""
        super().clean()
        if self.opened_on and self.opened_on > timezone.localdate():
            raise ValidationError({"opened_on": ValidationError(_("This date is still to come."), code="future")})


class CaseStage(models.Model):
    """One stage of a criminal case as an authority decided it (ISD 6.16): the opening of the
    pre-trial investigation, the case sent to court, a verdict (or its change on appeal), a
    termination, a return for further investigation. Kept, never overwritten, in order."""

    case = models.ForeignKey(CriminalCase, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(_("stage"), max_length=16, choices=CriminalCase.Stage.choices)
    decided_on = models.DateField(_("date of the decision"))
    authority = models.CharField(_("authority"), max_length=300)
    decision = models.CharField(_("the authority's decision"), max_length=500)
    outcome = models.CharField(_("outcome"), max_length=16, choices=CriminalCase.Outcome.choices, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stage of a criminal case")
        verbose_name_plural = _("stages of a criminal case")
        ordering = ["decided_on", "pk"]

    def __str__(self):
        return f"{self.get_stage_display()} {self.decided_on:%d.%m.%Y}"


# --- Information on corruption (ISD 6.15) -----------------------------------------------------


class CorruptionSignal(models.Model):
    """A piece of information on corruption from any source, linked to a person and a court
    (ISD 6.15), so that all on record about them can be shown to those allowed to see it."""

    audit_department = "ISD"

    class Source(models.TextChoices):
        MEDIA = "media", _("mass media and social networks")
        STATE_BODY = "state_body", _("a state body")
        AUDIT = "audit", _("an audit or inspection")
        HOTLINE = "hotline", _("hotline")
        OTHER = "other", _("another source")

    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    source_detail = models.CharField(_("source in detail"), max_length=300, blank=True)
    received_on = models.DateField(_("received on"))
    person = models.CharField(_("person concerned"), max_length=300, blank=True)
    court = models.CharField(_("court concerned"), max_length=300, blank=True)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    substance = models.TextField(_("substance"))
    # What it concerns, each shown only to a reader who reaches it (ISD 7); the investigations
    # resting on it are `Investigation.signals`.
    complaints = models.ManyToManyField(Complaint, verbose_name=_("complaints"), blank=True, related_name="+")
    cases = models.ManyToManyField("CriminalCase", verbose_name=_("criminal cases"), blank=True, related_name="+")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("information on corruption")
        verbose_name_plural = _("information on corruption")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["-received_on", "-id"], name="isd_signal_list_order")]

    def __str__(self):
        return f"{self.received_on:%d.%m.%Y} {self.person or self.court}"

    def get_absolute_url(self):
        return reverse("internal_security:signal-detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if not (self.person.strip() or self.court.strip()):
            errors["person"] = ValidationError(_("Name the person or the court it concerns."), code="required")
        if self.received_on and self.received_on > timezone.localdate():
            errors["received_on"] = ValidationError(_("This date is still to come."), code="future")
        if errors:
            raise ValidationError(errors)


# --- Notices of decisions on territorial ISD staff (ISD 13) ---------------------------------


class StaffNotice(models.Model):
    """ISD 13: a decision to dismiss, or to bring to disciplinary liability, a head or member
    of staff of a territorial ISD unit is reported to the ISD head with copies of all its
    materials, and he gives his position within the term the notice sets. The decision is
    recorded as final only once the notice is on file. Its status changes only through
    `workflow.notice_move`."""

    audit_department = "ISD"

    class Measure(models.TextChoices):
        DISMISSAL = "dismissal", _("dismissal")
        DISCIPLINARY = "disciplinary", _("disciplinary liability")

    class Role(models.TextChoices):
        HEAD = "head", _("head of the territorial ISD unit")
        STAFF = "staff", _("member of staff of the territorial ISD unit")

    class Status(models.TextChoices):
        PREPARED = "prepared", _("decision being prepared, the ISD head not yet notified")
        NOTIFIED = "notified", _("the ISD head notified, his position awaited")
        POSITION_GIVEN = "position_given", _("the ISD head's position given")
        FINAL = "final", _("decision final")
        DROPPED = "dropped", _("decision not taken")

    region = models.ForeignKey(Region, verbose_name=_("territorial ISD unit of the region"), on_delete=models.PROTECT)
    person = models.CharField(_("full name"), max_length=300)
    role = models.CharField(_("who he is"), max_length=16, choices=Role.choices)
    measure = models.CharField(_("decision being taken"), max_length=16, choices=Measure.choices)
    grounds = models.TextField(_("grounds"))
    deciding_body = models.CharField(_("who takes the decision"), max_length=300)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PREPARED)
    notified_on = models.DateField(_("the ISD head notified on"), null=True, blank=True)
    position_due_on = models.DateField(_("the ISD head's position due by"), null=True, blank=True)
    head_position = models.TextField(_("the ISD head's position"), blank=True)
    final_decision = models.CharField(_("the final decision (order number and date)"), max_length=500, blank=True)
    closing_note = models.TextField(_("why the decision was not taken"), blank=True)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)
    filed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("notice under ISD 13")
        verbose_name_plural = _("notices under ISD 13")
        ordering = ["-filed_at", "-pk"]
        indexes = [models.Index(fields=["-filed_at", "-id"], name="isd_notice_list_order")]

    def __str__(self):
        return self.person

    def get_absolute_url(self):
        return reverse("internal_security:notice-detail", args=[self.pk])


class StaffNoticeMaterial(StoredFile):
    """A copy of one of the materials of a decision on territorial ISD staff (ISD 13)."""

    audit_department = "ISD"

    notice = models.ForeignKey(StaffNotice, on_delete=models.CASCADE, related_name="materials")

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["uploaded_at", "pk"]


# --- The work plan (ISD 7, ISD 9, ISD 14) ----------------------------------------------------


class Function(models.TextChoices):
    """The ISD's functions (ISD 6): every item of its plans is tied to one (ISD 14)."""

    MONITORING = "6.1", _("6.1 Monitoring, analysis and forecast of security threats")
    PRACTICE = "6.2", _("6.2 Best practice in security and anti-corruption")
    SAFETY = "6.3", _("6.3 Safety of judges, their families and court buildings")
    INTERFERENCE = "6.4", _("6.4 Prevention of interference in the work of judges and staff")
    BUILDINGS = "6.5", _("6.5 Security of court buildings and proceedings")
    REGIME = "6.6", _("6.6 Pass and internal regime")
    ANTI_TERROR = "6.7", _("6.7 Anti-terrorist protection of vulnerable court objects")
    ENGINEERING = "6.8", _("6.8 Engineering and technical state, security spending")
    SUPPLIERS = "6.9", _("6.9 Control over suppliers of security equipment and services")
    UNITS_SECURITY = "6.10", _("6.10 Coordination of territorial ISD units on internal security")
    BAILIFFS = "6.11", _("6.11 Work of court bailiffs")
    STRATEGIES = "6.12", _("6.12 Anti-corruption strategies and programmes")
    RISKS = "6.13", _("6.13 Analysis of corruption risks")
    MEASURES = "6.14", _("6.14 Anti-corruption measures")
    INFORMATION = "6.15", _("6.15 Information on corruption")
    CASES = "6.16", _("6.16 Record of criminal cases")
    LAW_ENFORCEMENT = "6.17", _("6.17 Interaction with law enforcement")
    UNITS_CORRUPTION = "6.18", _("6.18 Coordination of territorial ISD units on anti-corruption")
    PROCUREMENT = "6.19", _("6.19 Anti-corruption control of public procurement")
    PERSONNEL = "6.20", _("6.20 Anti-corruption control in personnel matters")
    INVESTIGATIONS = "6.21", _("6.21 Official investigations")
    SUPERVISORS = "6.22", _("6.22 Investigations of officials whose staff were convicted")
    COMPLAINTS = "6.23", _("6.23 Complaints about corruption")


class WorkPlan(models.Model):
    """The year's work plan of the central ISD (approved by its head, ISD 9) or of a
    territorial ISD unit (agreed by the ISD head, ISD 9, 6.10, 6.18), drawn up on the
    priorities the Chairman and the Head set (ISD 7). Approved only by the ISD head's signed
    document; its status changes only through `workflow.plan_move`."""

    audit_department = "ISD"

    class Status(models.TextChoices):
        DRAFT = "draft", _("being drawn up")
        APPROVED = "approved", pgettext_lazy("plan", "approved")

    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    region = models.ForeignKey(
        Region,
        verbose_name=_("territorial ISD unit of the region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Empty for the central ISD's plan."),
    )
    basis = models.TextField(_("the priorities set by the Chairman and the Head (ISD 7)"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    drawn_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year", "region_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "region"],
                name="isd_plan_one_per_unit_and_year",
                violation_error_message=_("This unit's plan for the year is drawn up already; open it."),
            ),
            models.UniqueConstraint(
                fields=["year"],
                condition=Q(region__isnull=True),
                name="isd_plan_one_central_per_year",
                violation_error_message=_("The central ISD's plan for the year is drawn up already; open it."),
            ),
        ]

    def __str__(self):
        unit = self.region.name if self.region_id else _("central ISD")
        return f"{self.year}: {unit}"

    def get_absolute_url(self):
        return reverse("internal_security:plan-detail", args=[self.pk])


class ControlledItem(models.Model):
    """What is to be done by a term and controlled until it is (an item of a plan, a
    recommendation of an inspection): reported done with its result and the day, or not done
    with why, only through its workflow (`workflow.ControlledItemWorkflow`)."""

    audit_department = "ISD"

    class Status(models.TextChoices):
        PLANNED = "planned", _("to be done")
        DONE = "done", _("done")
        NOT_DONE = "not_done", _("not done")

    due_on = models.DateField(_("term"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    result = models.TextField(_("result"), blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["due_on", "pk"]


class PlanItem(ControlledItem):
    """An item of a work plan: what is done under which function of ISD 6 (ISD 14: nothing
    else), by whom, by when, and its result; its term runs from the plan's approval."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="items")
    function = models.CharField(_("function of the ISD (ISD 6)"), max_length=8, choices=Function.choices)
    title = models.TextField(_("what is to be done"))
    executor = models.ForeignKey(Person, verbose_name=_("executor"), on_delete=models.PROTECT, related_name="+")

    class Meta(ControlledItem.Meta):
        verbose_name = _("item of a work plan")
        verbose_name_plural = _("items of a work plan")
        constraints = [
            # ISD 14: no function the regulation does not provide.
            models.CheckConstraint(condition=Q(function__in=Function.values), name="isd_plan_item_within_isd_6"),
        ]

    def __str__(self):
        return f"ISD {self.function}: {self.title[:60]}"

    def get_absolute_url(self):
        return f"{self.plan.get_absolute_url()}#item-{self.pk}"


# --- Inspections of territorial subdivisions (ISD 5.10, 6.10, 6.18) ---------------------------


class Inspection(models.Model):
    """An inspection of a territorial subdivision on anti-corruption work (ISD 5.10), by its
    programme: held, its findings recorded with recommendations, each with its term and
    controlled until it is done (ISD 6.10, 6.18); closed once none is left open. Kept by the
    central ISD and the region's territorial ISD unit; its status changes only through
    `workflow.inspection_move`."""

    audit_department = "ISD"

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("inspection", "planned")
        HELD = "held", _("held, recommendations under control")
        CLOSED = "closed", _("closed, every recommendation controlled")

    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    subdivision = models.CharField(_("subdivision inspected"), max_length=300)
    programme = models.TextField(_("programme of the inspection"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    led_by = models.ForeignKey(Person, verbose_name=_("led by"), on_delete=models.PROTECT, related_name="+")
    findings = models.TextField(_("findings"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["-starts_on", "-id"], name="isd_inspection_list_order")]

    def __str__(self):
        return f"{self.subdivision} ({self.starts_on:%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("internal_security:inspection-detail", args=[self.pk])

    def clean(self):
        check_in_order(
            self.starts_on, self.ends_on, field="ends_on", message=_("The inspection ends on or after its first day.")
        )


class Recommendation(ControlledItem):
    """A recommendation of an inspection to the subdivision inspected, with its term and the
    official who answers for it; the ISD controls it until it is done (ISD 6.10, 6.18)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField(_("recommendation"))
    responsible = models.CharField(_("responsible official of the subdivision"), max_length=300)

    class Meta(ControlledItem.Meta):
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return f"{self.inspection.get_absolute_url()}#recommendation-{self.pk}"


# --- Periodic reports of the territorial ISD units (ISD 5.12, 6.18) ------------------------------


class ReportingForm(models.Model):
    """A form of report the territorial ISD units send for each period, by a term after the
    period ends (ISD 5.12: the ISD requests reports and data)."""

    audit_department = "ISD"

    class Period(models.TextChoices):
        MONTH = "month", _("monthly")
        QUARTER = "quarter", _("quarterly")
        HALF_YEAR = "half_year", _("half-yearly")
        YEAR = "year", _("yearly")

    code = models.CharField(_("form number"), max_length=32, unique=True)
    title = models.CharField(_("title"), max_length=300)
    period = models.CharField(_("period"), max_length=16, choices=Period.choices)
    days_after = models.PositiveSmallIntegerField(
        _("due, days after the period ends"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("form of report")
        verbose_name_plural = _("forms of report")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"


class UnitReport(models.Model):
    """One unit's report on one form for one period: due by its term, sent by the unit with
    its text and files, accepted by the central ISD or returned with the reason and sent
    again (ISD 5.12, 6.18). Its status changes only through `workflow.report_move`."""

    audit_department = "ISD"

    class Status(models.TextChoices):
        DUE = "due", _("awaited")
        SUBMITTED = "submitted", _("sent, awaiting acceptance")
        RETURNED = "returned", pgettext_lazy("report", "returned")
        ACCEPTED = "accepted", pgettext_lazy("report", "accepted")

    form = models.ForeignKey(ReportingForm, verbose_name=_("form"), on_delete=models.PROTECT, related_name="reports")
    region = models.ForeignKey(Region, verbose_name=_("territorial ISD unit of the region"), on_delete=models.PROTECT)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DUE)
    text = models.TextField(_("report"), blank=True)
    submitted_on = models.DateField(_("sent on"), null=True, blank=True)
    return_reason = models.TextField(_("why it was returned"), blank=True)
    called_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("report of a territorial unit")
        verbose_name_plural = _("reports of the territorial units")
        ordering = ["-period_start", "form__code", "region_id"]
        constraints = [
            models.UniqueConstraint(fields=["form", "region", "period_start"], name="isd_report_once_per_period"),
        ]
        indexes = [models.Index(fields=["-period_start", "id"], name="isd_report_list_order")]

    def __str__(self):
        return f"{self.form.code} {self.period_start:%d.%m.%Y}–{self.period_end:%d.%m.%Y}"

    def get_absolute_url(self):
        return reverse("internal_security:report-detail", args=[self.pk])


class UnitReportFile(StoredFile):
    """A file sent with a unit's report (a table, a scan)."""

    audit_department = "ISD"

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="files")

    class Meta:
        verbose_name = _("file of a report")
        verbose_name_plural = _("files of a report")
        ordering = ["uploaded_at", "pk"]


# --- The ISD head's evaluation of the territorial units' heads (ISD 9) --------------------------


class HeadEvaluation(models.Model):
    """The ISD head's evaluation of a territorial ISD unit's head for a year, on the report he
    heard, with a proposal of reward or penalty where he makes one (ISD 9). Read by the ISD
    head and deputy and those the ISD reports to (ISD 7); nobody else, the units included."""

    audit_department = "ISD"

    class Assessment(models.TextChoices):
        MEETS = "meets", _("meets the requirements")
        PARTLY = "partly", _("meets the requirements in part")
        FAILS = "fails", _("does not meet the requirements")

    class Proposal(models.TextChoices):
        NONE = "none", _("no proposal")
        REWARD = "reward", _("a reward proposed")
        PENALTY = "penalty", _("a penalty proposed")

    region = models.ForeignKey(Region, verbose_name=_("territorial ISD unit of the region"), on_delete=models.PROTECT)
    head = models.CharField(_("head of the unit"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    heard_on = models.DateField(_("report heard on"))
    report = models.TextField(_("the report heard"))
    assessment = models.CharField(_("assessment"), max_length=16, choices=Assessment.choices)
    proposal = models.CharField(_("proposal"), max_length=16, choices=Proposal.choices, default=Proposal.NONE)
    proposal_text = models.TextField(_("the proposal and its grounds"), blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation of a unit's head")
        verbose_name_plural = _("evaluations of the units' heads")
        ordering = ["-year", "region_id", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "head", "year"],
                name="isd_evaluation_once_a_year",
                violation_error_message=_("This head is evaluated for the year already."),
            ),
        ]

    def __str__(self):
        return f"{self.head} ({self.year})"

    def get_absolute_url(self):
        return reverse("internal_security:evaluation-detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.heard_on and self.heard_on > timezone.localdate():
            errors["heard_on"] = ValidationError(_("This date is still to come."), code="future")
        if self.proposal != self.Proposal.NONE and not self.proposal_text.strip():
            errors["proposal_text"] = ValidationError(_("Give the proposal and its grounds."), code="required")
        if errors:
            raise ValidationError(errors)


# --- Methodological help and meetings with the territorial units (ISD 5.11, 5.13) --------------


class UnitMeeting(models.Model):
    """A meeting, seminar or methodological help the ISD holds with the territorial units
    (ISD 5.11, 5.13): planned with its topic, the units taking part (none named: all of them),
    held with its minutes, or cancelled with the reason. Its status changes only through
    `workflow.meeting_move`."""

    audit_department = "ISD"

    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        SEMINAR = "seminar", _("seminar")
        HELP = "help", _("methodological help")

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("meeting", "planned")
        HELD = "held", pgettext_lazy("meeting", "held")
        CANCELLED = "cancelled", pgettext_lazy("meeting", "cancelled")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    topic = models.CharField(_("topic"), max_length=500)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place or link"), max_length=300, blank=True)
    regions = models.ManyToManyField(
        Region, verbose_name=_("units taking part"), blank=True, help_text=_("None chosen: every unit.")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    minutes = models.TextField(_("minutes"), blank=True)
    closing_note = models.TextField(_("why it was cancelled"), blank=True)
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting with the units")
        verbose_name_plural = _("meetings with the units")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["-held_on", "-id"], name="isd_meeting_list_order")]

    def __str__(self):
        return f"{self.held_on:%d.%m.%Y} {self.topic[:60]}"

    def get_absolute_url(self):
        return reverse("internal_security:meeting-detail", args=[self.pk])


class UnitMeetingFile(StoredFile):
    """A file of a meeting: its signed minutes, the materials handed out."""

    audit_department = "ISD"

    meeting = models.ForeignKey(UnitMeeting, on_delete=models.CASCADE, related_name="files")

    class Meta:
        verbose_name = _("file of a meeting")
        verbose_name_plural = _("files of a meeting")
        ordering = ["uploaded_at", "pk"]


# --- The territorial units' regulations, agreed by the ISD head (ISD 9) ------------------------


class UnitRegulation(models.Model):
    """A territorial ISD unit's regulations (or their change), sent with its text for the ISD
    head's agreement (ISD 9): agreed, or returned with the reason and sent again. Its status
    changes only through `workflow.regulation_move`."""

    audit_department = "ISD"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("sent for agreement")
        RETURNED = "returned", pgettext_lazy("regulation", "returned")
        AGREED = "agreed", pgettext_lazy("regulation", "agreed")

    region = models.ForeignKey(Region, verbose_name=_("territorial ISD unit of the region"), on_delete=models.PROTECT)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text of the regulations"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    return_reason = models.TextField(_("why it was returned"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("regulations of a territorial unit")
        verbose_name_plural = _("regulations of the territorial units")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("internal_security:regulation-detail", args=[self.pk])


# --- Vetting of candidates (ISD 5.4, 5.8) -------------------------------------------------------


class VettingRequest(models.Model):
    """ISD 5.4: is there discrediting information about a candidate for a judge's position or
    a post in the judicial system? The officers the ISD head assigns search the portal's own
    registries (each finding within their reach), record what the resources of ISD 5.8
    showed, and the conclusion is signed per ISD 15 within the term. Its status changes only
    through `workflow.vetting_move`; need-to-know like an investigation (ISD 7)."""

    audit_department = "ISD"

    class Post(models.TextChoices):
        JUDGE = "judge", _("a judge's position")
        STAFF = "staff", _("a post in the judicial system")

    class Status(models.TextChoices):
        OPEN = "open", _("being vetted")
        CONCLUDED = "concluded", pgettext_lazy("vetting", "concluded")

    class Finding(models.TextChoices):
        CLEAR = "clear", _("no discrediting information")
        DISCREDITING = "discrediting", _("discrediting information found")

    candidate = models.CharField(_("candidate's full name"), max_length=300)
    candidate_iin = models.CharField(_("candidate's IIN"), max_length=12, validators=[validate_iin_bin])
    post_kind = models.CharField(_("candidate for"), max_length=16, choices=Post.choices)
    post = models.CharField(_("the position or post"), max_length=300)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    requested_by = models.CharField(_("requested by (body, letter number and date)"), max_length=500)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("term"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    finding = models.CharField(_("conclusion"), max_length=16, choices=Finding.choices, blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True, editable=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vetting of a candidate")
        verbose_name_plural = _("vetting of candidates")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["-received_on", "-id"], name="isd_vetting_list_order")]

    def __str__(self):
        return f"{self.candidate} ({self.received_on:%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("internal_security:vetting-detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.received_on and self.received_on > timezone.localdate():
            raise ValidationError({"received_on": ValidationError(_("This date is still to come."), code="future")})
        check_in_order(
            self.received_on, self.due_on, field="due_on", message=_("The term falls on or after the day received.")
        )


class VettingGrant(NeedToKnowGrant):
    """An officer assigned to a vetting (ISD 7)."""

    content_object = models.ForeignKey(VettingRequest, verbose_name=_("vetting"), on_delete=models.CASCADE)

    class Meta(NeedToKnowGrant.Meta):
        verbose_name = _("vetting assignment")
        verbose_name_plural = _("vetting assignments")
        indexes = [models.Index(fields=["user", "content_object"], name="isd_vetting_grant_user")]


class VettingCheck(models.Model):
    """What one of the judicial system's information resources (ISD 5.8) showed about the
    candidate, recorded by hand with the day it was consulted: the portal reaches none of them."""

    class Resource(models.TextChoices):
        COURT_CABINET = "sot_kabineti", "Сот кабинеті"
        E_PERSONNEL = "e_kadrlar", "Е-кадрлар"
        AVF = "avf", "АВФ отчеты"
        ARD = "ard", "АРД"

    vetting = models.ForeignKey(VettingRequest, on_delete=models.CASCADE, related_name="checks")
    resource = models.CharField(_("information resource (ISD 5.8)"), max_length=16, choices=Resource.choices)
    checked_on = models.DateField(_("consulted on"))
    result = models.TextField(_("what it showed"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("check of an information resource")
        verbose_name_plural = _("checks of information resources")
        ordering = ["checked_on", "pk"]

    def __str__(self):
        return f"{self.get_resource_display()} {self.checked_on:%d.%m.%Y}"

    def clean(self):
        super().clean()
        if self.checked_on and self.checked_on > timezone.localdate():
            raise ValidationError({"checked_on": ValidationError(_("This date is still to come."), code="future")})


# --- Corruption risks (ISD 6.13, 6.14) -----------------------------------------------------------


class CorruptionRisk(models.Model):
    """A corruption risk found by the ISD's internal analysis in a process of a subdivision or
    court (ISD 6.13): its cause, how likely it is and how much harm it would do, and the
    measures to remove it, each with its owner and term, controlled until done (ISD 6.14).
    Removed only once no measure is left open; its status changes only through
    `workflow.risk_move`. Kept by the central ISD and the region's territorial unit."""

    audit_department = "ISD"

    class Process(models.TextChoices):
        PROCUREMENT = "procurement", _("public procurement")
        PERSONNEL = "personnel", _("personnel matters")
        PROCEEDINGS = "proceedings", _("court proceedings")
        ENFORCEMENT = "enforcement", _("execution of judicial acts")
        FINANCE = "finance", _("budget and property")
        SERVICES = "services", _("services to citizens and office work")

    class Level(models.IntegerChoices):
        LOW = 1, pgettext_lazy("risk", "low")
        MEDIUM = 2, pgettext_lazy("risk", "medium")
        HIGH = 3, pgettext_lazy("risk", "high")

    class Status(models.TextChoices):
        OPEN = "open", _("being removed")
        REMOVED = "removed", _("removed")

    process = models.CharField(_("process"), max_length=16, choices=Process.choices)
    subdivision = models.CharField(_("subdivision or court"), max_length=300)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    description = models.TextField(_("the risk"))
    cause = models.TextField(_("its cause"))
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), choices=Level.choices)
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Level.choices)
    identified_on = models.DateField(_("identified on"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    removal_note = models.TextField(_("how it was removed"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("corruption risk")
        verbose_name_plural = _("corruption risks")
        ordering = ["-identified_on", "-pk"]
        indexes = [models.Index(fields=["-identified_on", "-id"], name="isd_risk_list_order")]

    def __str__(self):
        return f"{self.get_process_display()}: {self.subdivision}"

    def get_absolute_url(self):
        return reverse("internal_security:risk-detail", args=[self.pk])

    # The level of a risk by its score, likelihood times impact (1 to 9).
    SCORES = {Level.LOW: (1, 2), Level.MEDIUM: (3, 4), Level.HIGH: (6, 9)}

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def level(self):
        return self.level_of(self.score)

    @classmethod
    def level_of(cls, score: int):
        return next(level for level, (low, high) in cls.SCORES.items() if low <= score <= high)

    def get_level_display(self) -> str:
        return self.Level(self.level).label

    def clean(self):
        super().clean()
        if self.identified_on and self.identified_on > timezone.localdate():
            raise ValidationError({"identified_on": ValidationError(_("This date is still to come."), code="future")})


class RiskMeasure(ControlledItem):
    """A measure to remove a corruption risk, with its owner and term; controlled until it is
    done, with the evidence of what was done (ISD 6.14)."""

    risk = models.ForeignKey(CorruptionRisk, on_delete=models.CASCADE, related_name="measures")
    text = models.TextField(_("measure"))
    owner = models.CharField(_("who carries it out"), max_length=300)

    class Meta(ControlledItem.Meta):
        verbose_name = _("measure against a corruption risk")
        verbose_name_plural = _("measures against corruption risks")

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return f"{self.risk.get_absolute_url()}#measure-{self.pk}"


class RiskAnalysis(models.Model):
    """The analysis of corruption risks for a period (ISD 6.13): drafted from the register and
    signed by the ISD head per ISD 15 (its document, `isd.risk_analysis`)."""

    audit_department = "ISD"

    class Period(models.TextChoices):
        FIRST_HALF = "h1", _("first half-year")
        SECOND_HALF = "h2", _("second half-year")
        YEAR = "year", _("the year")

    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    period = models.CharField(_("period"), max_length=8, choices=Period.choices)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("analysis of corruption risks")
        verbose_name_plural = _("analyses of corruption risks")
        ordering = ["-year", "-period", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "period"],
                name="isd_risk_analysis_once_a_period",
                violation_error_message=_("The analysis for this period is drawn up already."),
            ),
        ]

    def __str__(self):
        return f"{self.get_period_display()} {self.year}"

    def get_absolute_url(self):
        return reverse("internal_security:risk-list") + f"#analysis-{self.pk}"


# --- Anti-corruption strategies and programmes (ISD 6.12) -----------------------------------------


class Programme(models.Model):
    """A state or departmental anti-corruption strategy or programme whose items fall to the
    judicial system (ISD 6.12): each item with its executor and term, controlled until it is
    reported done. Kept by the central ISD."""

    audit_department = "ISD"

    class Level(models.TextChoices):
        STATE = "state", pgettext_lazy("programme", "state")
        DEPARTMENTAL = "departmental", pgettext_lazy("programme", "departmental")

    title = models.CharField(_("title"), max_length=500)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    approved_by = models.CharField(_("approved by (act, number and date)"), max_length=500)
    first_year = models.PositiveSmallIntegerField(
        _("from"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    last_year = models.PositiveSmallIntegerField(_("to"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("anti-corruption programme")
        verbose_name_plural = _("anti-corruption programmes")
        ordering = ["-last_year", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("internal_security:programme-detail", args=[self.pk])

    def clean(self):
        check_in_order(
            self.first_year,
            self.last_year,
            field="last_year",
            message=_("The programme ends in or after its first year."),
        )


class ProgrammeItem(ControlledItem):
    """An item of a programme that falls to the judicial system: the measure, who carries it
    out, by when; reported with what was done (ISD 6.12)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="items")
    number = models.CharField(pgettext_lazy("programme", "item"), max_length=32)
    text = models.TextField(_("measure"))
    executor = models.CharField(_("executor"), max_length=300)

    class Meta(ControlledItem.Meta):
        verbose_name = _("item of a programme")
        verbose_name_plural = _("items of a programme")

    def __str__(self):
        return f"{self.number}. {self.text[:60]}"

    def get_absolute_url(self):
        return f"{self.programme.get_absolute_url()}#item-{self.pk}"


# --- Compliance control in procurement and personnel matters (ISD 6.19, 6.20) -------------------


class ComplianceControl(models.Model):
    """A check of compliance with anti-corruption law: a procurement procedure of the Court
    Administration or a territorial subdivision chosen for control (ISD 6.19), or an
    appointment or competition in personnel matters (ISD 6.20): what was checked, what was
    found and the measures taken. Kept by the central ISD and the region's unit; its status
    changes only through `workflow.control_move`."""

    audit_department = "ISD"

    class Area(models.TextChoices):
        PROCUREMENT = "procurement", _("public procurement (ISD 6.19)")
        PERSONNEL = "personnel", _("personnel matters (ISD 6.20)")

    class Check(models.TextChoices):
        CONFLICT = "conflict", _("conflict of interest")
        AFFILIATION = "affiliation", _("affiliation of the supplier or candidate")
        SPLITTING = "splitting", _("splitting of a purchase")
        COMPETITION = "competition", _("the rules of the competition")
        QUALIFICATION = "qualification", _("the qualification requirements")
        KINSHIP = "kinship", _("close relatives working under each other")

    # Which checks belong to which area.
    AREA_CHECKS = {
        Area.PROCUREMENT: (Check.CONFLICT, Check.AFFILIATION, Check.SPLITTING),
        Area.PERSONNEL: (Check.CONFLICT, Check.COMPETITION, Check.QUALIFICATION, Check.KINSHIP),
    }

    class Status(models.TextChoices):
        UNDER_WAY = "under_way", _("being checked")
        COMPLETED = "completed", _("completed")

    area = models.CharField(_("area"), max_length=16, choices=Area.choices)
    subject = models.CharField(_("procedure, appointment or competition"), max_length=500)
    reference = models.CharField(_("its number and date"), max_length=200)
    subdivision = models.CharField(_("subdivision"), max_length=300)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    checks = models.JSONField(_("what is checked"), default=list)
    started_on = models.DateField(_("checked from"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.UNDER_WAY)
    violation = models.BooleanField(_("a violation found"), null=True, blank=True)
    findings = models.TextField(_("findings"), blank=True)
    measures = models.TextField(_("measures taken"), blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("compliance control")
        verbose_name_plural = _("compliance controls")
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["-started_on", "-id"], name="isd_control_list_order")]

    def __str__(self):
        return f"{self.subject[:80]} ({self.reference})"

    def get_absolute_url(self):
        return reverse("internal_security:control-detail", args=[self.pk])

    def get_checks_display(self) -> list[str]:
        return [str(self.Check(code).label) for code in self.checks if code in self.Check.values]

    def clean(self):
        super().clean()
        errors = {}
        allowed = self.AREA_CHECKS.get(self.area, ())
        if not self.checks:
            errors["checks"] = ValidationError(_("Choose what is checked."), code="required")
        elif self.area and any(code not in allowed for code in self.checks):
            errors["checks"] = ValidationError(_("Choose among the checks of this area."), code="outside_area")
        if self.started_on and self.started_on > timezone.localdate():
            errors["started_on"] = ValidationError(_("This date is still to come."), code="future")
        if errors:
            raise ValidationError(errors)


# --- Best practice (ISD 6.2) ----------------------------------------------------------------------


class Practice(models.Model):
    """A foreign or domestic practice in security and anti-corruption the ISD studied
    (ISD 6.2), the proposal it made from it to the leadership, and the proposal's fate. Its
    status changes only through `workflow.practice_move`."""

    audit_department = "ISD"

    class Origin(models.TextChoices):
        FOREIGN = "foreign", _("foreign")
        DOMESTIC = "domestic", _("domestic")

    class Status(models.TextChoices):
        STUDIED = "studied", _("studied")
        PROPOSED = "proposed", _("proposed to the leadership")
        ADOPTED = "adopted", _("adopted")
        DECLINED = "declined", _("not adopted")

    title = models.CharField(_("practice"), max_length=500)
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices)
    source = models.CharField(_("country, body or source"), max_length=300)
    summary = models.TextField(pgettext_lazy("practice", "what it is"))
    studied_on = models.DateField(_("studied on"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.STUDIED)
    proposal = models.TextField(_("the proposal made"), blank=True)
    proposed_on = models.DateField(_("proposed on"), null=True, blank=True)
    decision = models.TextField(_("its fate"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("best practice")
        verbose_name_plural = _("best practice")
        ordering = ["-studied_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("internal_security:practice-detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.studied_on and self.studied_on > timezone.localdate():
            raise ValidationError({"studied_on": ValidationError(_("This date is still to come."), code="future")})


# --- Threats and incidents (ISD 6.1, 6.3, 6.4, 6.5) ------------------------------------------------


class SecurityIncident(models.Model):
    """A threat to a judge or his family, an incident in a court building or at a hearing, or
    a fact of unlawful interference in the work of judges and staff (ISD 6.3, 6.4, 6.5): who
    and what, the measures taken with law enforcement, the outcome. Each on a need-to-know
    basis (ISD 7): the ISD head and deputy, the officers granted it, the leadership and the
    territorial unit of its region. Its status changes only through `workflow.incident_move`."""

    audit_department = "ISD"

    class Kind(models.TextChoices):
        THREAT_JUDGE = "threat_judge", _("a threat to a judge")
        THREAT_FAMILY = "threat_family", _("a threat to a judge's family")
        BUILDING = "building", _("an incident in a court building")
        HEARING = "hearing", _("an incident at a hearing")
        INTERFERENCE = "interference", _("unlawful interference in the work of judges or staff")

    class Status(models.TextChoices):
        OPEN = "open", _("being dealt with")
        CLOSED = "closed", pgettext_lazy("incident", "closed")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    court = models.CharField(_("court"), max_length=300)
    person = models.CharField(_("who was threatened or affected"), max_length=300, blank=True)
    occurred_on = models.DateField(_("occurred on"))
    description = models.TextField(_("what happened"))
    reported_by = models.CharField(_("reported by"), max_length=300)
    law_enforcement = models.CharField(_("law-enforcement body informed"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    outcome = models.TextField(_("outcome"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("threat or incident")
        verbose_name_plural = _("threats and incidents")
        ordering = ["-occurred_on", "-pk"]
        indexes = [models.Index(fields=["-occurred_on", "-id"], name="isd_incident_list_order")]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.occurred_on:%d.%m.%Y}"

    def get_absolute_url(self):
        return reverse("internal_security:incident-detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.occurred_on and self.occurred_on > timezone.localdate():
            errors["occurred_on"] = ValidationError(_("This date is still to come."), code="future")
        threats = (self.Kind.THREAT_JUDGE, self.Kind.THREAT_FAMILY, self.Kind.INTERFERENCE)
        if self.kind in threats and not self.person.strip():
            errors["person"] = ValidationError(_("Name who was threatened or affected."), code="required")
        if errors:
            raise ValidationError(errors)


class IncidentGrant(NeedToKnowGrant):
    """An officer granted a threat or incident (ISD 7)."""

    content_object = models.ForeignKey(SecurityIncident, verbose_name=_("threat or incident"), on_delete=models.CASCADE)

    class Meta(NeedToKnowGrant.Meta):
        verbose_name = _("officer on a threat or incident")
        verbose_name_plural = _("officers on threats and incidents")
        indexes = [models.Index(fields=["user", "content_object"], name="isd_incident_grant_user")]


class IncidentMeasure(models.Model):
    """A measure taken on a threat or incident, with law enforcement or by the court (ISD 6.3)."""

    incident = models.ForeignKey(SecurityIncident, on_delete=models.CASCADE, related_name="measures")
    taken_on = models.DateField(_("taken on"))
    text = models.TextField(_("measure taken"))
    with_body = models.CharField(_("with (law-enforcement body, bailiffs)"), max_length=300, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("measure taken")
        verbose_name_plural = _("measures taken")
        ordering = ["taken_on", "pk"]

    def __str__(self):
        return self.text[:60]

    def clean(self):
        super().clean()
        if self.taken_on and self.taken_on > timezone.localdate():
            raise ValidationError({"taken_on": ValidationError(_("This date is still to come."), code="future")})


# --- Court bailiffs and hearings with heightened risk (ISD 6.5, 6.11) ------------------------------


class Bailiff(models.Model):
    """A court bailiff (сот приставы) of a court, assigned to its buildings and hearings (ISD 6.11)."""

    audit_department = "ISD"

    full_name = models.CharField(_("full name"), max_length=300)
    post = models.CharField(pgettext_lazy("job", "post"), max_length=300)
    court = models.CharField(_("court"), max_length=300)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    building = models.ForeignKey(
        "CourtBuilding",
        verbose_name=_("building assigned to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bailiffs",
    )
    active = models.BooleanField(_("in service"), default=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("court bailiff")
        verbose_name_plural = _("court bailiffs")
        ordering = ["region_id", "court", "full_name", "pk"]

    def __str__(self):
        return f"{self.full_name} ({self.court})"

    def clean(self):
        super().clean()
        if self.building_id and self.region_id and self.building.region_id != self.region_id:
            raise ValidationError(
                {"building": ValidationError(_("Choose a building of the bailiff's region."), code="outside_region")}
            )


class HearingSecurity(models.Model):
    """Security measures for a court session with heightened risk (ISD 6.5): why the risk is
    heightened, the measures, the bailiffs of the region assigned to it; held with its report
    or cancelled. Read by the ISD and those it reports to, a region's by its unit; its status
    changes only through `workflow.hearing_move`."""

    audit_department = "ISD"

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("hearing", "planned")
        HELD = "held", pgettext_lazy("hearing", "held")
        CANCELLED = "cancelled", pgettext_lazy("hearing", "cancelled")

    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    court = models.CharField(_("court"), max_length=300)
    case_number = models.CharField(_("case number"), max_length=64)
    starts_at = models.DateTimeField(_("begins at"))
    hall = models.CharField(_("courtroom"), max_length=100, blank=True)
    risk = models.TextField(_("why the risk is heightened"))
    measures = models.TextField(_("security measures"))
    bailiffs = models.ManyToManyField(Bailiff, verbose_name=_("bailiffs assigned"), related_name="hearings")
    incident = models.ForeignKey(
        SecurityIncident,
        verbose_name=_("the threat or incident it follows"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hearings",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    report = models.TextField(_("how it went"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hearing with heightened risk")
        verbose_name_plural = _("hearings with heightened risk")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["-starts_at", "-id"], name="isd_hearing_list_order")]

    def __str__(self):
        return f"{self.case_number}, {timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}"

    def get_absolute_url(self):
        return reverse("internal_security:hearing-detail", args=[self.pk])


# --- Court buildings, their state and anti-terrorist protection (ISD 6.7, 6.8) --------------------


class CourtBuilding(models.Model):
    """A court's building: where it is, its floors, entrances and regime premises, whether it is
    vulnerable to terrorism and in which category (ISD 6.7); its engineering and technical state
    is in its surveys (ISD 6.8) and its security equipment (ISD 6.9) is listed on it. Kept by the
    central ISD and the region's unit."""

    audit_department = "ISD"

    class Category(models.TextChoices):
        FIRST = "1", _("first")
        SECOND = "2", _("second")
        THIRD = "3", _("third")

    court = models.CharField(_("court"), max_length=300)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    address = models.CharField(_("address"), max_length=500)
    floors = models.PositiveSmallIntegerField(_("floors"), validators=[MinValueValidator(1), MaxValueValidator(100)])
    entrances = models.PositiveSmallIntegerField(
        _("entrances"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    regime_premises = models.TextField(_("regime premises"), blank=True)
    bailiff_headcount = models.PositiveSmallIntegerField(
        _("bailiffs on its staff (ISD 6.11)"), default=0, validators=[MaxValueValidator(500)]
    )
    bailiff_posts = models.TextField(_("the bailiffs' posts"), blank=True)
    vulnerable = models.BooleanField(_("vulnerable to terrorism (ISD 6.7)"), default=False)
    category = models.CharField(
        _("category of the vulnerable object"), max_length=1, choices=Category.choices, blank=True
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("court building")
        verbose_name_plural = _("court buildings")
        ordering = ["region_id", "court", "pk"]
        indexes = [models.Index(fields=["region", "court", "id"], name="isd_building_list_order")]

    def __str__(self):
        return f"{self.court}, {self.address}"

    def get_absolute_url(self):
        return reverse("internal_security:building-detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.vulnerable and not self.category:
            raise ValidationError(
                {"category": ValidationError(_("Give the category of a vulnerable object."), code="required")}
            )
        if not self.vulnerable:
            self.category = ""


class BuildingInspection(models.Model):
    """A survey of a building's engineering and technical state (ISD 6.8) or an inspection of
    its anti-terrorist protection (ISD 6.7): who held it, when, what was found; the measures it
    calls for are controlled to their terms (`BuildingMeasure`)."""

    class Kind(models.TextChoices):
        SURVEY = "survey", _("engineering and technical survey (ISD 6.8)")
        TERROR = "terror", _("inspection of anti-terrorist protection (ISD 6.7)")

    class State(models.TextChoices):
        GOOD = "good", _("good")
        FAIR = "fair", _("fair: repairs needed")
        POOR = "poor", _("poor: unfit without major repairs")

    building = models.ForeignKey(CourtBuilding, on_delete=models.CASCADE, related_name="inspections")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    held_on = models.DateField(_("held on"))
    held_by = models.CharField(_("held by"), max_length=300)
    state = models.CharField(_("state found"), max_length=8, choices=State.choices)
    findings = models.TextField(_("findings"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("survey or inspection of a building")
        verbose_name_plural = _("surveys and inspections of buildings")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.held_on:%d.%m.%Y}"

    def get_absolute_url(self):
        return f"{self.building.get_absolute_url()}#inspection-{self.pk}"

    def clean(self):
        super().clean()
        if self.held_on and self.held_on > timezone.localdate():
            raise ValidationError({"held_on": ValidationError(_("This date is still to come."), code="future")})


class BuildingMeasure(ControlledItem):
    """A measure a survey or an inspection of a building calls for, with who carries it out and
    its term (`isd.building_measure`), controlled until done (ISD 6.7, 6.8)."""

    inspection = models.ForeignKey(BuildingInspection, on_delete=models.CASCADE, related_name="measures")
    text = models.TextField(_("measure"))
    owner = models.CharField(_("who carries it out"), max_length=300)

    class Meta(ControlledItem.Meta):
        verbose_name = _("measure for a building")
        verbose_name_plural = _("measures for buildings")
        indexes = [models.Index(fields=["status", "due_on"], name="isd_building_measure_open")]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return f"{self.inspection.building.get_absolute_url()}#measure-{self.pk}"


class BuildingDocument(StoredFile):
    """A building's document, in force until the next one filed replaces it (its anti-terrorist
    passport, its rules of the regime): its number and the day it was approved."""

    number = models.CharField(_("number"), max_length=64)
    approved_on = models.DateField(_("approved on"))
    replaced_on = models.DateField(_("replaced on"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["-approved_on", "-pk"]

    def clean(self):
        super().clean()
        if self.approved_on and self.approved_on > timezone.localdate():
            raise ValidationError({"approved_on": ValidationError(_("This date is still to come."), code="future")})


class TerrorPassport(BuildingDocument):
    """A building's anti-terrorist passport (ISD 6.7): the document, its number, the day it was
    approved and its term. It is reminded before its term lapses (`isd.terror_passport`); a
    review files the next passport, which replaces it."""

    building = models.ForeignKey(CourtBuilding, on_delete=models.CASCADE, related_name="passports")
    valid_until = models.DateField(_("valid until"))

    class Meta(BuildingDocument.Meta):
        verbose_name = _("anti-terrorist passport")
        verbose_name_plural = _("anti-terrorist passports")
        constraints = [
            models.UniqueConstraint(
                fields=["building"], condition=Q(replaced_on__isnull=True), name="isd_one_current_passport"
            )
        ]

    def __str__(self):
        return f"№ {self.number}, {self.approved_on:%d.%m.%Y}–{self.valid_until:%d.%m.%Y}"

    def get_absolute_url(self):
        return f"{self.building.get_absolute_url()}#passport-{self.pk}"

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as invalid:
            errors = dict(invalid.error_dict)
        if self.approved_on and self.valid_until and self.valid_until <= self.approved_on:
            errors["valid_until"] = ValidationError(_("The term ends after the approval."), code="order")
        if errors:
            raise ValidationError(errors)


# --- Suppliers' contracts for security equipment and services (ISD 6.9) ---------------------------


class Supplier(models.Model):
    """A supplier of security equipment or services; its record across contracts (their checks,
    defects and claims) is on its page (ISD 6.9)."""

    audit_department = "ISD"

    name = models.CharField(_("supplier"), max_length=300)
    bin = models.CharField(_("BIN"), max_length=12, unique=True, validators=[validate_iin_bin])
    contact = models.CharField(_("address and contacts"), max_length=500, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.bin})"

    def get_absolute_url(self):
        return reverse("internal_security:supplier-detail", args=[self.pk])


class SecurityContract(models.Model):
    """A contract for security equipment or services (video surveillance, access control, fire
    and intruder alarms; ISD 6.9): its supplier, what it obliges and until when, the checks of
    its performance and the defects found. Its status changes only through
    `workflow.contract_move`: it is recorded fulfilled only with no defect left open."""

    audit_department = "ISD"

    class Subject(models.TextChoices):
        VIDEO = "video", _("video surveillance")
        ACCESS = "access", _("access control (СКУД)")
        FIRE = "fire", _("fire alarm")
        INTRUDER = "intruder", _("intruder alarm")
        SCREENING = "screening", _("screening equipment")
        SERVICE = "service", _("maintenance and security services")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("in force")
        FULFILLED = "fulfilled", _("fulfilled")
        TERMINATED = "terminated", _("terminated")

    number = models.CharField(_("contract number"), max_length=64)
    signed_on = models.DateField(_("signed on"))
    supplier = models.ForeignKey(
        Supplier, verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="contracts"
    )
    subject = models.CharField(_("subject"), max_length=16, choices=Subject.choices)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT)
    courts = models.CharField(_("courts served"), max_length=500)
    amount = models.DecimalField(_("amount, tenge"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    obligations = models.TextField(_("the supplier's obligations"))
    ends_on = models.DateField(_("in force until"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.IN_FORCE)
    closing_note = models.TextField(_("how it ended"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("security contract")
        verbose_name_plural = _("security contracts")
        ordering = ["-signed_on", "-pk"]
        indexes = [models.Index(fields=["-signed_on", "-id"], name="isd_contract_list_order")]

    def __str__(self):
        return f"№ {self.number}, {self.signed_on:%d.%m.%Y}"

    def get_absolute_url(self):
        return reverse("internal_security:contract-detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.signed_on and self.signed_on > timezone.localdate():
            errors["signed_on"] = ValidationError(_("This date is still to come."), code="future")
        if self.signed_on and self.ends_on and self.ends_on < self.signed_on:
            errors["ends_on"] = ValidationError(_("It ends after it was signed."), code="order")
        if errors:
            raise ValidationError(errors)


class ContractCheck(models.Model):
    """A check of a contract's performance (ISD 6.9): when, by whom, what was found; a defect it
    finds is recorded with it."""

    contract = models.ForeignKey(SecurityContract, on_delete=models.CASCADE, related_name="checks")
    checked_on = models.DateField(_("checked on"))
    checked_by = models.CharField(_("checked by"), max_length=300)
    findings = models.TextField(_("findings"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("check of performance")
        verbose_name_plural = _("checks of performance")
        ordering = ["-checked_on", "-pk"]

    def __str__(self):
        return f"{self.checked_on:%d.%m.%Y}: {self.findings[:60]}"

    def clean(self):
        super().clean()
        if self.checked_on and self.checked_on > timezone.localdate():
            raise ValidationError({"checked_on": ValidationError(_("This date is still to come."), code="future")})


class ContractDefect(models.Model):
    """A defect a check found in a supplier's performance, with the term to remedy it
    (`isd.contract_defect`), followed to its end: remedied by the supplier, or a claim made once
    the term has lapsed and then settled (ISD 6.9). Its status changes only through
    `workflow.defect_move`."""

    audit_department = "ISD"

    class Status(models.TextChoices):
        OPEN = "open", _("to be remedied")
        REMEDIED = "remedied", _("remedied")
        CLAIMED = "claimed", _("claim made")
        SETTLED = "settled", _("claim settled")

    found_in = models.ForeignKey(
        ContractCheck, verbose_name=_("found in the check"), on_delete=models.CASCADE, related_name="defects"
    )
    description = models.TextField(_("defect"))
    remedy_by = models.DateField(_("to be remedied by"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    remedied_on = models.DateField(_("remedied on"), null=True, blank=True)
    claim_number = models.CharField(_("claim number"), max_length=64, blank=True)
    claimed_on = models.DateField(_("claim made on"), null=True, blank=True)
    penalty = models.DecimalField(
        _("penalty claimed, tenge"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    claim_text = models.TextField(_("what is claimed"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        verbose_name = _("defect of performance")
        verbose_name_plural = _("defects of performance")
        ordering = ["remedy_by", "pk"]
        indexes = [models.Index(fields=["status", "remedy_by"], name="isd_defect_open")]

    def __str__(self):
        return self.description[:60]

    def get_absolute_url(self):
        return f"{self.found_in.contract.get_absolute_url()}#defect-{self.pk}"


class SecurityEquipment(models.Model):
    """Security equipment installed in a court building (ISD 6.8, 6.9): what, where, since when,
    under which contract, and whether it works."""

    class State(models.TextChoices):
        WORKING = "working", _("working")
        FAULTY = "faulty", _("faulty")
        OUT = "out", _("out of service")

    building = models.ForeignKey(CourtBuilding, on_delete=models.CASCADE, related_name="equipment")
    kind = models.CharField(_("kind"), max_length=16, choices=SecurityContract.Subject.choices[:-1])
    description = models.CharField(_("model and place"), max_length=300)
    installed_on = models.DateField(_("installed on"))
    contract = models.ForeignKey(
        SecurityContract,
        verbose_name=_("under contract"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="equipment",
    )
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.WORKING)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("security equipment")
        verbose_name_plural = _("security equipment")
        ordering = ["kind", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description}"

    def clean(self):
        super().clean()
        errors = {}
        if self.installed_on and self.installed_on > timezone.localdate():
            errors["installed_on"] = ValidationError(_("This date is still to come."), code="future")
        if self.contract_id and self.building_id and self.contract.region_id != self.building.region_id:
            errors["contract"] = ValidationError(
                _("Choose a contract of the building's region."), code="outside_region"
            )
        if errors:
            raise ValidationError(errors)


# --- The pass and internal regime (ISD 6.6) and the ISD's service IDs (ISD 5.5) --------------------


class RegimeRules(BuildingDocument):
    """A building's rules of the pass and internal regime (ISD 6.6): the document approved, in
    force until the next one replaces it."""

    building = models.ForeignKey(CourtBuilding, on_delete=models.CASCADE, related_name="regime_rules")

    class Meta(BuildingDocument.Meta):
        verbose_name = _("rules of the pass and internal regime")
        verbose_name_plural = _("rules of the pass and internal regime")
        constraints = [
            models.UniqueConstraint(
                fields=["building"], condition=Q(replaced_on__isnull=True), name="isd_one_current_regime_rules"
            )
        ]

    def __str__(self):
        return f"№ {self.number}, {self.approved_on:%d.%m.%Y}"

    def get_absolute_url(self):
        return f"{self.building.get_absolute_url()}#regime-{self.pk}"


class AccessPass(models.Model):
    """A permanent pass of a court's staff to a building (ISD 6.6), or the service ID of an ISD
    officer that lets him into every court building and its grounds (ISD 5.5): its number, its
    holder, its validity; withdrawn with the reason only through `workflow.pass_move`. Kept by
    the central ISD and, for its region's buildings, the territorial unit; service IDs are
    issued by the ISD head or deputy."""

    audit_department = "ISD"

    class Kind(models.TextChoices):
        PERMANENT = "permanent", _("permanent pass to a court building (ISD 6.6)")
        SERVICE_ID = "service_id", _("service ID of an ISD officer (ISD 5.5)")

    class Status(models.TextChoices):
        VALID = "valid", _("issued")
        WITHDRAWN = "withdrawn", _("withdrawn")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=64)
    holder = models.CharField(_("holder"), max_length=300)
    holder_post = models.CharField(_("holder's post"), max_length=300)
    person = models.ForeignKey(
        Person,
        verbose_name=_("ISD officer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    building = models.ForeignKey(
        CourtBuilding,
        verbose_name=_("building"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="passes",
    )
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, null=True, blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.VALID)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    reason = models.TextField(_("why it was withdrawn"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("pass or service ID")
        verbose_name_plural = _("passes and service IDs")
        ordering = ["-issued_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "number"], name="isd_pass_number_once")]
        indexes = [models.Index(fields=["-issued_on", "-id"], name="isd_pass_list_order")]

    def __str__(self):
        return f"№ {self.number}, {self.holder}"

    def get_absolute_url(self):
        return reverse("internal_security:pass-detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.issued_on and self.issued_on > timezone.localdate():
            errors["issued_on"] = ValidationError(_("This date is still to come."), code="future")
        if self.issued_on and self.valid_until and self.valid_until <= self.issued_on:
            errors["valid_until"] = ValidationError(_("It is valid after the day it is issued."), code="order")
        if self.kind == self.Kind.PERMANENT and not self.building_id:
            errors["building"] = ValidationError(_("Choose the building it lets into."), code="required")
        if self.kind == self.Kind.SERVICE_ID and not self.person_id:
            errors["person"] = ValidationError(_("Choose the ISD officer it is issued to."), code="required")
        if errors:
            raise ValidationError(errors)


# --- Security spending (ISD 6.8) --------------------------------------------------------------------


class SpendingProposal(models.Model):
    """A proposal for a year's security spending on a court building (ISD 6.8): the item, what
    it buys, the amount, with its technical specifications as files. Drafted by the central ISD
    or the region's unit, sent with its specifications, then included in the year's proposals or
    declined with the reason by the ISD head or deputy, only through `workflow.expense_move`."""

    audit_department = "ISD"

    class Item(models.TextChoices):
        VIDEO = "video", _("video surveillance")
        ACCESS = "access", _("access control (СКУД)")
        FIRE = "fire", _("fire alarm")
        INTRUDER = "intruder", _("intruder alarm")
        SCREENING = "screening", _("screening equipment")
        SERVICE = "service", _("maintenance and security services")
        WORKS = "works", _("engineering works on the building")

    class Status(models.TextChoices):
        DRAFTED = "drafted", pgettext_lazy("proposal", "drafted")
        SENT = "sent", pgettext_lazy("proposal", "sent to the ISD head")
        INCLUDED = "included", pgettext_lazy("proposal", "included in the year's proposals")
        DECLINED = "declined", pgettext_lazy("proposal", "declined")

    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    building = models.ForeignKey(CourtBuilding, verbose_name=_("building"), on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, editable=False)
    item = models.CharField(_("item"), max_length=16, choices=Item.choices)
    description = models.TextField(_("what it buys and why"))
    amount = models.DecimalField(_("amount, tenge"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFTED)
    decision = models.TextField(_("the decision"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("security spending proposal")
        verbose_name_plural = _("security spending proposals")
        ordering = ["-year", "region_id", "pk"]
        indexes = [models.Index(fields=["-year", "region", "id"], name="isd_expense_list_order")]

    def __str__(self):
        return f"{self.year}: {self.get_item_display()}, {self.building.court}"

    def get_absolute_url(self):
        return reverse("internal_security:expense-detail", args=[self.pk])


class SpecificationFile(StoredFile):
    """A technical specification of what a spending proposal buys (ISD 6.8)."""

    proposal = models.ForeignKey(SpendingProposal, on_delete=models.CASCADE, related_name="specifications")

    class Meta:
        verbose_name = _("technical specification")
        verbose_name_plural = _("technical specifications")
        ordering = ["pk"]
