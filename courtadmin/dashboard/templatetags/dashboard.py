from django import template
from django.utils.text import slugify

from ..charts import region_map_svg, trend_svg

register = template.Library()


@register.simple_tag
def trend_chart(trend, panel_code: str, index: int):
    """The trend as an inline SVG drawing: rendered by an autoescaping template, whose output
    Django already marks as safe, so every text in it has been escaped once."""
    return trend_svg(trend, f"chart-{slugify(panel_code)}-{index}")


@register.simple_tag
def region_map(region_map, panel_code: str, index: int):
    """The counts per region as an inline SVG tile map, escaped as `trend_chart` is."""
    return region_map_svg(region_map, f"map-{slugify(panel_code)}-{index}")
