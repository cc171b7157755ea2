from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import NameChoiceField, PortalFormMixin

from ..models import LANGUAGES, Country, KazakhCourt, LegalAssistanceRequest, RequestFile, RequestParty, TreatyBasis
from ..selectors.requests import RegistryFilter, ir_staff_accounts, treaty_suggested

R = LegalAssistanceRequest
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RequestForm(PortalFormMixin, forms.ModelForm):
    related_numbers = forms.CharField(
        label=_("Related requests"),
        required=False,
        help_text=_("Registration numbers, separated by commas."),
    )
    confirm_treaty = forms.BooleanField(
        label=_("I confirm this treaty basis although the catalog does not show it binding the two states"),
        required=False,
    )

    class Meta:
        model = R
        fields = [
            "registration_number",
            "received_on",
            "direction",
            "subject",
            "category",
            "country",
            "foreign_authority",
            "court",
            "case_name",
            "case_number",
            "asked",
            "confidential",
            "treaty",
            "original_language",
            "act_effective_on",
            "officer",
        ]
        widgets = {
            "received_on": DATE,
            "act_effective_on": DATE,
            "asked": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.exclude(code="KZ")
        self.fields["court"].queryset = KazakhCourt.objects.select_related("region")
        self.fields["foreign_authority"].queryset = self.fields["foreign_authority"].queryset.select_related("country")
        self.fields["treaty"].queryset = TreatyBasis.objects.filter(is_active=True)
        self.fields["treaty"].required = False
        self.fields["treaty"].help_text = _("Left empty, the basis binding the two states is suggested.")
        self.fields["officer"].queryset = ir_staff_accounts()
        if self.instance.pk:
            self.initial["related_numbers"] = ", ".join(
                self.instance.related.values_list("registration_number", flat=True)
            )

    def validate_unique(self):
        """The service checks the number, with the date of the request that holds it."""

    def clean_related_numbers(self) -> list[str]:
        raw = self.cleaned_data.get("related_numbers", "")
        return [number.strip() for number in raw.split(",") if number.strip()]

    def clean(self):
        cleaned = super().clean()
        country, subject = cleaned.get("country"), cleaned.get("subject")
        if not cleaned.get("treaty") and country and subject:
            suggested = treaty_suggested(country, subject)
            if suggested is None:
                self.add_error("treaty", _("No basis in the catalog covers this: choose one."))
            else:
                cleaned["treaty"] = self.instance.treaty = suggested
        return cleaned


class PartyForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = RequestParty
        fields = [
            "role",
            "kind",
            "name",
            "birth_date",
            "birth_place",
            "citizenship",
            "occupation",
            "address",
            "region",
            "identifier",
            "bank_details",
            "representative",
        ]
        widgets = {"birth_date": DATE}


PartyFormSet = inlineformset_factory(R, RequestParty, form=PartyForm, extra=2, can_delete=True)


def parties_of(formset) -> list[RequestParty]:
    """The persons as the formset leaves them (unsaved), the deleted ones left out."""
    return [
        form.instance
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("name")
    ]


class RegistryFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Case number, person or authority"), required=False)
    direction = forms.ChoiceField(label=_("Direction"), choices=[("", "—"), *R.Direction.choices], required=False)
    subject = forms.ChoiceField(
        label=_("What is asked"), choices=[("", "—"), *R._meta.get_field("subject").choices], required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *R.Status.choices], required=False)
    country = NameChoiceField(
        label=_("Country"), queryset=Country.objects.exclude(code="KZ"), required=False, empty_label="—"
    )
    treaty = NameChoiceField(
        label=_("Treaty basis"), queryset=TreatyBasis.objects.all(), required=False, empty_label="—"
    )
    court = NameChoiceField(label=_("Court"), queryset=KazakhCourt.objects.all(), required=False, empty_label="—")
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=None, required=False, empty_label="—")
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    received_from = forms.DateField(label=_("Received from"), required=False, widget=DATE)
    received_to = forms.DateField(label=_("Received to"), required=False, widget=DATE)
    executed_from = forms.DateField(label=_("Executed from"), required=False, widget=DATE)
    executed_to = forms.DateField(label=_("Executed to"), required=False, widget=DATE)
    in_progress = forms.BooleanField(label=_("In progress only"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = ir_staff_accounts()

    def filters(self) -> RegistryFilter:
        if not self.is_valid():
            return RegistryFilter()
        return RegistryFilter(**{name: value for name, value in self.cleaned_data.items() if value})


class MoveForm(PortalFormMixin, forms.Form):
    """The fields a request's move may need; on its page one form a move, each under the
    move's name as its prefix (`MoveForm(prefix=move)`), so that no two fields share an id."""

    on = forms.DateField(label=_("Date"), required=False, widget=DATE)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CheckForm(PortalFormMixin, forms.Form):
    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(item.code, item.label) for item in items if item.needs_confirmation]
        self.fields["confirmed"] = forms.MultipleChoiceField(
            label=_("I have checked"), choices=choices, required=False, widget=forms.CheckboxSelectMultiple
        )


class CourtLetterForm(PortalFormMixin, forms.Form):
    court = forms.ModelChoiceField(label=_("Court"), queryset=KazakhCourt.objects.select_related("region"))


class RequestFileForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("File"))
    kind = forms.ChoiceField(label=_("Kind"), choices=RequestFile.Kind.choices)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    certified = forms.BooleanField(label=_("Certified"), required=False)
