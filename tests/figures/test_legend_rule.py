"""The figures follow the map's legend rule: each label once (the 兰州市 figure and fig5 repeated some)."""

import pytest

from figures.figure import figure_html
from figures.spec import FigureSpec
from tests.figures.specs import SMALL
from tests.layers.test_legend_rule import legend_labels


@pytest.mark.parametrize("view,city", [("city", "兰州市"), ("fig5", ""), ("fig4", ""), ("city", "西宁市")])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_legend_holds_no_repeated_label(data, view, city, lang):
    page = figure_html(FigureSpec(view, city=city, lang=lang, **SMALL), data)
    labels = legend_labels(page)
    assert labels, "the figure has a legend"
    assert len(labels) == len(set(labels)), labels
