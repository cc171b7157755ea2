"""Forms of the court bailiffs (ISD 6.11): one recorded, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import Bailiff, CourtBuilding


class BailiffForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Bailiff
        fields = ["full_name", "post", "court", "region", "building"]

    def __init__(self, *args, unit_region=None, buildings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_region is not None:  # a territorial unit records its own region's
            del self.fields["region"]
        self.fields["building"].queryset = buildings if buildings is not None else CourtBuilding.objects.none()


class BailiffFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Name or court"), required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    active = forms.TypedChoiceField(
        label=_("In service"),
        choices=[("", "—"), ("yes", _("yes")), ("no", _("no"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )
