"""Forms of business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import NameChoiceField, PortalFormMixin
from courtadmin.instructions.forms import PeopleChoiceField

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
    class Meta:
        model = Delegation
        fields = ["country", "organisation", "head", "size", "arrives_on", "leaves_on", "programme", "officer"]
        widgets = {"arrives_on": DATE, "leaves_on": DATE, "programme": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = FOREIGN_COUNTRIES
        self.fields["officer"].queryset = ir_staff_accounts()
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("officer", user.pk)


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
