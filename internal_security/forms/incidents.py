"""Forms of the threats and incidents (ISD 6.3, 6.4, 6.5): one recorded, a measure, its
closing, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import IncidentMeasure, SecurityIncident
from .complaints import DATE


class IncidentForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = SecurityIncident
        fields = ["kind", "region", "court", "person", "occurred_on", "description", "reported_by", "law_enforcement"]
        widgets = {"occurred_on": DATE, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, unit_region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_region is not None:  # a territorial unit records its own region's
            del self.fields["region"]


class IncidentMeasureForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = IncidentMeasure
        fields = ["taken_on", "text", "with_body"]
        widgets = {"taken_on": DATE, "text": forms.Textarea(attrs={"rows": 2})}


class CloseForm(PortalFormMixin, forms.Form):
    outcome = forms.CharField(label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


INCIDENT_FORMS = {"close": CloseForm}


class IncidentFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Court or person"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *SecurityIncident.Kind.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *SecurityIncident.Status.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE)
