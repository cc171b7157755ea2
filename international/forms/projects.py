"""Forms of the projects and their proposals (IR 4.4, 7.7-7.9)."""

from functools import partial

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import NameChoiceField, PortalFormMixin, WrittenSelect
from courtadmin.instructions.forms import PersonChoiceField

from ..models import Activity, Funding, Project, Risk
from ..selectors.events import department_documents
from ..selectors.projects import ActivityFilter, ProjectFilter
from ..selectors.requests import ir_staff_accounts
from ..workflow import assignable_units, assignee_accounts
from .agreements import ConsultForm, WithdrawForm
from .events import MaterialDocumentForm
from .obligations import AssignForm, TermForm
from .requests import DATE


class ProjectForm(PortalFormMixin, forms.ModelForm):
    officer = PersonChoiceField(label=_("Responsible officer"), queryset=None, empty_label="—")

    class Meta:
        model = Project
        fields = ["title", "partner", "party", "goals", "starts_on", "ends_on", "officer"]
        widgets = {
            "partner": WrittenSelect,
            "goals": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DATE,
            "ends_on": DATE,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = ir_staff_accounts()


class FundingForm(PortalFormMixin, forms.Form):
    """A source of the budget; a row without a sum is none."""

    source = forms.ChoiceField(label=_("Source"), choices=[("", "—"), *Funding.Source.choices], required=False)
    planned = forms.DecimalField(
        label=_("Planned, tenge"), min_value=0, max_digits=14, decimal_places=2, required=False
    )
    spent = forms.DecimalField(label=_("Spent, tenge"), min_value=0, max_digits=14, decimal_places=2, required=False)

    def clean(self):
        data = super().clean()
        if data.get("planned") is not None and not data.get("source"):
            self.add_error("source", _("Choose the source."))
        return data


class IndicatorForm(PortalFormMixin, forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=300, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2, required=False)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2, required=False)
    actual = forms.DecimalField(label=_("Actual"), max_digits=14, decimal_places=2, required=False)

    def clean(self):
        data = super().clean()
        if data.get("name", "").strip() and data.get("target") is None:
            self.add_error("target", _("Set the target."))
        return data


class RiskForm(PortalFormMixin, forms.Form):
    description = forms.CharField(label=_("Risk"), max_length=500, required=False)
    level = forms.ChoiceField(label=_("Level"), choices=Risk.Level.choices, initial=Risk.Level.MEDIUM)
    mitigation = forms.CharField(label=_("What is done about it"), max_length=500, required=False)


FundingFormSet = forms.formset_factory(FundingForm, extra=2, max_num=10)
IndicatorFormSet = forms.formset_factory(IndicatorForm, extra=2, max_num=30)
RiskFormSet = forms.formset_factory(RiskForm, extra=2, max_num=30)
# Which field makes a row filled, for each part of the plan.
FILLED_BY = {"funding": "planned", "indicators": "name", "risks": "description"}


def filled_rows(formset, part: str) -> list[dict]:
    """The formset's filled rows as the rows' fields (`part`: "funding", "indicators", "risks")."""
    key = FILLED_BY[part]
    rows = []
    for row in formset.cleaned_data:
        value = row.get(key) if row else None
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        fields = {name: value for name, value in row.items() if value not in (None, "")}
        if part == "funding":
            fields.setdefault("spent", 0)
        rows.append(fields)
    return rows


class ActivityForm(PortalFormMixin, forms.Form):
    title = forms.CharField(label=_("Activity"), max_length=500)
    unit = NameChoiceField(label=_("Subdivision"), queryset=None, empty_label="—")
    executor = PersonChoiceField(label=_("Executor in the subdivision"), queryset=None, required=False, empty_label="—")
    due_on = forms.DateField(label=_("Term"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = assignable_units()
        self.fields["executor"].queryset = assignee_accounts()


class ReportForm(PortalFormMixin, forms.Form):
    period_start = forms.DateField(label=_("From"), widget=DATE)
    period_end = forms.DateField(label=_("To"), widget=DATE)
    document = forms.ModelChoiceField(label=_("Document"), queryset=None, empty_label="—", widget=WrittenSelect)
    final = forms.BooleanField(label=_("Final report"), required=False)

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents


def project_move_forms(user) -> dict:
    return {"submit": partial(MaterialDocumentForm, documents=department_documents(user)), "reject": WithdrawForm}


class ResultForm(PortalFormMixin, forms.Form):
    result = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))


ACTIVITY_FORMS = {"assign": AssignForm, "done": ResultForm, "return": TermForm}


class ProposalAskForm(ConsultForm):
    topic = forms.CharField(label=_("Topic"), max_length=300)
    field_order = ["topic", "units", "due_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_on"].label = _("Term for the proposals")


class ProposalTextForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Proposal"), widget=forms.Textarea(attrs={"rows": 6}))


PROPOSAL_FORMS = {"propose": ProposalTextForm, "decline": WithdrawForm}


class ProjectFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Title or goals"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Project.Status.choices], required=False)
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=None, required=False, empty_label="—", widget=WrittenSelect
    )
    late = forms.BooleanField(label=_("With late activities"), required=False)

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners

    def filters(self) -> ProjectFilter:
        if not self.is_valid():
            return ProjectFilter()
        return ProjectFilter(**{name: value for name, value in self.cleaned_data.items() if value})


class ActivityFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Activity"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Activity.Status.choices], required=False)
    unit = NameChoiceField(label=_("Subdivision"), queryset=None, required=False, empty_label="—")
    late = forms.BooleanField(label=_("Overdue"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = assignable_units()

    def filters(self) -> ActivityFilter:
        if not self.is_valid():
            return ActivityFilter()
        return ActivityFilter(**{name: value for name, value in self.cleaned_data.items() if value})
