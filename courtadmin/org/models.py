"""The organisation: units, positions, people, absences, acting appointments, grants.

Roles are never ad-hoc groups: they follow from a person's position (PRODUCT.md, "Who
uses it"). Who may sign or see what is answered in `authority.py` from these records.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from guardian.models import UserObjectPermissionBase

from courtadmin.core.validators import validate_iin_bin


class Department(models.TextChoices):
    """The departments the portal serves; each has its own regulation."""

    IR = "IR", _("International Relations Department")
    ISD = "ISD", _("Internal Security Department")


class LineOfWork(models.TextChoices):
    """Lines of work a deputy head supervises (IR 10, IR 13)."""

    LEGAL_ASSISTANCE = "legal_assistance", _("international legal assistance")
    PROTOCOL = "protocol", _("protocol and international cooperation")


class Region(models.Model):
    """The 17 regions and the 3 cities of republican significance."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    is_city = models.BooleanField(_("city of republican significance"), default=False)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Unit(models.Model):
    class Kind(models.TextChoices):
        SUPREME_COURT = "supreme_court", _("Supreme Court")
        COURT_ADMINISTRATION = "court_administration", _("Court Administration")
        STRUCTURAL = "structural", _("structural subdivision")
        TERRITORIAL = "territorial", _("territorial subdivision")
        TERRITORIAL_ISD = "territorial_isd", _("territorial internal security unit")
        # A local court: its office answers requests and executes what is addressed to it
        # (IR 7.22, ISD 5.6), and sees nothing else of the departments.
        COURT = "court", _("local court")

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    department = models.CharField(
        _("department"),
        max_length=8,
        choices=Department.choices,
        blank=True,
        help_text=_("The department whose regulation governs this unit's work, if any."),
    )
    region = models.ForeignKey(Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind__in=["territorial", "territorial_isd", "court"]) | Q(region__isnull=False),
                name="org_unit_territorial_has_region",
            ),
            models.CheckConstraint(
                condition=~Q(kind="territorial_isd") | Q(department="ISD"),
                name="org_unit_territorial_isd_is_isd",
            ),
            models.CheckConstraint(
                condition=~Q(kind="court") | Q(department=""), name="org_unit_court_of_no_department"
            ),
        ]

    def __str__(self):
        return self.name


class Position(models.Model):
    class Kind(models.TextChoices):
        CHAIRMAN = "chairman", _("Chairman of the Supreme Court")
        CA_HEAD = "ca_head", _("Head of the Court Administration")
        CA_DEPUTY = "ca_deputy", _("Deputy Head of the Court Administration")
        HEAD = "head", _("head of unit")
        DEPUTY = "deputy", _("deputy head of unit")
        STAFF = "staff", _("staff member")

    code = models.SlugField(_("code"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=300)
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="positions")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    line_of_work = models.CharField(_("line of work supervised"), max_length=32, choices=LineOfWork.choices, blank=True)
    # The personnel office's posts: their holders keep the organisation's records (people in
    # their positions, absences, acting appointments on the orders given), never the content
    # of any department's records.
    keeps_organisation = models.BooleanField(_("keeps the organisation's records"), default=False)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["unit__name", "kind", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(line_of_work="") | Q(kind="deputy"),
                name="org_position_line_only_for_deputy",
            ),
        ]

    def __str__(self):
        return self.title


class Person(models.Model):
    """A member of staff; `user` is the sign-in account, if the person has one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="person",
    )
    full_name = models.CharField(_("full name"), max_length=300)
    position = models.ForeignKey(
        Position, verbose_name=_("position"), null=True, blank=True, on_delete=models.PROTECT, related_name="holders"
    )
    # The individual identification number his national EDS certificate names: a signature
    # with the national EDS is his only if the certificate names this IIN (IR 13, ISD 15).
    # It follows an IdentityNumberChange a second person confirmed; nothing else writes it.
    iin = models.CharField(_("IIN"), max_length=12, blank=True, validators=[validate_iin_bin], editable=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(fields=["iin"], condition=~Q(iin=""), name="org_person_one_iin"),
        ]

    def __str__(self):
        return self.full_name

    @property
    def unit(self):
        return self.position.unit if self.position_id else None


class DateRangeQuerySet(models.QuerySet):
    def covering(self, day):
        """Rows whose inclusive range [start, end] contains `day`."""
        return self.filter(start__lte=day, end__gte=day)


class Confirmation(models.TextChoices):
    """A change that gives someone a department's reach or the power to sign takes effect only
    once a second person confirms it (the security issue; courtadmin.org.authority)."""

    AWAITING = "awaiting", _("awaiting confirmation")
    EFFECTIVE = "effective", _("in effect")
    REFUSED = "refused", _("refused")


class SecondPerson(models.Model):
    """Who proposed a change, and who confirmed or refused it, when and why."""

    state = models.CharField(
        _("state"), max_length=16, choices=Confirmation.choices, default=Confirmation.EFFECTIVE, db_index=True
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed or refused by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    refusal = models.CharField(_("reason of the refusal"), max_length=500, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_effective(self) -> bool:
        return self.state == Confirmation.EFFECTIVE


class ActingAppointmentQuerySet(DateRangeQuerySet):
    def covering(self, day):
        """The appointments in effect on `day`: confirmed where they needed a second person."""
        return super().covering(day).filter(state=Confirmation.EFFECTIVE)


class DateRange(models.Model):
    """An inclusive period of whole days in the portal's time zone (Asia/Almaty)."""

    start = models.DateField(_("from"))
    end = models.DateField(_("to"))

    objects = DateRangeQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end date cannot be earlier than the start date.")})


