"""Forms of complaints about corruption (ISD 6.23): registration, moves, assignment, the
term, files and the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import Complaint

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


class ComplaintCorrectionForm(ComplaintForm):
    """A registered complaint corrected (ISD 6.23): the fields its corrector may change, and why."""

    reason = forms.CharField(label=_("Reason for the correction"), max_length=500)

    def __init__(self, *args, corrected, **kwargs):
        super().__init__(*args, **kwargs)
        for name in [name for name in self.fields if name not in (*corrected, "reason")]:
            del self.fields[name]


class HandOverForm(PortalFormMixin, forms.Form):
    prefix = "hand_over"  # beside the moves' forms on the complaint's page
    officer = forms.ModelChoiceField(label=_("From the officer"), queryset=None)
    to = forms.ModelChoiceField(label=_("To the officer"), queryset=None)
    reason = forms.CharField(label=_("Why"), max_length=500)

    def __init__(self, *args, assigned, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = assigned
        self.fields["to"].queryset = officers


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
        from ..selectors.complaints import ComplaintFilter

        if not self.is_valid():
            return ComplaintFilter()
        return ComplaintFilter(**{name: value for name, value in self.cleaned_data.items() if value})
