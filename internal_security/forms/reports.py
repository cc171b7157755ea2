"""Forms of the territorial units' periodic reports: a form of report, the call for a
period, the reports' moves, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import ReportingForm, UnitReport
from .complaints import DATE


class FormByCode(forms.ModelChoiceField):
    """A form of report chosen by its number: its title, in the language it was written in,
    is listed beside the call (an option carries no language of its own)."""

    def label_from_instance(self, obj) -> str:
        return obj.code


class ReportingFormForm(PortalFormMixin, forms.ModelForm):
    prefix = "form"  # beside the call on the reports' page

    class Meta:
        model = ReportingForm
        fields = ["code", "title", "period", "days_after"]


class CallForm(PortalFormMixin, forms.Form):
    prefix = "call"
    form = FormByCode(label=_("Form of report"), queryset=ReportingForm.objects.order_by("code"))
    day = forms.DateField(label=_("A day of the period"), widget=DATE)


class SubmitForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Report"), widget=forms.Textarea(attrs={"rows": 6}))


class ReturnForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(label=_("What is to be reworked"), widget=forms.Textarea(attrs={"rows": 2}))


REPORT_FORMS = {"submit": SubmitForm, "return": ReturnForm}


class ReportFilterForm(PortalFormMixin, forms.Form):
    form = FormByCode(
        label=_("Form of report"), queryset=ReportingForm.objects.order_by("code"), required=False, empty_label="—"
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *UnitReport.Status.choices], required=False)
    overdue = forms.BooleanField(label=_("Past their term"), required=False)
