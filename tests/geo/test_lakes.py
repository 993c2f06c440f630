from shapely.geometry import Point


def test_qinghai_lake_is_named_and_sized(lakes, counties):
    qinghai = lakes[lakes["name_zh"] == "青海湖"]
    assert len(qinghai) == 1
    assert 4000 < qinghai["area_km2"].iloc[0] < 4800
    haiyan = counties[counties["name_zh"] == "海晏县"].union_all()
    assert qinghai.geometry.iloc[0].distance(haiyan) < 0.01


def test_lakes_lie_in_the_region(lakes):
    assert lakes.geometry.within(Point(102.5, 36.25).buffer(6)).all()
