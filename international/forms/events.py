"""Forms of international events (IR 5.3, 7.6, 7.14, 7.15, 7.18, 7.23)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import NameChoiceField, PortalFormMixin, WrittenSelect, WrittenSelectMultiple
from courtadmin.instructions.forms import PeopleChoiceField, PersonChoiceField

from ..models import LANGUAGES, Event
from ..selectors.events import EventFilter, department_documents, portal_people
from ..selectors.requests import ir_staff_accounts
from .requests import DATE
from .trips import FOREIGN_COUNTRIES

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class EventForm(PortalFormMixin, forms.ModelForm):
    participants = PeopleChoiceField(
        label=_("Participants of the Supreme Court and the Court Administration"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"), choices=LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Event
        fields = [
            "kind",
            "title",
            "starts_on",
            "ends_on",
            "start_time",
            "country",
            "place",
            "organiser",
            "partners",
            "foreign_participants",
            "programme",
            "talking_points",
            "languages",
            "interpreters",
            "plan_year",
            "officer",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "start_time": TIME,
            "foreign_participants": forms.Textarea(attrs={"rows": 3}),
            "programme": forms.Textarea(attrs={"rows": 4}),
            "talking_points": WrittenSelect,
            "partners": WrittenSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = FOREIGN_COUNTRIES
        self.fields["officer"].queryset = ir_staff_accounts()
        self.fields["participants"].queryset = portal_people()
        self.fields["talking_points"].queryset = department_documents(user)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["participants"] = list(self.instance.participants.values_list("pk", flat=True))
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("officer", user.pk)


class HoldForm(PortalFormMixin, forms.Form):
    outcomes = forms.CharField(label=_("Outcomes"), widget=forms.Textarea(attrs={"rows": 4}))


class CancelForm(PortalFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason for the cancellation"), widget=forms.Textarea(attrs={"rows": 3}))


class MaterialForm(PortalFormMixin, forms.Form):
    title = forms.CharField(label=_("Material"), max_length=500)
    executor = PersonChoiceField(label=_("Prepared by"), queryset=None, empty_label="—")
    due_on = forms.DateField(label=_("Due date"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["executor"].queryset = ir_staff_accounts()


class MaterialDocumentForm(PortalFormMixin, forms.Form):
    document = forms.ModelChoiceField(label=_("Document"), queryset=None, empty_label="—", widget=WrittenSelect)

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents


class EventFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Title, place or organiser"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *Event.Kind.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Event.Status.choices], required=False)
    country = NameChoiceField(label=_("Country"), queryset=FOREIGN_COUNTRIES, required=False, empty_label="—")
    plan_year = forms.IntegerField(label=_("In the plan of the year"), required=False, min_value=2000, max_value=2100)
    starts_from = forms.DateField(label=_("Starts from"), required=False, widget=DATE)
    starts_to = forms.DateField(label=_("Starts to"), required=False, widget=DATE)
    mine = forms.BooleanField(label=_("Only mine"), required=False)
    ahead = forms.BooleanField(label=_("Only those ahead"), required=False)

    def filters(self) -> EventFilter:
        if not self.is_valid():
            return EventFilter()
        return EventFilter(**{name: value for name, value in self.cleaned_data.items() if value})
