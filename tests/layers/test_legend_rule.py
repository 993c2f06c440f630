"""The legend's rule: each label once, however many symbols it is drawn with (dashboard and figures)."""

import html
import re

from geo.registry import SUBLAYERS, select_sublayers
from layers.legend import LegendEntry, legend_html, one_entry_per_style
from layers.map_legend import legend_entries


def legend_labels(legend: str) -> list[str]:
    """The labels of a legend's rows, as a reader sees them."""
    rows = re.findall(r"<div class='legend-row'>(.*?)</div>", legend)
    return [html.unescape(re.sub(r"<[^>]+>", "", row)).strip() for row in rows]


def test_a_label_drawn_as_a_point_and_a_line_is_one_entry():
    entries = [LegendEntry("高速公路", "line", "#e31a1c", weight=3), LegendEntry("机场", "point", "#2171b5"),
               LegendEntry("高速公路", "point", "#e31a1c"), LegendEntry("高速公路", "line", "#e31a1c", weight=3)]
    merged = one_entry_per_style(entries)
    assert [e.label for e in merged] == ["高速公路", "机场"]
    assert merged[0].symbols() == (("line", "#e31a1c", "", 3), ("point", "#e31a1c", "", 3.0))
    assert merged[1].symbols() == (("point", "#2171b5", "", 3.0),)


def test_a_merged_entry_shows_each_of_its_symbols_once():
    legend = legend_html("图例", [LegendEntry("国省道", "line", "#fd8d3c"), LegendEntry("国省道", "area", "#fd8d3c"),
                                  LegendEntry("国省道", "point", "#fd8d3c")])
    assert legend_labels(legend) == ["国省道"]
    assert legend.count("<svg") == 3 and "<line" in legend and "<rect" in legend and "<circle" in legend


def test_the_dashboard_legend_of_every_layer_holds_no_repeated_label(catalogue, counties):
    for lang in ("zh", "en"):
        for compare in (False, True):
            rows = select_sublayers(catalogue, tuple(s.key for s in SUBLAYERS))
            labels = legend_labels(legend_html("legend", legend_entries(rows, lang, compare, counties)))
            assert labels and len(labels) == len(set(labels)), labels


def test_distinct_labels_are_kept_in_order():
    entries = [LegendEntry(x, "point", "#000") for x in ("b", "a", "c")]
    assert [e.label for e in one_entry_per_style(entries)] == ["b", "a", "c"]
