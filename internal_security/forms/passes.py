"""Forms of the passes and service IDs (ISD 5.5, 6.6): one issued, its withdrawal, the list's
filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Person, Region

from ..models import AccessPass, CourtBuilding
from .complaints import DATE


class PassForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = AccessPass
        fields = ["kind", "number", "building", "holder", "holder_post", "person", "issued_on", "valid_until"]
        widgets = {"issued_on": DATE, "valid_until": DATE}
        help_texts = {
            "holder": _("For a service ID, the officer's name is taken from the organisation."),
        }

    def __init__(self, *args, buildings=None, officers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["building"].queryset = buildings if buildings is not None else CourtBuilding.objects.none()
        self.fields["person"].queryset = officers if officers is not None else Person.objects.none()
        self.fields["holder"].required = self.fields["holder_post"].required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == AccessPass.Kind.PERMANENT:
            for name in ("holder", "holder_post"):
                if not (cleaned.get(name) or "").strip():
                    self.add_error(name, forms.ValidationError(_("This field is required."), code="required"))
        return cleaned


class WithdrawForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why it is withdrawn"), widget=forms.Textarea(attrs={"rows": 2}))


PASS_FORMS = {"withdraw": WithdrawForm}

VALIDITY = [
    ("", "—"),
    ("in_force", _("in force")),
    ("lapsing", _("lapsing within a month")),
    ("lapsed", _("lapsed, not withdrawn")),
    ("withdrawn", _("withdrawn")),
]


class PassFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Holder or number"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *AccessPass.Kind.choices], required=False)
    validity = forms.ChoiceField(label=_("Validity"), choices=VALIDITY, required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    building = forms.ModelChoiceField(
        label=_("Building"), queryset=CourtBuilding.objects.none(), required=False, empty_label="—"
    )

    def __init__(self, *args, buildings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if buildings is not None:
            self.fields["building"].queryset = buildings
