"""Forms of the catalogs of international legal assistance (IR 7.22)."""

import re

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin

from ..models import LANGUAGES, Country, ForeignAuthority, KazakhCourt, Subject, TreatyBasis
from ..services.catalogs import IMPORT_MAX_BYTES, IMPORT_MAX_ROWS

COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
NAME_FIELDS = ["name_kk", "name_ru", "name_en"]
CLAUSE_FIELDS = ["contents_clause_kk", "contents_clause_ru", "contents_clause_en"]
NAME_LABELS = {
    "name_kk": _("Name in Kazakh"),
    "name_ru": _("Name in Russian"),
    "name_en": _("Name in English"),
}


class CatalogFormMixin(PortalFormMixin):
    """Checkboxes of a multiple choice look like checkboxes, not text inputs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["class"] = "form-check-input"

    def relations(self) -> dict:
        """The many-to-many values the service sets after saving the entry."""
        return {}


class CountryForm(CatalogFormMixin, forms.ModelForm):
    class Meta:
        model = Country
        fields = ["code", *NAME_FIELDS]
        labels = NAME_LABELS
        help_texts = {"code": _("Two Latin capital letters, e.g. KZ.")}

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if not COUNTRY_CODE.match(code):
            raise forms.ValidationError(_("Two Latin letters, e.g. KZ."), code="country_code")
        return code


class TreatyBasisForm(CatalogFormMixin, forms.ModelForm):
    subjects = forms.MultipleChoiceField(
        label=_("What it covers"), choices=Subject.choices, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages accepted"), choices=LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    parties = forms.ModelMultipleChoiceField(
        label=_("Other parties"),
        queryset=Country.objects.order_by("code"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("The states that the treaty binds with Kazakhstan. Reciprocity needs none."),
    )

    class Meta:
        model = TreatyBasis
        fields = [
            "code",
            *NAME_FIELDS,
            "kind",
            "reference",
            "parties",
            "subjects",
            "channel",
            "languages",
            "translation_required",
            "legalisation",
            "execution_months",
            "letter_language",
            *CLAUSE_FIELDS,
            "precedence",
            "is_active",
        ]
        labels = {
            **NAME_LABELS,
            "contents_clause_kk": _("Article on a request's contents, in Kazakh"),
            "contents_clause_ru": _("Article on a request's contents, in Russian"),
            "contents_clause_en": _("Article on a request's contents, in English"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The country's code first: 249 names are easier to find by it.
        self.fields["parties"].label_from_instance = lambda country: f"{country.code} — {country.name}"

    def relations(self) -> dict:
        return {"parties": self.cleaned_data["parties"]}


class ForeignAuthorityForm(CatalogFormMixin, forms.ModelForm):
    class Meta:
        model = ForeignAuthority
        fields = [*NAME_FIELDS, "country", "kind", "address"]
        labels = NAME_LABELS


class KazakhCourtForm(CatalogFormMixin, forms.ModelForm):
    class Meta:
        model = KazakhCourt
        fields = ["code", *NAME_FIELDS, "level", "region", "parent"]
        labels = NAME_LABELS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = KazakhCourt.objects.order_by("region__code", "level", "code")
        if self.instance.pk is not None:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents


CATALOG_FORMS = {
    "countries": CountryForm,
    "treaties": TreatyBasisForm,
    "authorities": ForeignAuthorityForm,
    "courts": KazakhCourtForm,
}


class CourtImportForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("File of courts"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted here, not at import time, so that it is in the language of the request.
        self.fields["file"].help_text = gettext(
            "CSV (UTF-8, comma or semicolon separated) or XLSX, at most %(size)s and %(rows)s rows. The first "
            "row names the columns: code, name_kk, name_ru, name_en (optional), level, region, parent (optional)."
        ) % {"size": filesizeformat(IMPORT_MAX_BYTES), "rows": IMPORT_MAX_ROWS}
