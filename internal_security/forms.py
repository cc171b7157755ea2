from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from .models import Complaint, CorruptionSignal, CriminalCase, InvestigatedPerson, Investigation, JudgeInterview

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AttachmentForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("File"))


class ComplaintForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Complaint
        fields = [
            "received_at",
            "channel",
            "external_number",
            "language",
            "applicant_kind",
            "applicant_name",
            "applicant_identifier",
            "applicant_address",
            "applicant_contacts",
            "person_concerned",
            "person_role",
            "region",
            "court",
            "summary",
            "substance",
            "crime_reported",
        ]
        widgets = {
            "received_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "substance": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_at"].required = True
        self.fields["substance"].required = False  # the model's rule says it, beside the field


class MoveForm(PortalFormMixin, forms.Form):
    """The fields a complaint's move may need; on its page one form a move, each under the
    move's name as its prefix (`MoveForm(prefix=move)`), so that no two fields share an id."""

    reason = forms.CharField(label=_("Ground"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    forwarded_to = forms.CharField(label=_("Body it goes to"), required=False)
    decision = forms.ChoiceField(label=_("Decision"), choices=[("", "—"), *Complaint.Decision.choices], required=False)


class AssignForm(PortalFormMixin, forms.Form):
    officers = forms.ModelMultipleChoiceField(label=_("Officers"), queryset=None, widget=forms.CheckboxSelectMultiple)
    valid_until = forms.DateTimeField(
        label=_("Access until (optional)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officers"].queryset = officers


class ConflictForm(PortalFormMixin, forms.Form):
    prefix = "conflict"  # beside the moves' forms on the complaint's page
    reason = forms.CharField(label=_("What the conflict is"), widget=forms.Textarea(attrs={"rows": 2}))


class ExtendForm(PortalFormMixin, forms.Form):
    prefix = "extend"  # beside the moves' forms on the complaint's page
    to = forms.DateField(label=_("New due date"), widget=DATE)
    decision = forms.CharField(label=_("Reasoned decision"), widget=forms.Textarea(attrs={"rows": 2}))


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
        ]
        widgets = {"instruction_date": DATE, "due_on": DATE, "plan": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, instructing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instructed_by"].queryset = instructing

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


def _numbers(raw: str) -> list[str]:
    return [number.strip() for number in raw.split(",") if number.strip()]


class CriminalCaseForm(PortalFormMixin, forms.ModelForm):
    complaint_numbers = forms.CharField(
        label=_("Complaints"), required=False, help_text=_("Registration numbers, separated by commas.")
    )
    investigation_numbers = forms.CharField(
        label=_("Official investigations"), required=False, help_text=_("Numbers, separated by commas.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["complaint_numbers"] = ", ".join(c.number for c in self.instance.complaints.all())
            self.initial["investigation_numbers"] = ", ".join(i.number for i in self.instance.investigations.all())

    def clean_complaint_numbers(self):
        return _numbers(self.cleaned_data["complaint_numbers"])

    def clean_investigation_numbers(self):
        return _numbers(self.cleaned_data["investigation_numbers"])

    class Meta:
        model = CriminalCase
        fields = [
            "person",
            "person_role",
            "position",
            "court",
            "article",
            "corruption",
            "investigating_body",
            "opened_on",
            "sent_to_court_on",
            "verdict_on",
            "stage",
            "outcome",
        ]
        widgets = {"opened_on": DATE, "sent_to_court_on": DATE, "verdict_on": DATE}


class ComplaintFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Number, court, person or summary"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *Complaint.Status.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    person_role = forms.ChoiceField(
        label=_("Concerning"), choices=[("", "—"), *Complaint.PersonRole.choices], required=False
    )
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=None, required=False, empty_label="—")
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    open_only = forms.BooleanField(label=_("Open only"), required=False)
    received_from = forms.DateField(label=_("Registered from"), required=False, widget=DATE)
    received_to = forms.DateField(label=_("Registered to"), required=False, widget=DATE)
    closed_from = forms.DateField(label=_("Closed from"), required=False, widget=DATE)
    closed_to = forms.DateField(label=_("Closed to"), required=False, widget=DATE)
    term = forms.ChoiceField(
        label=_("Term"),
        choices=[("", "—"), ("met", _("answered on time")), ("missed", _("answered late"))],
        required=False,
    )

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers

    def filters(self):
        from .selectors import ComplaintFilter

        if not self.is_valid():
            return ComplaintFilter()
        return ComplaintFilter(**{name: value for name, value in self.cleaned_data.items() if value})


class SignalForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = CorruptionSignal
        fields = ["source", "source_detail", "received_on", "person", "court", "region", "substance"]
        widgets = {"received_on": DATE, "substance": forms.Textarea(attrs={"rows": 3})}


class CaseFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Person, court or article"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), choices=[("", "—"), *CriminalCase.Stage.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    corruption = forms.BooleanField(label=_("Corruption offences only"), required=False)
    opened_from = forms.DateField(label=_("Opened from"), required=False, widget=DATE)
    opened_to = forms.DateField(label=_("Opened to"), required=False, widget=DATE)


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
