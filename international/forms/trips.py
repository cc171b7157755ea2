"""Forms of business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import NameChoiceField, PortalFormMixin
from courtadmin.instructions.forms import PeopleChoiceField
from courtadmin.org.authority import people_brought_in
from courtadmin.org.models import Department

from ..models import Country, Delegation, KazakhCourt, Trip
from ..selectors.events import portal_people
from ..selectors.requests import ir_staff_accounts
from ..selectors.trips import TripFilter
from .requests import DATE

FOREIGN_COUNTRIES = Country.objects.exclude(code="KZ")


class TripForm(PortalFormMixin, forms.ModelForm):
    travellers = PeopleChoiceField(
        label=_("Travellers of the Supreme Court and the Court Administration"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Trip
        fields = [
            "order_number",
            "order_date",
            "purpose",
            "country",
            "city",
            "host",
            "financing",
            "departs_on",
            "returns_on",
            "report_due_on",
            "officer",
            "participants",
            "programme",
        ]
        widgets = {
            "order_date": DATE,
            "departs_on": DATE,
            "returns_on": DATE,
            "report_due_on": DATE,
            "participants": forms.Textarea(attrs={"rows": 3}),
            "programme": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = FOREIGN_COUNTRIES
        self.fields["officer"].queryset = ir_staff_accounts()
        self.fields["travellers"].queryset = portal_people()
        if self.instance.pk is not None and not self.is_bound:
            self.initial["travellers"] = list(self.instance.travellers.values_list("pk", flat=True))
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("officer", user.pk)


class TripJudgeForm(PortalFormMixin, forms.Form):
    """A judge of a local court on the trip, by name and court (IR 7.16); an empty row is none."""

    full_name = forms.CharField(label=_("Judge's full name"), max_length=300, required=False)
    court = NameChoiceField(label=_("Court"), queryset=KazakhCourt.objects.all(), required=False, empty_label="—")

    def clean(self):
        data = super().clean()
        if data.get("full_name", "").strip() and not data.get("court"):
            self.add_error("court", forms.ValidationError(_("Choose the judge's court."), code="required"))
        return data


TripJudgeFormSet = forms.formset_factory(TripJudgeForm, extra=2, max_num=30)


def judge_rows(formset) -> list[tuple]:
    """(full name, court) of the formset's filled rows."""
    return [
        (row["full_name"], row["court"]) for row in formset.cleaned_data if row and row.get("full_name", "").strip()
    ]


class DelegationForm(PortalFormMixin, forms.ModelForm):
    escorts = PeopleChoiceField(
        label=_("Accompanying staff of other subdivisions"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
        help_text=_("They are brought in once the leadership consents to the visit."),
    )

    class Meta:
        model = Delegation
        fields = [
            "country",
            "organisation",
            "head",
            "size",
            "arrives_on",
            "leaves_on",
            "officer",
            "precedence",
            "seating",
            "flags",
            "interpreters",
            "programme",
        ]
        widgets = {
            "arrives_on": DATE,
            "leaves_on": DATE,
            "programme": forms.Textarea(attrs={"rows": 3}),
            "precedence": forms.Textarea(attrs={"rows": 3}),
            "seating": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = FOREIGN_COUNTRIES
        self.fields["officer"].queryset = ir_staff_accounts()
        self.fields["escorts"].queryset = (
            get_user_model()
            .objects.filter(people_brought_in(Department.IR, "person__"), is_active=True)
            .select_related("person")
            .order_by("person__full_name", "pk")
        )
        if self.instance.pk is not None and not self.is_bound:
            self.initial["escorts"] = list(self.instance.escorts.values_list("pk", flat=True))
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("officer", user.pk)


class MemberForm(PortalFormMixin, forms.Form):
    """A member of the delegation; an empty row is none."""

    full_name = forms.CharField(label=_("Full name"), max_length=300, required=False)
    position = forms.CharField(label=_("Position"), max_length=300, required=False)
    document = forms.CharField(label=_("Passport or identity document"), max_length=64, required=False)

    def clean(self):
        data = super().clean()
        if data.get("full_name", "").strip() and not data.get("position", "").strip():
            self.add_error("position", forms.ValidationError(_("Give the member's position."), code="required"))
        return data


class ProgrammeItemForm(PortalFormMixin, forms.Form):
    """A point of the programme, by day and hour; an empty row is none."""

    day = forms.DateField(label=_("Day"), required=False, widget=DATE)
    at = forms.TimeField(
        label=_("Time"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    activity = forms.CharField(label=_("What"), max_length=300, required=False)
    place = forms.CharField(label=_("Where"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("activity", "").strip():
            for name in ("day", "at"):
                if not data.get(name):
                    self.add_error(name, forms.ValidationError(_("Give the day and the time."), code="required"))
        return data


MemberFormSet = forms.formset_factory(MemberForm, extra=3, max_num=60)
ProgrammeFormSet = forms.formset_factory(ProgrammeItemForm, extra=3, max_num=100)


def member_rows(formset) -> list[tuple]:
    return [
        (row["full_name"].strip(), row["position"].strip(), row.get("document", "").strip())
        for row in formset.cleaned_data
        if row and row.get("full_name", "").strip()
    ]


def programme_rows(formset) -> list[tuple]:
    return [
        (row["day"], row["at"], row["activity"].strip(), row.get("place", "").strip())
        for row in formset.cleaned_data
        if row and row.get("activity", "").strip()
    ]


class CancelVisitForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason for the cancellation"), widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("Final report"))


class PublishedForm(PortalFormMixin, forms.Form):
    on = forms.DateField(label=_("Published on"), widget=DATE)
    url = forms.URLField(label=_("Address of the publication"), max_length=200, assume_scheme="https")


class TripFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Purpose, participant or city"), required=False)
    country = NameChoiceField(label=_("Country"), queryset=FOREIGN_COUNTRIES, required=False, empty_label="—")
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=None, required=False, empty_label="—")
    awaiting = forms.BooleanField(label=_("Final report awaited"), required=False)
    reported = forms.BooleanField(label=_("Final report on file"), required=False)
    departs_from = forms.DateField(label=_("Departs from"), required=False, widget=DATE)
    departs_to = forms.DateField(label=_("Departs to"), required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = ir_staff_accounts()

    def filters(self) -> TripFilter:
        if not self.is_valid():
            return TripFilter()
        return TripFilter(**{name: value for name, value in self.cleaned_data.items() if value})


class DelegationFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Organisation or head"), required=False)
    country = NameChoiceField(label=_("Country"), queryset=FOREIGN_COUNTRIES, required=False, empty_label="—")
    start = forms.DateField(label=_("Visiting from"), required=False, widget=DATE)
    end = forms.DateField(label=_("Visiting to"), required=False, widget=DATE)

    def filters(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if value} if self.is_valid() else {}
