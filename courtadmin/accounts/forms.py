from django import forms
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin

_CODE_WIDGET = {"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}


class CodeForm(PortalFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("Six digits from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={**_CODE_WIDGET, "inputmode": "text"}),
    )


class EnrolmentForm(PortalFormMixin, forms.Form):
    current_code = forms.CharField(
        label=_("Code of your current factor"),
        max_length=32,
        help_text=_("To replace your authenticator, first prove you hold the current one (or a recovery code)."),
        widget=forms.TextInput(attrs=_CODE_WIDGET),
    )
    code = forms.CharField(
        label=_("Code from the new authenticator"),
        max_length=6,
        help_text=_("The six digits the app shows after you scan the QR code."),
        widget=forms.TextInput(attrs={**_CODE_WIDGET, "inputmode": "numeric"}),
    )

    def __init__(self, *args, replacing: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not replacing:
            del self.fields["current_code"]


class PasswordChangeForm(PortalFormMixin, DjangoPasswordChangeForm):
    pass
