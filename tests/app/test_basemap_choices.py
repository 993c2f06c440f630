"""The dashboard with an office's basemaps file: its basemaps in the sidebar and links; a bad file one
line in the log and on the page, and the page runs on the offline basemap."""

import logging

import pytest
from streamlit.testing.v1 import AppTest

from app.basemap_choices import basemap_choices
from app.plain_text import read_as_text
from geo.files import ROOT
from tests.layers.test_basemap_file import INTRANET

APP = str(ROOT / "dashboard.py")


def _page(monkeypatch, path, **query) -> AppTest:
    monkeypatch.setenv("LXPM_BASEMAPS", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    return at.run()


def test_the_file_s_basemaps_are_offered_and_a_link_opens_one(tmp_path, monkeypatch):
    path = tmp_path / "basemaps.toml"
    path.write_text(INTRANET, encoding="utf-8")
    at = _page(monkeypatch, path, basemap="intranet", lang="en")
    assert not at.exception and not at.warning
    assert at.selectbox(key="w_basemap").value == "intranet"
    assert at.selectbox(key="w_basemap").options[:4] == ["Offline vector basemap", "Intranet basemap",
                                                        "天地图（省级节点）", "Office AMap mirror"]
    assert any("tiles from tiles.gov.example" in read_as_text(i.value) for i in at.info)
    assert at.query_params["basemap"] in ("intranet", ["intranet"])


def test_a_gcj02_basemap_shifts_the_layers(tmp_path, monkeypatch):
    path = tmp_path / "basemaps.toml"
    path.write_text(INTRANET, encoding="utf-8")
    choices, problem = basemap_choices({"LXPM_BASEMAPS": str(path)})
    assert problem == "" and choices["gcj"].gcj02 and not choices["intranet"].gcj02
    from app.cached_data import is_gcj02
    assert is_gcj02(choices["gcj"]) and not is_gcj02(choices["intranet"])


@pytest.mark.parametrize("text", ["[[basemap]\n", INTRANET.replace('crs = "wgs84"', 'crs = "mars"', 1),
                                  INTRANET.replace("{z}/{x}/{y}.png", "tile.png", 1)])
def test_a_bad_file_is_one_line_in_the_log_and_the_page_and_the_page_runs_offline(tmp_path, monkeypatch, caplog,
                                                                                  text):
    path = tmp_path / "[bad](evil.example)" / "basemaps.toml"  # a path from the environment, shown as text
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="dashboard.basemaps"):
        at = _page(monkeypatch, path, basemap="intranet")
    assert not at.exception and not at.error
    assert at.selectbox(key="w_basemap").value == "offline"
    assert "intranet" not in at.selectbox(key="w_basemap").options
    shown = [read_as_text(w.value) for w in at.warning]
    assert any(s.startswith("底图配置文件有误") and str(path) in s for s in shown), shown
    assert any("basemap=intranet" in s for s in shown)  # the link's basemap fell back, with its notice
    assert all("[bad](evil" not in w.value for w in at.warning)  # the path's Markdown is escaped
    lines = [r.getMessage() for r in caplog.records if "basemaps file not used" in r.getMessage()]
    assert len(lines) == 1 and all("\n" not in line for line in lines)


def test_a_bad_file_is_logged_once_not_on_every_run(tmp_path, caplog):
    path = tmp_path / "basemaps.toml"
    path.write_text("[[basemap]\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="dashboard.basemaps"):
        for _ in range(3):
            choices, problem = basemap_choices({"LXPM_BASEMAPS": str(path)})
    assert list(choices)[0] == "offline" and "not valid TOML" in problem
    assert sum("basemaps file not used" in r.getMessage() for r in caplog.records) == 1
    path.write_text(INTRANET, encoding="utf-8")  # mended: read again on the next run
    assert basemap_choices({"LXPM_BASEMAPS": str(path)})[1] == ""
