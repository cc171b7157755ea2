"""Forms of the units' regulations: sent for agreement, its moves, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import UnitRegulation


class RegulationForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = UnitRegulation
        fields = ["region", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, unit_region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_region is not None:  # a unit sends its own region's regulations
            del self.fields["region"]


class ReturnForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(label=_("What is to be reworked"), widget=forms.Textarea(attrs={"rows": 2}))


class ResubmitForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("The reworked text"), widget=forms.Textarea(attrs={"rows": 10}))


REGULATION_FORMS = {"return": ReturnForm, "resubmit": ResubmitForm}


class RegulationFilterForm(PortalFormMixin, forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *UnitRegulation.Status.choices], required=False)
