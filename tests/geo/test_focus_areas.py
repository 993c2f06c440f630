from geo.focus_areas import area_outline, bounds_of, city_adcodes


def test_a_city_outline_is_its_counties_union_simplified(counties):
    adcodes = city_adcodes(counties, ("兰州市",))
    assert len(adcodes) == 8 and all(a.startswith("6201") for a in adcodes)
    outline = area_outline(counties, adcodes, 0.003)
    lanzhou = counties[counties["adcode"].isin(adcodes)].geometry.union_all()
    assert abs(outline.area - lanzhou.area) / lanzhou.area < 0.01
    assert len(outline.wkt) < 20_000  # sent with every rerun: a few KB
    (south, west), (north, east) = bounds_of(outline)
    want_west, want_south, want_east, want_north = lanzhou.bounds
    assert max(abs(south - want_south), abs(west - want_west), abs(north - want_north), abs(east - want_east)) < 0.01
    assert 35 < south < north < 38 and 102 < west < east < 105


def test_an_unknown_county_is_refused(counties):
    import pytest

    with pytest.raises(ValueError):
        area_outline(counties, ["110101"], 0.003)
