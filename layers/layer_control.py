"""A grouped layer control (leaflet-groupedlayercontrol) that streamlit-folium can replace on reruns."""

from __future__ import annotations

import json
from dataclasses import dataclass

import folium
from branca.element import MacroElement, Template
from folium.elements import JSCSSMixin

from layers.offline_assets import STREAMLIT_PREFIX, vendored

JS = {"groupedlayercontrol_js": "groupedlayercontrol/dist/leaflet.groupedlayercontrol.min.js"}
CSS = {"groupedlayercontrol_css": "groupedlayercontrol/dist/leaflet.groupedlayercontrol.min.css"}


class GroupedLayers(JSCSSMixin, MacroElement):
    """Overlay checkboxes under group headings.

    Named 'LayerControl' so its variable is the one streamlit-folium removes before a redraw.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.control.groupedLayers(null, {
{%- for group, overlays in this.groups %}
  {{ group|tojson }}: {
  {%- for label, layer in overlays %}
    {{ label|tojson }}: {{ layer }},
  {%- endfor %}
  },
{%- endfor %}
}, {{ this.options }}).addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, groups: dict[str, list], prefix: str = STREAMLIT_PREFIX,
                 collapsed: bool = False) -> None:
        super().__init__()
        self._name = "LayerControl"
        self.default_js = vendored(JS, prefix)
        self.default_css = vendored(CSS, prefix)
        self.options = json.dumps({"collapsed": collapsed, "position": "topright"})
        self._groups = groups

    @property
    def groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return [(g, [(fg.layer_name, fg.get_name()) for fg in fgs]) for g, fgs in self._groups.items() if fgs]


class _Expose(MacroElement):
    _template = Template("""
{% macro script(this, kwargs) %}
window.{{ this.alias }} = {{ this.target.get_name() }};
{% endmacro %}
""")

    def __init__(self, target: folium.FeatureGroup, alias: str) -> None:
        super().__init__()
        self._name = "Expose"
        self.target = target
        self.alias = alias


@dataclass(frozen=True)
class ExposedLayer:
    """A base-map layer known to later reruns by a stable global name."""

    layer_name: str
    alias: str

    def get_name(self) -> str:
        return f"window.{self.alias}"


def expose(group: folium.FeatureGroup, m: folium.Map, alias: str) -> ExposedLayer:
    """Make a base-map layer a global under a stable alias (streamlit-folium renames the
    variables of the map script), so a layer control sent on a later rerun can name it."""
    _Expose(group, alias).add_to(m)
    return ExposedLayer(group.layer_name, alias)
