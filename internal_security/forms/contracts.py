"""Forms of the suppliers' contracts (ISD 6.9): a supplier, a contract, a check with the defect
it found, the moves of a contract and of a defect, the lists' filters."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin
from courtadmin.org.models import Region

from ..models import ContractCheck, SecurityContract, Supplier
from .complaints import DATE


class SupplierForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = Supplier
        fields = ["name", "bin", "contact"]


class ContractForm(PortalFormMixin, forms.ModelForm):
    class Meta:
        model = SecurityContract
        fields = ["number", "signed_on", "supplier", "subject", "region", "courts", "amount", "obligations", "ends_on"]
        widgets = {"signed_on": DATE, "ends_on": DATE, "obligations": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, unit_region=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_region is not None:  # a territorial unit records its own region's contracts
            del self.fields["region"]


class CheckForm(PortalFormMixin, forms.ModelForm):
    """A check of performance; the defect it found, if any, with the term given to remedy it."""

    prefix = "check"
    defect = forms.CharField(label=_("Defect found"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    remedy_by = forms.DateField(label=_("To be remedied by"), widget=DATE, required=False)

    class Meta:
        model = ContractCheck
        fields = ["checked_on", "checked_by", "findings"]
        widgets = {"checked_on": DATE, "findings": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("defect") or "").strip() and not cleaned.get("remedy_by"):
            self.add_error("remedy_by", ValidationError(_("Give the term to remedy the defect."), code="required"))
        return cleaned


class NoteForm(PortalFormMixin, forms.Form):
    note = forms.CharField(label=_("How it ended"), widget=forms.Textarea(attrs={"rows": 2}))


CONTRACT_FORMS = {"fulfil": NoteForm, "terminate": NoteForm}


class RemedyForm(PortalFormMixin, forms.Form):
    on = forms.DateField(label=_("Remedied on"), widget=DATE)


class ClaimForm(PortalFormMixin, forms.Form):
    claim_number = forms.CharField(label=_("Claim number"), max_length=64)
    claim_text = forms.CharField(label=_("What is claimed"), widget=forms.Textarea(attrs={"rows": 2}))
    penalty = forms.DecimalField(
        label=_("Penalty claimed, tenge"), min_value=0, max_digits=14, decimal_places=2, required=False
    )


class SettleForm(PortalFormMixin, forms.Form):
    outcome = forms.CharField(label=_("Outcome of the claim"), widget=forms.Textarea(attrs={"rows": 2}))


DEFECT_FORMS = {"remedy": RemedyForm, "claim": ClaimForm, "settle": SettleForm}


class ContractFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Number, court or supplier"), required=False)
    subject = forms.ChoiceField(
        label=_("Subject"), choices=[("", "—"), *SecurityContract.Subject.choices], required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *SecurityContract.Status.choices], required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="—")
    supplier = forms.ModelChoiceField(
        label=_("Supplier"), queryset=Supplier.objects.all(), required=False, empty_label="—"
    )
    open_defects = forms.BooleanField(label=_("With defects still open"), required=False)


class SupplierFilterForm(PortalFormMixin, forms.Form):
    text = forms.CharField(label=_("Name or BIN"), required=False)
