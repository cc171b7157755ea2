"""Forms of the International Council at the Supreme Court (IR 7.29)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import NameChoiceField, PortalFormMixin
from courtadmin.instructions.forms import PersonChoiceField

from ..models import Councillor, Meeting
from ..selectors.requests import ir_staff_accounts
from .requests import DATE
from .trips import FOREIGN_COUNTRIES


class CouncillorForm(PortalFormMixin, forms.ModelForm):
    country = NameChoiceField(label=_("Country"), queryset=FOREIGN_COUNTRIES, required=False, empty_label="—")

    class Meta:
        model = Councillor
        fields = ["full_name", "position", "country", "role", "since", "until"]
        widgets = {"since": DATE, "until": DATE}


class MeetingForm(PortalFormMixin, forms.ModelForm):
    officer = PersonChoiceField(label=_("Responsible officer"), queryset=None, empty_label="—")

    class Meta:
        model = Meeting
        fields = ["on", "place", "agenda", "officer"]
        widgets = {"on": DATE, "agenda": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = ir_staff_accounts()


class MinutesForm(PortalFormMixin, forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 6}))


MOVE_FORMS = {"hold": MinutesForm}
