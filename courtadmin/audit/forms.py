from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin

from .models import ReadEvent
from .selectors import SECURITY_ACTION_PREFIXES

_KIND_LABELS = {
    "auth.": _("Sign-in and sign-out"),
    "second_factor.": _("Second factor"),
    "session.": _("Sessions"),
    "password.": _("Passwords"),
    "access.": _("Denied access"),
}


class SecurityEventFilterForm(PortalFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All")), *((prefix, _KIND_LABELS[prefix]) for prefix in SECURITY_ACTION_PREFIXES)],
    )
    user = forms.CharField(label=_("User name"), required=False, max_length=150)
    address = forms.GenericIPAddressField(label=_("Address"), required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The end of the period is before its start."))
        return cleaned

    def filter(self, events):
        """The events matching the valid criteria; an invalid criterion filters nothing."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("kind"):
            events = events.filter(action__startswith=data["kind"])
        if data.get("user"):
            events = events.filter(Q(actor_name__iexact=data["user"]) | Q(object_repr__iexact=data["user"]))
        if data.get("address"):
            events = events.filter(ip_address=data["address"])
        if data.get("date_from"):
            events = events.filter(at__date__gte=data["date_from"])
        if data.get("date_to"):
            events = events.filter(at__date__lte=data["date_to"])
        return events


class ReadEventFilterForm(PortalFormMixin, forms.Form):
    """The read log's filters (issue 7.2); the cleaned names are `selectors.read_events`' criteria."""

    user_filter = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=150,
        help_text=_("User name, or part of the name."),
    )
    action = forms.ChoiceField(label=_("Action"), required=False, choices=[("", _("All")), *ReadEvent.Action.choices])
    record_text = forms.CharField(label=_("Record"), required=False, max_length=100, help_text=_("Number or name."))
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The end of the period is before its start."))
        return cleaned

    def criteria(self) -> dict:
        """The valid criteria, for `read_events(...)`: an invalid one narrows nothing (its error
        is shown beside it), the others still apply."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return dict(self.cleaned_data)  # a field with an error is not in cleaned_data
