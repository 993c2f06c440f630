"""Ecology: protection belt, corridors, barriers, governance zones and ecological projects."""

from layers.sublayers import Sublayer

SUBLAYERS = (
    Sublayer("eco_frame", "group_ecology", "保护带、廊道与屏障", "Belt, corridors and barriers", ("ecology",),
             ("protection_belt", "river_corridor", "mountain_corridor", "barrier")),
    Sublayer("eco_zones", "group_ecology", "六大生态治理区", "Six governance zones", ("ecology",),
             ("governance_zone",)),
    Sublayer("eco_projects", "group_ecology", "生态项目", "Ecological projects", ("ecology",),
             ("park", "wetland", "reservoir", "sand_control", "pollution_control", "restoration")),
)
