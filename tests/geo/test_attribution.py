import re

import pytest

from geo.attribution import MIN_CROSSING_KM, RELATIONS, attribute_units, crossing_km

# The 14 area records that gained plan counties through a sliver of a simplified outline
# (issue 11); none of these counties may come back.
SLIVER_CASES = [
    ("st-xining-haidong-metro-circle", ["积石山保安族东乡族撒拉族自治县"], ["临夏回族自治州"]),
    ("st-xining-haidong-industrial-transfer-zone", ["积石山保安族东乡族撒拉族自治县"], ["临夏回族自治州"]),
    ("ec-east-qinghai-dry-mountains-governance-zone", ["积石山保安族东乡族撒拉族自治县"], ["临夏回族自治州"]),
    ("ec-huangshui-scale-forest-farm", ["积石山保安族东乡族撒拉族自治县"], ["临夏回族自治州"]),
    ("ec-nanbeishan-afforestation", ["积石山保安族东乡族撒拉族自治县"], ["临夏回族自治州"]),
    ("tr-haidong-trunk-road-nodes", ["积石山保安族东乡族撒拉族自治县", "城东区"], ["临夏回族自治州", "西宁市"]),
    ("en-linxia-clean-energy-base", ["西固区", "红古区"], ["兰州市"]),
    ("ec-qilian-rim-governance-zone", ["城东区", "城北区"], []),
    ("tr-lanzhou-ring-road-network", ["白银区"], ["白银市"]),
    ("ec-gansu-central-loess-plateau", ["临夏县", "广河县"], []),
    ("st-lanzhou-baiyin-1h-commuting-circle", ["临夏县", "广河县"], []),
    ("ec-lanzhou-north-shelterbelt", ["西固区"], []),
    ("ec-yellow-river-riparian-governance-zone", ["红古区", "平川区"], []),
    ("ec-zuli-river-basin-governance", ["平川区"], []),
]


@pytest.mark.parametrize("record,counties,cities", SLIVER_CASES, ids=[c[0] for c in SLIVER_CASES])
def test_no_county_enters_through_a_sliver(catalogue, record, counties, cities):
    row = catalogue.set_index("id").loc[record]
    assert not set(counties) & set(row["counties"])
    assert not set(cities) & set(row["cities"])


def test_units_records_hold_exactly_their_members(catalogue, county_polygons):
    from tests.geo.catalogue_items import items_by_id

    items = items_by_id()
    for _, row in catalogue[catalogue["geometry_rule"] == "units"].iterrows():
        expected = attribute_units(items[row["id"]]["units"], county_polygons)
        assert [e["adcode"] for e in row["attribution"]] == [e["adcode"] for e in expected.entries], row["id"]
        assert {e["reason"] for e in row["attribution"]} <= {"member"}, row["id"]


def test_attribution_is_consistent_with_cities_and_counties(catalogue):
    for _, row in catalogue.iterrows():
        entries = row["attribution"]
        assert row["cities"] == list(dict.fromkeys(e["city"] for e in entries)), row["id"]
        assert row["county_adcodes"] == [e["adcode"] for e in entries if e["adcode"]], row["id"]
        assert all(e["relation"] in RELATIONS and e["reason"] for e in entries), row["id"]


@pytest.mark.parametrize("rule,allowed", [("units", {"located", "covers"}), ("at", {"located"}),
                                          ("points", {"located"}), ("through", {"located", "passes"}),
                                          ("river", {"located", "passes"})])
def test_relation_follows_the_rule(catalogue, rule, allowed):
    rows = catalogue[catalogue["geometry_rule"] == rule]
    for _, row in rows.iterrows():
        relations = {e["relation"] for e in row["attribution"]}
        assert relations <= allowed, row["id"]
        if relations and rule not in ("at", "points"):
            assert len(relations) == 1, row["id"]
            if len(row["cities"]) > 1:
                assert relations != {"located"}, row["id"]
            if relations == {"located"}:
                assert all(o.startswith(row["cities"][0]) for o in row["outside"]), row["id"]


def test_line_reasons_meet_the_threshold_or_name_a_place(catalogue):
    for _, row in catalogue[catalogue["geometry_rule"].isin(["through", "river"])].iterrows():
        for e in row["attribution"]:
            km = [int(k) for k in re.findall(r"(?:crosses|along) (\d+) km", e["reason"])]
            assert km or "passes " in e["reason"], (row["id"], e)
            assert all(k >= round(MIN_CROSSING_KM) for k in km), (row["id"], e)


def test_crossing_km_measures_the_line_inside_each_county(county_polygons):
    from shapely.geometry import LineString

    lanzhou = county_polygons[county_polygons["name_zh"] == "城关区"]
    centre = lanzhou.geometry.iloc[0].representative_point()
    line = LineString([(centre.x - 0.01, centre.y), (centre.x + 0.01, centre.y)])  # ≈ 1.8 km
    km = crossing_km(line, county_polygons)
    assert 1.7 < km.sum() < 1.9


@pytest.mark.slow
def test_every_attribution_holds_on_full_resolution_boundaries(catalogue, places):
    """Recompute each county's rule on the unsimplified AMap boundaries from the build packages."""
    from geo.build.pipeline import build_boundaries

    _, full = build_boundaries()
    by_adcode = full.set_index("adcode")
    place_county = dict(zip(places["name_zh"], places["county_adcode"]))
    for _, row in catalogue[catalogue["located"]].iterrows():
        for e in row["attribution"]:
            polygon = by_adcode.loc[e["adcode"], "geometry"]
            if row["geometry_rule"] in ("at", "points"):
                assert any(polygon.contains(p) for p in getattr(row.geometry, "geoms", [row.geometry])), row["id"]
            elif row["geometry_rule"] in ("through", "river"):
                inside = crossing_km(row.geometry, full).get(by_adcode.index.get_loc(e["adcode"]), 0.0)
                passes = any(place_county.get(n) == e["adcode"] for n in row["places"])
                assert passes or inside >= MIN_CROSSING_KM - 0.05, (row["id"], e, inside)
        if row["geometry_rule"] in ("through", "river"):
            km = crossing_km(row.geometry, full)
            crossed = {full.iloc[i]["adcode"] for i, k in km.items() if k >= MIN_CROSSING_KM + 0.05
                       and full.iloc[i]["in_plan_area"]}
            assert crossed <= set(row["county_adcodes"]), row["id"]
