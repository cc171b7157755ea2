"""Forms of the criminal-case registry (ISD 6.16) and of its list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import CriminalCase
from .complaints import DATE


def _numbers(raw: str) -> list[str]:
    return [number.strip() for number in raw.split(",") if number.strip()]


class CriminalCaseForm(PortalFormMixin, forms.ModelForm):
    complaint_numbers = forms.CharField(
        label=_("Complaints"), required=False, help_text=_("Registration numbers, separated by commas.")
    )
    investigation_numbers = forms.CharField(
        label=_("Official investigations"), required=False, help_text=_("Numbers, separated by commas.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["complaint_numbers"] = ", ".join(c.number for c in self.instance.complaints.all())
            self.initial["investigation_numbers"] = ", ".join(i.number for i in self.instance.investigations.all())

    def clean_complaint_numbers(self):
        return _numbers(self.cleaned_data["complaint_numbers"])

    def clean_investigation_numbers(self):
        return _numbers(self.cleaned_data["investigation_numbers"])

    class Meta:
        model = CriminalCase
        fields = [
            "person",
            "person_role",
            "position",
            "court",
            "article",
            "corruption",
            "investigating_body",
            "opened_on",
            "sent_to_court_on",
            "verdict_on",
            "stage",
            "outcome",
        ]
        widgets = {"opened_on": DATE, "sent_to_court_on": DATE, "verdict_on": DATE}


class CaseFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Person, court or article"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), choices=[("", "—"), *CriminalCase.Stage.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    corruption = forms.BooleanField(label=_("Corruption offences only"), required=False)
    opened_from = forms.DateField(label=_("Opened from"), required=False, widget=DATE)
    opened_to = forms.DateField(label=_("Opened to"), required=False, widget=DATE)
