"""Forms of the meetings with the territorial units: one planned, its moves, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import UnitMeeting
from .complaints import DATE


class MeetingForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = UnitMeeting
        fields = ["kind", "topic", "held_on", "place", "regions"]
        widgets = {"held_on": DATE, "regions": forms.CheckboxSelectMultiple}


class HoldForm(PortalFormMixin, forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 6}))


class CancelForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why it is cancelled"), widget=forms.Textarea(attrs={"rows": 2}))


MEETING_FORMS = {"hold": HoldForm, "cancel": CancelForm}


class MeetingFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Topic or minutes"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *UnitMeeting.Kind.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *UnitMeeting.Status.choices], required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
