"""Forms of the anti-corruption programmes (ISD 6.12): a programme, an item, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin

from ..models import Programme, ProgrammeItem
from .complaints import DATE


class ProgrammeForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["title", "level", "approved_by", "first_year", "last_year"]


class ProgrammeItemForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = ProgrammeItem
        fields = ["number", "text", "executor", "due_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_on": DATE}


class ProgrammeFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Title or act"), required=False)
    level = forms.ChoiceField(label=_("Level"), choices=[("", "—"), *Programme.Level.choices], required=False)
    year = forms.IntegerField(label=_("In force in"), required=False, min_value=2000, max_value=2100)
    open_items = forms.BooleanField(label=_("With items still to be done"), required=False)
