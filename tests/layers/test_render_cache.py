"""Stable ids within a map build, and compiled templates reused: the same map renders the same text."""

import folium

from layers import render_cache
from layers.base_map import base_map


def _page() -> str:
    m = base_map()
    folium.FeatureGroup(name="a").add_to(m)
    return m.get_root().render()


def test_the_same_map_built_twice_renders_the_same_text_and_compiles_nothing_new():
    render_cache.install()
    with render_cache.stable_ids():
        first = _page()
    before = render_cache._template.cache_info()
    with render_cache.stable_ids():
        second = _page()
    after = render_cache._template.cache_info()
    assert first == second
    assert after.misses == before.misses and after.hits > before.hits


def test_ids_are_unique_within_a_build_and_random_outside_one():
    render_cache.install()
    with render_cache.stable_ids():
        ids = [folium.FeatureGroup().get_name() for _ in range(50)]
    assert len(set(ids)) == 50
    assert folium.FeatureGroup().get_name() != folium.FeatureGroup().get_name()
    outside = folium.FeatureGroup()._id
    assert len(outside) == 32 and not outside.startswith("0000")
