"""Forms of the inspections: one planned, its findings, a recommendation, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import Inspection, Recommendation
from .complaints import DATE


class InspectionForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Inspection
        fields = ["region", "subdivision", "programme", "starts_on", "ends_on", "led_by"]
        widgets = {"programme": forms.Textarea(attrs={"rows": 4}), "starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, unit_region=None, inspectors=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_region is not None:  # a territorial unit inspects its own region's subdivisions
            del self.fields["region"]
        if inspectors is not None:
            self.fields["led_by"].queryset = inspectors


class HoldForm(PortalFormMixin, forms.Form):
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 4}))


INSPECTION_FORMS = {"hold": HoldForm}


class RecommendationForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["text", "responsible", "due_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_on": DATE}


class InspectionFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Subdivision, programme or findings"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Inspection.Status.choices], required=False)
    open_recommendations = forms.BooleanField(label=_("With recommendations still to be done"), required=False)
