from django import template
from django.utils.text import slugify

from ..charts import trend_svg

register = template.Library()


@register.simple_tag
def trend_chart(trend, panel_code: str, index: int):
    """The trend as an inline SVG drawing: rendered by an autoescaping template, whose output
    Django already marks as safe, so every text in it has been escaped once."""
    return trend_svg(trend, f"chart-{slugify(panel_code)}-{index}")
