"""A figure of the dashboard's filter and map view: the title that names the filter, the view box, the
slides of a filter."""

from __future__ import annotations

import pytest

from figures.deck import filter_deck_specs
from figures.figure import figure_html
from figures.spec import FigureSpec, check_spec
from figures.texts import figure_texts
from figures.view_title import filter_title, view_note
from figures.views import view_bounds, view_rows, visible_box
from geo.catalogue import located
from geo.filters import Filters, filter_catalogue
from geo.registry import DEFAULT_LAYERS, PRESETS, select_sublayers

LANZHOU_TRANSPORT = Filters(cities=("兰州市",), categories=("transport",))


def _spec(data, filters: Filters, lang: str = "zh", **view) -> FigureSpec:
    ids = tuple(filter_catalogue(data["catalogue"], filters)["id"])
    return FigureSpec("current", lang, layers=DEFAULT_LAYERS, record_ids=ids, filters=filters, **view)


def test_the_title_names_the_filter(data):
    counties, context = data["counties"], data["context"]
    assert filter_title(LANZHOU_TRANSPORT, "zh", counties, context) == "兰州市 · 交通"
    assert filter_title(LANZHOU_TRANSPORT, "en", counties, context) == "Lanzhou · Transport"
    chengguan = counties[counties["name_zh"] == "城关区"]["adcode"].iloc[0]
    many = Filters(cities=("兰州市", "西宁市"), county=chengguan, categories=("transport", "ecology"),
                   modes=("railway", "airport"), doc="impl2022", text="机场")
    assert filter_title(many, "zh", counties, context) == "兰州市、西宁市 · 城关区 · 交通（铁路、机场）、生态 · 2022实施方案 · “机场”"
    assert filter_title(Filters(modes=("airport",), doc="both"), "en", counties, context) == "Transport: Airport · In both plans"
    assert filter_title(Filters(cities=("兰州市",), located_only=True), "zh", counties, context) == "位于兰州市"


def test_the_title_names_a_2022_task_unit_and_its_role(data):
    counties, context = data["counties"], data["context"]
    lead = Filters(cities=("兰州市",), unit="lead:兰州市政府", categories=("transport",))
    assert filter_title(lead, "zh", counties, context) == "兰州市 · 兰州市政府（牵头） · 交通"
    anyrole = Filters(unit="any:甘肃省交通运输厅")
    assert filter_title(anyrole, "en", counties, context) == "Gansu Department of Transport (lead or supporting)"


def test_no_filter_keeps_the_map_title(data):
    assert filter_title(Filters(), "zh", data["counties"], data["context"]) == "兰西城市群规划地图 · 当前视图"
    assert filter_title(None, "en", data["counties"], data["context"]) == "Lanzhou–Xining Plan Map · current view"


def test_an_unknown_county_is_refused(data):
    with pytest.raises(ValueError, match="unknown county '999999'"):
        filter_title(Filters(county="999999"), "zh", data["counties"], data["context"])


def test_the_texts_of_a_view_figure_name_filter_count_and_view(data):
    texts = figure_texts(_spec(data, LANZHOU_TRANSPORT, center=(36.25, 103.55), zoom=9), data)
    drawn = view_rows(PRESETS["current"], data["catalogue"], "", DEFAULT_LAYERS,
                      tuple(filter_catalogue(data["catalogue"], LANZHOU_TRANSPORT)["id"]))
    assert texts.title == "兰州市 · 交通"
    assert f"{len(drawn)}项" in texts.subtitle and "36.25°N 103.55°E，缩放级别 9" in texts.subtitle
    assert set(drawn["category"]) == {"transport"} and len(drawn) > 10
    assert view_note(None, None, "zh") == ""


def test_an_empty_filter_result_draws_nothing_not_everything(data):
    assert view_rows(PRESETS["current"], data["catalogue"], "", DEFAULT_LAYERS, ()).empty
    every = view_rows(PRESETS["current"], data["catalogue"], "", DEFAULT_LAYERS, None)
    assert len(every) == len(located(select_sublayers(data["catalogue"], DEFAULT_LAYERS))) > 50


def test_the_view_box_follows_the_pan_and_zoom(data):
    plan = visible_box(view_bounds(PRESETS["current"], data), 1920, 1080)
    panned = visible_box(view_bounds(PRESETS["current"], data), 1920, 1080, (36.25, 103.55), 9)
    further = visible_box(view_bounds(PRESETS["current"], data), 1920, 1080, (36.6, 101.8), 9)
    closer = visible_box(view_bounds(PRESETS["current"], data), 1920, 1080, (36.25, 103.55), 10)
    west, south, east, north = panned
    assert west < 103.55 < east and south < 36.25 < north
    assert (west + east) / 2 == pytest.approx(103.55) and (south + north) / 2 == pytest.approx(36.25)
    assert panned != plan and panned != further
    assert (closer[2] - closer[0]) == pytest.approx((east - west) / 2)  # one zoom level: half the width
    assert east - west < plan[2] - plan[0]  # zoom 9 shows less than the whole plan area


def test_the_view_figure_page_is_set_to_the_view(data):
    html = figure_html(_spec(data, LANZHOU_TRANSPORT, center=(36.25, 103.55), zoom=9), data)
    assert '"center": [36.25, 103.55]' in html and '"zoom": 9' in html
    assert "兰州市 · 交通" in html


@pytest.mark.parametrize("view, message", [
    ({"center": (10.0, 103.0), "zoom": 9}, "latitude 10.0 out of range"),
    ({"center": (36.0, 150.0), "zoom": 9}, "longitude 150.0 out of range"),
    ({"center": (36.0, 103.0), "zoom": 20}, "zoom 20 out of range"),
    ({"center": (36.0, float("nan")), "zoom": 9}, "longitude nan out of range"),
])
def test_a_view_outside_the_plan_region_is_refused(view, message):
    with pytest.raises(ValueError, match=message):
        check_spec(FigureSpec("current", **view))


def test_the_slides_of_a_filter_are_an_overview_and_one_per_city(data):
    filters = Filters(cities=("兰州市", "西宁市"), categories=("transport",))
    ids = tuple(filter_catalogue(data["catalogue"], filters)["id"])
    specs = filter_deck_specs(data, filters, ("counties", "rail"), ids, "zh", center=(36.3, 102.8), zoom=8)
    assert [(s.view, s.city) for s in specs] == [("current", ""), ("city", "兰州市"), ("city", "西宁市")]
    assert specs[0].center == (36.3, 102.8) and specs[1].center is None
    titles = [figure_texts(s, data).title for s in specs]
    assert titles == ["兰州市、西宁市 · 交通", "兰州市 · 交通", "西宁市 · 交通"]
    lanzhou = view_rows(PRESETS["city"], data["catalogue"], "兰州市", (), specs[1].record_ids)
    assert len(lanzhou) and set(lanzhou["subtype"]) == {"railway"}  # the filter and the layers shown
    assert all("兰州市" in cs for cs in lanzhou["cities"])
    plain = filter_deck_specs(data, Filters(categories=("transport",)), DEFAULT_LAYERS, ids, "en")
    assert len(plain) == 1 and plain[0].center is None
