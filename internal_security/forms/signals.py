"""Forms of the information on corruption (ISD 6.15): an entry, its correction, the list's
filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import CorruptionSignal
from .cases import NumbersField
from .complaints import DATE


class SignalForm(PortalFormMixin, forms.ModelForm):
    """An entry: new, or corrected with the reason. The central ISD chooses the region; a
    territorial unit keeps its own."""

    complaint_numbers = NumbersField(
        label=_("Complaints"), required=False, help_text=_("Registration numbers, separated by commas.")
    )
    investigation_numbers = NumbersField(
        label=_("Official investigations"), required=False, help_text=_("Numbers, separated by commas.")
    )
    reason = forms.CharField(label=_("Reason for the correction"), required=False, max_length=500)

    def __init__(self, *args, own_region=None, reader=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            from ..selectors.complaints import complaints_visible_to
            from ..selectors.investigations import investigations_visible_to

            # Only the links the reader sees are his to keep or drop (ISD 7).
            complaints = complaints_visible_to(reader).filter(pk__in=self.instance.complaints.values("pk"))
            investigations = investigations_visible_to(reader).filter(signals=self.instance)
            self.initial["complaint_numbers"] = ", ".join(c.number for c in complaints)
            self.initial["investigation_numbers"] = ", ".join(i.number for i in investigations)
        else:
            del self.fields["reason"]
        if own_region is not None:
            del self.fields["region"]
            self.instance.region = own_region

    class Meta:
        model = CorruptionSignal
        fields = ["source", "source_detail", "received_on", "person", "court", "region", "substance"]
        widgets = {"received_on": DATE, "substance": forms.Textarea(attrs={"rows": 4})}


class SignalFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Person, court or source"), required=False)
    source = forms.ChoiceField(label=_("Source"), choices=[("", "—"), *CorruptionSignal.Source.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
