"""Template filters for what people wrote (courtadmin/core/text_language.py):

<td lang="{{ trip.purpose|written_in }}">{{ trip.purpose }}</td>
<a href="...">{{ item.text|quoting:item.quote }}</a>   (the record's words inside a sentence)
"""

from django import template
from django.utils.html import conditional_escape, format_html

from courtadmin.core.text_language import written_in

register = template.Library()
register.filter("written_in", written_in)


@register.filter(needs_autoescape=True)
def quoting(text, quote, autoescape=True):
    """The portal's sentence with the words people wrote in it (a record's subject it names)
    marked with their own language: "Исходящее письмо: <span lang="kk">Хаттың жобасы</span>"."""
    before, found, after = str(text).partition(str(quote or "")) if quote else (str(text), "", "")
    if not found:
        return conditional_escape(text) if autoescape else text
    return format_html('{}<span lang="{}">{}</span>{}', before, written_in(found), found, after)


@register.filter
def text_in(record, language):
    """A record's text in the reader's language where it has been translated, its original
    otherwise (a record with `text_in(language)`: a UN recommendation)."""
    return record.text_in(language)
