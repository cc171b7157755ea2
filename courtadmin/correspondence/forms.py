"""Forms of incoming correspondence: registration, files, the filters of the journal and one
form per move (each under its move's name as its prefix, so that no two fields of the
letter's page share an id)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin, WrittenSelect
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import documents_visible_to
from courtadmin.org import departments

from .models import IncomingLetter
from .selectors import LetterFilter, executor_candidates
from .workflow import MAX_WORKING_DAYS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _department_choices(codes) -> list[tuple[str, str]]:
    return [(code, departments.department(code).name) for code in codes]


class LetterForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = IncomingLetter
        fields = [
            "department",
            "received_on",
            "channel",
            "sender_kind",
            "sender_name",
            "sender_number",
            "sender_date",
            "language",
            "subject",
            "marking",
        ]
        widgets = {"received_on": DATE, "sender_date": DATE}

    def __init__(self, *args, registering: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        # A department's staff register in their own department's journal only.
        self.fields["department"].choices = _department_choices(registering)
        if len(registering) == 1 and not self.is_bound:
            self.initial.setdefault("department", registering[0])


class LetterFileForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("Scan of the letter or an enclosure"))


class LetterFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Number, sender or subject"), required=False)
    department = forms.ChoiceField(label=_("Department"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *IncomingLetter.Status.choices], required=False)
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[("", "—"), *IncomingLetter.Channel.choices], required=False
    )
    sender_kind = forms.ChoiceField(
        label=_("Sender"), choices=[("", "—"), *IncomingLetter.SenderKind.choices], required=False
    )
    received_from = forms.DateField(label=_("Received from"), required=False, widget=DATE)
    received_to = forms.DateField(label=_("Received to"), required=False, widget=DATE)
    overdue = forms.BooleanField(label=_("Overdue"), required=False)

    def __init__(self, *args, reached: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        # Only the departments whose letters the reader reaches (ISD 7).
        self.fields["department"].choices = [("", "—"), *_department_choices(reached)]

    def filters(self) -> LetterFilter:
        if not self.is_valid():
            return LetterFilter()
        return LetterFilter(**{name: value for name, value in self.cleaned_data.items() if value})


class ResolveForm(PortalFormMixin, forms.Form):
    """IR 11, ISD 9: the resolution names the executors, the lead among them, the term and the instruction."""

    text = forms.CharField(label=_("Instruction"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    executors = forms.ModelMultipleChoiceField(
        label=_("Executors"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    lead = forms.ModelChoiceField(label=_("Lead executor"), queryset=None, required=False, empty_label="—")
    working_days = forms.IntegerField(
        label=_("Term, working days"), required=False, min_value=1, max_value=MAX_WORKING_DAYS
    )

    def __init__(self, *args, letter, **kwargs):
        super().__init__(*args, **kwargs)
        candidates = executor_candidates(letter.department)
        self.fields["executors"].queryset = candidates
        self.fields["lead"].queryset = candidates

    def inputs(self) -> dict:
        data = self.cleaned_data
        return {
            "text": data["text"],
            "executors": list(data["executors"] or ()),
            "lead": data["lead"],
            "working_days": data["working_days"],
        }


class ReportForm(PortalFormMixin, forms.Form):
    report = forms.CharField(label=_("Report on execution"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.ModelChoiceField(
        label=_("Answer document"), queryset=None, required=False, empty_label="—", widget=WrittenSelect
    )

    def __init__(self, *args, letter, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The reporter's own documents of the letter's department, the newest first.
        self.fields["answer"].queryset = (
            documents_visible_to(user)
            .filter(department=letter.department, author_id=user.pk)
            .exclude(status=Document.Status.CANCELLED)
            .order_by("-created_at", "-pk")
        )

    def inputs(self) -> dict:
        return {"report": self.cleaned_data["report"], "answer": self.cleaned_data["answer"]}


class ReturnForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is still to be done"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def inputs(self) -> dict:
        return {"reason": self.cleaned_data["reason"]}


class CloseForm(PortalFormMixin, forms.Form):
    def inputs(self) -> dict:
        return {}


MOVE_FORMS = {"resolve": ResolveForm, "report": ReportForm, "return": ReturnForm, "close": CloseForm}


def move_form(move: str, *, letter, user, data=None):
    """The form of one move's panel on the letter's page, prefixed by the move's name."""
    form_class = MOVE_FORMS[move]
    kwargs = {"letter": letter} if form_class is ResolveForm else {}
    if form_class is ReportForm:
        kwargs = {"letter": letter, "user": user}
    return form_class(data, prefix=move, **kwargs)
