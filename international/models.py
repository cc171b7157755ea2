"""Records of the International Relations Department: international legal assistance.

IR 4.2 and IR 7.22: letters rogatory of Kazakh and foreign courts and petitions about the
recognition and enforcement of court acts; IR 7.25: applications of persons about legal
assistance; IR 7.27: their monitoring. The catalogs (countries, treaty bases, foreign
authorities, the courts of Kazakhstan) are kept by IR staff in the portal.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courtadmin.core.models import StoredFile
from courtadmin.core.periods import month_start
from courtadmin.core.rollups import RolledUp, key_of, sliced
from courtadmin.core.validators import check_in_order, validate_iin_bin
from courtadmin.org.models import Region

# The languages a request's documents come in (ISO 639-1), the state's two first.
LANGUAGES = [
    ("kk", _("Kazakh")),
    ("ru", _("Russian")),
    ("en", _("English")),
    ("zh", _("Chinese")),
    ("tr", _("Turkish")),
    ("de", _("German")),
    ("fr", _("French")),
    ("other", _("another language")),
]
STATE_LANGUAGES = ("kk", "ru")


# --- Catalogs --------------------------------------------------------------------------------


class Country(models.Model):
    code = models.CharField(_("ISO 3166 code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Subject(models.TextChoices):
    """What a request asks for (IR 4.2)."""

    SERVICE = "service", _("service of documents")
    EVIDENCE = "evidence", _("taking of evidence")
    OTHER_ACT = "other_act", _("another procedural act")
    RECOGNITION = "recognition", _("recognition and enforcement of a court act")


class TreatyBasis(models.Model):
    """A treaty (or reciprocity) under which legal assistance is given, with what it demands."""

    class Kind(models.TextChoices):
        MULTILATERAL = "multilateral", _("multilateral convention")
        BILATERAL = "bilateral", _("bilateral treaty")
        RECIPROCITY = "reciprocity", _("reciprocity (no treaty)")

    class Channel(models.TextChoices):
        DIRECT = "direct", _("directly between the courts")
        CENTRAL = "central", _("through the central authorities")
        DIPLOMATIC = "diplomatic", _("through the Ministry of Foreign Affairs")

    class Legalisation(models.TextChoices):
        NONE = "none", _("no legalisation or apostille")
        APOSTILLE = "apostille", _("apostille")
        CONSULAR = "consular", _("consular legalisation")

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    reference = models.CharField(_("ratification or entry into force"), max_length=300, blank=True)
    parties = models.ManyToManyField(
        Country,
        verbose_name=_("other parties"),
        blank=True,
        related_name="treaties",
        help_text=_("The states that the treaty binds with Kazakhstan. Reciprocity needs none."),
    )
    subjects = models.JSONField(_("what it covers"), default=list)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    languages = models.JSONField(_("languages accepted"), default=list)
    translation_required = models.BooleanField(
        _("certified translation into Kazakh or Russian required"),
        default=False,
        help_text=_("For documents in an accepted language other than Kazakh or Russian."),
    )
    legalisation = models.CharField(
        _("legalisation"), max_length=16, choices=Legalisation.choices, default=Legalisation.NONE
    )
    execution_months = models.PositiveSmallIntegerField(_("execution term, months"), default=1)
    # Letters abroad go in the language the treaty's states correspond in: Russian between
    # the CIS states (Minsk art. 17, Chisinau art. 18), English elsewhere.
    letter_language = models.CharField(
        _("letters abroad in"), max_length=2, choices=[("ru", _("Russian")), ("en", _("English"))], default="en"
    )
    contents_clause = models.CharField(_("article on a request's contents"), max_length=200, blank=True)
    precedence = models.PositiveSmallIntegerField(
        _("precedence"), default=50, help_text=_("Where several bind the two states, the lowest is suggested.")
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("treaty basis")
        verbose_name_plural = _("treaty bases")
        ordering = ["precedence", "name"]

    def __str__(self):
        return self.name

    def binds(self, country) -> bool:
        """Does this basis bind Kazakhstan and `country`? Reciprocity stands in for any state."""
        if self.kind == self.Kind.RECIPROCITY:
            return True
        return any(party.pk == country.pk for party in self.parties.all())

    def covers(self, subject: str) -> bool:
        return subject in self.subjects


class ForeignAuthority(models.Model):
    class Kind(models.TextChoices):
        COURT = "court", _("court")
        CENTRAL_AUTHORITY = "central_authority", _("central authority")
        OTHER = "other", _("other body")

    name = models.CharField(_("name"), max_length=300)
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.COURT)
    address = models.CharField(_("postal address"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("foreign authority")
        verbose_name_plural = _("foreign authorities")
        ordering = ["country__code", "name"]
        constraints = [models.UniqueConstraint(fields=["country", "name"], name="international_one_authority_name")]

    def __str__(self):
        return self.name


class KazakhCourt(models.Model):
    """A court of Kazakhstan: the 20 regional-level courts, and those under them."""

    class Level(models.TextChoices):
        REGIONAL = "regional", _("regional-level court")
        DISTRICT = "district", _("district or city court")
        SPECIALISED = "specialised", _("specialised court")

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=300)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+")
    parent = models.ForeignKey(
        "self", verbose_name=_("higher court"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("court of Kazakhstan")
        verbose_name_plural = _("courts of Kazakhstan")
        ordering = ["region__code", "level", "name"]

    def __str__(self):
        return self.name


# --- Requests --------------------------------------------------------------------------------


class LegalAssistanceRequest(RolledUp):
    """A letter rogatory or a recognition petition, incoming or outgoing (IR 4.2, IR 7.22).

    Its status changes only through `workflow.request_move`. Its figures (IR 7.27) are kept in
    `core.rollups` by month of receipt and direction: by status, state, treaty and court; and
    the days from receipt to execution: by month of execution ("executed"), by quarter of
    execution ("quarter", the month the quarter's first), and by quarter of execution within
    the month of receipt ("execution", key "<year>-<quarter>:<days>") and within the year of
    receipt ("execution_year", the month its January), which a year's figures read. Every cell
    is kept again within the request's state ("status@country=7"), which a state's figures read.
    """

    audit_department = "IR"
    rollup_kind = "international.request"
    rollup_fields = ("received_on", "direction", "status", "country_id", "treaty_id", "court_id", "executed_on")

    @classmethod
    def rollup_cells(cls, values):
        month, part = month_start(values["received_on"]), values["direction"]
        cells = [(month, part, "status", values["status"])]
        cells += [(month, part, field, key_of(values[f"{field}_id"])) for field in ("country", "treaty", "court")]
        if executed := values["executed_on"]:
            days = (executed - values["received_on"]).days
            quarter = (executed.month - 1) // 3
            cells.append((month_start(executed), part, "executed", str(days)))
            cells.append((executed.replace(month=quarter * 3 + 1, day=1), part, "quarter", str(days)))
            execution = f"{executed.year}-{quarter + 1}:{days}"
            cells.append((month, part, "execution", execution))
            cells.append((month.replace(month=1), part, "execution_year", execution))
        return cells + sliced(cells, "country", values["country_id"])

    class Direction(models.TextChoices):
        INCOMING = "incoming", _("incoming: a foreign authority asks")
        OUTGOING = "outgoing", _("outgoing: a Kazakh court asks")

    class Category(models.TextChoices):
        CIVIL = "civil", _("civil")
        FAMILY = "family", _("family")
        ECONOMIC = "economic", _("economic")
        ADMINISTRATIVE = "administrative", _("administrative")

    class Status(models.TextChoices):
        REGISTERED = "registered", pgettext_lazy("status", "registered")
        CHECKED = "checked", _("checked")
        DEFECTS_RETURNED = "defects_returned", _("returned to the sender for defects")
        SENT_TO_COURT = "sent_to_court", _("sent to the court")
        EXECUTING = "executing", _("being executed")
        EXECUTED = "executed", _("execution documents received")
        ANSWERED = "answered", _("returned to the requesting authority")
        TRANSLATION = "translation", _("translation arranged")
        SENT_ABROAD = "sent_abroad", _("sent abroad, awaiting the answer")
        ANSWER_RECEIVED = "answer_received", _("answer received")
        RETURNED_TO_COURT = "returned_to_court", _("answer sent to the court")
        CLOSED = "closed", _("closed")
        REFUSED = "refused", _("refused")

    registration_number = models.CharField(_("registration number"), max_length=32, unique=True)
    received_on = models.DateField(_("date of receipt"))
    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices)
    subject = models.CharField(_("what is asked"), max_length=16, choices=Subject.choices)
    category = models.CharField(_("case category"), max_length=16, choices=Category.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED)
    country = models.ForeignKey(Country, verbose_name=_("foreign state"), on_delete=models.PROTECT, related_name="+")
    foreign_authority = models.ForeignKey(
        ForeignAuthority,
        verbose_name=_("foreign authority"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Incoming: the requesting authority. Outgoing: the requested one."),
    )
    court = models.ForeignKey(
        KazakhCourt,
        verbose_name=_("court of Kazakhstan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Outgoing: the requesting court. Incoming: the court that executes it."),
    )
    case_name = models.CharField(_("case"), max_length=300)
    case_number = models.CharField(_("case number"), max_length=64)
    asked = models.TextField(_("what exactly is asked"))
    confidential = models.BooleanField(_("confidential"), default=False)
    treaty = models.ForeignKey(TreatyBasis, verbose_name=_("treaty basis"), on_delete=models.PROTECT, related_name="+")
    treaty_mismatch_confirmed = models.BooleanField(default=False, editable=False)
    original_language = models.CharField(_("language of the original"), max_length=8, choices=LANGUAGES)
    act_effective_on = models.DateField(
        _("court act took effect"), null=True, blank=True, help_text=_("For recognition and enforcement.")
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    related = models.ManyToManyField("self", verbose_name=_("related requests"), blank=True)
    checklist = models.JSONField(default=dict, editable=False)
    court_received_on = models.DateField(_("received by the court"), null=True, blank=True, editable=False)
    executed_on = models.DateField(_("executed"), null=True, blank=True, editable=False)
    closed_on = models.DateField(_("closed"), null=True, blank=True, editable=False)
    outcome_note = models.TextField(_("reason"), blank=True, editable=False)
    # The running execution term's due date, kept by the deadlines (DeadlineKind.kept_on):
    # "overdue only" and the list's due column read it here.
    execution_due_on = models.DateField(null=True, blank=True, editable=False)
    # Case number, names of the persons and authorities, lower-cased: the registry's search.
    search_text = models.TextField(default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("legal assistance request")
        verbose_name_plural = _("legal assistance requests")
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["-received_on", "-id"], name="la_request_list_order"),
            models.Index(fields=["status", "-received_on"], name="la_request_status"),
            models.Index(fields=["country", "-received_on"], name="la_request_country"),
            # A state and a status together: counted from this index alone, listed in its order.
            models.Index(fields=["status", "country", "-received_on", "-id"], name="la_request_status_country"),
            models.Index(fields=["officer", "status"], name="la_request_officer"),
            models.Index(fields=["case_number"], name="la_request_case_number"),
            # "Overdue" within a period of receipt (the figures) reads this index alone.
            models.Index(
                fields=["execution_due_on"],
                include=["received_on"],
                name="la_request_running_term",
                condition=Q(execution_due_on__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(executed_on__isnull=True) | Q(executed_on__gte=models.F("received_on")),
                name="la_request_executed_after_receipt",
            ),
        ]

    def __str__(self):
        return self.registration_number

    def save(self, *args, **kwargs):
        """The running term's due date is written by the deadlines alone (DeadlineKind.kept_on),
        in the same transaction as a move that saves the request after opening or closing its
        term: a save of the request leaves it as the deadlines wrote it."""
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "execution_due_on"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("international:request-detail", args=[self.pk])

    def clean(self):
        """What a request must say whatever its treaty (IR 7.22; Chisinau art. 7)."""
        super().clean()
        errors = {}
        if self.is_incoming and self.foreign_authority_id is None:
            errors["foreign_authority"] = ValidationError(_("Name the requesting authority."), code="no_requester")
        if not self.is_incoming and self.court_id is None:
            errors["court"] = ValidationError(_("Name the requesting court."), code="no_requester")
        if self.foreign_authority_id and self.country_id and self.foreign_authority.country_id != self.country_id:
            errors["foreign_authority"] = ValidationError(
                _("This authority is of another state than the request's."), code="other_state"
            )
        if self.received_on and self.received_on > timezone.localdate():
            errors["received_on"] = ValidationError(_("The date of receipt cannot be in the future."), code="future")
        if self.subject == Subject.RECOGNITION and self.act_effective_on is None:
            errors["act_effective_on"] = ValidationError(_("Give the date the court act took effect."), code="required")
        if errors:
            raise ValidationError(errors)

    @property
    def is_incoming(self) -> bool:
        return self.direction == self.Direction.INCOMING

    @property
    def requesting_authority(self):
        return self.foreign_authority if self.is_incoming else self.court

    @property
    def requested_authority(self):
        return self.court if self.is_incoming else self.foreign_authority


class RequestParty(models.Model):
    """A person concerned, with the details a treaty asks for (Chisinau art. 7)."""

    class Role(models.TextChoices):
        ADDRESSEE = "addressee", _("person to be served or heard")
        CLAIMANT = "claimant", _("claimant")
        DEFENDANT = "defendant", _("defendant")
        WITNESS = "witness", _("witness")
        PETITIONER = "petitioner", _("petitioner")
        DEBTOR = "debtor", _("debtor")
        OTHER = "other", _("other")

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("individual")
        LEGAL_ENTITY = "legal_entity", _("legal entity")

    request = models.ForeignKey(LegalAssistanceRequest, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.INDIVIDUAL)
    name = models.CharField(_("full name or name"), max_length=300)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_place = models.CharField(_("place of birth"), max_length=200, blank=True)
    citizenship = models.ForeignKey(
        Country, verbose_name=_("citizenship"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    occupation = models.CharField(_("occupation"), max_length=200, blank=True)
    address = models.CharField(_("residence or seat"), max_length=500)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region of Kazakhstan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where the address is in Kazakhstan: the court is suggested from it."),
    )
    identifier = models.CharField(_("IIN, BIN or tax code"), max_length=32, blank=True)
    bank_details = models.CharField(_("bank details"), max_length=300, blank=True)
    representative = models.CharField(_("representative"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("person concerned")
        verbose_name_plural = _("persons concerned")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class RequestFile(StoredFile):
    """A file of a request: the request itself, a translation, execution documents."""

    audit_department = "IR"

    class Kind(models.TextChoices):
        REQUEST = "request", _("the request and its annexes")
        TRANSLATION = "translation", _("translation")
        EXECUTION = "execution", _("execution documents")
        OTHER = "other", _("other")

    request = models.ForeignKey(LegalAssistanceRequest, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    certified = models.BooleanField(_("certified"), default=False)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["uploaded_at", "pk"]


class RequestLetter(models.Model):
    """A cover letter of a request: an official document signed per IR 13, for one move."""

    request = models.ForeignKey(LegalAssistanceRequest, on_delete=models.CASCADE, related_name="letters")
    move = models.CharField(max_length=32)
    document = models.OneToOneField("documents.Document", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.request_id}: {self.move}"


# --- Applications (IR 7.25) ------------------------------------------------------------------


class Application(models.Model):
    """An application of a person or a legal entity about legal assistance (IR 7.25),
    answered within the АППК term by a signed document."""

    audit_department = "IR"

    class Status(models.TextChoices):
        REGISTERED = "registered", pgettext_lazy("status", "registered")
        ANSWERED = "answered", _("answered")

    number = models.CharField(_("registration number"), max_length=32, unique=True)
    external_number = models.CharField(_("number in the appeals system"), max_length=64, blank=True)
    received_at = models.DateTimeField(_("received"))
    applicant_kind = models.CharField(
        _("applicant"), max_length=16, choices=RequestParty.Kind.choices, default=RequestParty.Kind.INDIVIDUAL
    )
    applicant_name = models.CharField(_("full name or name"), max_length=300)
    applicant_identifier = models.CharField(_("IIN or BIN"), max_length=12, blank=True, validators=[validate_iin_bin])
    applicant_address = models.CharField(_("postal address"), max_length=500)
    language = models.CharField(
        _("language of the application"), max_length=8, choices=[c for c in LANGUAGES if c[0] in STATE_LANGUAGES]
    )
    substance = models.TextField(_("substance"))
    request = models.ForeignKey(
        LegalAssistanceRequest,
        verbose_name=_("request concerned"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.REGISTERED)
    answered_on = models.DateField(_("answered"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("application about legal assistance")
        verbose_name_plural = _("applications about legal assistance")
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("international:application-detail", args=[self.pk])


# --- Trips abroad and foreign delegations (IR 7.11, 7.16, 7.17) ------------------------------


class Trip(models.Model):
    """A business trip abroad of judges or court staff, supported by the IR (IR 7.16), which
    monitors it and publishes its final report on the Supreme Court's portal (IR 7.11). The
    trip order sets the report's term (`ir.trip_report`): late, it escalates to the IR head;
    a trip whose participants are back and whose report is not on file waits for its report."""

    audit_department = "IR"

    class Financing(models.TextChoices):
        BUDGET = "budget", _('The budget programme "Foreign business trips"')
        HOST = "host", _("The host")
        SHARED = "shared", _("The budget programme and the host")

    purpose = models.CharField(_("purpose"), max_length=500)
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    city = models.CharField(_("city"), max_length=200, blank=True)
    host = models.CharField(_("host"), max_length=300, blank=True)
    order_number = models.CharField(_("trip order No."), max_length=64, blank=True)
    order_date = models.DateField(_("trip order date"), null=True, blank=True)
    financing = models.CharField(_("financing"), max_length=16, choices=Financing.choices, default=Financing.BUDGET)
    travellers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("travellers of the Supreme Court and the Court Administration"),
        blank=True,
        related_name="+",
    )
    participants = models.TextField(
        _("other participants"), blank=True, help_text=_("One per line: full name and position.")
    )
    programme = models.TextField(_("programme"), blank=True)
    departs_on = models.DateField(_("departs on"))
    returns_on = models.DateField(_("returns on"))
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    report_due_on = models.DateField(
        _("final report due"), null=True, blank=True, help_text=_("The term the trip order sets.")
    )
    report_received_on = models.DateField(_("final report received on"), null=True, blank=True, editable=False)
    report_published_on = models.DateField(
        _("published on the Supreme Court's portal on"), null=True, blank=True, editable=False
    )
    publication_url = models.URLField(_("address of the publication"), blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("business trip abroad")
        verbose_name_plural = _("business trips abroad")
        ordering = ["-departs_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(returns_on__gte=F("departs_on")), name="ir_trip_returns_after_departure")
        ]
        indexes = [
            models.Index(
                fields=["returns_on"], name="ir_trip_awaiting_report", condition=Q(report_received_on__isnull=True)
            ),
            models.Index(fields=["departs_on"], name="ir_trip_departs"),
        ]

    def __str__(self):
        return f"{self.country} {self.departs_on:%d.%m.%Y}: {self.purpose}"

    def get_absolute_url(self):
        return reverse("international:trip-detail", args=[self.pk])

    @property
    def awaits_report(self) -> bool:
        return self.report_received_on is None and self.returns_on < timezone.localdate()

    @property
    def report_late(self) -> bool:
        """IR 7.11: the report is not on file and the term the order set has passed."""
        return (
            self.report_received_on is None
            and self.report_due_on is not None
            and self.report_due_on < timezone.localdate()
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.departs_on and self.returns_on and self.returns_on < self.departs_on:
            errors["returns_on"] = ValidationError(_("The return comes after the departure."), code="before_departure")
        if self.report_due_on and self.returns_on and self.report_due_on < self.returns_on:
            errors["report_due_on"] = ValidationError(_("The report is due after the return."), code="before_return")
        if errors:
            raise ValidationError(errors)


class TripJudge(models.Model):
    """A judge of a local court on the trip (IR 7.16), by name and court."""

    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="judges")
    full_name = models.CharField(_("full name"), max_length=300)
    court = models.ForeignKey(KazakhCourt, verbose_name=_("court"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("judge on a trip")
        verbose_name_plural = _("judges on trips")
        ordering = ["pk"]

    def __str__(self):
        return self.full_name


class TripReport(StoredFile):
    """The final report of a trip (IR 7.11); the latest file is the report."""

    audit_department = "IR"

    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="reports")

    class Meta:
        verbose_name = _("final report")
        verbose_name_plural = _("final reports")
        ordering = ["-uploaded_at", "-pk"]


class Delegation(models.Model):
    """A foreign delegation's visit to Kazakhstan, prepared and received by the IR (IR 7.17, IR
    5.2): its members, its programme by day and hour, the protocol (precedence, seating, flags,
    interpreters), the staff of other subdivisions brought in to accompany it. Planned by the
    IR, consented by the leadership (the only move the leadership makes, and with it the
    staff it brings in), held, or cancelled; international/services/trips.py holds the moves.
    Its members' access to the court buildings is a list the security of courts reads."""

    audit_department = "IR"

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("visit", "planned")
        CONSENTED = "consented", pgettext_lazy("visit", "consented by the leadership")
        HELD = "held", pgettext_lazy("visit", "held")
        CANCELLED = "cancelled", pgettext_lazy("visit", "cancelled")

    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    organisation = models.CharField(_("court or organisation"), max_length=300)
    head = models.CharField(_("head of the delegation"), max_length=300)
    size = models.PositiveSmallIntegerField(_("members"), default=1)
    arrives_on = models.DateField(_("arrives on"))
    leaves_on = models.DateField(_("leaves on"))
    programme = models.TextField(_("programme notes"), blank=True)
    precedence = models.TextField(_("order of precedence"), blank=True)
    seating = models.TextField(_("seating"), blank=True)
    flags = models.CharField(_("flags"), max_length=300, blank=True)
    interpreters = models.CharField(_("interpreters"), max_length=300, blank=True)
    escorts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accompanying staff of other subdivisions"),
        blank=True,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    consented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    consented_at = models.DateTimeField(_("consented at"), null=True, blank=True, editable=False)
    cancel_reason = models.TextField(_("reason for the cancellation"), blank=True, editable=False)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("foreign delegation")
        verbose_name_plural = _("foreign delegations")
        ordering = ["-arrives_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(leaves_on__gte=F("arrives_on")), name="ir_delegation_leaves_after_arrival"
            ),
            # Consented, then held: the leadership's consent is on every visit past "planned"
            # but a cancelled one.
            models.CheckConstraint(
                condition=Q(status__in=["planned", "cancelled"]) | Q(consented_by__isnull=False),
                name="ir_delegation_consented",
            ),
        ]
        # A visit meets a period when it arrives before its end and leaves after its start:
        # the second is the selective one for recent periods.
        indexes = [
            models.Index(fields=["arrives_on"], name="ir_delegation_arrives"),
            models.Index(fields=["leaves_on"], name="ir_delegation_leaves"),
        ]

    def __str__(self):
        return f"{self.country} {self.arrives_on:%d.%m.%Y}: {self.organisation}"

    def get_absolute_url(self):
        return reverse("international:delegation-detail", args=[self.pk])

    def clean(self):
        super().clean()
        check_in_order(
            self.arrives_on,
            self.leaves_on,
            field="leaves_on",
            message=_("The departure comes after the arrival."),
            code="before_arrival",
        )


