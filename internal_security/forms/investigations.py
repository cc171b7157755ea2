"""Forms of official investigations (ISD 6.21, 6.22, 5.2, 5.3, 5.9) and of their list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import CorruptionSignal, InvestigatedPerson, Investigation, JudgeInterview
from .cases import NumbersField
from .complaints import DATE


class InvestigationForm(PortalFormMixin, forms.ModelForm):
    person_name = forms.CharField(label=_("Person under investigation"))
    person_role = forms.ChoiceField(label=_("Who he is"), choices=InvestigatedPerson.Role.choices)
    person_position = forms.CharField(label=_("Position and court"))

    class Meta:
        model = Investigation
        fields = [
            "basis",
            "instructed_by",
            "instruction_number",
            "instruction_date",
            "region",
            "subject",
            "plan",
            "due_on",
            "conviction_case",
        ]
        widgets = {
            "instruction_date": DATE,
            "due_on": DATE,
            "plan": forms.Textarea(attrs={"rows": 3}),
            # ISD 6.22: the case comes from the convicted case's page, never from a list of all.
            "conviction_case": forms.HiddenInput,
        }

    def __init__(self, *args, instructing, convictions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instructed_by"].queryset = instructing
        self.fields["conviction_case"].queryset = convictions

    def persons(self) -> list:
        return [
            InvestigatedPerson(
                name=self.cleaned_data["person_name"],
                role=self.cleaned_data["person_role"],
                position=self.cleaned_data["person_position"],
            )
        ]


class ExplanationForm(PortalFormMixin, forms.Form):
    prefix = "explanation"  # beside the personal-file request on the investigation's page
    person = forms.CharField(label=_("Who explains"))
    summoned_on = forms.DateField(label=_("Summoned on"), widget=DATE)
    given_on = forms.DateField(label=_("Explanation given on"), widget=DATE)
    file = forms.FileField(label=_("File"))


class InterviewForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = JudgeInterview
        fields = ["judge", "permission", "consent_on", "held_on", "record"]
        widgets = {"consent_on": DATE, "held_on": DATE, "record": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["permission"].required = False  # the service says why, beside the field


class FileRequestForm(PortalFormMixin, forms.Form):
    prefix = "file_request"  # beside the explanation on the investigation's page
    person = forms.CharField(label=_("Whose personal file"))
    reason = forms.CharField(label=_("Why it is needed"))


class FileGrantForm(PortalFormMixin, forms.Form):
    valid_until = forms.DateField(label=_("Permission valid until"), widget=DATE)

    def __init__(self, *args, file_request, **kwargs):
        # One form for each request awaiting permission on the investigation's page.
        super().__init__(*args, prefix=f"grant-{file_request.pk}", **kwargs)


class ConcludeForm(PortalFormMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *Investigation.Outcome.choices])


class InvestigationFilterForm(PortalFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Investigation.Status.choices], required=False)
    basis = forms.ChoiceField(label=_("Basis"), choices=[("", "—"), *Investigation.Basis.choices], required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *Investigation.Outcome.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    opened_from = forms.DateField(label=_("Instructed from"), required=False, widget=DATE)
    opened_to = forms.DateField(label=_("Instructed to"), required=False, widget=DATE)
    concluded_from = forms.DateField(label=_("Concluded from"), required=False, widget=DATE)
    concluded_to = forms.DateField(label=_("Concluded to"), required=False, widget=DATE)


class PersonForm(PortalFormMixin, forms.ModelForm):
    prefix = "person"

    class Meta:
        model = InvestigatedPerson
        fields = ["name", "role", "position"]


class LinkForm(PortalFormMixin, forms.Form):
    prefix = "link"
    complaint_numbers = NumbersField(
        label=_("Complaints"), required=False, help_text=_("Registration numbers, separated by commas.")
    )
    signals = forms.ModelMultipleChoiceField(
        label=_("Information on corruption about its persons"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, offered=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signals"].queryset = CorruptionSignal.objects.filter(pk__in=[signal.pk for signal in offered])
        self.offered = offered


class MaterialForm(PortalFormMixin, forms.Form):
    prefix = "material"
    description = forms.CharField(label=_("What it is"), max_length=300)
    file = forms.FileField(label=_("File"))
