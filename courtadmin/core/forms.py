from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class QuickSelect(forms.Select):
    """A select list written in Python instead of a template per option: the registers'
    filters list hundreds of options (249 countries), which Django's widget templates render
    at a third of a millisecond each. The same HTML, every value and label escaped."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen, has_selected = set(self.format_value(value)), False
        body = []
        for group, grouped in self.choices:
            rows = []
            for option_value, label in grouped if isinstance(grouped, (list, tuple)) else [(group, grouped)]:
                option_value = "" if option_value is None else str(option_value)
                selected = not has_selected and option_value in chosen  # one option selected, as Django's
                has_selected |= selected
                rows.append((option_value, " selected" if selected else "", label))
            options = format_html_join("", '<option value="{}"{}>{}</option>', rows)
            grouped_here = isinstance(grouped, (list, tuple))
            body.append(
                (format_html('<optgroup label="{}">{}</optgroup>', group, options) if grouped_here else options,)
            )
        attrs_html = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, attrs_html, format_html_join("", "{}", body))


class PortalFormMixin:
    """Bootstrap classes on every widget, and errors linked to their field for screen readers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
                if type(widget) is forms.Select:  # a single choice: written by QuickSelect
                    quick = QuickSelect(attrs=widget.attrs, choices=widget.choices)
                    quick.is_required, quick.is_localized = widget.is_required, widget.is_localized
                    field.widget = widget = quick
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self.auto_id % name}_error"


def service_result(form, call):
    """Call a service for a valid form: (True, what it returns). A ValidationError it raises
    goes beside the fields it names, what was typed stays, and (False, None) comes back."""
    if not form.is_valid():
        return False, None
    try:
        return True, call()
    except ValidationError as error:
        form.add_error(None, error)
        return False, None


def flash_errors(request, form) -> None:
    """The errors of a small form posted from another page, shown on top of the page it returns to."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def service_flash(request, form, call, success: str) -> bool:
    """A small form posted from a record's page: call the service, and say on top of the page
    it returns to that it was done, or why not."""
    done, _result = service_result(form, call)
    if done:
        messages.success(request, success)
    else:
        flash_errors(request, form)
    return done
