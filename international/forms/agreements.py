"""Forms of the international documents (IR 7.2, 7.10)."""

from functools import partial

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin, WrittenSelect
from courtadmin.instructions.forms import PersonChoiceField

from ..models import Agreement, Partner
from ..selectors.agreements import AgreementFilter
from ..selectors.events import department_documents
from ..selectors.requests import ir_staff_accounts
from ..workflow import assignable_units
from .events import MaterialDocumentForm
from .requests import DATE


class AgreementForm(PortalFormMixin, forms.ModelForm):
    officer = PersonChoiceField(label=_("Responsible officer"), queryset=None, empty_label="—")

    class Meta:
        model = Agreement
        fields = ["kind", "title", "partner", "party", "officer"]
        widgets = {"partner": WrittenSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = ir_staff_accounts()


class VersionForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("Text"))
    note = forms.CharField(label=_("What changed"), max_length=500, required=False)


class ConsultForm(PortalFormMixin, forms.Form):
    units = forms.ModelMultipleChoiceField(label=_("Subdivisions"), queryset=None)
    due_on = forms.DateField(label=_("Term for the comments"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = assignable_units()


class SignForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("The signed text"))
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE)
    valid_until = forms.DateField(
        label=_("Valid until"), widget=DATE, required=False, help_text=_("Empty for a document without a term.")
    )


class ProlongForm(PortalFormMixin, forms.Form):
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE)
    reason = forms.CharField(label=_("The protocol that prolongs it"), max_length=500)


class EndForm(PortalFormMixin, forms.Form):
    on = forms.DateField(label=_("Ended on"), widget=DATE)
    reason = forms.CharField(label=_("Why it ended"), widget=forms.Textarea(attrs={"rows": 2}))


class WithdrawForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why it is withdrawn"), widget=forms.Textarea(attrs={"rows": 2}))


class CommentForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Comments"), widget=forms.Textarea(attrs={"rows": 4}))


def move_forms(user) -> dict:
    """The forms of the document's moves; the approval document is one of the reader's."""
    return {
        "consult": ConsultForm,
        "submit": partial(MaterialDocumentForm, documents=department_documents(user)),
        "sign": SignForm,
        "prolong": ProlongForm,
        "end": EndForm,
        "withdraw": WithdrawForm,
    }


COMMENT_FORMS = {"comment": CommentForm}


class AgreementFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Title"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *Agreement.Kind.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Agreement.Status.choices], required=False)
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=Partner.objects.all(), required=False, empty_label="—", widget=WrittenSelect
    )
    ending = forms.BooleanField(label=_("Ending within 90 days"), required=False)

    def filters(self) -> AgreementFilter:
        if not self.is_valid():
            return AgreementFilter()
        return AgreementFilter(**{name: value for name, value in self.cleaned_data.items() if value})
