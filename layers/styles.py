"""The one place for the map's colours, line styles, sizes and view defaults."""

from __future__ import annotations

# Default view: the plan area (WGS-84 lat/lon), zoom that shows it whole in a 1000 px map.
DEFAULT_CENTER = (36.0, 102.6)
DEFAULT_ZOOM = 7
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
             "white-space:nowrap;font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;")
