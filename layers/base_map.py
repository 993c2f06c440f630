"""The constant base map: an offline Leaflet map with no tiles, scale bar and north arrow."""

from __future__ import annotations

import folium
from branca.element import MacroElement, Template

from layers import styles
from layers.geojson_layer import GeoJsonLayerScript
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


_VIEW_SYNC = Template("""
{% macro script(this, kwargs) %}
(function() {
  // Keep the map view in the page URL (lat, lon, z) without rerunning the app; when the map is
  // rebuilt (a basemap change), start from the view the URL holds, so nothing jumps and a
  // copied link shows what the user sees.
  var map = {{ this._parent.get_name() }};
  var top = window.parent || window;
  function write() {
    try {
      var c = map.getCenter(), url = new URL(top.location.href);
      var want = {lat: c.lat.toFixed(4), lon: c.lng.toFixed(4), z: String(map.getZoom())};
      var changed = false;
      for (var k in want) { if (url.searchParams.get(k) !== want[k]) { url.searchParams.set(k, want[k]); changed = true; } }
      if (changed) { top.history.replaceState(top.history.state, '', url.toString()); }
    } catch (e) {}
  }
  try {
    var p = new URL(top.location.href).searchParams;
    var lat = parseFloat(p.get('lat')), lon = parseFloat(p.get('lon')), z = parseInt(p.get('z'), 10);
    if (isFinite(lat) && isFinite(lon) && isFinite(z)) {
      setTimeout(function() { map.setView([lat, lon], z); }, {{ this.restore_delay_ms }});
    }
  } catch (e) {}
  map.on('moveend', write);
  setInterval(write, {{ this.interval_ms }});
})();
{% endmacro %}
""")


_PANES = Template("""
{% macro header(this, kwargs) %}
<style>.leaflet-pane > svg { pointer-events: none; }</style>
{% endmacro %}
{% macro script(this, kwargs) %}
{{ this.panes|tojson }}.forEach(function(p) {
  // Not the pane but its interactive paths take the mouse: lower panes stay clickable.
  var pane = {{ this._parent.get_name() }}.createPane(p[0]);
  pane.style.zIndex = p[1];
  pane.style.pointerEvents = 'none';
});
{% endmacro %}
""")


def pane_name(key: str) -> str:
    """The Leaflet pane of a dashboard layer (see styles.PANES)."""
    return f"lxpm-{key}"


class MapPanes(MacroElement):
    """The panes that fix the stacking of layers whatever order their data arrives in."""

    _template = _PANES

    def __init__(self) -> None:
        super().__init__()
        self._name = "MapPanes"
        self.panes = [(pane_name(k), z) for k, z in styles.PANES.items()]


class ViewInUrl(MacroElement):
    """Mirror the map view into the page URL and start a rebuilt map from it."""

    _template = _VIEW_SYNC

    def __init__(self, interval_ms: int = 1000, restore_delay_ms: int = 60) -> None:
        super().__init__()
        self._name = "ViewInUrl"
        self.interval_ms = interval_ms
        self.restore_delay_ms = restore_delay_ms


class NorthArrow(MacroElement):
    """A north arrow control (the map is north-up: Web Mercator)."""

    _template = _NORTH_ARROW

    def __init__(self, label: str = "North") -> None:
        super().__init__()
        self._name = "NorthArrow"
        self.label = label


class FramedMap(folium.Map):
    """A map whose bounds are its initial frame: streamlit-folium asks for them on every rerun,
    and folium would walk every coordinate of every layer to answer."""

    def __init__(self, *args, frame_bounds: list[list[float]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._frame_bounds = frame_bounds

    def get_bounds(self) -> list[list[float]]:
        return self._frame_bounds


def base_map(prefix: str = STREAMLIT_PREFIX, center: tuple[float, float] = styles.DEFAULT_CENTER,
             zoom: int = styles.DEFAULT_ZOOM, north_label: str = "N", sync_view: bool = False) -> folium.Map:
    """A tile-less map with offline assets, a metric scale bar and a north arrow."""
    m = FramedMap(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                  frame_bounds=[list(styles.FRAME_SOUTH_WEST), list(styles.FRAME_NORTH_EAST)],
                  min_zoom=styles.MIN_ZOOM, max_zoom=styles.MAX_ZOOM, prefer_canvas=False, attr=None)
    make_offline(m, prefix)
    m.get_root().header.add_child(folium.Element(
        f"<style>.leaflet-container{{background:{styles.BACKGROUND};}}</style>"))
    GeoJsonLayerScript().add_to(m)
    MapPanes().add_to(m)
    NorthArrow(north_label).add_to(m)
    if sync_view:
        ViewInUrl().add_to(m)
    return m
