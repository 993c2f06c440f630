from geo.crs import WGS84
from geo.plan_area import PLAN_AREA_KM2, PLAN_UNIT_SPECS


def test_39_counties_with_unique_adcodes(counties):
    assert len(counties) == 39
    assert counties["adcode"].is_unique
    assert counties.crs.equals(WGS84)


def test_every_county_in_exactly_one_plan_unit(counties, plan_units):
    members = [a for unit in plan_units["member_adcodes"] for a in unit]
    assert sorted(members) == sorted(counties["adcode"])
    assert set(counties["plan_unit"]) == set(plan_units["unit_id"])


def test_renamed_units_keep_current_and_plan_name(counties):
    by_adcode = counties.set_index("adcode")
    assert by_adcode.loc["630106", ["name_zh", "plan_name_zh"]].tolist() == ["湟中区", "湟中县"]
    assert by_adcode.loc["632301", ["name_zh", "plan_name_zh"]].tolist() == ["同仁市", "同仁县"]


def test_names_and_provinces(counties):
    assert counties["name_en"].str.len().min() > 3
    assert counties.groupby("province").size().to_dict() == {"甘肃省": 20, "青海省": 19}


def test_total_area_within_5_percent_of_plan_figure(counties):
    total = counties["area_km2"].sum()
    print(f"\nplan area: {total:,.0f} km² vs the plan's {PLAN_AREA_KM2:,.0f} km² "
          f"({(total / PLAN_AREA_KM2 - 1):+.1%})")
    assert abs(total / PLAN_AREA_KM2 - 1) < 0.05


def test_plan_units_match_the_plan_list(plan_units):
    assert len(plan_units) == len(PLAN_UNIT_SPECS) == 21
    assert sorted(plan_units["plan_name_zh"]) == sorted(s.plan_name_zh for s in PLAN_UNIT_SPECS)
    whole = plan_units[plan_units["whole_city"]]
    assert sorted(whole["name_zh"]) == ["兰州市", "海东市", "西宁市"]
    assert sorted(len(m) for m in whole["member_adcodes"]) == [6, 7, 8]
