"""The 一带双圈多节点 structure: belt, circles, nodes, new cities, platforms."""

from layers.sublayers import Sublayer

SUBLAYERS = (
    Sublayer("belt_circles", "group_structure", "一带双圈", "Belt and circles", ("structure",),
             ("belt", "metro_circle", "commuting_circle")),
    Sublayer("nodes", "group_structure", "节点与新生中小城市", "Nodes and new cities", ("structure",),
             ("node_city", "node_town", "new_city")),
    Sublayer("platforms", "group_structure", "平台", "Platforms", ("structure",), ("platform",)),
)
