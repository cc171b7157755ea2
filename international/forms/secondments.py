"""Forms of the judges in international bodies (IR 7.3)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin, WrittenSelect
from courtadmin.instructions.forms import PersonChoiceField

from ..models import Secondment
from ..selectors.requests import ir_staff_accounts
from ..selectors.secondments import SecondmentFilter
from .requests import DATE


class SecondmentForm(PortalFormMixin, forms.ModelForm):
    officer = PersonChoiceField(label=_("Responsible officer"), queryset=None, empty_label="—")

    class Meta:
        model = Secondment
        fields = [
            "judge",
            "body",
            "partner",
            "role",
            "order_number",
            "order_date",
            "starts_on",
            "ends_on",
            "report_due_on",
            "officer",
        ]
        widgets = {
            "partner": WrittenSelect,
            "order_date": DATE,
            "starts_on": DATE,
            "ends_on": DATE,
            "report_due_on": DATE,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = ir_staff_accounts()


class SupportForm(PortalFormMixin, forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)
    what = forms.CharField(label=_("Support given"), max_length=500)


class SecondmentReportForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("Report"))


class SecondmentFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Judge or body"), required=False)
    current = forms.BooleanField(label=_("Serving now"), required=False)
    report_late = forms.BooleanField(label=_("Report late"), required=False)

    def filters(self) -> SecondmentFilter:
        if not self.is_valid():
            return SecondmentFilter()
        return SecondmentFilter(**{name: value for name, value in self.cleaned_data.items() if value})
