"""Forms of instructions: giving one (of one's own, or split from another), the control
list's filters, the interim report and one form per move (each under its move's name as its
prefix, so that no two fields of the instruction's page share an id)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org import departments
from courtadmin.org.models import Unit

from .models import Instruction
from .permissions import Giving, executor_candidates
from .selectors import DUE_SOON, InstructionFilter
from .services import MAX_WORKING_DAYS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _department_choices(codes) -> list[tuple[str, str]]:
    return [(code, departments.department(code).name) for code in codes]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files in one field; each is checked by the service (core.uploads)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(FilesField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(getattr(obj, "person", None) or obj.get_username())


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(getattr(obj, "person", None) or obj.get_username())


class GiveForm(PortalFormMixin, forms.Form):
    """IR 11, ISD 5.12, ISD 9: the instruction names the executors, the lead among them and
    the term, a due date or working days from today."""

    department = forms.ChoiceField(label=_("Department"), required=False)
    text = forms.CharField(label=_("Instruction"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    # ISD 14: where the department's regulation lists its functions, the one it serves.
    function = forms.ChoiceField(label=_("Function it serves"), required=False)
    executors = PeopleChoiceField(
        label=_("Executors"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    lead = PersonChoiceField(label=_("Lead executor"), queryset=None, required=False, empty_label="—")
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DATE)
    working_days = forms.IntegerField(
        label=_("or term, working days"), required=False, min_value=1, max_value=MAX_WORKING_DAYS
    )

    def __init__(self, *args, givings: dict, parent=None, **kwargs):
        """`givings`: the departments he may give to, each with its Giving (permissions)."""
        super().__init__(*args, **kwargs)
        self.parent = parent
        codes = [parent.department] if parent is not None else list(givings)
        functions = [choice for code in codes for choice in departments.department(code).functions]
        if functions:
            self.fields["function"].choices = [("", "—"), *functions]
            if parent is not None:
                self.initial.setdefault("function", parent.function)
        else:
            del self.fields["function"]
        if parent is not None:
            del self.fields["department"]
        else:
            self.fields["department"].choices = _department_choices(givings)
            if len(givings) == 1 and not self.is_bound:
                self.initial.setdefault("department", next(iter(givings)))
        allowed = Q(pk__in=[])
        for giving in givings.values():
            allowed |= giving.executors
        candidates = executor_candidates(Giving(True, "", executors=allowed))
        self.fields["executors"].queryset = candidates
        self.fields["lead"].queryset = candidates

    def inputs(self) -> dict:
        data = self.cleaned_data
        inputs = {
            "text": data["text"],
            "executors": list(data["executors"] or ()),
            "lead": data["lead"],
            "due_on": data["due_on"],
            "working_days": data["working_days"],
            "function": data.get("function", ""),
        }
        if self.parent is None:
            inputs["department"] = data["department"]
        else:
            inputs["parent"] = self.parent
        return inputs


TERM_CHOICES = [("", "—"), *Instruction.Term.choices, (DUE_SOON, _("due within N days"))]


class InstructionFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Number or text"), required=False)
    department = forms.ChoiceField(label=_("Department"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Instruction.Status.choices], required=False)
    giver = PersonChoiceField(label=_("Given by"), queryset=None, required=False, empty_label="—")
    executor = PersonChoiceField(label=_("Executor"), queryset=None, required=False, empty_label="—")
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, required=False, empty_label="—")
    term = forms.ChoiceField(label=_("Term"), choices=TERM_CHOICES, required=False)
    within_days = forms.IntegerField(label=_("N days"), required=False, min_value=0, max_value=365)
    given_from = forms.DateField(label=_("Given from"), required=False, widget=DATE)
    given_to = forms.DateField(label=_("Given to"), required=False, widget=DATE)
    due_from = forms.DateField(label=_("Due from"), required=False, widget=DATE)
    due_to = forms.DateField(label=_("Due to"), required=False, widget=DATE)

    def __init__(self, *args, reached: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        # Only the departments whose instructions the reader reaches (ISD 7); people and units
        # of those departments, and the leadership, who give instructions.
        self.fields["department"].choices = [("", "—"), *_department_choices(reached)]
        people = (
            get_user_model()
            .objects.filter(
                Q(person__position__unit__department__in=reached)
                | Q(person__position__kind__in=["chairman", "ca_head", "ca_deputy"])
            )
            .select_related("person")
            .order_by("person__full_name", "pk")
        )
        self.fields["giver"].queryset = people
        self.fields["executor"].queryset = people.filter(person__position__unit__department__in=reached)
        self.fields["unit"].queryset = Unit.objects.filter(department__in=reached).order_by("kind", "name")

    def filters(self) -> InstructionFilter:
        if not self.is_valid():
            return InstructionFilter()
        values = {}
        for name, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            values[name] = value.pk if hasattr(value, "pk") else value
        return InstructionFilter(**values)


class InterimReportForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Interim report"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    files = FilesField(label=_("Files"), required=False)

    def inputs(self) -> dict:
        return {"text": self.cleaned_data["text"], "files": self.cleaned_data["files"]}


class ReportForm(InterimReportForm):
    text = forms.CharField(label=_("Final report"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReturnForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is still to be done"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def inputs(self) -> dict:
        return {"reason": self.cleaned_data["reason"]}


class AcceptForm(PortalFormMixin, forms.Form):
    def inputs(self) -> dict:
        return {}


MOVE_FORMS = {"report": ReportForm, "accept": AcceptForm, "return": ReturnForm}


def move_form(move: str, *, data=None, files=None):
    """The form of one move's panel on the instruction's page, prefixed by the move's name."""
    return MOVE_FORMS[move](data, files, prefix=move)
