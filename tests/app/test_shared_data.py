"""The layers the dashboard holds once per server are shared by every session, not copied per run:
driving the page through its filters, languages, views and focus must leave them as loaded."""

import copy

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app import cached_data
from app.compare_view import VIEW_KEY
from app.cached_data import ids_key
from app.table import table_of
from geo.files import ROOT
from tests.dashboard_page import dashboard_app

APP = str(ROOT / "dashboard.py")
TIMEOUT = 60


@pytest.fixture(scope="module")
def shared():
    """The layers every run reads, and deep copies of them taken before any page has run."""
    frames = cached_data.load_all()
    return frames, {k: copy.deepcopy(v) for k, v in frames.items()}


def _drive(at: AppTest) -> None:
    at.run()
    at.multiselect(key="w_cities").set_value(["兰州市"]).run()
    at.toggle(key="w_located_only").set_value(True).run()
    at.multiselect(key="w_categories").set_value(["transport", "ecology"]).run()
    at.radio(key="w_doc").set_value("impl2022").run()
    at.toggle(key="w_compare").set_value(True).run()
    at.radio(key="w_lang").set_value("en").run()
    at.text_input(key="w_text").set_value("Lanzhou").run()
    at.radio(key=VIEW_KEY).set_value("side").run()
    at.radio(key=VIEW_KEY).set_value("one").run()
    at.multiselect(key="w_cities").set_value(["西宁市"]).run()
    at.selectbox(key="w_county").set_value("630102").run()
    assert not at.exception


def test_the_page_shares_the_loaded_frames_and_changes_none(shared):
    frames, before = shared
    _drive(dashboard_app(TIMEOUT))
    assert cached_data.load_all() is frames, "the layers are copied per call, not shared"
    for name, frame in frames.items():
        pd.testing.assert_frame_equal(pd.DataFrame(frame), pd.DataFrame(before[name]), obj=name)


def test_a_cached_table_is_not_changed_by_the_page_that_shows_it(shared):
    ids = tuple(shared[0]["catalogue"]["id"])  # the default page's filter: every record, in order
    table_of.clear()  # made here, before any page shows it
    table = table_of(ids, ids_key(ids), "zh", ())
    kept = table.copy(deep=True)
    at = dashboard_app(TIMEOUT).run()
    assert not at.exception
    assert list(at.dataframe[0].value.iloc[:, 0]) == list(table.drop(columns="id").iloc[:, 0])
    assert table_of(ids, ids_key(ids), "zh", ()) is table
    pd.testing.assert_frame_equal(table, kept)


def test_the_ids_key_tells_apart_what_the_ids_do():
    assert ids_key(("a", "b")) == ids_key(["a", "b"]) != ids_key(("b", "a"))
    assert len({ids_key(ids) for ids in [(), ("",), ("", ""), ("ab",), ("a", "b"), ("a\x1fb",)]}) == 6
