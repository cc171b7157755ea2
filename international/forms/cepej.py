"""Forms of the CEPEJ questionnaires (IR 7.28)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import NameChoiceField, PortalFormMixin, WrittenSelect
from courtadmin.instructions.forms import PersonChoiceField

from ..models import Question, Questionnaire
from ..selectors.cepej import QuestionFilter
from ..selectors.requests import ir_staff_accounts
from ..workflow import assignable_units
from .obligations import AssignForm, ImportForm, TermForm
from .requests import DATE


class QuestionnaireForm(PortalFormMixin, forms.ModelForm):
    officer = PersonChoiceField(label=_("Responsible officer"), queryset=None, empty_label="—")

    class Meta:
        model = Questionnaire
        fields = ["title", "data_year", "due_on", "threshold", "officer"]
        widgets = {"due_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = ir_staff_accounts()


class QuestionsImportForm(ImportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Columns: code, question; optional: type (number or text), unit (the code of the subdivision "
            "that holds the data). The rows keep the questionnaire's order."
        )


class AnswerForm(PortalFormMixin, forms.Form):
    value = forms.DecimalField(label=_("Figure"), max_digits=18, decimal_places=2, required=False)
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Explain a figure that changed much against the previous cycle."),
    )


MOVE_FORMS = {"assign": AssignForm, "answer": AnswerForm, "return": TermForm}


class QuestionFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Code or question"), required=False)
    questionnaire = forms.ModelChoiceField(
        label=_("Questionnaire"), queryset=None, required=False, empty_label="—", widget=WrittenSelect
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Question.Status.choices], required=False)
    unit = NameChoiceField(label=_("Subdivision"), queryset=None, required=False, empty_label="—")
    flagged = forms.BooleanField(label=_("Flagged by the quality check"), required=False)
    overdue = forms.BooleanField(label=_("Overdue"), required=False)

    def __init__(self, *args, questionnaires=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questionnaire"].queryset = (
            questionnaires if questionnaires is not None else Questionnaire.objects.none()
        )
        self.fields["unit"].queryset = assignable_units()

    def filters(self) -> QuestionFilter:
        if not self.is_valid():
            return QuestionFilter()
        return QuestionFilter(**{name: value for name, value in self.cleaned_data.items() if value})
