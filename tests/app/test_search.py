"""Choosing a search hit focuses it: the session keys the map follows (pure, then AppTest)."""

import pytest
from streamlit.testing.v1 import AppTest

from app.search import FILTER_KEYS, focus_updates, session_filters, unhiding
from geo.catalogue import load_catalogue
from geo.filters import Filters, filter_catalogue
from geo.files import ROOT
from geo.place_search import Entry
from tests.dashboard_page import dashboard_app

APP = str(ROOT / "dashboard.py")
AIRPORT = "airport-lanzhou-zhongchuan-international-airport"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _transport_record(catalogue):
    return catalogue[catalogue["category"] == "transport"].iloc[0]


def test_a_county_hit_sets_its_city_and_county_and_clears_the_choices(catalogue):
    entry = Entry("county", "620102", "城关区", "Chengguan District", "chengguanqu", "兰州市")
    assert focus_updates(entry, Filters(), catalogue) == {
        "w_cities": ["兰州市"], "w_county": "620102", "selected": "", "place": ""}


def test_a_city_hit_sets_the_city_and_clears_the_county(catalogue):
    entry = Entry("city", "西宁市", "西宁市", "Xining", "xiningshi")
    assert focus_updates(entry, Filters(county="620102"), catalogue) == {
        "w_cities": ["西宁市"], "w_county": "", "selected": "", "place": ""}


def test_a_place_hit_sets_the_place_and_clears_the_record(catalogue):
    entry = Entry("place", AIRPORT, "兰州中川国际机场", "", "")
    assert focus_updates(entry, Filters(cities=("西宁市",)), catalogue) == {"place": AIRPORT, "selected": ""}


def test_a_record_hit_resets_only_the_filter_that_hides_it(catalogue):
    record = _transport_record(catalogue)
    filters = Filters(categories=("ecology",), doc="all", cities=tuple(e["city"] for e in record["attribution"]))
    updates = focus_updates(Entry("record", record["id"], record["name_zh"], "", ""), filters, catalogue)
    assert updates == {"selected": record["id"], "place": "", "w_categories": []}
    assert not filter_catalogue(catalogue[catalogue["id"] == record["id"]],
                                Filters(cities=filters.cities)).empty


def test_a_shown_record_keeps_every_filter(catalogue):
    record = _transport_record(catalogue)
    assert unhiding(catalogue[catalogue["id"] == record["id"]], Filters(categories=("transport",))) == {}


def test_filters_that_hide_a_record_only_together_are_all_reset(catalogue):
    # A text that the record's name holds, with a category it lacks, hides it; the text alone does not.
    record = _transport_record(catalogue)
    filters = Filters(categories=("ecology",), text=record["name_zh"][:2])
    reset = unhiding(catalogue[catalogue["id"] == record["id"]], filters)
    assert reset["categories"] == () and not filter_catalogue(
        catalogue[catalogue["id"] == record["id"]], Filters(**{**filters.__dict__, **reset})).empty


def test_the_filter_keys_are_the_sidebar_widgets():
    assert FILTER_KEYS["cities"] == "w_cities" and FILTER_KEYS["county"] == "w_county"
    session = {key: ([] if key in ("w_cities", "w_categories", "w_modes") else "") for key in FILTER_KEYS.values()}
    session.update(w_doc="all", w_located_only=False, w_cities=["兰州市"])
    assert session_filters(session) == Filters(cities=("兰州市",))


@pytest.fixture
def app():
    return dashboard_app(60)


def test_choosing_a_county_hit_sets_the_focus_state(app):
    at = app.run()
    at.session_state["selected"] = "x"
    at.selectbox(key="w_find").set_value("county:620102").run()
    assert not at.exception
    state = at.session_state
    assert (state["w_cities"], state["w_county"], state["selected"], state["place"]) == (["兰州市"], "620102", "", "")
    assert at.selectbox(key="w_find").value is None  # the box empties: it is an action, not a filter
    assert at.query_params["county"] in ("620102", ["620102"])


def test_choosing_a_place_then_a_record_hit_sets_each_choice(app, catalogue):
    at = app.run()
    at.selectbox(key="w_find").set_value(f"place:{AIRPORT}").run()
    assert (at.session_state["place"], at.session_state["selected"]) == (AIRPORT, "")
    record = _transport_record(catalogue)
    at.multiselect(key="w_categories").set_value(["ecology"]).run()
    at.selectbox(key="w_find").set_value(f"record:{record['id']}").run()
    assert not at.exception
    assert (at.session_state["selected"], at.session_state["place"]) == (record["id"], "")
    assert at.session_state["w_categories"] == []  # the filter that hid it is reset
    assert at.query_params["sel"] in (record["id"], [record["id"]])


def test_the_search_box_speaks_the_page_language(app):
    at = app.run()
    at.radio(key="w_lang").set_value("en").run()
    assert at.selectbox(key="w_find").placeholder.startswith("Find a place")
    assert any(o.endswith("— county") and "Chengguan District" in o for o in at.selectbox(key="w_find").options)
