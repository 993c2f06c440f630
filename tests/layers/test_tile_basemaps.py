import folium

from layers.tile_basemaps import OFFLINE, add_tiles, available_basemaps


def test_offline_is_first_and_tianditu_hidden_without_key():
    choices = available_basemaps({})
    assert next(iter(choices)) == OFFLINE and choices[OFFLINE] is None
    assert "tianditu" not in choices
    assert {"amap", "osm", "cartodb"} <= set(choices)


def test_tianditu_appears_with_key_and_carries_it():
    choices = available_basemaps({"TIANDITU_KEY": "abc123"})
    assert "tianditu" in choices
    assert all("tk=abc123" in url for url in choices["tianditu"].urls)
    assert len(choices["tianditu"].urls) == 2  # vector tiles and their labels


def test_only_amap_is_gcj02():
    choices = available_basemaps({"TIANDITU_KEY": "k"})
    assert [k for k, v in choices.items() if v is not None and v.gcj02] == ["amap"]


def test_add_tiles_renders_urls():
    m = folium.Map(tiles=None)
    add_tiles(m, available_basemaps({})["osm"])
    assert "tile.openstreetmap.org" in m.get_root().render()
