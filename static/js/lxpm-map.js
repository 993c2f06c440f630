/* The map's own browser code. Python (layers/) sends no code, only calls of these functions with
   JSON options; this file is linked on the dashboard's pages and inlined in standalone figure pages. */

// A click on the map focuses it for the keyboard. Leaflet's own focus() lets the page around the
// map's frame scroll the frame into view between mousedown and mouseup when the map reaches below
// the window's edge: the click then lands on another spot and selects nothing. Focus, scroll nothing.
if (window.L && L.Map && L.Map.Keyboard) {
  L.Map.Keyboard.prototype._onMouseDown = function() {
    if (!this._focused) { this._map._container.focus({preventScroll: true}); }
  };
}

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
// copied link shows what the user sees. A view the map framed itself (lxpmFocus) is left out of
// the URL: the link's focus reproduces it on any screen. o: {interval_ms, restore_delay_ms}.
window.lxpmViewInUrl = function(map, o) {
  var top = window.parent || window;
  function write() {
    try {
      var url = new URL(top.location.href), changed = false;
      if (map.lxpmAuto === undefined) { return; }  // not framed yet: nothing of the user's to keep
      var want = map.lxpmAuto ? {} : lxpmViewParams(map);
      ['lat', 'lon', 'z'].forEach(function(k) {
        if (want[k] === undefined && url.searchParams.has(k)) { url.searchParams.delete(k); changed = true; }
        if (want[k] !== undefined && url.searchParams.get(k) !== want[k]) { url.searchParams.set(k, want[k]); changed = true; }
      });
      if (changed) { top.history.replaceState(top.history.state, '', url.toString()); }
    } catch (e) {}
  }
  var view = lxpmUrlView();
  if (view) {
    setTimeout(function() { map.setView([view.lat, view.lon], view.z); }, o.restore_delay_ms);
  }
  map.on('moveend', write);
  setInterval(write, o.interval_ms);
};

function lxpmViewParams(map) {
  var c = map.getCenter();
  return {lat: c.lat.toFixed(4), lon: c.lng.toFixed(4), z: String(Math.round(map.getZoom() * 100) / 100)};
}

// The view the page URL holds (a copied link, or the user's own before a rebuild), or null.
function lxpmUrlView() {
  try {
    var p = new URL((window.parent || window).location.href).searchParams;
    var v = {lat: parseFloat(p.get('lat')), lon: parseFloat(p.get('lon')), z: parseFloat(p.get('z'))};
    return isFinite(v.lat) && isFinite(v.lon) && isFinite(v.z) ? v : null;
  } catch (e) { return null; }
}

// The dashboard's map fills the element the page sizes (static/page/dashboard.css): follow its size,
// keeping the centre, so a view the map framed itself is framed again (lxpmFocus listens to 'resize').
window.lxpmFillFrame = function(map) {
  map.invalidateSize();
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(function() { map.invalidateSize(); });
    observer.observe(map.getContainer());
    map.on('unload', function() { observer.disconnect(); });  // a map replaced by a new one
  }
};

// The focus: a chosen area outlined with everything outside masked (the mask's own pane lies under
// the records, so lines that pass through stay readable), a place ringed, a record's popup opened.
// The map is framed only when the focus key is new to it, so a filter change that keeps the focus
// never moves the map and the user's later pan and zoom stay theirs; a new map keeps the view its
// URL holds. o: see layers/focus.py.
window.lxpmFocus = function(group, o) {
  if (o.outline) {
    var world = [[-85, -180], [85, -180], [85, 180], [-85, 180]];
    L.polygon([world].concat(lxpmOuterRings(o.outline)),
              Object.assign({pane: o.mask_pane, interactive: false}, o.mask)).addTo(group);
    L.geoJSON(o.outline, {pane: o.outline_pane, interactive: false, style: o.outline_style}).addTo(group);
  }
  if (o.point && !o.record) {
    var ring = L.circleMarker(o.point, Object.assign({pane: o.outline_pane, interactive: false}, o.place_style));
    if (o.label) { ring.bindTooltip(o.label, {permanent: true, direction: 'right', className: 'lxpm-focus-label'}); }
    ring.addTo(group);
  }
  group.on('add', function(e) {
    var map = e.target._map, fresh = map.lxpmFocusKey === undefined;
    map.lxpmFocus = o;
    if (map.lxpmFocusKey === o.key) { return; }
    map.lxpmFocusKey = o.key;
    if (fresh) {
      // The frame's size may settle later (the page's stylesheet): frame again while the view is ours.
      map.on('resize', function() { if (map.lxpmAuto) { lxpmFrame(map, map.lxpmFocus); } });
      // Any move the map did not make itself (a drag, a zoom, a view from the URL) makes the view the user's.
      map.on('movestart zoomstart', function() { if (!map.lxpmFraming) { map.lxpmAuto = false; } });
    }
    if (fresh && lxpmUrlView()) { map.lxpmAuto = false; return; }  // the link's own view: the user's
    // After streamlit-folium's own first setView (it runs once the feature groups are added).
    setTimeout(function() { lxpmFrame(map, o); if (o.record) { lxpmOpenPopup(map, o.record, 120); } }, 0);
  });
};

