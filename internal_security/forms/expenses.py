"""Forms of the security spending proposals (ISD 6.8): one drafted, its decline, the list's
filters."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import CourtBuilding, SpendingProposal


class ExpenseForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = SpendingProposal
        fields = ["year", "building", "item", "description", "amount"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, buildings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["building"].queryset = buildings if buildings is not None else CourtBuilding.objects.none()
        self.initial.setdefault("year", timezone.localdate().year + 1)


class DeclineForm(PortalFormMixin, forms.Form):
    decision = forms.CharField(label=_("Why it is declined"), widget=forms.Textarea(attrs={"rows": 2}))


EXPENSE_FORMS = {"decline": DeclineForm}


class ExpenseFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Court or what it buys"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    item = forms.ChoiceField(label=_("Item"), choices=[("", "—"), *SpendingProposal.Item.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *SpendingProposal.Status.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
