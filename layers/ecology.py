"""Ecology: protection belt, corridors, barriers, governance zones and ecological projects."""

from layers.sublayers import Sublayer

SUBLAYERS = (
    Sublayer("eco_frame", "group_ecology", "保护带与生态廊道", "Protection belt and corridors", ("ecology",),
             ("protection_belt", "river_corridor", "mountain_corridor")),
    Sublayer("eco_zones", "group_ecology", "生态屏障与六大治理区", "Barriers and six governance zones",
             ("ecology",), ("barrier", "governance_zone"), default=False),
    Sublayer("eco_projects", "group_ecology", "生态项目", "Ecological projects", ("ecology",),
             ("park", "wetland", "reservoir", "sand_control", "pollution_control", "restoration")),
)
