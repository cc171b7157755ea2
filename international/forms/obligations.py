"""Forms of the UN treaty bodies' recommendations (IR 7.5)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import NameChoiceField, PortalFormMixin, WrittenSelect
from courtadmin.instructions.forms import PersonChoiceField

from ..models import Recommendation, Review, TreatyBody
from ..selectors.obligations import RecommendationFilter, ReviewFilter
from ..selectors.requests import ir_staff_accounts
from ..workflow import assignable_units, assignee_accounts
from .requests import DATE


class ReviewForm(PortalFormMixin, forms.ModelForm):
    officer = PersonChoiceField(label=_("Responsible officer"), queryset=None, empty_label="—")

    class Meta:
        model = Review
        fields = ["body", "title", "symbol", "adopted_on", "next_report_due_on", "officer"]
        widgets = {"adopted_on": DATE, "next_report_due_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = ir_staff_accounts()


class RecommendationForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["theme", "original_language", "text_original", "text_kk", "text_ru"]


class ImportForm(PortalFormMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "Columns: paragraph, theme, text; optional: language, text_kk, text_ru, unit (the code of the "
            "subdivision that implements it)."
        ),
    )
    due_on = forms.DateField(label=_("Term for the rows that name a subdivision"), required=False, widget=DATE)


class AssignForm(PortalFormMixin, forms.Form):
    unit = NameChoiceField(label=_("Subdivision"), queryset=None, empty_label="—")
    executor = PersonChoiceField(label=_("Executor in the subdivision"), queryset=None, required=False, empty_label="—")
    due_on = forms.DateField(label=_("Term"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = assignable_units()
        self.fields["executor"].queryset = assignee_accounts()


class TermForm(PortalFormMixin, forms.Form):
    """Returned, or partly done: what is still to be done, by when."""

    reason = forms.CharField(label=_("What is still to be done"), widget=forms.Textarea(attrs={"rows": 3}))
    due_on = forms.DateField(label=_("New term"), widget=DATE)


class ReportForm(PortalFormMixin, forms.Form):
    report = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 4}))


class EvidenceForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("Document"))
    note = forms.CharField(label=_("What it shows"), max_length=500)


MOVE_FORMS = {"assign": AssignForm, "return": TermForm, "partly": TermForm, "report": ReportForm}

BODIES = [("", "—"), *TreatyBody.choices]


class ReviewFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Title or symbol"), required=False)
    body = forms.ChoiceField(label=_("UN body"), choices=BODIES, required=False)

    def filters(self) -> ReviewFilter:
        if not self.is_valid():
            return ReviewFilter()
        return ReviewFilter(**{name: value for name, value in self.cleaned_data.items() if value})


class RecommendationFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Paragraph, theme or text"), required=False)
    review = forms.ModelChoiceField(
        label=_("Review cycle"), queryset=None, required=False, empty_label="—", widget=WrittenSelect
    )
    body = forms.ChoiceField(label=_("UN body"), choices=BODIES, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Recommendation.Status.choices], required=False)
    unit = NameChoiceField(label=_("Subdivision"), queryset=None, required=False, empty_label="—")
    overdue = forms.BooleanField(label=_("Overdue"), required=False)

    def __init__(self, *args, reviews=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = reviews if reviews is not None else Review.objects.none()
        self.fields["unit"].queryset = assignable_units()

    def filters(self) -> RecommendationFilter:
        if not self.is_valid():
            return RecommendationFilter()
        return RecommendationFilter(**{name: value for name, value in self.cleaned_data.items() if value})
