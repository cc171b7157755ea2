"""The select lists of the portal's forms are written in Python (QuickSelect) for speed: they
must be the same HTML as Django's own Select, every value and label escaped."""

import pytest
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from courtadmin.core.forms import QuickSelect

CHOICES = [
    ("", "—"),
    ("a&b", 'A <b> & "c"'),
    ("x", "Икс"),
    ("Group <&>", [("g1", "G1"), ("x", "again")]),
    ("html", format_html("<i>{}</i>", "already HTML")),  # kept as it is, as format_html keeps it
    (7, gettext_lazy("Country")),
]


def same(html: str) -> str:
    return "".join(html.split())


@pytest.mark.parametrize("value", ["x", "", "a&b", None, "g1", "missing", 7, "7"])
def test_it_writes_what_djangos_select_writes(value):
    attrs = {"class": "form-select", "id": "id_s", "required": True}
    django_html = forms.Select(attrs=attrs, choices=CHOICES).render("s", value)
    assert same(QuickSelect(attrs=attrs, choices=CHOICES).render("s", value)) == same(django_html)


def test_labels_and_values_are_escaped():
    html = QuickSelect(choices=CHOICES).render("s", "a&b")
    assert '<option value="a&amp;b" selected>A &lt;b&gt; &amp; &quot;c&quot;</option>' in html
    assert "<b>" not in html


def test_the_portal_forms_use_it_for_single_choices(people):
    from international.forms.requests import RegistryFilterForm

    form = RegistryFilterForm()
    assert type(form.fields["country"].widget) is QuickSelect
    assert 'value="' in str(form["country"]) and form.fields["country"].widget.choices


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_a_name_choice_reads_the_name_as_the_model_does_fallbacks_included(db, language):
    from django.utils import translation

    from courtadmin.core.forms import NameChoiceField
    from international.models import Country

    untranslated = Country.objects.create(code="XQ", name_kk="", name_ru="Икс-ел", name_en="")
    field = NameChoiceField(queryset=Country.objects.all(), empty_label="—")
    with translation.override(language):
        labels = dict(field.choices)
        expected = {country.pk: str(country) for country in Country.objects.all()}
    assert labels.pop("") == "—"
    assert labels == expected
    assert labels[untranslated.pk] == "Икс-ел"  # kk falls back to ru, en to ru
    assert field.clean(str(untranslated.pk)) == untranslated
