"""The statistics panel: its counts, its charts only when open, and a clicked bar as the filter."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from app.statistics import apply_pick, chart_data, chart_specs, city_category_counts, document_counts, picked
from geo.catalogue import load_catalogue
from geo.files import ROOT
from geo.filters import Filters, filter_catalogue
from tests.dashboard_page import dashboard_app

APP = str(ROOT / "dashboard.py")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def cities(counties):
    return tuple(dict.fromkeys(counties.sort_values("adcode")["prefecture"]))


def test_each_city_bar_counts_the_records_the_city_filter_shows(catalogue, cities):
    for city in cities:
        for located_only in (False, True):
            shown = filter_catalogue(catalogue, Filters(cities=(city,), located_only=located_only))
            counts = city_category_counts(catalogue, cities, located_only)
            mine = counts[counts["city"] == city].set_index("category")["count"]
            assert mine.to_dict() == shown["category"].value_counts().to_dict(), (city, located_only)


def test_a_record_in_two_cities_counts_in_both(catalogue, cities):
    two = catalogue[catalogue["attribution"].map(lambda a: len({e["city"] for e in a}) >= 2)].head(1)
    counts = city_category_counts(two, cities, located_only=False)
    assert len(counts) == len({e["city"] for e in two["attribution"].iloc[0]}) and set(counts["count"]) == {1}


def test_each_document_bar_counts_what_the_document_filter_shows(catalogue):
    counts = document_counts(catalogue)
    for doc in ("plan2018", "impl2022", "both"):
        assert counts[counts["doc"] == doc]["count"].sum() == len(filter_catalogue(catalogue, Filters(doc=doc)))
    parts = counts.drop_duplicates("part").set_index("part")["count"]
    assert parts.sum() == len(catalogue)  # 2018 only + 2022 only + both: every record once


def test_the_specs_select_the_field_the_filter_takes(catalogue, cities):
    data = chart_data.__wrapped__(tuple(catalogue["id"]), False, "en", cities, catalogue)
    specs = chart_specs(data, "en")
    for chart, spec in specs.items():
        assert spec["params"][0]["select"]["fields"] == [chart] and chart in data[chart].columns
        json.dumps(spec)  # plain JSON, nothing for Altair to convert
    assert set(data["city"]["city"]) <= set(cities)
    assert set(specs["doc"]["encoding"]["y"]["sort"]) == {"2018 plan", "2022 implementation plan", "In both"}


@pytest.mark.parametrize("chart, value, key, expected", [
    ("city", "兰州市", "w_cities", ["兰州市"]),
    ("category", "transport", "w_categories", ["transport"]),
    ("doc", "impl2022", "w_doc", "impl2022"),
])
def test_a_clicked_bar_sets_its_filter(chart, value, key, expected):
    session = {f"stats_{chart}": {"selection": {chart: [{chart: value}]}}, "w_county": "620102"}
    apply_pick(session, chart)
    assert session[key] == expected
    assert session["w_county"] == ("" if chart == "city" else "620102")


@pytest.mark.parametrize("state", [None, {}, {"selection": {}}, {"selection": {"city": []}},
                                   {"selection": {"city": [{"x": 1}]}}, "junk"])
def test_an_empty_or_odd_selection_changes_nothing(state):
    session = {"stats_city": state, "w_cities": ["西宁市"]}
    apply_pick(session, "city")
    assert picked(state, "city") is None and session["w_cities"] == ["西宁市"]


def _charts(at):
    found = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", "") == "vega_lite_chart":
                found.append(json.loads(child.proto.spec))
            walk(child)
    walk(at.main)
    return found


def test_the_charts_are_drawn_only_when_the_panel_is_open(counties):
    at = dashboard_app(60).run()
    assert _charts(at) == [] and at.expander[0].label.startswith("统计图")
    at.session_state["stats_open"] = True
    at.multiselect(key="w_cities").set_value(["西宁市"]).run()
    assert not at.exception
    specs = _charts(at)
    assert [s["params"][0]["name"] for s in specs] == ["city", "category", "doc"]
    assert specs[0]["encoding"]["y"]["sort"][0] == "西宁市"  # the chosen city's bar comes first