class Absence(DateRange):
    class Kind(models.TextChoices):
        LEAVE = "leave", _("leave")
        BUSINESS_TRIP = "business_trip", _("business trip")
        SICK_LEAVE = "sick_leave", _("sick leave")

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="absences")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("absence")
        verbose_name_plural = _("absences")
        ordering = ["-start"]
        indexes = [models.Index(fields=["person", "start", "end"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="org_absence_end_after_start"),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()} {self.start}–{self.end}"


class ActingAppointment(SecondPerson, DateRange):
    """An order naming who replaces whom, from when to when, for all powers or one line of work.
    One that gives the acting person a power he did not hold waits for a second person."""

    ALL_POWERS = "all"
    SCOPE_CHOICES = [(ALL_POWERS, _("all powers")), *LineOfWork.choices]

    replaced = models.ForeignKey(
        Person, verbose_name=_("person replaced"), on_delete=models.PROTECT, related_name="replaced_by"
    )
    acting = models.ForeignKey(
        Person, verbose_name=_("acting person"), on_delete=models.PROTECT, related_name="acting_for"
    )
    scope = models.CharField(_("scope"), max_length=32, choices=SCOPE_CHOICES, default=ALL_POWERS)
    order_number = models.CharField(_("order number"), max_length=64)
    order_date = models.DateField(_("order date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = ActingAppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("acting appointment")
        verbose_name_plural = _("acting appointments")
        ordering = ["-start"]
        indexes = [models.Index(fields=["replaced", "start", "end"]), models.Index(fields=["acting", "start", "end"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="org_acting_end_after_start"),
            models.CheckConstraint(condition=~Q(replaced=models.F("acting")), name="org_acting_not_self"),
        ]

    def __str__(self):
        return f"{self.acting} → {self.replaced} ({self.start}–{self.end})"

    def clean(self):
        super().clean()
        if self.replaced_id and self.replaced_id == self.acting_id:
            raise ValidationError({"acting": _("A person cannot replace himself.")})
        if self.replaced_id and self.start and self.end and self.end >= self.start:
            clash = self.overlapping().first()
            if clash is not None:
                raise ValidationError(
                    {
                        "start": _(
                            "%(person)s is already replaced for this scope from %(start)s to %(end)s "
                            "(order No. %(number)s)."
                        )
                        % {
                            "person": self.replaced,
                            "start": date_format(clash.start, "SHORT_DATE_FORMAT"),
                            "end": date_format(clash.end, "SHORT_DATE_FORMAT"),
                            "number": clash.order_number,
                        }
                    }
                )

    def overlapping(self):
        """Appointments for the same person whose period and scope clash with this one.

        Two appointments clash when their periods overlap and either covers all powers or
        both cover the same line of work: otherwise two people would hold the same power.
        """
        scope_clash = Q(scope=self.ALL_POWERS) if self.scope != self.ALL_POWERS else Q()
        if self.scope != self.ALL_POWERS:
            scope_clash |= Q(scope=self.scope)
        return (
            ActingAppointment.objects.filter(replaced_id=self.replaced_id, start__lte=self.end, end__gte=self.start)
            .filter(scope_clash)
            .exclude(pk=self.pk)
            .exclude(state=Confirmation.REFUSED)
            .order_by("start")
        )

    def covers_line(self, line_of_work: str | None) -> bool:
        return self.scope == self.ALL_POWERS or (line_of_work is not None and self.scope == line_of_work)


class PositionAssignment(SecondPerson):
    """A person placed in a position (or released from one) by an order: the history of who
    held what. Person.position follows it once it is in effect."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="position_assignments"
    )
    position = models.ForeignKey(
        Position,
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
        help_text=_("Empty: the person leaves his position."),
    )
    order_number = models.CharField(_("order number"), max_length=64)
    order_date = models.DateField(_("order date"))
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("position assignment")
        verbose_name_plural = _("position assignments")
        ordering = ["-proposed_at", "-pk"]

    def __str__(self):
        return f"{self.person} → {self.position or '—'} ({self.order_number})"


class IdentityNumberChange(SecondPerson):
    """The IIN recorded for a person, or its removal: it decides whose national EDS signs as
    him (IR 13, ISD 15), so it always waits for a second person. Person.iin follows it once
    it is in effect."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="identity_number_changes"
    )
    iin = models.CharField(
        _("IIN"),
        max_length=12,
        blank=True,
        validators=[validate_iin_bin],
        help_text=_("As his identity card and his national EDS certificate give it. Empty: the IIN is removed."),
    )
    basis = models.CharField(
        _("basis"),
        max_length=300,
        help_text=_("Where the IIN was read: the personnel file, a copy of the identity card."),
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("IIN change")
        verbose_name_plural = _("IIN changes")
        ordering = ["-proposed_at", "-pk"]

    def __str__(self):
        return f"{self.person}: {self.iin or '—'}"


class NeedToKnowGrant(UserObjectPermissionBase):
    """A grant of one record to one user, on django-guardian's direct foreign-key tables.

    Each department's sensitive record kind declares its own concrete grant model with a
    `content_object` foreign key (ISD 7: each case on a need-to-know basis). Beyond
    guardian's columns a grant says who gave it, why, and until when; it lapses by itself
    because every reach check compares `valid_until` with the moment of the check.
    """

    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("granted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)

    class Meta(UserObjectPermissionBase.Meta):
        abstract = True
