"""Where each of Kazakhstan's regions stands on a tile map: one tile per region, placed as the
regions lie west to east and north to south, not to scale. The portal ships no boundary
data; a tile map says what a choropleth would (which regions have how many) without it."""

# region code: (column from the west, row from the north)
REGION_TILES = {
    "west-kazakhstan": (0, 0),
    "kostanay": (2, 0),
    "north-kazakhstan": (3, 0),
    "pavlodar": (4, 0),
    "atyrau": (0, 1),
    "aktobe": (1, 1),
    "akmola": (3, 1),
    "astana": (4, 1),
    "east-kazakhstan": (5, 1),
    "mangystau": (0, 2),
    "ulytau": (2, 2),
    "karaganda": (3, 2),
    "abai": (4, 2),
    "kyzylorda": (1, 3),
    "turkistan": (2, 3),
    "zhambyl": (3, 3),
    "almaty-region": (4, 3),
    "zhetisu": (5, 3),
    "shymkent": (2, 4),
    "almaty": (4, 4),
}
