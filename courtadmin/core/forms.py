from django import forms


class PortalFormMixin:
    """Bootstrap classes and accessible error links on every widget of a portal form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            css = "form-select" if isinstance(widget, forms.Select) else "form-check-input" if isinstance(
                widget, forms.CheckboxInput
            ) else "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            if self.is_bound and name in self.errors:
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"{self.auto_id % name}_error"
