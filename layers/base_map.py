"""The constant base map: an offline Leaflet map with no tiles, scale bar and north arrow."""

from __future__ import annotations

import folium
from branca.element import MacroElement, Template

from layers import styles
from layers.offline_assets import STREAMLIT_PREFIX, make_offline

_NORTH_ARROW = Template("""
{% macro script(this, kwargs) %}
(function() {
  var North = L.Control.extend({
    options: {position: 'topright'},
    onAdd: function() {
      var div = L.DomUtil.create('div', 'north-arrow');
      div.setAttribute('aria-label', '{{ this.label }}');
      div.innerHTML = '<svg width="30" height="42" viewBox="0 0 30 42">'
        + '<polygon points="15,2 25,30 15,24 5,30" fill="#333"/>'
        + '<text x="15" y="41" text-anchor="middle" font-size="12" font-family="sans-serif">N</text></svg>';
      div.style.background = 'rgba(255,255,255,0.8)';
      div.style.padding = '2px 4px';
      div.style.borderRadius = '4px';
      return div;
    }
  });
  new North().addTo({{ this._parent.get_name() }});
})();
{% endmacro %}
""")


class NorthArrow(MacroElement):
    """A north arrow control (the map is north-up: Web Mercator)."""

    _template = _NORTH_ARROW

    def __init__(self, label: str = "North") -> None:
        super().__init__()
        self._name = "NorthArrow"
        self.label = label


def base_map(prefix: str = STREAMLIT_PREFIX, center: tuple[float, float] = styles.DEFAULT_CENTER,
             zoom: int = styles.DEFAULT_ZOOM, north_label: str = "North") -> folium.Map:
    """A tile-less map with offline assets, a metric scale bar and a north arrow."""
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                   min_zoom=styles.MIN_ZOOM, max_zoom=styles.MAX_ZOOM, prefer_canvas=False,
                   attr=None)
    make_offline(m, prefix)
    m.get_root().header.add_child(folium.Element(
        f"<style>.leaflet-container{{background:{styles.BACKGROUND};}}</style>"))
    NorthArrow(north_label).add_to(m)
    return m