class DelegationMember(models.Model):
    """A member of a foreign delegation with his position, in the order of precedence; his
    access to the court buildings on the visit's days (the security of courts' list)."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="members")
    full_name = models.CharField(_("full name"), max_length=300)
    position = models.CharField(_("position"), max_length=300)
    document = models.CharField(_("passport or identity document"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("member of a delegation")
        verbose_name_plural = _("members of delegations")
        ordering = ["pk"]

    def __str__(self):
        return self.full_name


class ProgrammeItem(models.Model):
    """One point of a visit's programme, by day and hour (IR 7.17)."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="programme_items")
    day = models.DateField(_("day"))
    at = models.TimeField(_("time"))
    activity = models.CharField(_("what"), max_length=300)
    place = models.CharField(_("where"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("point of a programme")
        verbose_name_plural = _("points of programmes")
        ordering = ["day", "at", "pk"]

    def __str__(self):
        return f"{self.day:%d.%m.%Y} {self.at:%H:%M} {self.activity}"


# --- International events (IR 5.3, 7.6, 7.14, 7.15, 7.18, 7.23) -----------------------------


class Event(models.Model):
    """An international event the IR organises or supports: a conference, a visit of the
    Chairman or the Head abroad, a meeting, a seminar, a working meeting with local courts and
    territorial subdivisions (IR 7.6, 7.14, 7.18, 7.23, IR 5.3). Planned (in the year's plan or
    outside it), confirmed, held with its outcomes, or cancelled with the reason;
    international/workflow_events.py holds the moves. Its participants from the Supreme Court
    and the Court Administration are people of the portal: each reads the event and finds it
    in his calendar."""

    audit_department = "IR"

    class Kind(models.TextChoices):
        INTERNATIONAL = "international", _("International event")
        CHAIRMAN_VISIT = "chairman_visit", _("Visit of the Chairman abroad")
        HEAD_VISIT = "head_visit", _("Visit of the Head of the Court Administration abroad")
        MEETING = "meeting", _("Meeting")
        CONFERENCE = "conference", _("Conference")
        SEMINAR = "seminar", _("Seminar")
        LOCAL_COURTS = "local_courts", _("Working meeting with local courts and territorial subdivisions")

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("event", "planned")
        CONFIRMED = "confirmed", pgettext_lazy("event", "confirmed")
        HELD = "held", pgettext_lazy("event", "held")
        CANCELLED = "cancelled", pgettext_lazy("event", "cancelled")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(pgettext_lazy("record", "title"), max_length=500)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    start_time = models.TimeField(_("start time"), null=True, blank=True, help_text=_("For an event of hours."))
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for an event in Kazakhstan."),
    )
    place = models.CharField(_("place"), max_length=300)
    organiser = models.CharField(_("organiser"), max_length=300)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participants of the Supreme Court and the Court Administration"),
        blank=True,
        related_name="+",
    )
    partners = models.ManyToManyField(
        "Partner",
        verbose_name=_("partners"),
        blank=True,
        related_name="events",
        help_text=_("The foreign courts and organisations it was held with: the partners' history."),
    )
    foreign_participants = models.TextField(_("foreign participants"), blank=True)
    programme = models.TextField(_("programme"), blank=True)
    talking_points = models.ForeignKey(
        "documents.Document",
        verbose_name=_("talking points"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For an event the leadership attends: a document of the department (IR 7.30)."),
    )
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    interpreters = models.CharField(_("interpreters"), max_length=300, blank=True)
    plan_year = models.PositiveSmallIntegerField(
        _("in the plan of the year"), null=True, blank=True, help_text=_("Empty for an event outside the plan.")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    outcomes = models.TextField(_("outcomes"), blank=True, editable=False)
    cancel_reason = models.TextField(_("reason for the cancellation"), blank=True, editable=False)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("international event")
        verbose_name_plural = _("international events")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="ir_event_ends_after_start"),
            # Only a held event has outcomes; only a cancelled one, the reason.
            models.CheckConstraint(condition=Q(status="held") | Q(outcomes=""), name="ir_event_outcomes_when_held"),
            models.CheckConstraint(
                condition=Q(status="cancelled") | Q(cancel_reason=""), name="ir_event_reason_when_cancelled"
            ),
        ]
        indexes = [
            # The register's order, and a status or a kind read in it.
            models.Index(fields=["-starts_on", "-id"], name="ir_event_order"),
            models.Index(fields=["status", "-starts_on", "-id"], name="ir_event_status"),
            models.Index(fields=["kind", "-starts_on", "-id"], name="ir_event_kind"),
            # A month of the calendar: the events that end on or after its first day.
            models.Index(fields=["ends_on"], name="ir_event_ends"),
        ]

    def __str__(self):
        return f"{self.starts_on:%d.%m.%Y}: {self.title}"

    def get_absolute_url(self):
        return reverse("international:event-detail", args=[self.pk])

    def clean(self):
        super().clean()
        check_in_order(
            self.starts_on, self.ends_on, field="ends_on", message=_("The event ends on or after its first day.")
        )
        if self.start_time and self.starts_on and self.ends_on and self.ends_on != self.starts_on:
            raise ValidationError(
                {"start_time": ValidationError(_("A start time is for an event of one day."), code="time_of_many_days")}
            )
        unknown = [code for code in self.languages or [] if code not in dict(LANGUAGES)]
        if unknown:
            raise ValidationError({"languages": ValidationError(_("Choose languages from the list."), code="unknown")})

    @property
    def language_names(self) -> list:
        names = dict(LANGUAGES)
        return [names[code] for code in self.languages or [] if code in names]


