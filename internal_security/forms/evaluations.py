"""Forms of the evaluations of the units' heads: one recorded, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import HeadEvaluation
from .complaints import DATE


class EvaluationForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = HeadEvaluation
        fields = ["region", "head", "year", "heard_on", "report", "assessment", "proposal", "proposal_text"]
        widgets = {
            "heard_on": DATE,
            "report": forms.Textarea(attrs={"rows": 4}),
            "proposal_text": forms.Textarea(attrs={"rows": 2}),
        }


class EvaluationFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Head or report"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    assessment = forms.ChoiceField(
        label=_("Assessment"), choices=[("", "—"), *HeadEvaluation.Assessment.choices], required=False
    )
    proposal = forms.ChoiceField(
        label=_("Proposal"), choices=[("", "—"), *HeadEvaluation.Proposal.choices], required=False
    )
