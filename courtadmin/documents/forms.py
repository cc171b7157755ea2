from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courtadmin.core.channels import Channel
from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.authority import departments_visible_to
from courtadmin.org.models import Person

from .kinds import KINDS
from .models import Document

ROUTE_ROWS = 6


class DocumentForm(PortalFormMixin, forms.ModelForm):
    text_kk = forms.CharField(label=_("Text in Kazakh"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    text_ru = forms.CharField(label=_("Text in Russian"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    text_en = forms.CharField(
        label=_("Text in English (where the kind allows it)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )

    class Meta:
        model = Document
        fields = ["kind", "subject", "addressee", "marking"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        departments = departments_visible_to(user)
        self.fields["kind"] = forms.ChoiceField(
            label=_("Kind"),
            choices=[(kind.code, kind.label) for kind in KINDS.values() if kind.department in departments],
        )
        self.fields["kind"].widget.attrs["class"] = "form-select"
        if self.instance.language:  # written in the appeal's language alone
            for language in ("kk", "ru", "en"):
                if language != self.instance.language:
                    del self.fields[f"text_{language}"]
        if self.instance.pk:
            self.fields["kind"].disabled = True
            for version in self.instance.versions.all():
                self.initial[f"text_{version.language}"] = version.text

    def texts(self) -> dict[str, str]:
        return {
            language: self.cleaned_data.get(f"text_{language}", "")
            for language in ("kk", "ru", "en")
            if f"text_{language}" in self.fields
        }


class RouteForm(PortalFormMixin, forms.Form):
    """Up to six visas; a visa marked "together with the previous" joins its group."""

    def __init__(self, *args, people, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        for row in range(1, ROUTE_ROWS + 1):
            self.fields[f"approver_{row}"] = forms.ModelChoiceField(
                label=_("Visa %(row)d") % {"row": row}, queryset=people, required=False
            )
            if row > 1:
                self.fields[f"parallel_{row}"] = forms.BooleanField(
                    label=_("together with the previous"), required=False
                )
        previous = None
        for row, step in enumerate(steps, start=1):
            self.initial[f"approver_{row}"] = step.approver_id
            if row > 1:
                self.initial[f"parallel_{row}"] = step.position == previous
            previous = step.position

    def rows(self):
        for row in range(1, ROUTE_ROWS + 1):
            yield self[f"approver_{row}"], self[f"parallel_{row}"] if row > 1 else None

    def groups(self) -> list[list[Person]]:
        groups: list[list[Person]] = []
        for row in range(1, ROUTE_ROWS + 1):
            person = self.cleaned_data.get(f"approver_{row}")
            if person is None:
                continue
            if groups and self.cleaned_data.get(f"parallel_{row}"):
                groups[-1].append(person)
            else:
                groups.append([person])
        return groups


class CommentForm(PortalFormMixin, forms.Form):
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class SendForm(PortalFormMixin, forms.Form):
    sent_on = forms.DateField(label=_("Sent on"), widget=forms.DateInput(attrs={"type": "date"}))
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", "—"), *Channel.choices])
    sent_note = forms.CharField(label=_("How it was sent"), max_length=300, required=False)

    def clean_sent_on(self):
        sent_on = self.cleaned_data["sent_on"]
        if sent_on > timezone.localdate():
            raise forms.ValidationError(_("A document cannot be sent in the future."))
        return sent_on


class SignForm(PortalFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    code = forms.CharField(
        label=_("Code of your second factor"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class FileForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("File"))


class JournalFilterForm(PortalFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    text = forms.CharField(label=_("Search"), required=False, max_length=100)

    def __init__(self, *args, department, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All"))] + [
            (kind.code, kind.label) for kind in KINDS.values() if kind.department == department
        ]
        self.fields["kind"].widget.attrs["class"] = "form-select"
