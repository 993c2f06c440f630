"""CRS codes used across the project: the one place that names them."""

WGS84 = "EPSG:4326"
"""Every coordinate inside the project is WGS-84 longitude/latitude."""

WEB_MERCATOR = "EPSG:3857"

EQUAL_AREA = (
    "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 "
    "+x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
)
"""Albers equal-area conic for China (lon_0 105, parallels 25/47): areas and buffers in metres."""

GCJ02 = "GCJ-02"
"""Not an EPSG code: the obfuscated datum of AMap; see geo.gcj02."""

COORDINATE_DECIMALS = 5
"""Decimal places kept in written files: 1e-5 degrees is about 1 m here."""

WEB_COORDINATE_DECIMALS = 4
"""Decimal places sent to browsers: 1e-4 degrees is about 10 m, finer than the 200 m simplification."""
