import re

import pytest

from geo.attribution import (BANK_KM, MIN_CROSSING_KM, RELATIONS, attribute_units, bank_distance_km,
                             crossing_km)

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


def test_river_reasons_meet_the_threshold(catalogue):
    for _, row in catalogue[catalogue["geometry_rule"] == "river"].iterrows():
        for e in row["attribution"]:
            km = [int(k) for k in re.findall(r"along (\d+) km", e["reason"])]
            assert km and all(k >= round(MIN_CROSSING_KM) for k in km), (row["id"], e)


def test_a_schematic_line_claims_only_its_named_places(catalogue, places):
    """A line's counties are exactly those of the places it is drawn through; what its chord
    crosses is its passage (示意线经过), never an attribution entry."""
    county_of = dict(zip(places["name_zh"], places["county_adcode"]))
    for _, row in catalogue[catalogue["geometry_rule"] == "through"].iterrows():
        named = {county_of[n] for n in row["places"] if county_of[n]}
        plan = {e["adcode"] for e in row["attribution"]}
        assert plan <= named, row["id"]
        assert all(e["reason"].startswith("passes ") for e in row["attribution"]), row["id"]
        passage = [e["adcode"] for e in row["schematic_passage"]]
        assert not set(passage) & plan and len(passage) == len(set(passage)), row["id"]
        assert all(int(re.fullmatch(r"crosses (\d+) km", e["reason"]).group(1)) >= round(MIN_CROSSING_KM)
                   for e in row["schematic_passage"]), row["id"]
    others = catalogue[catalogue["geometry_rule"] != "through"]
    assert (others["schematic_passage"].map(len) == 0).all()


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
            if row["geometry_rule"] in ("at", "points") and e["reason"] == "contains":
                assert any(polygon.contains(p) for p in getattr(row.geometry, "geoms", [row.geometry])), row["id"]
            elif row["geometry_rule"] == "river":
                inside = crossing_km(row.geometry, full).get(by_adcode.index.get_loc(e["adcode"]), 0.0)
                assert inside >= MIN_CROSSING_KM - 0.05, (row["id"], e, inside)
            elif e["reason"].startswith("bank "):
                assert bank_distance_km(row.geometry, *[by_adcode.loc[a, "geometry"] for a in
                                                        row["county_adcodes"]]) <= BANK_KM, row["id"]
            elif row["geometry_rule"] == "through":
                assert any(place_county.get(n) == e["adcode"] for n in row["places"]), (row["id"], e)
        if row["geometry_rule"] == "river":
            km = crossing_km(row.geometry, full)
            crossed = {full.iloc[i]["adcode"] for i, k in km.items() if k >= MIN_CROSSING_KM + 0.05
                       and full.iloc[i]["in_plan_area"]}
            assert crossed <= set(row["county_adcodes"]), row["id"]
        if row["geometry_rule"] == "through":
            # The passage is computed on exactly the stored (drawn) line: recompute it here.
            km = crossing_km(row.geometry, full)
            crossed = {full.iloc[i]["adcode"] for i, k in km.items() if k >= MIN_CROSSING_KM + 0.05
                       and full.iloc[i]["in_plan_area"]}
            listed = {e["adcode"] for e in row["schematic_passage"]} | set(row["county_adcodes"])
            assert crossed <= listed, row["id"]


# The audit's three cases of a chord claiming counties the text does not name (issue 19): record,
# its counties (exactly), counties its drawn chord crosses that must stay apart, counties it must
# not touch at all.
LINE_CASES = [
    ("en-qinghai-henan-uhvdc", ["共和县"], ["贵德县", "陇西县", "临洮县"], []),
    ("tr-yongjing-dahejia-expressway", ["永靖县", "积石山保安族东乡族撒拉族自治县"], ["民和回族土族自治县"], []),
    ("tr-qinghai-tibet-railway-xining-golmud", ["城西区", "湟源县", "海晏县"], ["湟中区"], ["共和县"]),
]


@pytest.mark.parametrize("record,counties,passage,untouched", LINE_CASES, ids=[c[0] for c in LINE_CASES])
def test_a_line_is_attributed_to_its_named_places_only(catalogue, record, counties, passage, untouched):
    from geo.filters import Filters, filter_catalogue

    row = catalogue.set_index("id").loc[record]
    assert row["counties"] == counties
    crossed = [e["county"] for e in row["schematic_passage"]]
    assert set(passage) <= set(crossed) and not set(untouched) & set(crossed + row["counties"])
    for city in {e["city"] for e in row["schematic_passage"]} - set(row["cities"]):
        # A city the chord merely crosses does not get the record in its filter.
        assert record not in set(filter_catalogue(catalogue, Filters(cities=(city,)))["id"]), city


