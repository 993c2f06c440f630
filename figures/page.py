"""The page around a figure's map: title band, legend panel, source line, and the ready signal."""

from __future__ import annotations

import html
import json

import folium
from branca.element import MacroElement, Template

from layers import styles


def unit(width: int, height: int) -> float:
    """The page's size unit: 1.0 on a 1920×1080 page, smaller or larger with the page."""
    design_w, design_h = styles.FIGURE_DESIGN_SIZE
    return min(width / design_w, height / design_h)


def page_css(width: int, height: int) -> str:
    """The page layout (a grid: title band, map and legend panel, source line) scaled to the page."""
    u = unit(width, height)

    def px(v: float) -> str:
        return f"{v * u:.2f}px"

    return f"""<style>
html, body {{ width:{width}px !important; height:{height}px !important; margin:0; padding:0;
  overflow:hidden; }}
body {{ display:grid; grid-template-columns:minmax(0,1fr) {px(styles.FIGURE_PANEL_WIDTH)};
  grid-template-rows:{px(styles.FIGURE_TITLE_BAND)} minmax(0,1fr) auto;
  grid-template-areas:"title title" "map panel" "src src"; background:{styles.FIGURE_PAGE_BG};
  color:{styles.FIGURE_TEXT}; font-family:{styles.FIGURE_FONT}; }}
body * {{ font-family:{styles.FIGURE_FONT}; }}
.folium-map {{ grid-area:map; position:relative !important; width:auto !important; height:auto !important;
  left:0 !important; top:0 !important; border-top:1px solid {styles.FIGURE_RULE};
  border-bottom:1px solid {styles.FIGURE_RULE}; }}
.leaflet-container {{ background:{styles.BACKGROUND}; font-family:{styles.FIGURE_FONT}; }}
.figure-head {{ grid-area:title; display:flex; align-items:center; justify-content:space-between;
  padding:0 {px(styles.FIGURE_PAD)}; overflow:hidden; }}
.figure-title {{ font-size:{px(styles.FIGURE_TITLE_SIZE)}; font-weight:bold; line-height:1.2;
  white-space:nowrap; }}
.figure-subtitle {{ font-size:{px(styles.FIGURE_SUBTITLE_SIZE)}; color:{styles.FIGURE_MUTED_TEXT};
  margin-top:{px(4)}; white-space:nowrap; }}
.figure-badge {{ font-size:{px(styles.FIGURE_BADGE['size'])}; color:{styles.FIGURE_BADGE['color']};
  border:{px(2)} solid {styles.FIGURE_BADGE['border']}; border-radius:{px(4)}; padding:{px(3)} {px(10)};
  white-space:nowrap; }}
.figure-panel {{ grid-area:panel; overflow:hidden; padding:{px(styles.FIGURE_PAD * 0.75)};
  border-top:1px solid {styles.FIGURE_RULE}; border-bottom:1px solid {styles.FIGURE_RULE};
  border-left:1px solid {styles.FIGURE_RULE}; box-sizing:border-box; }}
.figure-panel .map-legend {{ font-size:12px; line-height:16px; }}
.figure-panel .legend-title {{ font-weight:bold; font-size:14px; margin-bottom:4px; }}
.figure-panel .legend-row {{ display:flex; align-items:center; gap:4px; break-inside:avoid; margin:1px 0; }}
.figure-panel .legend-row svg {{ flex:none; }}
.figure-panel.solid-swatches rect {{ fill-opacity:{styles.FIGURE_LEGEND_SOLID_OPACITY}; }}
.figure-panel .legend-foot {{ color:{styles.FIGURE_MUTED_TEXT}; font-size:11px; margin-top:6px;
  line-height:14px; }}
.figure-sources {{ grid-area:src; font-size:{px(styles.FIGURE_SOURCE_SIZE)}; color:{styles.FIGURE_MUTED_TEXT};
  line-height:1.35; padding:{px(8)} {px(styles.FIGURE_PAD)} {px(10)}; }}
.leaflet-control-scale-line {{ font-size:{px(styles.FIGURE_SCALE_SIZE)}; line-height:1.3;
  border-width:0 {px(2)} {px(2)}; border-color:#333; background:rgba(255,255,255,0.85); padding:0 {px(6)}; }}
.leaflet-bottom.leaflet-left .leaflet-control {{ margin-left:{px(styles.FIGURE_PAD * 0.6)};
  margin-bottom:{px(styles.FIGURE_PAD * 0.6)}; }}
.north-arrow {{ zoom:{styles.FIGURE_NORTH_ZOOM * u:.3f}; }}
.county-label, .fig-label {{ font-size:{px(styles.FIGURE_LABEL_SIZE)} !important; }}
.fig-prefecture-label {{ font-size:{px(styles.FIGURE_PREFECTURE_LABEL_SIZE)}; }}
.leaflet-control-attribution {{ display:none; }}
</style>"""


def page_overlays(title: str, subtitle: str, badge: str, legend: str, sources: str,
                  show_title: bool = True, solid_swatches: bool = False) -> str:
    """The title band, the legend panel (legend HTML already escaped) and the source line."""
    hidden = "" if show_title else " style='visibility:hidden'"
    panel = "figure-panel solid-swatches" if solid_swatches else "figure-panel"
    badge_html = f"<div class='figure-badge'>{html.escape(badge)}</div>" if badge else ""
    return (f"<div class='figure-head'><div class='figure-heading'{hidden}>"
            f"<div class='figure-title'>{html.escape(title)}</div>"
            f"<div class='figure-subtitle'>{html.escape(subtitle)}</div></div>{badge_html}</div>"
            f"<div class='{panel}'>{legend}</div>"
            f"<div class='figure-sources'>{html.escape(sources)}</div>")


_READY = Template("""
{% macro script(this, kwargs) %}
(function() {
  var map = {{ this._parent.get_name() }};
  var fit = {{ this.fit }};
  L.control.scale({position: 'bottomleft', imperial: false, maxWidth: {{ this.scale_width }}}).addTo(map);
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
      for (var z = {{ this.legend_zoom }}; z >= {{ this.legend_min_zoom }}; z *= 0.94) {
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
{% endmacro %}
""")


class FigureReady(MacroElement):
    """Fit the legend and the view, then set window.figureReady after fonts and two frames.

    Add it to the map last: its script runs after every layer's.
    """

    _template = _READY

    def __init__(self, width: int, height: int, bounds: tuple[float, ...] | None = None,
                 center: tuple[float, float] | None = None, zoom: float | None = None) -> None:
        super().__init__()
        self._name = "FigureReady"
        u = unit(width, height)
        fit: dict = {"padding": round(styles.FIGURE_FIT_PADDING * u, 1)}
        if center is not None and zoom is not None:
            fit.update(center=list(center), zoom=zoom)
        else:
            west, south, east, north = bounds
            fit["bounds"] = [[south, west], [north, east]]
        self.fit = json.dumps(fit)
        self.scale_width = round(styles.FIGURE_SCALE_BAR_WIDTH * u)
        self.legend_zoom = round(styles.FIGURE_LEGEND_ZOOM * u, 3)
        self.legend_min_zoom = round(styles.FIGURE_LEGEND_MIN_ZOOM * u, 3)


def add_page(m: folium.Map, width: int, height: int, overlays: str) -> None:
    """Lay the map out as a figure page of the given size, with the overlays around it."""
    root = m.get_root()
    root.header.add_child(folium.Element(page_css(width, height)), name="figure_css")
    root.html.add_child(folium.Element(overlays), name="figure_overlays")
