"""The page around a figure's map: title band, legend panel, source line, and the ready signal.

The page's CSS and scripts are files in static/figures/, inlined as text (a figure page is one file).
"""

from __future__ import annotations

import html
import json

import folium
from branca.element import MacroElement, Template

from layers import styles
from layers.offline_assets import STATIC_DIR

FIGURE_STATIC = STATIC_DIR / "figures"
PAGE_CSS = FIGURE_STATIC / "page.css"
"""The page's layout and label styles, reading the sizes page_sizes gives it."""
PAGE_SIZES_JS = FIGURE_STATIC / "page_sizes.js"
"""Sets page_sizes' custom properties in the head, before the map is laid out."""
PAGE_READY_JS = FIGURE_STATIC / "page_ready.js"
"""The page's last script: scale bar, legend and view fitted, labels decluttered, then figureReady."""


def unit(width: int, height: int) -> float:
    """The page's size unit: 1.0 on a 1920×1080 page, smaller or larger with the page."""
    design_w, design_h = styles.FIGURE_DESIGN_SIZE
    return min(width / design_w, height / design_h)


def page_sizes(width: int, height: int) -> dict[str, str]:
    """The custom properties page.css reads: the layout's sizes scaled to the page, its colours and font."""
    u = unit(width, height)

    def px(v: float) -> str:
        return f"{v * u:.2f}px"

    return {
        "--page-width": f"{width}px", "--page-height": f"{height}px",
        "--panel-width": px(styles.FIGURE_PANEL_WIDTH), "--title-band": px(styles.FIGURE_TITLE_BAND),
        "--pad": px(styles.FIGURE_PAD), "--panel-pad": px(styles.FIGURE_PAD * 0.75),
        "--control-margin": px(styles.FIGURE_PAD * 0.6),
        "--title-size": px(styles.FIGURE_TITLE_SIZE), "--subtitle-size": px(styles.FIGURE_SUBTITLE_SIZE),
        "--badge-size": px(styles.FIGURE_BADGE["size"]), "--source-size": px(styles.FIGURE_SOURCE_SIZE),
        "--scale-size": px(styles.FIGURE_SCALE_SIZE), "--label-size": px(styles.FIGURE_LABEL_SIZE),
        "--prefecture-label-size": px(styles.FIGURE_PREFECTURE_LABEL_SIZE),
        **{f"--px-{n}": px(n) for n in (2, 3, 4, 6, 8, 10)},
        "--north-zoom": f"{styles.FIGURE_NORTH_ZOOM * u:.3f}",
        "--page-bg": styles.FIGURE_PAGE_BG, "--map-bg": styles.BACKGROUND, "--text": styles.FIGURE_TEXT,
        "--muted-text": styles.FIGURE_MUTED_TEXT, "--rule": styles.FIGURE_RULE, "--font": styles.FIGURE_FONT,
        "--badge-color": styles.FIGURE_BADGE["color"], "--badge-border": styles.FIGURE_BADGE["border"],
        "--legend-solid-opacity": str(styles.FIGURE_LEGEND_SOLID_OPACITY),
    }


def _json_data(element_id: str, value: object) -> str:
    """A JSON data block the page's scripts read (no '<' inside, so it cannot end the element early)."""
    text = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
    return f"<script type='application/json' id='{element_id}'>{text}</script>"


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
{% macro html(this, kwargs) %}{{ this.options }}{% endmacro %}
{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}
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
        self.code = PAGE_READY_JS.read_text(encoding="utf-8")
        u = unit(width, height)
        fit: dict = {"padding": round(styles.FIGURE_FIT_PADDING * u, 1)}
        if center is not None and zoom is not None:
            fit.update(center=list(center), zoom=zoom)
        else:
            west, south, east, north = bounds
            fit["bounds"] = [[south, west], [north, east]]
        self.fit = fit
        self.scale_width = round(styles.FIGURE_SCALE_BAR_WIDTH * u)
        self.legend_zoom = round(styles.FIGURE_LEGEND_ZOOM * u, 3)
        self.legend_min_zoom = round(styles.FIGURE_LEGEND_MIN_ZOOM * u, 3)

    def render(self, **kwargs) -> None:
        """Render with the map's name known (it is the parent's, set when added)."""
        self.options = _json_data("figure-ready", {
            "map": self._parent.get_name(), "fit": self.fit, "scaleWidth": self.scale_width,
            "legendZoom": self.legend_zoom, "legendMinZoom": self.legend_min_zoom})
        super().render(**kwargs)


def add_page(m: folium.Map, width: int, height: int, overlays: str) -> None:
    """Lay the map out as a figure page of the given size, with the overlays around it."""
    root = m.get_root()
    root.header.add_child(folium.Element(_json_data("figure-page-sizes", page_sizes(width, height))),
                          name="figure_sizes")
    root.header.add_child(folium.Element(f"<script>{PAGE_SIZES_JS.read_text(encoding='utf-8')}</script>"),
                          name="figure_sizes_script")
    root.header.add_child(folium.Element(f"<style>{PAGE_CSS.read_text(encoding='utf-8')}</style>"),
                          name="figure_css")
    root.html.add_child(folium.Element(overlays), name="figure_overlays")