def test_a_line_leaving_the_plan_area_does_not_cut_across_qinghai_lake(catalogue, lakes):
    lake = lakes[lakes["name_zh"] == "青海湖"].geometry.iloc[0]
    lines = catalogue[catalogue["geometry_rule"] == "through"]
    crossing = lines[lines.intersects(lake)]
    # Only a line whose own text names the lake may reach it.
    assert all(any("青海湖" in s["quote"] for s in row["sources"]) for _, row in crossing.iterrows()), \
        list(crossing["id"])


def test_the_stored_line_is_the_line_the_map_draws():
    """Leaflet draws a straight segment in Web Mercator between vertices: the stored line holds
    vertices on that segment, at most MAX_STEP_DEG apart, and the named places exactly."""
    import math

    from shapely.geometry import Point

    from geo.schematic_lines import EARTH_RADIUS_M, MAX_STEP_DEG, drawn_line

    a, b = Point(100.61306, 36.28139), Point(114.02586, 32.98385)
    line = drawn_line([a, b])
    coords = list(line.coords)
    assert coords[0] == (a.x, a.y) and coords[-1] == (b.x, b.y)
    y = lambda lat: EARTH_RADIUS_M * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))  # noqa: E731
    slope = (y(b.y) - y(a.y)) / (b.x - a.x)
    for lon, lat in coords:
        assert abs(y(lat) - (y(a.y) + slope * (lon - a.x))) < 1e-3  # metres on the drawn segment
    steps = [max(abs(p[0] - q[0]), abs(p[1] - q[1])) for p, q in zip(coords, coords[1:])]
    assert max(steps) <= MAX_STEP_DEG + 1e-9
    # A lon/lat chord would lie about 1.8 km south of the drawn line halfway.
    mid = line.interpolate(0.5, normalized=True)
    assert mid.y - (a.y + b.y) / 2 > 0.01


BANK_CASES = [
    ("ec-daxia-reservoir", ["榆中县", "白银区"], ["兰州市", "白银市"]),
    ("ec-gongboxia-reservoir", ["化隆回族自治县", "循化撒拉族自治县"], ["海东市"]),
    ("ec-longyangxia-reservoir", ["共和县", "贵南县"], ["海南藏族自治州"]),
    ("ec-liujiaxia-reservoir", ["永靖县"], ["临夏回族自治州"]),  # the dam stands inside one county
]


@pytest.mark.parametrize("record,counties,cities", BANK_CASES, ids=[c[0] for c in BANK_CASES])
def test_a_dam_on_a_border_river_belongs_to_both_banks(catalogue, record, counties, cities):
    row = catalogue.set_index("id").loc[record]
    assert sorted(row["counties"]) == sorted(counties)
    assert sorted(row["cities"]) == sorted(cities)
    assert all(e["relation"] == "located" for e in row["attribution"])


def test_a_declared_bank_follows_a_river_that_forms_the_border(places, counties, rivers):
    """Each `bank` place: the two counties' shared border, within 10 km of the point, runs within
    2.5 km (median) of the declared river of the rivers layer."""
    import numpy as np
    import shapely
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    banks = places[places["bank_county"] != ""]
    assert len(banks) >= 5
    for _, place in banks.iterrows():
        a = counties[counties["adcode"] == place["county_adcode"]].geometry.iloc[0]
        b = counties[counties["name_zh"] == place["bank_county"]].geometry.iloc[0]
        border = shapely.intersection(a.boundary, b.boundary).intersection(place.geometry.buffer(0.1))
        river = rivers[rivers["named"] & (rivers["name_zh"] == place["bank_river"])].geometry.iloc[0]
        points = shapely.points(shapely.get_coordinates(shapely.segmentize(border, 0.005)))
        nearest = shapely.get_coordinates(shapely.shortest_line(points, river))
        km = np.array([geod.inv(*p, *q)[2] / 1000 for p, q in zip(nearest[0::2], nearest[1::2])])
        assert len(km) > 10 and np.median(km) <= 2.5, (place["name_zh"], float(np.median(km)))


def test_a_bank_county_far_from_the_point_is_an_error(county_polygons, places):
    from geo.attribution import attribute_points

    dam = places[places["name_zh"] == "大峡库区"].iloc[0].copy()
    dam["bank_county"] = "贵南县"
    with pytest.raises(ValueError, match="not a border-river point"):
        attribute_points([dam], county_polygons)
