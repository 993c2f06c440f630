/* The map's own browser code. Python (layers/) sends no code, only calls of these functions with
   JSON options; this file is linked on the dashboard's pages and inlined in standalone figure pages. */

// Panes fix the stacking of layers whatever order their data arrives in (panes: [[name, zIndex]]).
window.lxpmPanes = function(map, panes) {
  panes.forEach(function(p) {
    // Not the pane but its interactive paths take the mouse: lower panes stay clickable.
    var pane = map.createPane(p[0]);
    pane.style.zIndex = p[1];
    pane.style.pointerEvents = 'none';
  });
};

window.lxpmBackground = function(map, colour) {
  map.getContainer().style.background = colour;
};

// A north arrow control (the map is north-up: Web Mercator). o: {label}.
window.lxpmNorthArrow = function(map, o) {
  var North = L.Control.extend({
    options: {position: 'topright'},
    onAdd: function() {
      var div = L.DomUtil.create('div', 'north-arrow');
      div.setAttribute('aria-label', o.label);
      div.innerHTML = '<svg width="30" height="42" viewBox="0 0 30 42">'
        + '<polygon points="15,2 25,30 15,24 5,30" fill="#333"/>'
        + '<text x="15" y="41" text-anchor="middle" font-size="12" font-family="sans-serif">N</text></svg>';
      return div;
    }
  });
  new North().addTo(map);
};

// Keep the map view in the page URL (lat, lon, z) without rerunning the app; when the map is
// rebuilt (a basemap change), start from the view the URL holds, so nothing jumps and a
// copied link shows what the user sees. o: {interval_ms, restore_delay_ms}.
window.lxpmViewInUrl = function(map, o) {
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
      setTimeout(function() { map.setView([lat, lon], z); }, o.restore_delay_ms);
    }
  } catch (e) {}
  map.on('moveend', write);
  setInterval(write, o.interval_ms);
};

// One GeoJSON layer styled, labelled and filtered by its features' own properties (see
// layers/geojson_layer.py for the options); source: a FeatureCollection, or the URL of one.
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

// A legend control that comes and goes with its feature group. o: {content} (escaped HTML).
window.lxpmLegend = function(group, o) {
  var control = L.control({position: 'bottomright'});
  control.onAdd = function() {
    var div = L.DomUtil.create('div', 'legend-control');
    div.innerHTML = o.content;
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  group.on('add', function(e) { control.addTo(e.target._map); });
  group.on('remove', function() { control.remove(); });
};

// Text labels drawn by one call (a Marker per label would compile a template each).
// labels: [[lat, lon, escaped text]].
window.lxpmLabels = function(group, labels) {
  labels.forEach(function(d) {
    L.marker([d[0], d[1]], {interactive: false, keyboard: false, icon: L.divIcon({
      className: 'county-label-icon', iconSize: [0, 0], iconAnchor: [0, 0],
      html: "<div class='county-label'>" + d[2] + "</div>"})
    }).addTo(group);
  });
};

// The longitude and latitude under the cursor, WGS-84. o: {lon, lat, digits, position}.
window.lxpmCoordinates = function(map, o) {
  var Coordinates = L.Control.extend({
    options: {position: o.position || 'bottomleft'},
    onAdd: function(m) {
      var div = L.DomUtil.create('div', 'lxpm-coordinates');
      div.setAttribute('aria-live', 'off');
      function show(e) {
        div.textContent = o.lon + ' ' + e.latlng.lng.toFixed(o.digits) + '°  '
          + o.lat + ' ' + e.latlng.lat.toFixed(o.digits) + '°';
      }
      function clear() { div.textContent = o.lon + ' –  ' + o.lat + ' –'; }
      clear();
      m.on('mousemove', show);
      m.on('mouseout', clear);
      this._off = function() { m.off('mousemove', show); m.off('mouseout', clear); };
      return div;
    },
    onRemove: function() { this._off(); }
  });
  new Coordinates().addTo(map);
};
