"""Forms of requests: the draft, the filters of the register and the inbox, and one form per
move (each under its move's name as its prefix, so that no two fields of a page share an id)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin, WrittenSelect
from courtadmin.deadlines.kinds import KINDS
from courtadmin.org import departments
from courtadmin.org.models import Unit

from .models import DataRequest
from .selectors import (
    RequestFilter,
    addressable_units,
    bindable_records,
    get_bindable_record,
    recipient_candidates,
    record_key,
    term_kind,
)
from .workflow import MAX_WORKING_DAYS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TERM_CHOICES = [
    ("", "—"),
    ("running", _("running")),
    ("overdue", _("overdue")),
    ("awaiting", _("answered, awaiting acceptance")),
    ("on_time", _("answered on time")),
    ("late", _("answered late")),
]


def _department_choices(codes) -> list[tuple[str, str]]:
    return [(code, departments.department(code).name) for code in codes]


class RequestForm(PortalFormMixin, forms.ModelForm):
    """IR 5.1, ISD 5.6: what is asked, of which unit (and of whom in it), on what basis, by when,
    for which case."""

    record = forms.ChoiceField(label=_("Case it serves"), required=False, widget=WrittenSelect)

    class Meta:
        model = DataRequest
        fields = ["department", "unit", "recipient", "subject", "text", "legal_basis", "working_days"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, drafting: list[str], user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        department = drafting[0]
        self.fields["department"].choices = _department_choices(drafting)
        self.fields["unit"].queryset = addressable_units(department)
        self.fields["recipient"].queryset = recipient_candidates()
        self.fields["recipient"].label_from_instance = lambda user: f"{user.person} ({user.person.position.unit})"
        self.fields["working_days"] = forms.IntegerField(
            label=self.fields["working_days"].label, min_value=1, max_value=MAX_WORKING_DAYS
        )
        # The cases grouped by their kind, each named as people wrote it (in its own language).
        groups: dict[str, list] = {}
        for record in bindable_records(user, department):
            groups.setdefault(record._meta.verbose_name.capitalize(), []).append((record_key(record), str(record)))
        self.fields["record"].choices = [("", "—"), *groups.items()]
        if not self.is_bound:
            kind = KINDS.get(term_kind(department))
            self.initial["department"] = self.initial.get("department") or department
            if kind is not None:  # the department's clause and term, as it registered them
                self.initial["legal_basis"] = self.initial.get("legal_basis") or str(kind.legal_basis)
                self.initial["working_days"] = self.initial.get("working_days") or kind.working_days
        if len(self.fields["record"].choices) == 1:
            del self.fields["record"]  # the department has no case a request may serve

    def clean_record(self):
        key = self.cleaned_data.get("record")
        if not key:
            return None
        department = self.cleaned_data.get("department") or self.initial.get("department")
        record = get_bindable_record(self.user, department, key)
        if record is None:
            raise forms.ValidationError(_("Choose a case of the department that you reach."), code="record")
        return record


class RequestFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Number or subject"), required=False)
    department = forms.ChoiceField(label=_("Department"), required=False)
    unit = forms.ModelChoiceField(label=_("Addressed unit"), queryset=None, required=False, empty_label="—")
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *DataRequest.Status.choices], required=False)
    term = forms.ChoiceField(label=_("Term"), choices=TERM_CHOICES, required=False)
    sent_from = forms.DateField(label=_("Sent from"), required=False, widget=DATE)
    sent_to = forms.DateField(label=_("Sent to"), required=False, widget=DATE)

    def __init__(self, *args, reached: list[str], units=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the departments whose requests the reader reaches (ISD 7).
        self.fields["department"].choices = [("", "—"), *_department_choices(reached)]
        self.fields["unit"].queryset = units if units is not None else Unit.objects.order_by("kind", "name")

    def filters(self) -> RequestFilter:
        if not self.is_valid():
            return RequestFilter()
        return RequestFilter(**{name: value for name, value in self.cleaned_data.items() if value})


class SendForm(PortalFormMixin, forms.Form):
    sent_on = forms.DateField(
        label=_("Sent on paper on"),
        required=False,
        widget=DATE,
        help_text=_("Only for a request that left on paper before: the term counts from that day."),
    )

    def inputs(self) -> dict:
        return {"sent_on": self.cleaned_data["sent_on"]}


class AnswerForm(PortalFormMixin, forms.Form):
    """ISD 12: the unit's answer, with the documents asked for."""

    answer = forms.CharField(label=_("Answer"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    files = forms.FileField(label=_("File of the answer"), required=False)

    def inputs(self) -> dict:
        uploads = self.files.getlist(self.add_prefix("files")) if self.files else []
        return {"answer": self.cleaned_data["answer"], "files": uploads}


class AcceptForm(PortalFormMixin, forms.Form):
    def inputs(self) -> dict:
        return {}


class ReturnForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is missing from the answer"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def inputs(self) -> dict:
        return {"reason": self.cleaned_data["reason"]}


MOVE_FORMS = {"send": SendForm, "answer": AnswerForm, "accept": AcceptForm, "return": ReturnForm}


def move_form(move: str, *, data=None, files=None):
    """The form of one move's panel on the request's page, prefixed by the move's name."""
    return MOVE_FORMS[move](data, files, prefix=move)
