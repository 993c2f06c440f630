"""One Leaflet GeoJSON layer styled, labelled and filtered by its features' own properties; its data
inline, or fetched once per page from a file the app serves (see layers.published)."""

from __future__ import annotations

import json
from typing import Union

import geopandas as gpd
from branca.element import MacroElement, Template
from shapely.geometry import mapping

Source = Union[dict, str]
"""A GeoJSON FeatureCollection drawn inline, or the URL of one the app serves."""

STYLE = "sty"
TOOLTIP = "tip"
POPUP = "pop"
ID = "id"
"""Property names the layer reads: per-feature style, tooltip HTML, popup HTML and record id."""

_DRAW = """
window.lxpmGeoJsonLayer = function(group, source, o) {
  var keep = o.match ? new Set(o.match[1]) : null;
  var pane = o.pane || 'overlayPane';
  function style(f) { return o.style || f.properties[o.style_property] || {}; }
  var layer = L.geoJSON(null, {
    interactive: o.interactive,
    pane: pane,
    style: style,
    pointToLayer: function(f, latlng) { return L.circleMarker(latlng, Object.assign({pane: pane}, style(f))); },
    filter: keep ? function(f) { return keep.has(f.properties[o.match[0]]); } : null,
    onEachFeature: function(f, l) {
      var p = f.properties;
      if (o.tooltip && p[o.tooltip]) { l.bindTooltip(p[o.tooltip], {sticky: o.sticky}); }
      if (o.popup && p[o.popup]) { l.bindPopup(p[o.popup], {maxWidth: o.popup_max_width}); }
      if (o.highlight) {
        l.on('mouseover', function() { l.setStyle(o.highlight); });
        l.on('mouseout', function() { layer.resetStyle(l); });
      }
    }
  }).addTo(group);
  if (typeof source !== 'string') { layer.addData(source); return layer; }
  // One fetch per file and page: every rerun's layers reuse it.
  var cache = window.lxpmGeoJson = window.lxpmGeoJson || {};
  cache[source] = cache[source] || fetch(source).then(function(r) {
    if (!r.ok) { throw new Error(source + ': HTTP ' + r.status); }
    return r.json();
  });
  cache[source].then(function(data) { layer.addData(data); },
                     function(e) { delete cache[source]; console.error('map data not loaded', e); });
  return layer;
};
"""


class GeoJsonLayerScript(MacroElement):
    """Defines, once in a map's script, the function every GeoJsonLayer calls (base_map adds it
    first), so a rerun's layers send their options, not the code."""

    _template = Template("{% macro script(this, kwargs) %}" + _DRAW + "{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeoJsonLayerScript"


_TEMPLATE = Template("""
{% macro script(this, kwargs) %}
lxpmGeoJsonLayer({{ this._parent.get_name() }}, {{ this.source_json }}, {{ this.options_json }});
{% endmacro %}
""")


def _script_json(value) -> str:
    # Inside a <script>: no "</" may close it early.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


class GeoJsonLayer(MacroElement):
    """Features of a Source, each styled by its own `sty` (or one constant style), with optional
    tooltip and popup properties, optionally only those whose property is in a list, optionally in a
    named Leaflet pane (see base_map.MapPanes). Its map needs a GeoJsonLayerScript (base_map has one)."""

    _template = _TEMPLATE

    def __init__(self, source: Source, *, style: dict | None = None, tooltip: str | None = None,
                 popup: str | None = None, sticky: bool = True, highlight: dict | None = None,
                 interactive: bool = True, match: tuple[str, list] | None = None,
                 popup_max_width: int = 360, pane: str | None = None) -> None:
        super().__init__()
        self._name = "GeoJsonLayer"
        self.source_json = _script_json(source)
        self.options_json = _script_json({
            "style": style, "style_property": STYLE, "tooltip": tooltip, "popup": popup,
            "sticky": sticky, "highlight": highlight, "interactive": interactive,
            "match": [match[0], list(match[1])] if match else None, "popup_max_width": popup_max_width,
            "pane": pane,
        })


def feature_collection(frame: gpd.GeoDataFrame, properties: dict[str, list]) -> dict:
    """A FeatureCollection of a frame's geometries with the given property columns."""
    names = list(properties)
    rows = zip(*properties.values()) if names else ((),) * len(frame)
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": dict(zip(names, values)), "geometry": mapping(geom)}
        for values, geom in zip(rows, frame.geometry)]}


def as_source(data: gpd.GeoDataFrame | Source, collection_of) -> Source:
    """A frame drawn inline (as collection_of makes it), or a Source passed through."""
    return collection_of(data) if isinstance(data, gpd.GeoDataFrame) else data
