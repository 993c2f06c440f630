"""The focus of the map: the chosen county, city, record or place framed (only when the choice
changes, so the user's own pan and zoom stay theirs), outlined, and the rest set back by a mask."""

from __future__ import annotations

from dataclasses import dataclass

import folium

from geo.focus_areas import Bounds
from layers import styles
from layers.map_scripts import ScriptCall


@dataclass(frozen=True)
class Focus:
    """What the map frames. key changes exactly when the choice does ("" is the plan area)."""

    key: str
    bounds: Bounds
    outline: dict | None = None  # GeoJSON geometry: outlined, everything outside masked
    point: tuple[float, float] | None = None  # (lat, lon) shown at styles.FOCUS_POINT_ZOOM
    record: str = ""  # a record id whose popup opens
    label: str = ""  # a place's name, shown beside its ring


def focus_options(focus: Focus, mask_pane: str, outline_pane: str) -> dict:
    """The JSON options of lxpmFocus (static/js/lxpm-map.js)."""
    return {
        "key": focus.key, "bounds": [list(focus.bounds[0]), list(focus.bounds[1])], "outline": focus.outline,
        "point": list(focus.point) if focus.point else None, "record": focus.record, "label": focus.label,
        "padding": styles.FOCUS_PADDING_PX, "max_zoom": styles.FOCUS_MAX_ZOOM,
        "point_zoom": styles.FOCUS_POINT_ZOOM, "mask": styles.FOCUS_MASK, "outline_style": styles.FOCUS_OUTLINE,
        "place_style": styles.FOCUS_PLACE, "mask_pane": mask_pane, "outline_pane": outline_pane,
    }


def focus_group(focus: Focus, mask_pane: str, outline_pane: str) -> folium.FeatureGroup:
    """A feature group that draws the focus and frames it when its key is new to the map."""
    group = folium.FeatureGroup(name="focus", control=False)
    group.add_child(ScriptCall("lxpmFocus", focus_options(focus, mask_pane, outline_pane), compact=True))
    return group
