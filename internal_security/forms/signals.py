"""The form of a piece of information on corruption (ISD 6.15)."""

from django import forms

from courtadmin.core.forms import PortalFormMixin

from ..models import CorruptionSignal
from .complaints import DATE


class SignalForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = CorruptionSignal
        fields = ["source", "source_detail", "received_on", "person", "court", "region", "substance"]
        widgets = {"received_on": DATE, "substance": forms.Textarea(attrs={"rows": 3})}
