"""The registration form of an application about legal assistance (IR 7.25, АППК art. 63)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin

from ..models import Application
from ..selectors.requests import ir_staff_accounts, requests_visible_to


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class ApplicationForm(PortalFormMixin, forms.ModelForm):
    """What the applicant wrote and who answers it. The service checks the rules (the
    receipt time, the number's uniqueness) so that they hold for every caller."""

    request = forms.ModelChoiceField(
        label=_("Request concerned"),
        queryset=None,
        to_field_name="registration_number",
        required=False,
        widget=forms.TextInput,
        help_text=_("The registration number of the legal-assistance request, if the application is about one."),
        error_messages={"invalid_choice": _("No request is registered under this number.")},
    )

    class Meta:
        model = Application
        fields = [
            "number",
            "external_number",
            "received_at",
            "applicant_kind",
            "applicant_name",
            "applicant_identifier",
            "applicant_address",
            "language",
            "substance",
            "request",
            "officer",
        ]
        widgets = {
            "received_at": DateTimeInput(),
            "substance": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "received_at": _(
                "Received after working hours or on a day off, the term counts from the next working day."
            ),
            "external_number": _("The number given by the system «Электронные обращения», if any."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["request"].queryset = requests_visible_to(user)
        self.fields["officer"].queryset = ir_staff_accounts()
        if not self.is_bound:
            self.initial.setdefault("officer", user.pk)
            self.initial.setdefault("received_at", timezone.localtime().replace(second=0, microsecond=0))

    def validate_unique(self):
        """The service checks the number under its transaction, with its own message."""
