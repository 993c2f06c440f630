"""The one place for the map's colours, line styles, sizes and view defaults."""

from __future__ import annotations

from geo.documents import read_documents

# Default view: the plan area (WGS-84 lat/lon), zoom that shows it whole in a 1000 px map. The
# dashboard's first view fits the plan area's bounds instead (see FOCUS_*), whatever the window.
DEFAULT_CENTER = (36.05, 102.75)
DEFAULT_ZOOM = 8
MIN_ZOOM = 5
MAX_ZOOM = 13
ZOOM_SNAP = 0.25  # fitting the plan area or a city may stop between whole zoom levels

# Focus (layers/focus.py): the chosen city, county, record or place framed and outlined, the rest
# set back by a mask in its own pane under the records (lines that pass through stay readable).
FOCUS_PADDING_PX = 16
FOCUS_MAX_ZOOM = 11  # an area is fitted at most this close
FOCUS_POINT_ZOOM = 11  # a place or a point record is shown at this zoom
FOCUS_MASK = {"stroke": False, "fill": True, "fillColor": "#f4f1ea", "fillOpacity": 0.62}
FOCUS_OUTLINE = {"color": "#d7301f", "weight": 2.5, "opacity": 0.95, "fill": False}
FOCUS_PLACE = {"radius": 9, "color": "#d7301f", "weight": 3, "fill": False}
FOCUS_SIMPLIFY_DEG = 0.003  # the outline sent with each rerun: a few KB
LEGEND_FOLD_BELOW_PX = 1100  # the legend starts folded on a narrower map (a laptop, a phone): it hides nothing

# Leaflet panes (z-index) of the dashboard's layers: they arrive by fetch in any order, so their
# stacking is fixed here, not by the order they are added. Leaflet's own overlay pane is 400
# (imported projects, on top), markers (labels) 600, tooltips 650, popups 700.
PANES = {"context": 350, "water": 360, "counties": 370, "units": 375, "mask": 378, "selected": 380,
         "highlight": 385, "records": 390}

BACKGROUND = "#f4f1ea"  # the offline basemap's paper colour
WATER = "#7fb4d8"
WATER_FILL = "#a9cfe8"
RIVER_NAMED_WEIGHT = 2.2
RIVER_OTHER_WEIGHT = 1.0

PROVINCE_LINE = {"color": "#5b5b5b", "weight": 1.6, "dashArray": "6 3", "fill": False}
PREFECTURE_LINE = {"color": "#8a8a8a", "weight": 1.0, "fill": False}
CONTEXT_COUNTY_LINE = {"color": "#b9b3a6", "weight": 0.5, "fill": True, "fillColor": "#ece7dc",
                       "fillOpacity": 1.0}
NEIGHBOUR_FILL = {"color": "#9d9d9d", "weight": 1.0, "fill": True, "fillColor": "#e4e1da",
                  "fillOpacity": 1.0}

# Prefecture colours of the plan area (ColorBrewer Pastel1/Set3, colour-blind checked in pairs).
PREFECTURE_COLOURS = {
    "兰州市": "#fbb4ae",
    "白银市": "#fed9a6",
    "定西市": "#ffffcc",
    "临夏回族自治州": "#e5d8bd",
    "西宁市": "#b3cde3",
    "海东市": "#ccebc5",
    "海北藏族自治州": "#decbe4",
    "海南藏族自治州": "#c6dbef",
    "黄南藏族自治州": "#d9d9d9",
}
COUNTY_LINE = {"color": "#6d6d6d", "weight": 0.7}
COUNTY_FILL_OPACITY = 0.45  # light: the plan's lines and points read through it
PLAN_UNIT_LINE = {"color": "#333333", "weight": 1.6}
HIGHLIGHT = {"color": "#d7301f", "weight": 3, "fillOpacity": 0.85}

# ---------------------------------------------------------------- plan items

CATEGORY_COLOURS = {
    "structure": "#6a3d9a",
    "ecology": "#33a02c",
    "transport": "#e31a1c",
    "energy": "#ff7f00",
    "information": "#1f78b4",
    "water": "#0089a8",
    "industry": "#b15928",
    "opening": "#c51b7d",
    "culture": "#8c6d31",
}
_DOCUMENTS = read_documents()
COMPARISON_COLOURS = {**{f"{d.id}_only": d.colour for d in _DOCUMENTS.documents}, "both": _DOCUMENTS.both_colour}
"""Each document's colour and that of records both cite, from data/catalogue/documents.toml."""

PROGRESS_COLOURS = {"completed": "#1a9641", "under_way": "#2c7bb6", "preparing": "#fdae61",
                    "not_started": "#8c6bb1", "lagging": "#d7191c", "not_reported": "#b8b8b8"}
"""A filled task ledger's 进展 on the map (geo.ledger.progress.STATUSES, and tasks not reported):
green done, blue under way, orange preparing, purple not started, red behind; grey unreported."""

POINT_RADIUS = {"node_city": 8, "node_town": 6, "new_city": 6, "airport": 7, "hub": 7}
DEFAULT_POINT_RADIUS = 5
POINT_STYLE = {"weight": 1.5, "color": "#ffffff", "fill": True, "fillOpacity": 0.95}

