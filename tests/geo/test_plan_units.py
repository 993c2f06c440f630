import shapely

from geo.counties import area_km2


def test_counties_form_a_valid_coverage(counties):
    assert shapely.coverage_is_valid(counties.geometry.to_numpy())


def test_units_form_a_valid_coverage_without_gaps(plan_units, counties):
    assert shapely.coverage_is_valid(plan_units.geometry.to_numpy())
    union_units = plan_units.union_all()
    union_counties = counties.union_all()
    assert union_units.symmetric_difference(union_counties).area < 1e-9


def test_unit_area_is_the_sum_of_its_members(plan_units, counties):
    by_adcode = counties.set_index("adcode")["area_km2"]
    for _, unit in plan_units.iterrows():
        assert abs(unit["area_km2"] - by_adcode[unit["member_adcodes"]].sum()) < 0.5


def test_simplified_area_stays_close_to_the_stored_area(counties):
    drawn = area_km2(counties.geometry)
    assert ((drawn / counties["area_km2"] - 1).abs() < 0.02).all()
