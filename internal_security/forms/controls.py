"""Forms of the compliance controls (ISD 6.19, 6.20): a control opened, its completion, the
list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import ComplianceControl
from .complaints import DATE


class ControlForm(PortalFormMixin, forms.ModelForm):
    checks = forms.MultipleChoiceField(
        label=_("What is checked"),
        choices=ComplianceControl.Check.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Procurement: conflict of interest, affiliation, splitting. Personnel: conflict of interest, "
            "competition, qualification, close relatives."
        ),
    )

    class Meta:
        model = ComplianceControl
        fields = ["area", "subject", "reference", "subdivision", "region", "checks", "started_on"]
        widgets = {"started_on": DATE}

    def __init__(self, *args, unit_region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_region is not None:  # a territorial unit controls its own region's
            del self.fields["region"]


class CompleteForm(PortalFormMixin, forms.Form):
    violation = forms.TypedChoiceField(
        label=_("A violation found"),
        choices=[("", "—"), ("yes", _("yes")), ("no", _("no"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    measures = forms.CharField(label=_("Measures taken"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


COMPLIANCE_FORMS = {"complete": CompleteForm}


class ControlFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Procedure, number or subdivision"), required=False)
    area = forms.ChoiceField(label=_("Area"), choices=[("", "—"), *ComplianceControl.Area.choices], required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", "—"), *ComplianceControl.Status.choices], required=False
    )
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    violation = forms.TypedChoiceField(
        label=_("A violation found"),
        choices=[("", "—"), ("yes", _("yes")), ("no", _("no"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )
