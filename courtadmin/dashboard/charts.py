"""Charts drawn on the server as SVG: they print, need no JavaScript, and the same drawing goes
into the PDF. Each has a title and a description that say in words what it shows."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _

from .panels import Trend

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 30, 36  # margins for the axis, the legend and the months
GRID_LINES = 4


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int


def nice_ceiling(value: int) -> int:
    """The top of the scale: four grid steps of 1, 2 or 5 x 10^n that reach `value`."""
    needed = max(1, -(-value // GRID_LINES))
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= needed:
                return step * magnitude * GRID_LINES
        magnitude *= 10


def month_label(day) -> str:
    label = str(MONTHS_3[day.month]).capitalize()
    return f"{label} {day:%y}" if day.month == 1 else label


def trend_svg(trend: Trend, chart_id: str) -> str:
    """Bars of each month of `trend`, this year's beside the same month a year earlier."""
    top = nice_ceiling(max([*trend.values, *trend.previous, 0]))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / len(trend.months)
    bar_width = slot * 0.36

    def bar(index, value, offset):
        height = plot_height * value / top
        x = LEFT + index * slot + slot * 0.12 + offset
        return Bar(round(x, 1), round(TOP + plot_height - height, 1), round(bar_width, 1), round(height, 1), value)

    months = [
        {
            "label": month_label(day),
            "x": round(LEFT + (index + 0.5) * slot, 1),
            "previous": bar(index, previous, 0),
            "current": bar(index, value, bar_width),
        }
        for index, (day, value, previous) in enumerate(zip(trend.months, trend.values, trend.previous, strict=True))
    ]
    grid = [
        {"y": round(TOP + plot_height - plot_height * step / GRID_LINES, 1), "value": top * step // GRID_LINES}
        for step in range(GRID_LINES + 1)
    ]
    description = _("%(label)s by month, %(first)s to %(last)s: %(values)s. A year earlier: %(previous)s.") % {
        "label": trend.label,
        "first": month_label(trend.months[0]),
        "last": month_label(trend.months[-1]),
        "values": ", ".join(str(value) for value in trend.values),
        "previous": ", ".join(str(value) for value in trend.previous),
    }
    return render_to_string(
        "dashboard/trend.svg",
        {
            "id": chart_id,
            "trend": trend,
            "description": description,
            "months": months,
            "grid": grid,
            "width": WIDTH,
            "height": HEIGHT,
            "left": LEFT,
            "right": WIDTH - RIGHT,
            "baseline": TOP + plot_height,
            "month_y": HEIGHT - BOTTOM + 16,
        },
    )


GRID_LABEL_WIDTH, GRID_HEADER_HEIGHT, GRID_CELL_WIDTH, GRID_CELL_HEIGHT = 260, 130, 72, 32
GRID_HEADER_REACH = 110  # how far right of its column a label slanted at 45 degrees reaches


@dataclass(frozen=True)
class GridCell:
    """One cell of a grid chart: its text, its fill and the colour of its text."""

    text: str
    fill: str
    ink: str = "#212529"


def grid_svg(chart_id: str, title: str, description: str, columns: list[str], rows: list[tuple[str, list]]) -> str:
    """A grid of `rows` (a label and a cell, or None, per column) under the `columns`' labels,
    such as a heat map; `description` says in words what it shows."""
    width = GRID_LABEL_WIDTH + GRID_CELL_WIDTH * max(len(columns), 1) + GRID_HEADER_REACH
    height = GRID_HEADER_HEIGHT + GRID_CELL_HEIGHT * len(rows) + 10
    heads = [
        {"label": label, "x": GRID_LABEL_WIDTH + GRID_CELL_WIDTH * (index + 0.5), "y": GRID_HEADER_HEIGHT - 6}
        for index, label in enumerate(columns)
    ]
    lines = [
        {
            "label": label,
            "y": GRID_HEADER_HEIGHT + GRID_CELL_HEIGHT * row_index,
            "text_y": GRID_HEADER_HEIGHT + GRID_CELL_HEIGHT * (row_index + 0.5) + 4,
            "cells": [
                {
                    "cell": cell,
                    "x": GRID_LABEL_WIDTH + GRID_CELL_WIDTH * index,
                    "mid": GRID_LABEL_WIDTH + GRID_CELL_WIDTH * (index + 0.5),
                }
                for index, cell in enumerate(cells)
            ],
        }
        for row_index, (label, cells) in enumerate(rows)
    ]
    return render_to_string(
        "dashboard/grid.svg",
        {
            "id": chart_id,
            "title": title,
            "description": description,
            "heads": heads,
            "lines": lines,
            "width": width,
            "height": height,
            "cell_width": GRID_CELL_WIDTH,
            "cell_height": GRID_CELL_HEIGHT,
            "label_x": GRID_LABEL_WIDTH - 8,
        },
    )


TILE_WIDTH, TILE_HEIGHT, TILE_GAP = 150, 64, 6
# The shades of a tile by its share of the largest count: none, then four steps; each with the
# colour of its text, at a contrast of 4.5:1 or more.
TILE_SHADES = [
    ("#f8f9fa", "#212529"),
    ("#cfe2ff", "#212529"),
    ("#9ec5fe", "#212529"),
    ("#3d8bfd", "#000000"),
    ("#084298", "#ffffff"),
]


def _two_lines(name: str) -> list[str]:
    """A region's name on at most two lines, broken at the space nearest its middle."""
    spaces = [index for index, char in enumerate(name) if char == " "]
    if not spaces:
        return [name]
    cut = min(spaces, key=lambda index: abs(index - len(name) / 2))
    return [name[:cut], name[cut + 1 :]]


def region_map_svg(region_map, chart_id: str) -> str:
    """`region_map` (panels.RegionMap) as a tile map of the regions (org.tiles.REGION_TILES),
    each tile shaded by its count; its description says every count in words. A region the
    tile map does not place is said in the description alone."""
    from courtadmin.org.tiles import REGION_TILES

    top = max([entry.count for entry in region_map.counts] + [0])
    tiles = []
    for entry in region_map.counts:
        place = REGION_TILES.get(entry.region.code)
        if place is None:
            continue
        step = 0 if not entry.count else 1 + min(3, (entry.count * 4 - 1) // top)
        fill, ink = TILE_SHADES[step]
        x, y = place[0] * (TILE_WIDTH + TILE_GAP), place[1] * (TILE_HEIGHT + TILE_GAP)
        tiles.append(
            {
                "x": x,
                "y": y,
                "mid": x + TILE_WIDTH / 2,
                "lines": [
                    {"text": line, "y": y + 18 + 14 * index} for index, line in enumerate(_two_lines(entry.region.name))
                ],
                "count": entry.count,
                "count_y": y + TILE_HEIGHT - 8,
                "fill": fill,
                "ink": ink,
            }
        )
    columns = 1 + max((column for column, _row in REGION_TILES.values()), default=0)
    rows = 1 + max((row for _column, row in REGION_TILES.values()), default=0)
    said = [
        f"{entry.region.name}: {entry.count}"
        for entry in sorted(region_map.counts, key=lambda e: -e.count)
        if entry.count
    ]
    description = (
        _("%(title)s, by region: %(counts)s. Every other region: none.")
        % {"title": region_map.title, "counts": "; ".join(said)}
        if said
        else _("%(title)s: none in any region.") % {"title": region_map.title}
    )
    return render_to_string(
        "dashboard/tiles.svg",
        {
            "id": chart_id,
            "title": region_map.title,
            "description": description,
            "tiles": tiles,
            "tile_width": TILE_WIDTH,
            "tile_height": TILE_HEIGHT,
            "width": columns * (TILE_WIDTH + TILE_GAP),
            "height": rows * (TILE_HEIGHT + TILE_GAP),
        },
    )
