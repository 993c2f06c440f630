"""Transport: railways, highways and roads (styled by mode and plan verb), airports, hubs."""

from layers.sublayers import Sublayer

MODES = ("railway", "highway", "road", "airport", "hub", "logistics")

SUBLAYERS = (
    Sublayer("rail", "group_transport", "铁路", "Railways", ("transport",), ("railway",)),
    Sublayer("roads", "group_transport", "公路", "Expressways and roads", ("transport",), ("highway", "road")),
    Sublayer("air_hubs", "group_transport", "机场与枢纽", "Airports and hubs", ("transport",),
             ("airport", "hub", "logistics")),
)
