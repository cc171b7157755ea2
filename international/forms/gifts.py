"""Forms of the gifts register."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.instructions.forms import PersonChoiceField

from ..models import Gift
from ..selectors.events import portal_people
from ..selectors.gifts import GiftFilter
from .budget import Purposes
from .requests import DATE


class GiftForm(Purposes, PortalFormMixin, forms.ModelForm):
    person = PersonChoiceField(label=_("On our side"), queryset=None, empty_label="—")

    class Meta:
        model = Gift
        fields = [
            "direction",
            "description",
            "value",
            "on",
            "counterpart",
            "person",
            "event",
            "delegation",
            "trip",
            "disposition",
            "disposition_note",
        ]
        widgets = {"on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = portal_people()
        self.set_purposes(None)


class GiftFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Gift or the other side"), required=False)
    direction = forms.ChoiceField(label=_("Direction"), choices=[("", "—"), *Gift.Direction.choices], required=False)
    disposition = forms.ChoiceField(
        label=_("What was done with it"), choices=[("", "—"), *Gift.Disposition.choices], required=False
    )
    above = forms.BooleanField(label=_("Received above the threshold"), required=False)
    on_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    on_to = forms.DateField(label=_("To"), required=False, widget=DATE)

    def filters(self) -> GiftFilter:
        if not self.is_valid():
            return GiftFilter()
        return GiftFilter(**{name: value for name, value in self.cleaned_data.items() if value})
