"""The registry is complete: every record kind is drawn by exactly one sub-layer of a known group."""

import pytest

from geo import registry
from geo.catalogue import load_catalogue
from geo.schema import CATEGORIES, SUBTYPES


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_subtype_of_every_category_has_exactly_one_sublayer(category):
    for subtype in SUBTYPES[category]:
        assert registry.sublayer_of(category, subtype) in registry.SUBLAYER_BY_KEY


def test_a_category_left_out_of_the_registry_is_noticed(monkeypatch):
    without_energy = tuple(s for s in registry.SUBLAYERS if s.key != "cat_energy")
    monkeypatch.setattr(registry, "SUBLAYERS", without_energy)
    with pytest.raises(KeyError, match="energy/power_grid is held by 0 sub-layers"):
        registry.sublayer_of("energy", "power_grid")


def test_every_sublayer_belongs_to_a_group_and_every_group_has_toggles():
    assert {s.group for s in registry.SUBLAYERS} | {"base"} == set(registry.GROUPS)
    groups = registry.layer_groups()
    assert all(groups[g] for g in registry.GROUPS)
    assert sum(len(v) for v in groups.values()) == len(registry.LAYERS) == len(set(registry.LAYERS))


def test_defaults_and_presets_name_known_layers():
    assert set(registry.DEFAULT_LAYERS) <= set(registry.LAYERS)
    assert "eco_zones" not in registry.DEFAULT_LAYERS
    for preset in registry.PRESETS.values():
        assert set(preset.sublayers) <= set(registry.SUBLAYER_BY_KEY), preset.key
        assert preset.fill in registry.FILL_KINDS
    assert set(registry.EXPORTED_PRESETS) <= set(registry.PRESETS)


def test_transport_modes_are_the_schema_subtypes():
    assert registry.TRANSPORT_MODES == SUBTYPES["transport"]


def test_every_catalogue_record_is_drawn_by_one_sublayer():
    catalogue = load_catalogue()
    members = registry.sublayer_members(catalogue)
    for record_id in catalogue["id"]:
        assert sum(record_id in ids for ids in members.values()) == 1, record_id


def test_select_sublayers_keeps_catalogue_order_and_each_record_once():
    catalogue = load_catalogue()
    rows = registry.select_sublayers(catalogue, ("rail", "roads", "rail"))
    assert list(rows.index) == sorted(rows.index)
    assert set(rows["subtype"]) == {"railway", "highway", "road"}
    assert registry.select_sublayers(catalogue, ()).empty
