// A briefing figure's last script (figures/page.py FigureReady): scale bar, legend and view fitted,
// labels decluttered, then window.figureReady = true after the fonts and two frames.
(function() {
  var options = JSON.parse(document.getElementById('figure-ready').textContent);
  var map = window[options.map];
  var fit = options.fit;
  L.control.scale({position: 'bottomleft', imperial: false, maxWidth: options.scaleWidth}).addTo(map);
  function fitLegend() {
    // Shrink the legend until it fits its panel; two columns when one is not enough.
    var panel = document.querySelector('.figure-panel');
    var legend = panel && panel.querySelector('.map-legend');
    if (!legend) { return; }
    function overflows() {
      var p = panel.getBoundingClientRect(), l = legend.getBoundingClientRect();
      return l.bottom > p.bottom - 4 || l.right > p.right - 2;
    }
    var columns = [1, 2];
    for (var c = 0; c < columns.length; c++) {
      legend.style.columnCount = columns[c];
      for (var z = options.legendZoom; z >= options.legendMinZoom; z *= 0.94) {
        legend.style.zoom = z;
        if (!overflows()) { return; }
      }
    }
  }
  function declutter() {
    // Of two overlapping name labels keep the one of higher data-priority; none over the controls.
    var box = map.getContainer().getBoundingClientRect(), gap = 2;
    var placed = Array.prototype.map.call(document.querySelectorAll('.leaflet-control'),
                                          function(c) { return c.getBoundingClientRect(); });
    var labels = Array.prototype.slice.call(document.querySelectorAll('[data-priority]'));
    labels.sort(function(a, b) { return b.dataset.priority - a.dataset.priority; });
    labels.forEach(function(el) {
      var r = el.getBoundingClientRect();
      var inside = r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
      var hit = !inside || placed.some(function(p) {
        return r.left < p.right + gap && r.right > p.left - gap
          && r.top < p.bottom + gap && r.bottom > p.top - gap;
      });
      if (hit) { el.style.visibility = 'hidden'; } else { placed.push(r); }
    });
  }
  function ready() {
    fitLegend();
    map.invalidateSize({animate: false});
    if (fit.center) {
      map.setView(fit.center, fit.zoom, {animate: false});
    } else {
      map.fitBounds(fit.bounds, {padding: [fit.padding, fit.padding], animate: false});
    }
    declutter();
    requestAnimationFrame(function() {
      requestAnimationFrame(function() { window.figureReady = true; });
    });
  }
  window.figureReady = false;
  document.fonts.ready.then(ready);
})();
