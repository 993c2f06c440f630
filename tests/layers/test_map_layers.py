import json
import re

import folium

from layers.base_map import base_map
from layers.basemap_layers import context_group, water_group
from layers.counties import COUNTY_TOOLTIP_MARK, counties_group, county_labels_group, plan_units_group
from layers.layer_control import GroupedLayers
from layers.legend import LegendEntry, legend_group, legend_html
from layers.map_legend import legend_entries
from layers.offline_assets import STATIC_DIR, missing_files, own_text


def _urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_every_vendored_file_is_on_disk():
    assert missing_files() == []


def test_base_map_asks_nothing_outside_its_server(context, rivers, lakes):
    m = base_map(sync_view=True)
    context_group(context).add_to(m)
    water_group(rivers, lakes).add_to(m)
    html = m.get_root().render()
    urls = _urls(html)
    assert urls, "the map must load its scripts"
    assert all(u.startswith("/app/static/") for u in urls), urls
    for url in urls:
        assert (STATIC_DIR / url.removeprefix("/app/static/")).is_file(), url
    assert "tile" not in html.lower().split("leaflet.js")[0] or "tileLayer" not in html


def test_counties_group_draws_39_with_marked_tooltips(counties):
    group = counties_group(counties, "zh")
    m = folium.Map(tiles=None)
    group.add_to(m)
    html = m.get_root().render()
    assert '"630106"' in html
    assert html.count(COUNTY_TOOLTIP_MARK) >= 39
    assert "湟中县" in html  # the plan's name of 湟中区 is shown


def test_plan_units_and_labels(counties, plan_units):
    m = folium.Map(tiles=None)
    plan_units_group(plan_units, "en").add_to(m)
    county_labels_group(counties, "en").add_to(m)
    html = m.get_root().render()
    assert "Yongdeng" in html and "Plan units (21)" not in html  # names only in the control


def test_grouped_layers_names_its_groups():
    fg = folium.FeatureGroup(name="铁路")
    m = folium.Map(tiles=None)
    fg.add_to(m)
    control = GroupedLayers({"交通": [fg], "空": []})
    control.add_to(m)
    html = m.get_root().render()
    assert "L.control.groupedLayers" in html
    assert json.dumps("交通") in html and json.dumps("空") not in html
    assert control.get_name().startswith("layer_control")


def test_legend_lists_only_what_is_drawn(catalogue, counties):
    rail = catalogue[catalogue["subtype"] == "railway"]
    labels = [e.label for e in legend_entries(rail, "zh", False, None)]
    assert any("铁路" in x for x in labels)
    assert not any("机场" in x for x in labels)
    with_counties = legend_entries(rail.iloc[0:0], "zh", False, counties)
    assert [e.label for e in with_counties][:2] == ["兰州市", "白银市"]


def test_legend_escapes_and_renders():
    html = legend_html("图例", [LegendEntry("<b>x</b>", "line", "#000", "4 4")])
    assert "&lt;b&gt;" in html and "stroke-dasharray" in html
    group = legend_group("图例", [LegendEntry("a", "point", "#f00")])
    m = folium.Map(tiles=None)
    group.add_to(m)
    html = m.get_root().render()
    assert "lxpmLegend(" in html and "map-legend" in html  # the control itself: static/js/lxpm-map.js


def test_the_base_map_fixes_the_stacking_of_its_panes(counties):
    from layers.base_map import pane_name
    from layers.styles import PANES

    m = base_map()
    counties_group(counties, "zh", pane=pane_name("counties")).add_to(m)
    html = m.get_root().render()
    for key, z in PANES.items():
        assert json.dumps([pane_name(key), z]) in html
    assert '"pane":"lxpm-counties"' in html
    assert '<link rel="stylesheet" href="/app/static/css/lxpm-map.css"/>' in html
    assert ".leaflet-pane > svg { pointer-events: none; }" in own_text("css/lxpm-map.css")


def test_legend_names_prefectures_in_the_language_given(catalogue, counties):
    names = {"兰州市": "Lanzhou"}
    labels = [e.label for e in legend_entries(catalogue.iloc[0:0], "en", False, counties, names)]
    assert labels[0] == "Lanzhou" and "白银市" in labels  # a name missing from the map stays as it is
