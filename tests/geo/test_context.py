import shapely


def test_context_levels_and_provinces(context):
    levels = context.groupby("level").size().to_dict()
    assert set(levels) == {"province", "prefecture", "county"}
    provinces = set(context.loc[context["level"] == "province", "name_zh"])
    assert {"甘肃省", "青海省", "宁夏回族自治区", "四川省"} <= provinces


def test_context_frames_the_plan_area(context, counties):
    gansu_qinghai = context[(context["level"] == "province") & context["in_plan_area"]].union_all()
    assert gansu_qinghai.contains(counties.union_all().buffer(-0.01))


def test_context_counties_lie_outside_the_plan_area(context, counties):
    others = context[context["level"] == "county"]
    assert not others["adcode"].isin(counties["adcode"]).any()
    overlap = shapely.intersection(others.union_all(), counties.union_all()).area
    assert overlap < 1e-6


def test_prefectures_cover_gansu_and_qinghai(context):
    prefectures = context[context["level"] == "prefecture"]
    assert len(prefectures) == 22  # 14 in Gansu, 8 in Qinghai
    assert shapely.coverage_is_valid(prefectures.geometry.to_numpy())


def test_border_lines_draw_each_shared_border_once(context):
    from geo.context import as_border_lines

    prefectures = context[context["level"] == "prefecture"]
    lines = as_border_lines(prefectures, "prefecture")
    assert len(lines) == 1 and lines.geometry.iloc[0].geom_type in ("LineString", "MultiLineString")
    total_boundary = shapely.length(prefectures.boundary.to_numpy()).sum()
    drawn = shapely.length(lines.geometry.iloc[0])
    assert drawn < 0.7 * total_boundary  # shared borders counted once
    assert drawn > 0.5 * total_boundary
