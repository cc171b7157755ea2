"""Forms of the partners of cooperation (IR 4.1, 7.1, 7.4)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import NameChoiceField, PortalFormMixin

from ..models import Area, Partner
from ..selectors.partners import PartnerFilter
from .trips import FOREIGN_COUNTRIES


class PartnerForm(PortalFormMixin, forms.ModelForm):
    country = NameChoiceField(label=_("Country"), queryset=FOREIGN_COUNTRIES, required=False, empty_label="—")
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    areas = forms.MultipleChoiceField(
        label=_("Areas of cooperation"), choices=Area.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Partner
        fields = ["kind", "name", "country", "website", "areas", "since", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class ContactForm(PortalFormMixin, forms.Form):
    """A contact of the partner; an empty row is none."""

    full_name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    position = forms.CharField(label=_("Position"), max_length=300, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=64, required=False)
    languages = forms.CharField(label=_("Languages of correspondence"), max_length=100, required=False)

    def clean(self):
        data = super().clean()
        if data.get("full_name", "").strip() and not data.get("position", "").strip():
            self.add_error("position", _("Say the contact's position."))
        return data


ContactFormSet = forms.formset_factory(ContactForm, extra=2, max_num=30)


def contact_rows(formset) -> list[dict]:
    """The formset's filled rows as the contacts' fields."""
    return [
        {name: value.strip() for name, value in row.items()}
        for row in formset.cleaned_data
        if row and row.get("full_name", "").strip()
    ]


class PartnerFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Name or notes"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *Partner.Kind.choices], required=False)
    area = forms.ChoiceField(label=_("Area of cooperation"), choices=[("", "—"), *Area.choices], required=False)
    country = NameChoiceField(label=_("Country"), queryset=FOREIGN_COUNTRIES, required=False, empty_label="—")

    def filters(self) -> PartnerFilter:
        if not self.is_valid():
            return PartnerFilter()
        return PartnerFilter(**{name: value for name, value in self.cleaned_data.items() if value})
