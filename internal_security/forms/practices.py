"""Forms of the best practice (ISD 6.2): a practice studied, its proposal and fate, the
list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin

from ..models import Practice
from .complaints import DATE


class PracticeForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Practice
        fields = ["title", "origin", "source", "summary", "studied_on"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}), "studied_on": DATE}


class ProposeForm(PortalFormMixin, forms.Form):
    proposal = forms.CharField(label=_("The proposal"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class DecisionForm(PortalFormMixin, forms.Form):
    decision = forms.CharField(label=_("The decision taken"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


PRACTICE_FORMS = {"propose": ProposeForm, "adopt": DecisionForm, "decline": DecisionForm}


class PracticeFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Practice, source or summary"), required=False)
    origin = forms.ChoiceField(label=_("Origin"), choices=[("", "—"), *Practice.Origin.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Practice.Status.choices], required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