function lxpmOuterRings(geometry) {
  var polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map(function(p) { return p[0].map(function(c) { return [c[1], c[0]]; }); });
}

// Fit the focus, leaving room for an open legend so it hides nothing framed.
function lxpmFrame(map, o) {
  map.lxpmFraming = true;
  map.lxpmAuto = true;  // a view the map frames itself: kept out of the URL, framed again on a resize
  map.invalidateSize({pan: false});
  if (o.point) {
    map.setView(o.point, o.point_zoom, {animate: false});
  } else {
    var legend = map.getContainer().querySelector('.legend-control:not(.collapsed)');
    var right = o.padding + (legend && legend.offsetWidth < map.getSize().x / 2 ? legend.offsetWidth : 0);
    map.fitBounds(o.bounds, {paddingTopLeft: [o.padding, o.padding], paddingBottomRight: [right, o.padding],
                             maxZoom: o.max_zoom, animate: false});
  }
  map.lxpmFraming = false;
}

// Open the popup of a record once its (fetched) feature is drawn; tries every 250 ms (for up to 30 s).
function lxpmOpenPopup(map, id, tries) {
  var found = null;
  map.eachLayer(function(l) {
    if (!found && l.feature && l.feature.properties && l.feature.properties.id === id && l.getPopup && l.getPopup()) {
      found = l;
    }
  });
  if (found) {
    found.openPopup(found.getLatLng ? found.getLatLng() : undefined);
  } else if (tries > 0) {
    setTimeout(function() { lxpmOpenPopup(map, id, tries - 1); }, 250);
  }
}

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
      // A click on a feature is the page's to answer (the map component sends its id to the app).
      l.on('click', function() { if (l._map && l._map.lxpmOnFeatureClick) { l._map.lxpmOnFeatureClick(f); } });
      if (o.highlight) {
        l.on('mouseover', function() { l.setStyle(o.highlight); });
        l.on('mouseout', function() { layer.resetStyle(l); });
      }
    }
  }).addTo(group);
  if (typeof source !== 'string') { layer.addData(lxpmExpand(source)); return layer; }
  lxpmFetchGeoJson(source).then(function(data) { layer.addData(data); },
                                function(e) { console.error('map data not loaded', e); });
  return layer;
};

// One fetch and one decoding per file and page: every rerun's layers reuse it. A fetch the map
// component began early (window.lxpmRawJson: its response, not yet decoded) is taken over; if it
// failed (a file written only since), the file is asked for again.
function lxpmFetchGeoJson(url) {
  var cache = window.lxpmGeoJson = window.lxpmGeoJson || {};
  function fresh() {
    return fetch(url).then(function(r) {
      if (!r.ok) { throw new Error(url + ': HTTP ' + r.status); }
      return r.json();
    });
  }
  var early = (window.lxpmRawJson || {})[url];
  cache[url] = cache[url] || (early ? early.catch(fresh) : fresh()).then(lxpmExpand);
  cache[url].catch(function() { delete cache[url]; });
  return cache[url];
}

// Plain GeoJSON from the served form (layers/compact_coordinates.py): integer coordinates on a
// 10^-n degree grid, each line's points as differences from the one before. Plain GeoJSON passes.
var LXPM_DEPTH = {Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3};
function lxpmExpand(collection) {
  var scale = collection.lxpm_delta;
  if (!scale) { return collection; }
  function expand(c, depth) {
    if (depth === 0) { return [c[0] / scale, c[1] / scale]; }
    if (depth > 1) { return c.map(function(part) { return expand(part, depth - 1); }); }
    var points = new Array(c.length / 2), x = 0, y = 0;
    for (var i = 0; i < c.length; i += 2) {
      x += c[i]; y += c[i + 1];
      points[i / 2] = [x / scale, y / scale];
    }
    return points;
  }
  collection.features.forEach(function(f) {
    var g = f.geometry;
    if (g && LXPM_DEPTH[g.type] !== undefined) { g.coordinates = expand(g.coordinates, LXPM_DEPTH[g.type]); }
  });
  delete collection.lxpm_delta;
  return collection;
}

// A legend control that comes and goes with its feature group; its title folds it (folded at
// first on a narrow map; the user's choice is kept through reruns). o: {content (escaped HTML),
// fold_below_px}.
window.lxpmLegend = function(group, o) {
  var control = L.control({position: 'bottomright'});
  control.onAdd = function(map) {
    var div = L.DomUtil.create('div', 'legend-control');
    div.innerHTML = o.content;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    var title = div.querySelector('.legend-title');
    var open = window.lxpmLegendOpen;
    if (open === undefined) { open = map.getSize().x >= (o.fold_below_px || 0); }
    function show(isOpen) {
      div.classList.toggle('collapsed', !isOpen);
      if (title) { title.setAttribute('aria-expanded', String(isOpen)); }
    }
    if (title) {
      title.setAttribute('role', 'button');
      title.tabIndex = 0;
      var toggle = function() { window.lxpmLegendOpen = div.classList.contains('collapsed'); show(window.lxpmLegendOpen); };
      title.addEventListener('click', toggle);
      title.addEventListener('keydown', function(e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } });
    }
    show(open);
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
