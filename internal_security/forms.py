from django import forms
from django.utils.translation import gettext_lazy as _

from courtadmin.core.forms import PortalFormMixin


class AttachmentForm(PortalFormMixin, forms.Form):
    file = forms.FileField(label=_("File"))
