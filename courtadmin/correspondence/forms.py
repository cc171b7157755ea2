"""Forms of incoming correspondence: registration, files, the filters of the journal and one
form per move (each under its move's name as its prefix, so that no two fields of the
letter's page share an id)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.channels import Channel
from courtadmin.core.forms import FIRST_YEAR, LAST_YEAR, PortalFormMixin, WrittenSelect
from courtadmin.documents.kinds import kinds_of
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import documents_visible_to
from courtadmin.org import departments

from .models import IncomingLetter
from .selectors import LetterFilter, OutgoingFilter, executor_candidates, outgoing_kinds, translator_candidates
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
            "text",
            "marking",
        ]
        widgets = {"received_on": DATE, "sender_date": DATE, "text": forms.Textarea(attrs={"rows": 4})}

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

        def label(user) -> str:
            """Someone of another subdivision, office or court is named with his unit."""
            unit = user.person.position.unit
            return user.person.full_name if unit.department == letter.department else f"{user.person} — {unit}"

        for name in ("executors", "lead"):
            self.fields[name].queryset = candidates
            self.fields[name].label_from_instance = label

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

        if letter.answer_id and not self.is_bound:
            self.initial.setdefault("answer", letter.answer_id)  # the answer started from the letter's page

    def inputs(self) -> dict:
        return {"report": self.cleaned_data["report"], "answer": self.cleaned_data["answer"]}


class ReturnForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is still to be done"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def inputs(self) -> dict:
        return {"reason": self.cleaned_data["reason"]}


class ConfirmForm(PortalFormMixin, forms.Form):
    """A move with nothing to fill in: taking off control, resuming the term."""

    def inputs(self) -> dict:
        return {}


class ExtendForm(PortalFormMixin, forms.Form):
    to = forms.DateField(label=_("New due date"), required=False, widget=DATE)
    decision = forms.CharField(label=_("Reasoned decision"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def inputs(self) -> dict:
        return {"to": self.cleaned_data["to"], "decision": self.cleaned_data["decision"]}


class SuspendForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why the term stands still"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def inputs(self) -> dict:
        return {"reason": self.cleaned_data["reason"]}


MOVE_FORMS = {
    "resolve": ResolveForm,
    "report": ReportForm,
    "return": ReturnForm,
    "close": ConfirmForm,
    "extend": ExtendForm,
    "suspend": SuspendForm,
    "resume": ConfirmForm,
}


def move_form(move: str, *, letter, user, data=None):
    """The form of one move's panel on the letter's page, prefixed by the move's name."""
    form_class = MOVE_FORMS[move]
    kwargs = {"letter": letter} if form_class is ResolveForm else {}
    if form_class is ReportForm:
        kwargs = {"letter": letter, "user": user}
    return form_class(data, prefix=move, **kwargs)


# --- The outgoing journal (issue 20, item 7) ------------------------------------------------------


class OutgoingFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Number, addressee or subject"), required=False, max_length=100)
    department = forms.ChoiceField(label=_("Department"), required=False)
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", "—"), *Channel.choices], required=False)
    state = forms.ChoiceField(
        label=_("Dispatch"),
        choices=[("", "—"), ("sent", _("sent")), ("waiting", _("waiting to be sent"))],
        required=False,
    )
    registered_from = forms.DateField(label=_("Registered from"), required=False, widget=DATE)
    registered_to = forms.DateField(label=_("Registered to"), required=False, widget=DATE)

    def __init__(self, *args, reached: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        # Only the departments whose documents the reader reaches (ISD 7).
        self.fields["department"].choices = [("", "—"), *_department_choices(reached)]
        self.fields["kind"].choices = [("", "—"), *outgoing_kinds(reached)]

    def filters(self) -> OutgoingFilter:
        if not self.is_valid():
            return OutgoingFilter()
        return OutgoingFilter(**{name: value for name, value in self.cleaned_data.items() if value})


class AnswerStartForm(PortalFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of the answer"))

    def __init__(self, *args, letter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.code, kind.label) for kind in kinds_of(letter.department)]


# --- Translations (IR 7.12) -----------------------------------------------------------------------


class TranslationTaskForm(PortalFormMixin, forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the translation"), choices=[("", "—"), *IncomingLetter.Language.choices], required=False
    )
    translator = forms.ModelChoiceField(
        label=_("Translator of the portal"), queryset=None, required=False, empty_label="—"
    )
    translator_name = forms.CharField(label=_("or an outside translator"), required=False, max_length=300)
    working_days = forms.IntegerField(
        label=_("Term, working days"), required=False, min_value=1, max_value=MAX_WORKING_DAYS
    )

    def __init__(self, *args, letter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["translator"].queryset = translator_candidates(letter.department)

    def clean_language(self):
        language = self.cleaned_data["language"]
        if not language:
            raise forms.ValidationError(_("Choose the language."), code="required")
        return language

    def inputs(self) -> dict:
        data = self.cleaned_data
        return {
            "language": data["language"],
            "translator": data["translator"],
            "translator_name": data["translator_name"],
            "working_days": data["working_days"],
        }


class TranslationFileForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("File of the translation"))


class TranslationSubmitForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Text of the translation"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    certified = forms.BooleanField(label=_("Certified translation"), required=False)

    def __init__(self, *args, translation, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:  # what was written before a return stays to be corrected
            self.initial.update(text=translation.text, certified=translation.certified)

    def inputs(self) -> dict:
        return {"text": self.cleaned_data["text"], "certified": self.cleaned_data["certified"]}


class TranslationReturnForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is to be corrected"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, translation, **kwargs):
        super().__init__(*args, **kwargs)

    def inputs(self) -> dict:
        return {"reason": self.cleaned_data["reason"]}


class TranslationAcceptForm(PortalFormMixin, forms.Form):
    def __init__(self, *args, translation, **kwargs):
        super().__init__(*args, **kwargs)

    def inputs(self) -> dict:
        return {}


TRANSLATION_MOVE_FORMS = {
    "submit": TranslationSubmitForm,
    "accept": TranslationAcceptForm,
    "return": TranslationReturnForm,
}


def translation_move_form(move: str, *, translation, data=None):
    """The form of one move's panel on the translation's page, prefixed by the move's name."""
    return TRANSLATION_MOVE_FORMS[move](data, prefix=move, translation=translation)
