"""Forms of the corruption-risk register (ISD 6.13, 6.14): a risk, a measure, the removal, an
analysis for a period, the list's filters."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import CorruptionRisk, RiskAnalysis, RiskMeasure
from .complaints import DATE


class RiskForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = CorruptionRisk
        fields = ["process", "subdivision", "region", "description", "cause", "likelihood", "impact", "identified_on"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "cause": forms.Textarea(attrs={"rows": 2}),
            "identified_on": DATE,
        }

    def __init__(self, *args, unit_region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_region is not None:  # a territorial unit records its own region's risks
            del self.fields["region"]


class MeasureForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = RiskMeasure
        fields = ["text", "owner", "due_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_on": DATE}


class RemoveForm(PortalFormMixin, forms.Form):
    note = forms.CharField(label=_("How the risk was removed"), widget=forms.Textarea(attrs={"rows": 3}))


RISK_FORMS = {"remove": RemoveForm}


class AnalysisForm(PortalFormMixin, forms.Form):
    """The period of an analysis: drafted once, its draft reused until signed."""

    prefix = "analysis"  # beside the list's filters
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    period = forms.ChoiceField(label=_("Period"), choices=RiskAnalysis.Period.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.initial.setdefault("year", today.year)
        half = RiskAnalysis.Period.FIRST_HALF if today.month <= 6 else RiskAnalysis.Period.SECOND_HALF
        self.initial.setdefault("period", half)


class RiskFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Subdivision, risk or cause"), required=False)
    process = forms.ChoiceField(
        label=_("Process"), choices=[("", "—"), *CorruptionRisk.Process.choices], required=False
    )
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=[("", "—"), *CorruptionRisk.Level.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *CorruptionRisk.Status.choices], required=False)
    open_measures = forms.BooleanField(label=_("With measures still to be done"), required=False)
