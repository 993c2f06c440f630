"""A search text from a link or the sidebar, in a figure's title and a slide's title: shown as typed, never
as HTML; a figure stays on the offline basemap whatever basemap the page shows."""

from io import BytesIO

import pytest
from PIL import Image
from pptx import Presentation

from app.export_panel import _spec
from app.shareable_state import AppState
from figures.deck import SLIDE_SIZE, add_figure_slide
from figures.figure import figure_html
from figures.spec import FigureSpec
from figures.texts import figure_texts
from geo.filters import Filters

PAYLOADS = ["<img src=x onerror=\"window.__xss=1\">", "[点此重新登录](http://evil.example/)",
            "![x](http://evil.example/x.png)"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_search_text_is_text_in_the_figure_and_the_slide(data, payload):
    spec = FigureSpec("current", "zh", width=800, height=450, filters=Filters(cities=("西宁市",), text=payload))
    texts = figure_texts(spec, data)
    assert texts.title == f"西宁市 · “{payload}”"
    html = figure_html(spec, data)
    if payload.startswith("<"):
        assert "<img src=x" not in html and "&lt;img src=x" in html
    assert 'src="http://evil.example' not in html and "href=\"http://evil.example" not in html
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_SIZE
    png = BytesIO()
    Image.new("RGB", (800, 450)).save(png, "PNG")
    add_figure_slide(prs, png.getvalue(), texts, spec)
    out = BytesIO()
    prs.save(out)
    slide = Presentation(BytesIO(out.getvalue())).slides[0]
    title = next(s for s in slide.shapes if s.name == "Title").text_frame.paragraphs[0].text
    assert title == texts.title  # the slide's title holds the characters, not markup


def test_the_export_draws_on_the_offline_basemap_whatever_the_page_shows(data):
    state = AppState(basemap="intranet", lang="zh", layers=("counties",))
    spec = _spec("current", state, data["catalogue"].head(3), "", (800, 450), None, None)
    html = figure_html(spec, data)
    assert "L.tileLayer" not in html and "tile_layer" not in html
