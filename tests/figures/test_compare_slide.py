"""The deck's "2018 → 2022" slide of a city: two maps side by side, the counts on top."""

from io import BytesIO

import pytest
from PIL import Image
from pptx import Presentation

from figures.deck import SLIDE_SIZE, add_compare_slide, compare_slide_pictures
from figures.render import FigureBrowser
from geo import compare
from geo.documents import read_documents
from geo.filters import Filters, filter_catalogue


@pytest.mark.browser
def test_a_city_gets_a_side_by_side_slide_with_its_counts(data):
    with FigureBrowser() as browser:
        left, right, counts = compare_slide_pictures("西宁市", data, "zh", browser, size=400, scale=1.0)
    assert Image.open(BytesIO(left)).size == (400, 400) == Image.open(BytesIO(right)).size
    assert left != right  # each map draws only its document's records
    docs = read_documents()
    table = compare.change_list(filter_catalogue(data["catalogue"], Filters(cities=("西宁市",))), docs,
                                compare.pair_of(docs))
    assert counts == table["status"].value_counts().to_dict()
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_SIZE
    add_compare_slide(prs, "西宁市", (left, right), counts, "zh")
    slide = prs.slides[0]
    pictures = [s for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == 2 and pictures[0].left < pictures[1].left and pictures[0].top == pictures[1].top
    text = slide.shapes[-1].text_frame.text
    assert "西宁市 · 2018 规划 → 2022 实施方案" in text
    assert f"延续（两者皆有） {counts['both']}" in text and f"新增（仅2022 实施方案） {counts['2022']}" in text
