"""Forms of the work plans: a plan begun, an item added, the items' moves, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import Function, PlanItem, WorkPlan
from .complaints import DATE


class PlanForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = WorkPlan
        fields = ["year", "region", "basis"]
        widgets = {"basis": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, unit_region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_region is not None:  # a territorial unit draws up its own region's plan
            del self.fields["region"]


class PlanItemForm(PortalFormMixin, forms.ModelForm):
    # Every function of ISD 6 and nothing else (ISD 14); the service says so beside the field.
    function = forms.ChoiceField(label=_("Function of the ISD (ISD 6)"), choices=[("", "—"), *Function.choices])

    class Meta:
        model = PlanItem
        fields = ["function", "title", "executor", "due_on"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "due_on": DATE}

    def __init__(self, *args, executors=None, **kwargs):
        super().__init__(*args, **kwargs)
        if executors is not None:
            self.fields["executor"].queryset = executors


class ReportForm(PortalFormMixin, forms.Form):
    result = forms.CharField(label=_("Result"), widget=forms.Textarea(attrs={"rows": 2}))
    on = forms.DateField(label=_("Done on"), widget=DATE)


class FailForm(PortalFormMixin, forms.Form):
    result = forms.CharField(label=_("Why it was not done"), widget=forms.Textarea(attrs={"rows": 2}))


PLAN_FORMS: dict = {}
# The moves of what is controlled to its term: a plan's item, an inspection's recommendation.
CONTROL_FORMS = {"report": ReportForm, "fail": FailForm}


class PlanFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Basis or item"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    region = forms.ModelChoiceField(
        label=_("Territorial ISD unit"), queryset=Region.objects.all(), required=False, empty_label="—"
    )
    central = forms.BooleanField(label=_("The central ISD's plans only"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *WorkPlan.Status.choices], required=False)
