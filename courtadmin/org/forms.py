from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin

from .models import Absence, ActingAppointment, IdentityNumberChange, PositionAssignment


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class AbsenceForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Absence
        fields = ["person", "kind", "start", "end", "note"]
        widgets = {"start": DateInput(), "end": DateInput()}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class ActingAppointmentForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = ActingAppointment
        fields = ["replaced", "acting", "scope", "start", "end", "order_number", "order_date"]
        widgets = {"start": DateInput(), "end": DateInput(), "order_date": DateInput()}
        help_texts = {"scope": _("All powers, or only one line of work of the person replaced.")}

    def __init__(self, *args, replaceable, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replaced"].queryset = replaceable
        self.fields["acting"].queryset = candidates


class PositionAssignmentForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = PositionAssignment
        fields = ["position", "order_number", "order_date"]
        widgets = {"order_date": DateInput()}

    def __init__(self, *args, positions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = positions


class IdentityNumberForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = IdentityNumberChange
        fields = ["iin", "basis"]
        widgets = {"iin": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 12})}


class RefusalForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason of the refusal"), max_length=500, required=False)
