from django import forms

from courtadmin.core.forms import PortalFormMixin

from .models import EmailChoice


class EmailChoiceForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = EmailChoice
        fields = ["reminders", "digest", "moves"]
