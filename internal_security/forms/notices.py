"""Forms of the notices under ISD 13: the decision being prepared, its moves, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import StaffNotice
from .complaints import DATE


class NoticeForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = StaffNotice
        fields = ["region", "person", "role", "measure", "deciding_body", "grounds"]
        widgets = {"grounds": forms.Textarea(attrs={"rows": 4})}


class NotifyForm(PortalFormMixin, forms.Form):
    due_on = forms.DateField(label=_("The ISD head's position due by"), widget=DATE)


class PositionForm(PortalFormMixin, forms.Form):
    position = forms.CharField(label=_("The ISD head's position"), widget=forms.Textarea(attrs={"rows": 3}))


class FinalForm(PortalFormMixin, forms.Form):
    decision = forms.CharField(label=_("The final decision (order number and date)"), max_length=500)


class DropForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why the decision was not taken"), widget=forms.Textarea(attrs={"rows": 2}))


NOTICE_FORMS = {"notify": NotifyForm, "give_position": PositionForm, "record_final": FinalForm, "drop": DropForm}


class NoticeFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Person or deciding body"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *StaffNotice.Status.choices], required=False)
    measure = forms.ChoiceField(label=_("Decision"), choices=[("", "—"), *StaffNotice.Measure.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
