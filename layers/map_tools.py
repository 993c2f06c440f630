"""The tools map users expect, all offline: fullscreen, measure distance and area, and the
coordinates under the cursor."""

from __future__ import annotations

import folium
from folium.plugins import Fullscreen, MeasureControl

from layers.labels import t
from layers.map_scripts import ScriptCall
from layers.offline_assets import TOOLS_CSS, TOOLS_JS, vendored

# leaflet-measure takes its language when it is built: one file per language.
_MEASURE_JS = {"zh": "measure_js_zh", "en": "measure_js"}
COORDINATE_DIGITS = 4
"""Decimals of a degree under the cursor: about 10 m, finer than any dataset here."""


def _pick(files: dict[str, str], *names: str) -> dict[str, str]:
    return {name: files[name] for name in names}


def fullscreen_control(lang: str, prefix: str) -> Fullscreen:
    """A fullscreen button (leaflet.fullscreen, vendored)."""
    control = Fullscreen(position="topleft", title=t("tool_fullscreen", lang),
                         title_cancel=t("tool_exit_fullscreen", lang))
    control.default_js = vendored(_pick(TOOLS_JS, "fullscreen_js"), prefix)
    control.default_css = vendored(_pick(TOOLS_CSS, "fullscreen_css"), prefix)
    return control


def measure_control(lang: str, prefix: str) -> MeasureControl:
    """Measure distances (km, m) and areas (km², ha) on the map (leaflet-measure, vendored)."""
    control = MeasureControl(position="topleft", primary_length_unit="kilometers", secondary_length_unit="meters",
                             primary_area_unit="sqkilometers", secondary_area_unit="hectares",
                             units={"sqkilometers": {"factor": 1e-6, "display": t("tool_sqkm", lang),
                                                     "decimals": 2}})
    control.default_js = vendored(_pick(TOOLS_JS, _MEASURE_JS[lang]), prefix)
    control.default_css = vendored(_pick(TOOLS_CSS, "measure_css"), prefix)
    return control


def coordinates_control(lang: str) -> ScriptCall:
    """The longitude and latitude under the cursor (lxpmCoordinates in static/js/lxpm-map.js)."""
    return ScriptCall("lxpmCoordinates", {"lon": t("tool_lon", lang), "lat": t("tool_lat", lang),
                                          "digits": COORDINATE_DIGITS, "position": "bottomleft"})


def add_map_tools(m: folium.Map, lang: str, prefix: str) -> None:
    """Fullscreen, measure and coordinates controls on a map (its page needs OwnScripts)."""
    fullscreen_control(lang, prefix).add_to(m)
    measure_control(lang, prefix).add_to(m)
    coordinates_control(lang).add_to(m)