LINE_STYLES = {
    "belt": {"weight": 22, "opacity": 0.28, "lineCap": "round"},
    "protection_belt": {"weight": 14, "opacity": 0.3, "lineCap": "round"},
    "river_corridor": {"weight": 7, "opacity": 0.55},
    "mountain_corridor": {"weight": 6, "opacity": 0.6, "dashArray": "2 8", "lineCap": "round"},
    "railway": {"weight": 3.5, "opacity": 0.9},
    "highway": {"weight": 3.0, "opacity": 0.85},
    "road": {"weight": 2.0, "opacity": 0.8},
}
DEFAULT_LINE_STYLE = {"weight": 3, "opacity": 0.8}
TRANSPORT_COLOURS = {"railway": "#252525", "highway": "#e31a1c", "road": "#fd8d3c",
                     "airport": "#2171b5", "hub": "#54278f", "logistics": "#8c510a"}

AREA_STYLES = {
    "metro_circle": {"weight": 2.5, "dashArray": "8 4", "fillOpacity": 0.05},
    "commuting_circle": {"weight": 2, "dashArray": "2 6", "fillOpacity": 0.04},
    "barrier": {"weight": 1.5, "dashArray": "4 4", "fillOpacity": 0.08},
    "governance_zone": {"weight": 1.5, "fillOpacity": 0.06},
}
DEFAULT_AREA_STYLE = {"weight": 1.5, "fillOpacity": 0.06}
"""Areas are an outline and a light fill: many overlap (whole counties), and lines must read through."""

STUDY_DASH = "7 7"
"""Lines whose plan verb only asks for study or planning (规划研究, 研究, 谋划 …) are dashed."""
STUDY_VERBS = ("规划研究", "研究", "谋划", "论证", "前期", "适时", "预留")

ITEM_HOVER = {"weight": 5}
"""A record under the mouse."""
HIGHLIGHT_ITEM = {"color": "#ffff33", "weight": 10, "opacity": 0.9, "fillOpacity": 0.3}
HIGHLIGHT_RADIUS = 14

# ---------------------------------------------------------------- briefing figures (figures/)
# Sizes are CSS px of a 1920×1080 page; figures/page.py scales them by min(width/1920, height/1080).
FIGURE_DESIGN_SIZE = (1920, 1080)
FIGURE_FONT = "'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif"
FIGURE_DECK_FONT = "Microsoft YaHei"  # the deck's text boxes (PowerPoint substitutes when missing)
FIGURE_TEXT = "#222222"
FIGURE_MUTED_TEXT = "#555555"
FIGURE_PAGE_BG = "#ffffff"
FIGURE_RULE = "#cfc8b8"
FIGURE_TITLE_BAND = 104
FIGURE_TITLE_SIZE = 40
FIGURE_SUBTITLE_SIZE = 20
FIGURE_PAD = 28
FIGURE_PANEL_WIDTH = 380
FIGURE_SOURCE_SIZE = 15
FIGURE_LEGEND_ZOOM = 1.45  # legend.legend_html is drawn at 12 px; the panel shrinks it when it overflows
FIGURE_LEGEND_MIN_ZOOM = 0.7
FIGURE_SCALE_BAR_WIDTH = 220
FIGURE_SCALE_SIZE = 15
FIGURE_NORTH_ZOOM = 1.5
FIGURE_LABEL_SIZE = 15
FIGURE_PREFECTURE_LABEL_SIZE = 19
FIGURE_FIT_PADDING = 16
FIGURE_BADGE = {"color": "#8c2d04", "border": "#8c2d04", "size": 18}
FIGURE_PLAN_AREA = {"color": "#a49c8b", "weight": 0.6, "fill": True, "fillColor": "#fffdf6", "fillOpacity": 1.0}
FIGURE_PLAN_OUTLINE = {"color": "#3b3b3b", "weight": 2.6, "fill": False}
FIGURE_CITY_OUTLINE = {"color": "#3b3b3b", "weight": 3.0, "fill": False}
FIGURE_OTHER_COUNTIES = {"color": "#b9b3a6", "weight": 0.6, "fill": True, "fillColor": "#f1eee6", "fillOpacity": 1.0}
FIGURE_AREA_FILL_SCALE = 0.6  # records' area fills, lighter than on the dashboard: they overlap on a figure
FIGURE_LEGEND_SOLID_OPACITY = COUNTY_FILL_OPACITY  # legend swatches of the prefecture fills (fig1), as on the map
FIGURE_RECORD_LABEL_PRIORITY = 2_000_000  # of two colliding labels the higher priority stays:
FIGURE_PREFECTURE_LABEL_PRIORITY = 1_000_000  # records, then prefectures, then counties by area (km²)

# ---------------------------------------------------------------- imported projects (layers/imported_projects.py)

IMPORTED_POINT_STYLE = {"radius": 6, "color": "#111111", "weight": 1.5, "fillColor": "#17becf",
                        "fillOpacity": 0.9}
"""A user's own projects: cyan with a dark ring, unlike every category colour of the plan."""
IMPORTED_WARNED_STYLE = {**IMPORTED_POINT_STYLE, "dashArray": "2 2", "fillOpacity": 0.45}
"""Imported rows that carry a warning (e.g. outside the plan area) look unsure."""
IMPORTED_HIGHLIGHT = {"weight": 4}
FIGURE_CITY_AREA_FILL_SCALE = 0.12  # a city's records overlap more: most areas cover the whole city
FIGURE_CIRCLE_FILL_SCALE = 2.0  # fig3 shows only the belt, the two circles and the nodes: circles stronger
