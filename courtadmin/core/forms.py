import html

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.shortcuts import redirect
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order

from .collation import collation_key
from .text_language import written_in
from .workflow import state_field


def _escaped(value) -> str:
    """What format_html does to each argument: kept if it is already HTML, else escaped."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


class QuickSelect(forms.Select):
    """A select list written in Python instead of a template per option: the registers'
    filters list hundreds of options (249 countries), which Django's widget templates render
    at a third of a millisecond each, and format_html at a hundredth. The same HTML as
    Django's Select (tests/core/test_quick_select.py), every value, label and attribute
    escaped as format_html escapes them."""

    def option_attrs(self, label) -> str:
        """Attributes of an option besides its value and selection, escaped."""
        return ""

    def render(self, name, value, attrs=None, renderer=None):
        chosen, has_selected = set(self.format_value(value)), False

        def option(option_value, label) -> str:
            nonlocal has_selected
            option_value = "" if option_value is None else str(option_value)
            # One option selected, as Django's, unless the list takes several.
            selected = option_value in chosen and (self.allow_multiple_selected or not has_selected)
            has_selected |= selected
            extra = self.option_attrs(label)
            return (
                f'<option value="{_escaped(option_value)}"{extra}{" selected" if selected else ""}>'
                f"{_escaped(label)}</option>"
            )

        parts = []
        for group, grouped in self.choices:
            if isinstance(grouped, (list, tuple)):
                options = "".join(option(*choice) for choice in grouped)
                parts.append(f'<optgroup label="{_escaped(group)}">{options}</optgroup>')
            else:
                parts.append(option(group, grouped))
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        attrs_html = flatatt(attrs)  # escaped by flatatt
        html_text = f'<select name="{_escaped(name)}"{attrs_html}>{"".join(parts)}</select>'
        # Every piece above is escaped.
        return mark_safe(html_text)  # noqa: S308  # nosec B308 B703


class WrittenSelect(QuickSelect):
    """A choice of records named by what people wrote (a document by its subject): each option
    marked with the language it is written in (text_language), written as QuickSelect writes
    its options: the lists hold hundreds."""

    def option_attrs(self, label) -> str:
        return f' lang="{_escaped(written_in(str(label)))}"'


class WrittenSelectMultiple(WrittenSelect):
    """WrittenSelect for a choice of several (an event's partners)."""

    allow_multiple_selected = True
    value_from_datadict = forms.SelectMultiple.value_from_datadict
    value_omitted_from_data = forms.SelectMultiple.value_omitted_from_data


class ListedChoiceIterator(forms.models.ModelChoiceIterator):
    """A model choice field's options read as one plain query. Django's own reads them through
    `iterator()`, which on PostgreSQL opens a server-side cursor: DECLARE, FETCH and CLOSE,
    three round trips for a list of twenty courts."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class NameChoiceIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        # The name in the reader's language, else in the next of its fallbacks, as the model's
        # translated `name` reads it, but straight from the columns.
        columns = [build_localized_fieldname("name", language) for language in resolution_order(get_language())]
        rows = [
            (pk, next((name for name in names if name), "")) for pk, *names in self.queryset.values_list("pk", *columns)
        ]
        # In the reader's alphabet, as the database's collation of his language sorts them.
        yield from sorted(rows, key=lambda row: collation_key(row[1]))


class NameChoiceField(forms.ModelChoiceField):
    """A reference record chosen by its name (a country, a court, a treaty): the options are
    read as (pk, name) rows in the reader's language, with no model instance each; as
    instances, the registry filter's 249 countries took 7 ms on every list page."""

    iterator = NameChoiceIterator


class PortalFormMixin:
    """Bootstrap classes on every widget, and errors linked to their field for screen readers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.iterator is forms.models.ModelChoiceIterator:
                field.iterator = ListedChoiceIterator
                field.widget.choices = field.choices
            widget = field.widget
            if isinstance(widget, (forms.CheckboxInput, forms.RadioSelect)):  # a box, or a choice of boxes
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
                attrs["aria-describedby"] = f"{self[name].auto_id}_error"  # the form's prefix in it


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


def posted_on_page(request, record, form, call, success: str, page):
    """A form posted from a record's page (one of its action panels): done, a message and back
    to the page; refused, the page again (`page(form)`) with the form as it was typed and the
    reasons beside its fields, nothing lost."""
    done, _result = service_result(form, call)
    if not done:
        return page(form)
    messages.success(request, success)
    return redirect(record)


def move_prefix(move: str, prefixed: bool | str) -> str | None:
    """The prefix of a move's form fields: none, the move's name (`prefixed` True: two moves
    of a page take the same inputs), or a sub-record's key and the move's name (`prefixed` a
    string: the same move offered for each of a page's rows)."""
    if not prefixed:
        return None
    return f"{prefixed}-{move}" if isinstance(prefixed, str) else move


def moves_with_forms(moves, move_forms: dict, bound: dict, *, prefixed: bool | str = False) -> list:
    """(move, its form or None) for a record's page: the form posted and refused (`bound`), or
    a new one, its fields named as `move_prefix` says (ids unique on the page)."""
    return [
        (
            move,
            bound.get(move.name)
            or (move_forms[move.name](prefix=move_prefix(move.name, prefixed)) if move.name in move_forms else None),
        )
        for move in moves
    ]


def rows_with_moves(workflow, records, user, move_forms: dict, *, prefix: str, bound=None, bound_row=None) -> list:
    """(record, its moves with their forms) for each of `records` shown as rows of a page (a
    plan's items, an inspection's recommendations): each row's forms named after `prefix` and
    the record's pk, the form posted and refused (`bound`) in the row it came from alone."""
    return [
        (
            record,
            moves_with_forms(
                workflow.moves_open_to(record, user),
                move_forms,
                (bound or {}) if record.pk == bound_row else {},
                prefixed=f"{prefix}{record.pk}",
            ),
        )
        for record in records
    ]


def posted_move(request, record, *, move: str, move_forms: dict, perform, page, prefixed: bool | str = False):
    """A move of a record's workflow posted from its page: the move's form of inputs, if it
    has one (`move_forms`; its fields named after the move if `prefixed`), checked, then
    `perform(**inputs)`. Refused, the page again (`page({move: form})`) with what was typed and
    the reason in the form, or, for a move with no inputs, the reason on top; done, a message
    with the record's new status."""
    form_class = move_forms.get(move)
    form = None
    if form_class is not None:
        form = form_class(request.POST, request.FILES, prefix=move_prefix(move, prefixed))
    if form is not None and not form.is_valid():
        return page({move: form})
    try:
        perform(**(form.cleaned_data if form is not None else {}))
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect(record)
        form.add_error(None, error)
        return page({move: form})
    record.refresh_from_db()
    status = getattr(record, f"get_{state_field(record)}_display")()
    messages.success(request, _("Done: %(status)s.") % {"status": status})
    return redirect(record)


# The years the portal's figures speak of: from Kazakhstan's first courts of its own to as far
# as any plan reaches; a year outside them is said beside the field, never a 500.
FIRST_YEAR, LAST_YEAR = 1992, 2199


class YearForm(PortalFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False)

    def year_or(self, default: int) -> int:
        """The year asked for, or `default` when none was or it cannot be taken."""
        if self.is_valid() and self.cleaned_data["year"] is not None:
            return self.cleaned_data["year"]
        return default
