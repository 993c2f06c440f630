// A briefing figure's sizes and colours (JSON from figures/page.py) as custom properties on <html>,
// set in the head so page.css lays the page out before the map is drawn.
(function() {
  var sizes = JSON.parse(document.getElementById('figure-page-sizes').textContent);
  Object.keys(sizes).forEach(function(name) {
    document.documentElement.style.setProperty(name, sizes[name]);
  });
})();
