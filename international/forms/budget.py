"""Forms of the budget programmes and the souvenirs' stock (IR 7.21)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin, WrittenSelect

from ..models import BudgetLine, Souvenir, SouvenirMovement, Spending
from ..selectors.budget import spending_purposes
from .requests import DATE

OVER_PLAN = _("Post it over the plan")


class BudgetLineForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["year", "programme", "item", "planned"]


class Purposes:
    """The trip, visit or event a sum, a souvenir or a gift serves (of `year`, if given)."""

    def set_purposes(self, year: int | None, names=("trip", "delegation", "event")):
        purposes = spending_purposes(year)
        for name in names:
            field = self.fields[name]
            field.widget = WrittenSelect(attrs=field.widget.attrs)  # named as people wrote them
            field.queryset, field.required = purposes[f"{name}s"], False


class SpendingForm(Purposes, PortalFormMixin, forms.ModelForm):
    over_plan = forms.BooleanField(label=OVER_PLAN, required=False)

    class Meta:
        model = Spending
        fields = ["stage", "amount", "on", "description", "trip", "delegation", "event"]
        widgets = {"on": DATE}

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_purposes(year)

    def clean(self):
        data = super().clean()
        if len([name for name in ("trip", "delegation", "event") if data.get(name)]) > 1:
            raise forms.ValidationError(_("Choose one trip, visit or event."), code="many_purposes")
        return data


class PaidForm(PortalFormMixin, forms.Form):
    amount = forms.DecimalField(label=_("Amount paid, tenge"), max_digits=14, decimal_places=2, min_value=0)
    over_plan = forms.BooleanField(label=OVER_PLAN, required=False)


class SouvenirForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Souvenir
        fields = ["name", "unit_price"]


class MovementForm(Purposes, PortalFormMixin, forms.ModelForm):
    RECEIVED, ISSUED = "received", "issued"
    direction = forms.ChoiceField(
        label=_("Movement"),
        choices=[(RECEIVED, _("received into the stock")), (ISSUED, _("issued to an event or a visit"))],
    )
    count = forms.IntegerField(label=_("How many"), min_value=1)

    class Meta:
        model = SouvenirMovement
        fields = ["on", "event", "delegation", "note"]
        widgets = {"on": DATE}

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_purposes(year, names=("event", "delegation"))

    def movement(self) -> SouvenirMovement:
        movement = self.instance
        count = self.cleaned_data["count"]
        movement.quantity = count if self.cleaned_data["direction"] == self.RECEIVED else -count
        return movement
