"""Forms of business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import NameChoiceField, PortalFormMixin

from ..models import Country, Delegation, Trip
from ..selectors.requests import ir_staff_accounts
from ..selectors.trips import TripFilter
from .requests import DATE

FOREIGN_COUNTRIES = Country.objects.exclude(code="KZ")


class TripForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Trip
        fields = ["purpose", "country", "city", "participants", "departs_on", "returns_on", "officer"]
        widgets = {"departs_on": DATE, "returns_on": DATE, "participants": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = FOREIGN_COUNTRIES
        self.fields["officer"].queryset = ir_staff_accounts()
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("officer", user.pk)


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
