"""The side-by-side view's parts: the synced pair of offline maps, the ids each draws, the rows and
counts as shown, and the view in the running dashboard (AppTest)."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from app.compare_view import SYNC_JS, SideBySide, counts_frame, drawn_ids, shown_rows
from app.plain_text import read_as_text
from geo import compare
from geo.documents import read_documents
from geo.files import ROOT
from geo.filters import Filters, filter_catalogue
from layers.base_map import base_map
from layers.offline_assets import VENDOR_DIR
from tests.dashboard_page import dashboard_app

DOCS = read_documents()
PAIR = compare.pair_of(DOCS)


@pytest.fixture(scope="module")
def lanzhou(catalogue):
    filtered = filter_catalogue(catalogue, Filters(cities=("兰州市",)))
    return filtered, compare.change_list(filtered, DOCS, PAIR)


def test_the_pair_of_maps_is_synced_and_offline():
    html = SideBySide(base_map(), base_map()).get_root().render()
    assert all((VENDOR_DIR / path).is_file() for path in SYNC_JS.values())
    assert "/app/static/vendor/sync/L.Map.Sync.js" in html
    assert re.search(r"map_\w+\.sync\(map_\w+\)", html)
    assert not re.findall(r"(?:src|href)=\"https?://", html)


def test_each_map_draws_only_its_documents_records(lanzhou):
    filtered, table = lanzhou
    left, right = drawn_ids(table, PAIR)
    docs = dict(zip(filtered["id"], filtered["docs"]))
    assert left and right and set(left) != set(right)
    assert all("plan2018" in docs[i] for i in left)
    assert all("impl2022" in docs[i] for i in right)
    assert set(left) | set(right) == set(table["id"])


@pytest.mark.parametrize("lang, words", [("zh", ("延续", "新增", "未再提及")), ("en", ("Carried on", "New", "Not named"))])
def test_rows_and_counts_are_bilingual(lanzhou, lang, words):
    _, table = lanzhou
    grid = counts_frame(table, PAIR, DOCS, lang)
    assert len(grid.columns) == 3 and all(w in c for w, c in zip(words, grid.columns))
    assert int(grid.iloc[-1].sum()) == len(table)
    rows = shown_rows(table, PAIR, DOCS, lang)
    assert len(rows) == len(table)
    changed = rows.iloc[:, 7]
    assert (changed != "").sum() == int(table["verb_changed"].sum()) > 0
    assert any("→" in v for v in changed)
    assert any("2018" in c for c in rows.columns) and any("2022" in c for c in rows.columns)


def test_the_dashboard_side_by_side_view_lists_the_changes(lanzhou):
    _, table = lanzhou
    expected = table["status"].value_counts()
    at = dashboard_app(60)
    at.query_params["city"] = "兰州市"
    at.run()
    at.radio(key="w_view_mode").set_value("side").run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"延续（两者皆有）": str(expected["both"]), "新增（仅2022 实施方案）": str(expected["2022"]),
                       "未再提及（仅2018 规划）": str(expected["2018"])}
    assert len(at.dataframe(key="compare_table").value) == len(table)  # one row a record
    assert any("两份文件之间" in m.value for m in at.markdown)


def test_the_side_by_side_view_is_in_the_link_and_a_link_opens_it():
    at = dashboard_app(60).run()
    assert "view" not in at.query_params  # the default, one map, keeps links short
    at.radio(key="w_view_mode").set_value("side").run()
    assert at.query_params["view"] in ("side", ["side"])
    again = dashboard_app(60)
    again.query_params["view"] = "side"
    again.run()
    assert not again.exception
    assert again.radio(key="w_view_mode").value == "side" and again.dataframe(key="compare_table")
    bad = dashboard_app(60)
    bad.query_params["view"] = "three"
    bad.run()
    assert bad.radio(key="w_view_mode").value == "one" and any("view=three" in read_as_text(w.value) for w in bad.warning)
