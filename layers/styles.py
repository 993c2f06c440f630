"""The one place for the map's colours, line styles, sizes and view defaults."""

from __future__ import annotations

# Default view: the plan area (WGS-84 lat/lon), zoom that shows it whole in a 1000 px map.
DEFAULT_CENTER = (36.05, 102.75)
DEFAULT_ZOOM = 8
MIN_ZOOM = 5
MAX_ZOOM = 13

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
COUNTY_FILL_OPACITY = 0.75
PLAN_UNIT_LINE = {"color": "#333333", "weight": 1.6}
HIGHLIGHT = {"color": "#d7301f", "weight": 3, "fillOpacity": 0.85}
SELECTED_COUNTY = {"color": "#d7301f", "weight": 2.5}

LABEL_CSS = ("font-size:11px;color:#333;text-shadow:0 0 2px #fff,0 0 2px #fff;"
             "white-space:nowrap;transform:translate(-50%,-50%);display:inline-block;font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;")

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
COMPARISON_COLOURS = {"plan2018_only": "#2166ac", "impl2022_only": "#e08214", "both": "#7b3294"}

POINT_RADIUS = {"node_city": 8, "node_town": 6, "new_city": 6, "airport": 7, "hub": 7}
DEFAULT_POINT_RADIUS = 5
POINT_STYLE = {"weight": 1.5, "color": "#ffffff", "fillOpacity": 0.95}

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
    "barrier": {"weight": 1.5, "dashArray": "4 4", "fillOpacity": 0.18},
    "governance_zone": {"weight": 1.5, "fillOpacity": 0.12},
}
DEFAULT_AREA_STYLE = {"weight": 1.5, "fillOpacity": 0.15}

STUDY_DASH = "7 7"
"""Lines whose plan verb only asks for study or planning (规划研究, 研究, 谋划 …) are dashed."""
STUDY_VERBS = ("规划研究", "研究", "谋划", "论证", "前期", "适时", "预留")

HIGHLIGHT_ITEM = {"color": "#ffff33", "weight": 10, "opacity": 0.9, "fillOpacity": 0.3}
HIGHLIGHT_RADIUS = 14