class EventMaterial(models.Model):
    """An analytical or reference material prepared for an event (IR 7.15): who prepares it
    and by when (a term of the deadlines, `ir.event_material`), and the document of the
    documents module that is the material, once it is there."""

    audit_department = "IR"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("material"), max_length=500)
    executor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("prepared by"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("due"))
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    prepared_on = models.DateField(_("prepared on"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("material for an event")
        verbose_name_plural = _("materials for events")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """Its reminders lead to the event's page."""
        return f"{self.event.get_absolute_url()}#materials"


class EventFollowUp(models.Model):
    """An instruction given after an event on its outcomes (the instructions register)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="follow_ups")
    instruction = models.OneToOneField("instructions.Instruction", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.event_id}: {self.instruction_id}"


# --- Budget programmes, souvenirs and gifts (IR 7.21; ISD 6.14) -------------------------------


class Programme(models.TextChoices):
    """The two budget programmes the IR takes part in (IR 7.21)."""

    TRIPS = "trips", _('"Foreign business trips"')
    REPRESENTATION = "representation", _('"Representation expenses"')


class BudgetLine(models.Model):
    """An item of a budget programme's plan for a year (IR 7.21): its planned amount, and the
    spending posted against it (commitments and payments) with what remains."""

    audit_department = "IR"

    year = models.PositiveSmallIntegerField(_("year"))
    programme = models.CharField(_("budget programme"), max_length=16, choices=Programme.choices)
    item = models.CharField(_("item"), max_length=200)
    planned = models.DecimalField(
        _("planned, tenge"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("item of a budget programme")
        verbose_name_plural = _("items of budget programmes")
        ordering = ["-year", "programme", "item"]
        constraints = [
            models.UniqueConstraint(fields=["year", "programme", "item"], name="ir_budget_one_item_per_year"),
            models.CheckConstraint(condition=Q(planned__gte=0), name="ir_budget_planned_not_negative"),
        ]

    def __str__(self):
        return f"{self.year} {self.get_programme_display()}: {self.item}"

    def get_absolute_url(self):
        return reverse("international:budget-detail", args=[self.pk])


class Spending(models.Model):
    """A sum posted against an item of the plan (IR 7.21): committed when the trip, visit or
    event is decided, paid when the money goes (its actual amount replaces the committed one).
    Posting more than the item has left asks for a confirmation first."""

    audit_department = "IR"

    class Stage(models.TextChoices):
        COMMITTED = "committed", pgettext_lazy("spending", "committed")
        PAID = "paid", pgettext_lazy("spending", "paid")

    line = models.ForeignKey(BudgetLine, verbose_name=_("item"), on_delete=models.PROTECT, related_name="spendings")
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.COMMITTED)
    amount = models.DecimalField(
        _("amount, tenge"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    on = models.DateField(_("date"))
    description = models.CharField(_("what for"), max_length=500)
    trip = models.ForeignKey(
        Trip, verbose_name=_("trip"), null=True, blank=True, on_delete=models.PROTECT, related_name="spendings"
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation's visit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="spendings",
    )
    event = models.ForeignKey(
        Event, verbose_name=_("event"), null=True, blank=True, on_delete=models.PROTECT, related_name="spendings"
    )
    over_plan = models.BooleanField(_("posted over the plan"), default=False, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("spending")
        verbose_name_plural = _("spendings")
        ordering = ["-on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="ir_spending_positive"),
            # Spending serves one trip, visit or event at most.
            models.CheckConstraint(
                condition=Q(trip__isnull=True, delegation__isnull=True)
                | Q(trip__isnull=True, event__isnull=True)
                | Q(delegation__isnull=True, event__isnull=True),
                name="ir_spending_one_purpose",
            ),
        ]
        # An item's latest sums (selectors.budget.line_spendings).
        indexes = [models.Index(fields=["line", "-on", "-id"], name="ir_spending_line_order")]

    def __str__(self):
        return f"{self.on:%d.%m.%Y} {self.amount}: {self.description}"

    def get_absolute_url(self):
        return self.line.get_absolute_url()


class Souvenir(models.Model):
    """Image products and souvenirs presented on behalf of the Chairman and the Head (IR 7.21):
    a stock, received and issued to events and visits."""

    audit_department = "IR"

    name = models.CharField(_("name"), max_length=300, unique=True)
    unit_price = models.DecimalField(
        _("price of one, tenge"), max_digits=12, decimal_places=2, default=0, validators=[MinValueValidator(Decimal(0))]
    )
    in_stock = models.PositiveIntegerField(_("in stock"), default=0, editable=False)

    class Meta:
        verbose_name = _("souvenir")
        verbose_name_plural = _("souvenirs")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("international:souvenir-detail", args=[self.pk])


class SouvenirMovement(models.Model):
    """Souvenirs received into the stock (a positive quantity) or issued to an event or a
    visit (a negative one)."""

    souvenir = models.ForeignKey(Souvenir, on_delete=models.PROTECT, related_name="movements")
    quantity = models.IntegerField(_("quantity"))
    on = models.DateField(_("date"))
    event = models.ForeignKey(
        Event, verbose_name=_("event"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation's visit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        ordering = ["-on", "-pk"]
        constraints = [models.CheckConstraint(condition=~Q(quantity=0), name="ir_souvenir_movement_not_zero")]

    def __str__(self):
        return f"{self.souvenir_id} {self.quantity:+d}"


class Gift(models.Model):
    """A gift given or received at an event, a visit or a trip: its value and what was done
    with it. A gift received worth more than settings.GIFT_DISCLOSURE_THRESHOLD is read also
    by the ISD head (anti-corruption, ISD 6.14), and by nobody else outside the IR."""

    audit_department = "IR"

    class Direction(models.TextChoices):
        GIVEN = "given", pgettext_lazy("gift", "given")
        RECEIVED = "received", pgettext_lazy("gift", "received")

    class Disposition(models.TextChoices):
        PRESENTED = "presented", _("presented to the host")
        KEPT = "kept", _("kept by the Supreme Court (exhibition, museum)")
        STATE = "state", _("handed over to state property")
        RETURNED = "returned", _("returned")
        PENDING = "pending", _("to be decided")

    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices)
    description = models.CharField(_("gift"), max_length=500)
    value = models.DecimalField(
        _("value, tenge"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    on = models.DateField(_("date"))
    counterpart = models.CharField(
        _("given by or to"), max_length=300, help_text=_("The foreign side: person and organisation.")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("on our side"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Who gave it on behalf of the court, or who received it."),
    )
    event = models.ForeignKey(
        Event, verbose_name=_("event"), null=True, blank=True, on_delete=models.PROTECT, related_name="gifts"
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation's visit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gifts",
    )
    trip = models.ForeignKey(
        Trip, verbose_name=_("trip"), null=True, blank=True, on_delete=models.PROTECT, related_name="gifts"
    )
    disposition = models.CharField(
        _("what was done with it"), max_length=16, choices=Disposition.choices, default=Disposition.PENDING
    )
    disposition_note = models.CharField(_("note on what was done"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ["-on", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(value__gte=0), name="ir_gift_value_not_negative")]
        indexes = [
            # The ISD head's list: gifts received above the threshold, newest first.
            models.Index(fields=["direction", "value", "-on"], name="ir_gift_received_value"),
            models.Index(fields=["-on", "-id"], name="ir_gift_order"),
        ]

    def __str__(self):
        return f"{self.on:%d.%m.%Y}: {self.description}"

    def get_absolute_url(self):
        return reverse("international:gift-detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.direction == self.Direction.GIVEN and self.disposition in (
            self.Disposition.KEPT,
            self.Disposition.STATE,
            self.Disposition.RETURNED,
        ):
            raise ValidationError(
                {"disposition": ValidationError(_("A gift given is presented to the host."), code="given_kept")}
            )
        if self.direction == self.Direction.RECEIVED and self.disposition == self.Disposition.PRESENTED:
            raise ValidationError(
                {"disposition": ValidationError(_("A gift received is not presented to the host."), code="received")}
            )


# --- Work assigned to a subdivision (IR 5.1) ---------------------------------------------------


class UnitAssignment(models.Model):
    """A part of the IR's work given to another subdivision with a term (IR 5.1, 7.5, 7.28): the
    subdivision (and, if named, the person in it) sees that part and nothing else of the IR.
    Its term is a deadline of the concrete model's kind, opened when it is assigned."""

    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("assigned subdivision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    executor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("executor in the subdivision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    due_on = models.DateField(_("due"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True


# --- Human-rights obligations: the UN treaty bodies' recommendations (IR 7.5) ------------------


class TreatyBody(models.TextChoices):
    """The UN bodies whose recommendations to Kazakhstan concern the courts."""

    CCPR = "ccpr", _("Human Rights Committee (CCPR)")
    CESCR = "cescr", _("Committee on Economic, Social and Cultural Rights (CESCR)")
    CAT = "cat", _("Committee against Torture (CAT)")
    CERD = "cerd", _("Committee on the Elimination of Racial Discrimination (CERD)")
    CEDAW = "cedaw", _("Committee on the Elimination of Discrimination against Women (CEDAW)")
    CRC = "crc", _("Committee on the Rights of the Child (CRC)")
    CRPD = "crpd", _("Committee on the Rights of Persons with Disabilities (CRPD)")
    CMW = "cmw", _("Committee on Migrant Workers (CMW)")
    CED = "ced", _("Committee on Enforced Disappearances (CED)")
    UPR = "upr", _("Universal Periodic Review of the Human Rights Council")


class Review(models.Model):
    """One review cycle of a UN body: the concluding observations (or the review's outcome)
    addressed to Kazakhstan, whose recommendations on the courts the IR monitors (IR 7.5)."""

    audit_department = "IR"

    body = models.CharField(_("UN body"), max_length=8, choices=TreatyBody.choices)
    title = models.CharField(
        pgettext_lazy("record", "title"),
        max_length=300,
        help_text=_("E.g. the concluding observations on the third periodic report."),
    )
    symbol = models.CharField(_("UN document symbol"), max_length=64, help_text=_("E.g. CCPR/C/KAZ/CO/3."))
    adopted_on = models.DateField(_("adopted on"))
    next_report_due_on = models.DateField(
        _("next report due"), null=True, blank=True, help_text=_("The state's next report to the body.")
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("review cycle")
        verbose_name_plural = _("review cycles")
        ordering = ["-adopted_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["symbol"], name="ir_review_symbol_unique")]

    def __str__(self):
        return f"{self.symbol}: {self.title}"

    def get_absolute_url(self):
        return reverse("international:review-detail", args=[self.pk])


class Recommendation(UnitAssignment):
    """A recommendation of a review, paragraph by paragraph, in its original language and in
    Kazakh and Russian; assigned to the subdivision that implements it, with a term, and
    controlled by the IR to "implemented" on the evidence the subdivision attaches (IR 7.5)."""

    audit_department = "IR"

    class Status(models.TextChoices):
        RECEIVED = "received", _("received, not assigned")
        ASSIGNED = "assigned", pgettext_lazy("work given to a subdivision", "assigned")
        REPORTED = "reported", _("reported by the subdivision")
        RETURNED = "returned", _("returned for more work")
        PARTLY = "partly", _("partly implemented")
        IMPLEMENTED = "implemented", _("implemented")

    # With the subdivision: the work and its evidence are still to come.
    WITH_UNIT = (Status.ASSIGNED, Status.RETURNED, Status.PARTLY)

    review = models.ForeignKey(
        Review, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="recommendations"
    )
    paragraph = models.CharField(_("paragraph"), max_length=32)
    theme = models.CharField(_("theme"), max_length=200)
    original_language = models.CharField(_("original language"), max_length=8, choices=LANGUAGES, default="en")
    text_original = models.TextField(_("text in the original language"))
    text_kk = models.TextField(_("text in Kazakh"), blank=True)
    text_ru = models.TextField(_("text in Russian"), blank=True)
    report = models.TextField(_("the subdivision's report"), blank=True, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["review", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "paragraph"], name="ir_recommendation_paragraph_unique"),
            # Assigned means a subdivision and a term.
            models.CheckConstraint(
                condition=Q(status="received") | (Q(unit__isnull=False) & Q(due_on__isnull=False)),
                name="ir_recommendation_assigned_with_term",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "status"], name="ir_recommendation_unit"),
            models.Index(fields=["review", "theme"], name="ir_recommendation_theme"),
        ]

    def __str__(self):
        return f"{self.review.symbol}, § {self.paragraph}"

    def get_absolute_url(self):
        return reverse("international:recommendation-detail", args=[self.pk])

    def text_in(self, language: str) -> str:
        """The text in the reader's language, the original where it has not been translated."""
        return {"kk": self.text_kk, "ru": self.text_ru}.get(language) or self.text_original


class Evidence(StoredFile):
    """A document showing that a recommendation is implemented (IR 7.5)."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="evidence")
    note = models.CharField(_("what it shows"), max_length=500)

    class Meta:
        verbose_name = _("evidence of implementation")
        verbose_name_plural = _("evidence of implementation")
        ordering = ["pk"]


# --- The CEPEJ evaluation cycle (IR 7.28) -----------------------------------------------------


class Questionnaire(models.Model):
    """The questionnaire of a CEPEJ evaluation cycle: its questions, each answered by the
    subdivision that holds the data, checked against the previous cycle, approved by the IR
    and sent to the CEPEJ Secretariat in the questionnaire's order (IR 7.28)."""

    audit_department = "IR"

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("questionnaire", "being answered")
        APPROVED = "approved", pgettext_lazy("questionnaire", "approved")

    title = models.CharField(pgettext_lazy("record", "title"), max_length=300)
    data_year = models.PositiveSmallIntegerField(_("year of the data"), unique=True)
    due_on = models.DateField(_("due to the CEPEJ Secretariat"))
    threshold = models.DecimalField(
        _("warning threshold, %"),
        max_digits=5,
        decimal_places=1,
        default=Decimal(20),
        validators=[MinValueValidator(Decimal("0.1"))],
        help_text=_("A value that changed more than this against the previous cycle is flagged."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True, editable=False)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("CEPEJ questionnaire")
        verbose_name_plural = _("CEPEJ questionnaires")
        ordering = ["-data_year"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("international:questionnaire-detail", args=[self.pk])


class Question(UnitAssignment):
    """A question of the questionnaire, by its CEPEJ code, in the questionnaire's order; its
    answer (a figure or a text) with the subdivision's comment (IR 7.28)."""

    audit_department = "IR"

    class Status(models.TextChoices):
        RECEIVED = "received", _("received, not assigned")
        ASSIGNED = "assigned", pgettext_lazy("work given to a subdivision", "assigned")
        ANSWERED = "answered", _("answered")
        RETURNED = "returned", _("returned for correction")
        ACCEPTED = "accepted", _("accepted")

    WITH_UNIT = (Status.ASSIGNED, Status.RETURNED)

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(_("order in the questionnaire"))
    code = models.CharField(_("code"), max_length=32)
    text = models.TextField(_("question"))
    numeric = models.BooleanField(_("answered by a figure"), default=True)
    value = models.DecimalField(_("figure"), max_digits=18, decimal_places=2, null=True, blank=True, editable=False)
    answer = models.TextField(_("answer"), blank=True, editable=False)
    comment = models.TextField(_("comment"), blank=True, editable=False)
    # The previous cycle's figure and the change against it, kept with the answer (the check).
    previous_value = models.DecimalField(max_digits=18, decimal_places=2, null=True, blank=True, editable=False)
    flagged = models.BooleanField(_("flagged by the quality check"), default=False, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED)

    class Meta:
        verbose_name = _("CEPEJ question")
        verbose_name_plural = _("CEPEJ questions")
        ordering = ["questionnaire", "order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="ir_question_code_unique"),
            models.UniqueConstraint(fields=["questionnaire", "order"], name="ir_question_order_unique"),
            models.CheckConstraint(
                condition=Q(status="received") | (Q(unit__isnull=False) & Q(due_on__isnull=False)),
                name="ir_question_assigned_with_term",
            ),
        ]
        indexes = [models.Index(fields=["unit", "status"], name="ir_question_unit")]

    def __str__(self):
        return f"{self.code}: {self.text[:80]}"

    def get_absolute_url(self):
        return reverse("international:question-detail", args=[self.pk])

    @property
    def change_percent(self) -> Decimal | None:
        """The figure's change against the previous cycle, in per cent."""
        if self.value is None or not self.previous_value:
            return None
        return (self.value - self.previous_value) * 100 / abs(self.previous_value)


# --- Partners of cooperation (IR 4.1, 7.1, 7.4) ------------------------------------------------


class Area(models.TextChoices):
    """The areas of cooperation (IR 7.1)."""

    TRAINING = "training", _("training of judges and staff")
    DIGITAL = "digital", _("digital justice")
    ADMINISTRATION = "administration", _("court administration")
    INDEPENDENCE = "independence", _("independence and ethics of judges")
    ANTI_CORRUPTION = "anti_corruption", _("countering corruption")
    LEGAL_ASSISTANCE = "legal_assistance", _("international legal assistance")
    MEDIATION = "mediation", _("mediation and conciliation")
    HUMAN_RIGHTS = "human_rights", _("human rights")


class Partner(models.Model):
    """A foreign court, state body, international organisation or legal association the
    Supreme Court and the Court Administration cooperate with (IR 4.1, 7.1), with its contacts
    (the offices of foreign supreme courts, IR 7.4) and the history of the cooperation: the
    events it took part in, the agreements and the projects."""

    audit_department = "IR"

    class Kind(models.TextChoices):
        FOREIGN_COURT = "foreign_court", _("foreign court")
        STATE_BODY = "state_body", _("foreign state body")
        ORGANISATION = "organisation", _("international organisation")
        ASSOCIATION = "association", _("foreign legal association")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(pgettext_lazy("record", "title"), max_length=300)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for an international organisation."),
    )
    website = models.URLField(_("website"), blank=True)
    areas = models.JSONField(_("areas of cooperation"), default=list, blank=True)
    since = models.PositiveSmallIntegerField(_("cooperating since"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="ir_partner_unique")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("international:partner-detail", args=[self.pk])

    def clean(self):
        super().clean()
        if any(code not in Area.values for code in self.areas or []):
            raise ValidationError({"areas": ValidationError(_("Choose areas from the list."), code="unknown")})

    @property
    def area_names(self) -> list:
        names = dict(Area.choices)
        return [names[code] for code in self.areas or [] if code in names]


class PartnerContact(models.Model):
    """A person to write to at a partner (IR 7.4: the office of a foreign supreme court)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=300)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    languages = models.CharField(_("languages of correspondence"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["full_name", "pk"]

    def __str__(self):
        return self.full_name


# --- International documents: memoranda, agreements, drafts of treaties (IR 7.2, 7.10) ----------


class Agreement(models.Model):
    """A memorandum or an agreement between the Supreme Court or the Court Administration and
    a partner (IR 7.10), or a draft international treaty sent for the department's agreement
    (IR 7.2): its versions, the subdivisions' comments, its approval route (a document of the
    documents module, signed under IR 13), the signed text and its term of validity, reminded
    before it ends (`ir.agreement_validity`). services/agreements.py holds the moves."""

    audit_department = "IR"

    class Kind(models.TextChoices):
        MEMORANDUM = "memorandum", _("memorandum of understanding")
        AGREEMENT = "agreement", _("agreement on cooperation")
        TREATY_DRAFT = "treaty_draft", _("draft international treaty for agreement")

    class Party(models.TextChoices):
        SUPREME_COURT = "supreme_court", _("the Supreme Court")
        COURT_ADMINISTRATION = "court_administration", _("the Court Administration")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("agreement", "being drafted")
        CONSULTATION = "consultation", _("with the subdivisions for comments")
        APPROVAL = "approval", _("on the approval route")
        SIGNED = "signed", pgettext_lazy("agreement", "signed, in force")
        AGREED = "agreed", pgettext_lazy("agreement", "agreed")
        ENDED = "ended", pgettext_lazy("agreement", "ended")
        WITHDRAWN = "withdrawn", pgettext_lazy("agreement", "withdrawn")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(pgettext_lazy("record", "title"), max_length=500)
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), null=True, blank=True, on_delete=models.PROTECT, related_name="agreements"
    )
    party = models.CharField(_("on our side"), max_length=24, choices=Party.choices, default=Party.SUPREME_COURT)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("approval document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True, editable=False)
    valid_until = models.DateField(_("valid until"), null=True, blank=True, editable=False)
    ended_on = models.DateField(_("ended on"), null=True, blank=True, editable=False)
    reason = models.TextField(_("reason"), blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("international document")
        verbose_name_plural = _("international documents")
        ordering = ["-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(signed_on__isnull=False),
                name="ir_agreement_valid_when_signed",
            ),
        ]
        indexes = [models.Index(fields=["status", "valid_until"], name="ir_agreement_validity")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("international:agreement-detail", args=[self.pk])


class AgreementVersion(StoredFile):
    """A version of the text; the signed text is the version marked so (IR 7.10)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    note = models.CharField(_("what changed"), max_length=500, blank=True)
    signed = models.BooleanField(_("the signed text"), default=False)

    class Meta:
        verbose_name = _("version of the text")
        verbose_name_plural = _("versions of the text")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="ir_agreement_version_unique")]


class Comment(UnitAssignment):
    """A subdivision asked for its comments on a draft, by a term (IR 7.2, 7.10): it reads the
    draft's versions and gives its comments, and nothing else of the IR."""

    audit_department = "IR"

    class Status(models.TextChoices):
        RECEIVED = "received", _("to be asked")
        ASSIGNED = "assigned", _("asked, awaiting the comments")
        COMMENTED = "commented", _("comments given")

    WITH_UNIT = (Status.ASSIGNED,)

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(_("comments"), blank=True, editable=False)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED)

    class Meta:
        verbose_name = _("comments of a subdivision")
        verbose_name_plural = _("comments of subdivisions")
        ordering = ["pk"]
        indexes = [models.Index(fields=["unit", "status"], name="ir_comment_unit")]

    def __str__(self):
        """The draft's title alone: the subdivision's name is the portal's, in the reader's language."""
        return str(self.agreement)

    def get_absolute_url(self):
        return f"{self.agreement.get_absolute_url()}#comments"


# --- Projects with international organisations (IR 4.4, 7.7-7.9) -------------------------------


class Proposal(UnitAssignment):
    """A subdivision asked for its project proposals by a term (IR 7.7): on a topic the IR sets,
    it writes its proposal; the IR makes a project of it or declines it."""

    audit_department = "IR"

    class Status(models.TextChoices):
        RECEIVED = "received", _("to be asked")
        ASSIGNED = "assigned", _("asked, awaiting the proposal")
        PROPOSED = "proposed", _("proposed")
        ACCEPTED = "accepted", _("accepted: a project is made of it")
        DECLINED = "declined", pgettext_lazy("proposal", "declined")

    WITH_UNIT = (Status.ASSIGNED,)

    topic = models.CharField(_("topic"), max_length=300)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("proposal"), blank=True, editable=False)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    reason = models.TextField(_("reason"), blank=True, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED)

    class Meta:
        verbose_name = _("project proposal")
        verbose_name_plural = _("project proposals")
        ordering = ["-pk"]
        indexes = [models.Index(fields=["unit", "status"], name="ir_proposal_unit")]

    def __str__(self):
        """The topic alone: the subdivision's name is the portal's, in the reader's language."""
        return self.topic

    def get_absolute_url(self):
        return reverse("international:proposal-detail", args=[self.pk])


class Project(models.Model):
    """A project of the Supreme Court or the Court Administration with an international
    organisation or a foreign legal community (IR 4.4): proposed, approved through a document
    signed under the authority rules (IR 7.8), executed in activities with terms by the
    responsible subdivisions, with its budget by source, indicators and risks, monitored and
    reported on per period, completed with its final report (IR 7.9)."""

    audit_department = "IR"

    class Status(models.TextChoices):
        PROPOSAL = "proposal", pgettext_lazy("project", "proposal")
        APPROVAL = "approval", _("on the approval route")
        EXECUTION = "execution", pgettext_lazy("project", "being executed")
        COMPLETED = "completed", pgettext_lazy("project", "completed")
        REJECTED = "rejected", pgettext_lazy("project", "rejected")

    title = models.CharField(pgettext_lazy("record", "title"), max_length=500)
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    party = models.CharField(
        _("on our side"), max_length=24, choices=Agreement.Party.choices, default=Agreement.Party.SUPREME_COURT
    )
    goals = models.TextField(_("goals"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    proposal = models.OneToOneField(
        Proposal,
        verbose_name=_("from the proposal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project",
        editable=False,
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSAL)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("approval document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    reason = models.TextField(_("reason"), blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="ir_project_ends_after_start")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("international:project-detail", args=[self.pk])

    def clean(self):
        super().clean()
        check_in_order(
            self.starts_on, self.ends_on, field="ends_on", message=_("The project ends on or after its first day.")
        )


class Activity(UnitAssignment):
    """An activity of a project, a milestone with its term (`ir.project_activity`), given to
    the subdivision responsible for it, which reports it done; overdue, it escalates (IR 7.9).
    The subdivision sees its activities and nothing else of the project."""

    audit_department = "IR"

    class Status(models.TextChoices):
        RECEIVED = "received", _("planned, not assigned")
        ASSIGNED = "assigned", pgettext_lazy("work given to a subdivision", "assigned")
        RETURNED = "returned", _("returned for more work")
        DONE = "done", pgettext_lazy("activity", "done")

    WITH_UNIT = (Status.ASSIGNED, Status.RETURNED)

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("activity"), max_length=500)
    result = models.TextField(_("result"), blank=True, editable=False)
    done_on = models.DateField(_("done on"), null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED)

    class Meta:
        verbose_name = _("project activity")
        verbose_name_plural = _("project activities")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["unit", "status"], name="ir_activity_unit")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("international:activity-detail", args=[self.pk])


class Funding(models.Model):
    """The project's budget by source (IR 7.9)."""

    class Source(models.TextChoices):
        PARTNER = "partner", _("the partner's grant")
        STATE = "state", _("the republican budget")
        CO_FINANCING = "co_financing", _("co-financing")
        OTHER = "other", _("another source")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="funding")
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    planned = models.DecimalField(
        _("planned, tenge"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    spent = models.DecimalField(
        _("spent, tenge"), max_digits=14, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_source_display()}: {self.planned}"


class Indicator(models.Model):
    """An indicator of the project's result: its baseline, target and actual value (IR 7.9)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=300)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    actual = models.DecimalField(_("actual"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name

    @property
    def reached(self) -> bool:
        return self.actual is not None and self.actual >= self.target


class Risk(models.Model):
    """A risk to the project and what is done about it (IR 7.9)."""

    class Level(models.TextChoices):
        LOW = "low", pgettext_lazy("risk", "low")
        MEDIUM = "medium", pgettext_lazy("risk", "medium")
        HIGH = "high", pgettext_lazy("risk", "high")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="risks")
    description = models.CharField(_("risk"), max_length=500)
    level = models.CharField(_("level"), max_length=8, choices=Level.choices, default=Level.MEDIUM)
    mitigation = models.CharField(_("what is done about it"), max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.description


class ProjectReport(models.Model):
    """A report on the project for a period, a document of the documents module (IR 7.9); the
    final report completes the project once signed."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reports")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    final = models.BooleanField(_("final report"), default=False)
    document = models.ForeignKey(
        "documents.Document", verbose_name=_("document"), on_delete=models.PROTECT, related_name="+"
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        ordering = ["period_start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="ir_project_report_period")
        ]

    def __str__(self):
        return f"{self.project}: {self.period_start:%d.%m.%Y}–{self.period_end:%d.%m.%Y}"


# --- Judges in international bodies (IR 7.3) ---------------------------------------------------


class Secondment(models.Model):
    """A judge of the Supreme Court sent to an international organisation or body (IR 7.3):
    where, in what capacity, for what term, the support the IR gives, and the judge's reports,
    each due by a term (`ir.secondment_report`)."""

    audit_department = "IR"

    judge = models.CharField(_("judge"), max_length=300)
    body = models.CharField(_("international body"), max_length=300)
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), null=True, blank=True, on_delete=models.PROTECT, related_name="secondments"
    )
    role = models.CharField(
        pgettext_lazy("international body", "capacity"), max_length=200, help_text=_("Member, expert, observer, ...")
    )
    order_number = models.CharField(_("order number"), max_length=64)
    order_date = models.DateField(_("order date"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    report_due_on = models.DateField(
        _("judge's next report due"), null=True, blank=True, help_text=_("The judge's report on the work in the body.")
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("judge in an international body")
        verbose_name_plural = _("judges in international bodies")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="ir_secondment_ends_after_start")
        ]

    def __str__(self):
        return f"{self.judge}: {self.body}"

    def get_absolute_url(self):
        return reverse("international:secondment-detail", args=[self.pk])

    def clean(self):
        super().clean()
        check_in_order(self.starts_on, self.ends_on, field="ends_on", message=_("The term ends after it begins."))


class Support(models.Model):
    """What the IR did for the judge's work in the body: a visa, a trip, a translation, materials."""

    secondment = models.ForeignKey(Secondment, on_delete=models.CASCADE, related_name="support")
    on = models.DateField(_("date"))
    what = models.CharField(_("support given"), max_length=500)
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        ordering = ["-on", "-pk"]

    def __str__(self):
        return self.what


class SecondmentReport(StoredFile):
    """A report of the judge on the work in the body (IR 7.3)."""

    secondment = models.ForeignKey(Secondment, on_delete=models.CASCADE, related_name="reports")

    class Meta:
        ordering = ["pk"]


# --- The International Council at the Supreme Court (IR 7.29) ------------------------------------


class Councillor(models.Model):
    """A member of the International Council at the Supreme Court (IR 7.29)."""

    audit_department = "IR"

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        MEMBER = "member", _("member")
        SECRETARY = "secretary", _("secretary")

    full_name = models.CharField(_("full name"), max_length=300)
    position = models.CharField(_("position"), max_length=500)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(pgettext_lazy("council", "role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    since = models.DateField(_("member since"))
    until = models.DateField(_("member until"), null=True, blank=True)

    class Meta:
        verbose_name = _("member of the International Council")
        verbose_name_plural = _("members of the International Council")
        ordering = ["role", "full_name", "pk"]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("international:councillor-update", args=[self.pk])


class Meeting(models.Model):
    """A meeting of the International Council: its agenda, its minutes, and its decisions, each
    assigned through the instructions register (IR 7.29)."""

    audit_department = "IR"

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("meeting", "planned")
        HELD = "held", pgettext_lazy("meeting", "held")

    on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300)
    agenda = models.TextField(_("agenda"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    minutes = models.TextField(_("minutes"), blank=True, editable=False)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        verbose_name = _("meeting of the International Council")
        verbose_name_plural = _("meetings of the International Council")
        ordering = ["-on", "-pk"]

    def __str__(self):
        return f"{self.on:%d.%m.%Y}: {self.place}"

    def get_absolute_url(self):
        return reverse("international:meeting-detail", args=[self.pk])


class Decision(models.Model):
    """A decision of a meeting, assigned through the instructions register (IR 7.29, IR 11)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    instruction = models.OneToOneField("instructions.Instruction", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.meeting_id}: {self.instruction_id}"
