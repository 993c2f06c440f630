"""An office's own basemaps from a TOML file: what a good file adds, and one clear line for a bad one."""

import folium
import pytest

from layers.basemap_file import BasemapFileError, basemaps_path, parse_basemaps, read_basemaps
from layers.tile_basemaps import OFFLINE, add_tiles, available_basemaps, basemap_name

INTRANET = """
[[basemap]]
id = "intranet"
name_zh = "政务网底图"
name_en = "Intranet basemap"
url = "http://tiles.gov.example/vec/{z}/{x}/{y}.png"
crs = "wgs84"
attribution = "© 甘肃省天地图"
max_zoom = 16

[[basemap]]
id = "tdt-node"
name_zh = "天地图（省级节点）"
url = "http://t{s}.tdt.gov.example/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk=k1"
overlay_url = "http://t{s}.tdt.gov.example/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=cva&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k1"
subdomains = "01234567"
crs = "wgs84"

[[basemap]]
id = "gcj"
name_en = "Office AMap mirror"
url = "https://amap.office.example/{z}/{x}/{y}.png"
crs = "gcj02"
"""


def test_a_good_file_adds_its_basemaps_after_the_offline_one():
    found = parse_basemaps(INTRANET)
    choices = available_basemaps({}, found.basemaps, found.public)
    assert list(choices)[:4] == [OFFLINE, "intranet", "tdt-node", "gcj"] and "osm" in choices
    intranet, tdt, gcj = (choices[k] for k in ("intranet", "tdt-node", "gcj"))
    assert intranet.urls == ("http://tiles.gov.example/vec/{z}/{x}/{y}.png",) and intranet.max_zoom == 16
    assert not intranet.gcj02 and gcj.gcj02
    assert "TILEMATRIX={z}&TILEROW={y}&TILECOL={x}" in tdt.urls[0] and len(tdt.urls) == 2  # base and labels
    assert tdt.subdomains == "01234567" and tdt.hosts() == ("t*.tdt.gov.example",)
    assert basemap_name("intranet", intranet, "zh") == "政务网底图"
    assert basemap_name("intranet", intranet, "en") == "Intranet basemap"
    assert basemap_name("tdt-node", tdt, "en") == "天地图（省级节点）"  # one name serves both languages
    assert basemap_name("osm", choices["osm"], "zh") == "OpenStreetMap"
    assert gcj.attribution == "amap.office.example"  # no attribution given: the server's name


def test_the_public_services_can_be_turned_off():
    found = parse_basemaps("public_basemaps = false\n" + INTRANET)
    assert list(available_basemaps({}, found.basemaps, found.public)) == [OFFLINE, "intranet", "tdt-node", "gcj"]


def test_tiles_are_asked_of_the_file_s_server_and_the_attribution_is_text():
    found = parse_basemaps(INTRANET.replace("© 甘肃省天地图", "<img src=x onerror=alert(1)> [a](http://evil.example/)"))
    m = folium.Map(tiles=None)
    add_tiles(m, found.basemaps[0])
    html = m.get_root().render()
    assert "http://tiles.gov.example/vec/{z}/{x}/{y}.png" in html
    assert "<img src=x" not in html and "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in html  # &lt; in JSON
    assert '"maxNativeZoom": 16' in html


@pytest.mark.parametrize("text, problem", [
    ("[[basemap]\n", "not valid TOML"),
    ("", "holds no [[basemap]] table"),
    (INTRANET.replace('crs = "gcj02"', 'crs = "bd09"'), "basemap 'gcj': unknown crs 'bd09'"),
    (INTRANET.replace("/vec/{z}/{x}/{y}.png", "/vec/tiles.png"), "basemap 'intranet': url lacks {z}, {x} or {y}"),
    (INTRANET.replace("{z}/{x}/{y}.png", "{z}/{x}/{y}/{q}.png"), "names unknown variables {q}"),
    (INTRANET.replace("http://tiles.gov.example", "file:///etc"), "must start with http:// or https://"),
    (INTRANET.replace('subdomains = "01234567"', ""), "has {s} but no subdomains"),
    (INTRANET.replace('subdomains = "01234567"', 'subdomains = "</script>"'), "subdomains must be letters"),
    (INTRANET.replace('id = "gcj"', 'id = "osm"'), "basemap 'osm': the id is taken"),
    (INTRANET.replace('id = "gcj"', 'id = "intranet"'), "the id is taken"),
    (INTRANET.replace('id = "gcj"', 'id = "Bad Id"'), "basemap 3: id must be"),
    (INTRANET.replace("max_zoom = 16", "max_zoom = 40"), "max_zoom must be a whole number"),
    (INTRANET.replace("max_zoom = 16", "max_zoon = 16"), "unknown key max_zoon"),
    (INTRANET.replace('crs = "gcj02"', ""), "basemap 3: missing crs"),
    (INTRANET.replace('name_en = "Office AMap mirror"', ""), "give name_zh or name_en"),
    ("colour = 1\n" + INTRANET, "unknown top-level key colour"),
])
def test_a_bad_file_is_refused_with_its_problem_in_one_line(tmp_path, text, problem):
    path = tmp_path / "basemaps.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BasemapFileError) as caught:
        read_basemaps(path)
    assert problem in str(caught.value) and str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_an_unreadable_or_missing_file_is_one_line(tmp_path):
    with pytest.raises(BasemapFileError, match="file not found"):
        read_basemaps(tmp_path / "none.toml")
    (tmp_path / "bin.toml").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(BasemapFileError, match="cannot be read"):
        read_basemaps(tmp_path / "bin.toml")


def test_the_file_is_named_by_the_environment_else_found_at_the_root(tmp_path):
    assert basemaps_path({}, tmp_path) is None  # optional
    (tmp_path / "basemaps.toml").write_text(INTRANET, encoding="utf-8")
    assert basemaps_path({}, tmp_path) == tmp_path / "basemaps.toml"
    assert basemaps_path({"LXPM_BASEMAPS": "/srv/x.toml"}, tmp_path).as_posix() == "/srv/x.toml"


def test_the_example_file_of_the_readme_is_a_good_file():
    from geo.files import ROOT
    found = read_basemaps(ROOT / "deploy" / "basemaps.example.toml")
    assert [b.key for b in found.basemaps] == ["tdt-gov", "office"] and found.public
    assert len(found.basemaps[0].urls) == 2  # 天地图's vector tiles and their labels
