"""Forms of the criminal-case registry (ISD 6.16): an entry, its correction, its stages, and
the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import CaseStage, CriminalCase
from .complaints import DATE


class NumbersField(forms.CharField):
    """Registration numbers typed with commas between them, cleaned into a list."""

    def clean(self, value) -> list[str]:
        return [number.strip() for number in super().clean(value).split(",") if number.strip()]


class CriminalCaseForm(PortalFormMixin, forms.ModelForm):
    """An entry of the registry: new, with the decision that opened the case; corrected, with
    the reason. The central ISD chooses the region; a territorial unit keeps its own."""

    complaint_numbers = NumbersField(
        label=_("Complaints"), required=False, help_text=_("Registration numbers, separated by commas.")
    )
    investigation_numbers = NumbersField(
        label=_("Official investigations"), required=False, help_text=_("Numbers, separated by commas.")
    )
    opening_decision = forms.CharField(
        label=_("Decision that opened the pre-trial investigation"),
        required=False,
        max_length=500,
        help_text=_("Its number in the Unified Register of Pre-trial Investigations and its date."),
    )
    reason = forms.CharField(label=_("Reason for the correction"), required=False, max_length=500)

    def __init__(self, *args, own_region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["complaint_numbers"] = ", ".join(c.number for c in self.instance.complaints.all())
            self.initial["investigation_numbers"] = ", ".join(i.number for i in self.instance.investigations.all())
            del self.fields["opening_decision"]
        else:
            del self.fields["reason"]
        if own_region is not None:
            del self.fields["region"]
            self.instance.region = own_region

    class Meta:
        model = CriminalCase
        fields = [
            "person",
            "person_role",
            "position",
            "court",
            "region",
            "article",
            "corruption",
            "investigating_body",
            "opened_on",
        ]
        widgets = {"opened_on": DATE}


class CaseStageForm(PortalFormMixin, forms.ModelForm):
    """The authority's decision that moves a case to its next stage."""

    class Meta:
        model = CaseStage
        fields = ["decided_on", "authority", "decision"]
        widgets = {"decided_on": DATE}


class VerdictForm(CaseStageForm):
    outcome = forms.ChoiceField(
        label=_("Verdict"),
        choices=[
            ("", "—"),
            (CriminalCase.Outcome.CONVICTED, CriminalCase.Outcome.CONVICTED.label),
            (CriminalCase.Outcome.ACQUITTED, CriminalCase.Outcome.ACQUITTED.label),
        ],
    )

    class Meta(CaseStageForm.Meta):
        fields = ["decided_on", "authority", "decision", "outcome"]


STAGE_FORMS = {"to_court": CaseStageForm, "verdict": VerdictForm, "terminate": CaseStageForm, "resume": CaseStageForm}


class CaseFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Person, court or article"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), choices=[("", "—"), *CriminalCase.Stage.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    article = forms.CharField(label=_("Article"), required=False, max_length=64)
    corruption = forms.BooleanField(label=_("Corruption offences only"), required=False)
    opened_from = forms.DateField(label=_("Opened from"), required=False, widget=DATE)
    opened_to = forms.DateField(label=_("Opened to"), required=False, widget=DATE)
