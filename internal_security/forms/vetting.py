"""Forms of the vetting of candidates (ISD 5.4, 5.8): a request with its officers, an
information resource's answer, the conclusion's move, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import VettingCheck, VettingRequest
from .complaints import DATE


class VettingForm(PortalFormMixin, forms.ModelForm):
    officers = forms.ModelMultipleChoiceField(
        label=_("Officers who vet him"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = VettingRequest
        fields = ["candidate", "candidate_iin", "post_kind", "post", "region", "requested_by", "received_on", "due_on"]
        widgets = {"received_on": DATE, "due_on": DATE}

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officers"].queryset = officers


class VettingCheckForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = VettingCheck
        fields = ["resource", "checked_on", "result"]
        widgets = {"checked_on": DATE, "result": forms.Textarea(attrs={"rows": 2})}


class ConcludeForm(PortalFormMixin, forms.Form):
    finding = forms.ChoiceField(label=_("What the vetting found"), choices=VettingRequest.Finding.choices)


VETTING_FORMS = {"conclude": ConcludeForm}


class VettingFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Candidate, IIN or post"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *VettingRequest.Status.choices], required=False)
    post_kind = forms.ChoiceField(
        label=_("Candidate for"), choices=[("", "—"), *VettingRequest.Post.choices], required=False
    )
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
