"""Forms of the court buildings (ISD 6.7, 6.8): a building, a survey or inspection, a measure,
a passport, equipment and its state, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import (
    BuildingInspection,
    BuildingMeasure,
    CourtBuilding,
    RegimeRules,
    SecurityContract,
    SecurityEquipment,
    TerrorPassport,
)
from .complaints import DATE


class BuildingForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = CourtBuilding
        fields = [
            "court",
            "region",
            "address",
            "floors",
            "entrances",
            "regime_premises",
            "vulnerable",
            "category",
            "bailiff_headcount",
            "bailiff_posts",
        ]
        widgets = {
            "regime_premises": forms.Textarea(attrs={"rows": 2}),
            "bailiff_posts": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, unit_region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_region is not None:  # a territorial unit records its own region's buildings
            del self.fields["region"]


class InspectionForm(PortalFormMixin, forms.ModelForm):
    prefix = "inspection"

    class Meta:
        model = BuildingInspection
        fields = ["kind", "held_on", "held_by", "state", "findings"]
        widgets = {"held_on": DATE, "findings": forms.Textarea(attrs={"rows": 3})}


class BuildingMeasureForm(PortalFormMixin, forms.ModelForm):
    prefix = "measure"

    class Meta:
        model = BuildingMeasure
        fields = ["inspection", "text", "owner", "due_on"]
        labels = {"inspection": _("Called for by")}
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_on": DATE}

    def __init__(self, *args, inspections=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inspection"].queryset = (
            inspections if inspections is not None else BuildingInspection.objects.none()
        )


class PassportForm(PortalFormMixin, forms.ModelForm):
    prefix = "passport"
    file = forms.FileField(label=_("The passport (PDF or scan)"))

    class Meta:
        model = TerrorPassport
        fields = ["number", "approved_on", "valid_until"]
        widgets = {"approved_on": DATE, "valid_until": DATE}


class RegimeRulesForm(PortalFormMixin, forms.ModelForm):
    prefix = "rules"
    file = forms.FileField(label=_("The rules (PDF or scan)"))

    class Meta:
        model = RegimeRules
        fields = ["number", "approved_on"]
        widgets = {"approved_on": DATE}


class EquipmentForm(PortalFormMixin, forms.ModelForm):
    prefix = "equipment"

    class Meta:
        model = SecurityEquipment
        fields = ["kind", "description", "installed_on", "contract", "state"]
        widgets = {"installed_on": DATE}

    def __init__(self, *args, contracts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracts if contracts is not None else SecurityContract.objects.none()


class EquipmentStateForm(PortalFormMixin, forms.Form):
    state = forms.ChoiceField(label=pgettext_lazy("equipment", "State"), choices=SecurityEquipment.State.choices)


class BuildingFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Court or address"), required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    vulnerable = forms.BooleanField(label=_("Vulnerable to terrorism"), required=False)
    passport = forms.ChoiceField(
        label=_("Anti-terrorist passport"),
        choices=[
            ("", "—"),
            ("lapsing", _("lapsing within a month or lapsed")),
            ("missing", _("none for a vulnerable building")),
        ],
        required=False,
    )
    overdue = forms.BooleanField(label=_("With overdue measures"), required=False)
