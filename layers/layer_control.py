"""A grouped layer control (leaflet-groupedlayercontrol) that streamlit-folium can replace on reruns."""

from __future__ import annotations

import json

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

    def __init__(self, groups: dict[str, list[folium.FeatureGroup]], prefix: str = STREAMLIT_PREFIX,
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
