from django import template
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from ..charts import trend_svg

register = template.Library()


@register.simple_tag
def trend_chart(trend, panel_code: str, index: int):
    """The trend as an inline SVG drawing (its text escaped by the template that draws it)."""
    return mark_safe(trend_svg(trend, f"chart-{slugify(panel_code)}-{index}"))  # noqa: S308 - rendered by an autoescaping template
