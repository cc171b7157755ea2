"""Forms of the hearings with heightened risk (ISD 6.5, 6.11): one planned with its bailiffs,
its report, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import Bailiff, HearingSecurity
from .complaints import DATE


class BailiffChoices(forms.ModelMultipleChoiceField):
    """Each bailiff with his court and region: the central ISD chooses among every region's,
    and only the hearing's region's are accepted (ISD 6.11)."""

    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.court}, {obj.region.name})"


class HearingForm(PortalFormMixin, forms.ModelForm):
    bailiffs = BailiffChoices(
        label=_("Bailiffs assigned"), queryset=Bailiff.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = HearingSecurity
        fields = ["region", "court", "case_number", "starts_at", "hall", "risk", "measures"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "risk": forms.Textarea(attrs={"rows": 2}),
            "measures": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, unit_region=None, bailiffs=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_region is not None:  # a territorial unit plans its own region's hearings
            del self.fields["region"]
        self.fields["bailiffs"].queryset = bailiffs if bailiffs is not None else Bailiff.objects.none()


class ReportForm(PortalFormMixin, forms.Form):
    report = forms.CharField(
        label=_("How it went, or why it was cancelled"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


HEARING_FORMS = {"hold": ReportForm, "cancel": ReportForm}


class HearingFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Court or case number"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *HearingSecurity.Status.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE)
