import numpy as np
from shapely.geometry import Point

from geo.gcj02 import gcj02_to_wgs84, geometry_to_gcj02, geometry_to_wgs84, wgs84_to_gcj02


def test_offset_here_is_about_100_to_250_metres_east():
    wgs = np.array([[103.83, 36.06], [100.62, 36.28]])
    delta = wgs84_to_gcj02(wgs) - wgs
    assert (delta[:, 0] > 0.001).all() and (delta[:, 0] < 0.003).all()
    assert (np.abs(delta[:, 1]) < 0.001).all()


def test_round_trip_is_below_a_millimetre():
    rng = np.random.default_rng(0)
    wgs = np.column_stack([rng.uniform(99, 106, 200), rng.uniform(34, 38, 200)])
    back = gcj02_to_wgs84(wgs84_to_gcj02(wgs))
    assert np.abs(back - wgs).max() < 1e-8


def test_geometry_conversion_moves_points_both_ways():
    p = Point(103.83, 36.06)
    g = geometry_to_gcj02(p)
    assert g.x > p.x
    assert geometry_to_wgs84(g).distance(p) < 1e-8
