"""The plan area as the 2018 plan defines it: 21 units, named as the plan names them."""

from __future__ import annotations

from dataclasses import dataclass

PLAN_AREA_SOURCE = {
    "doc": "plan2018",
    "section": "前言 规划范围",
    "quote": "兰西城市群规划范围包括甘肃省兰州市，白银市白银区、平川区、靖远县、景泰县，定西市安定区、陇西县、渭源县、临洮县",
}
PLAN_AREA_KM2 = 97_500.0
"""The plan's figure: 总面积 9.75 万平方公里."""


@dataclass(frozen=True)
class PlanUnitSpec:
    """One of the 21 units as the plan lists it."""

    plan_name_zh: str
    province: str
    prefecture: str
    whole_city: bool


def _units(province: str, prefecture: str, *counties: str) -> list[PlanUnitSpec]:
    return [PlanUnitSpec(c, province, prefecture, False) for c in counties]


PLAN_UNIT_SPECS: tuple[PlanUnitSpec, ...] = (
    PlanUnitSpec("兰州市", "甘肃省", "兰州市", True),
    *_units("甘肃省", "白银市", "白银区", "平川区", "靖远县", "景泰县"),
    *_units("甘肃省", "定西市", "安定区", "陇西县", "渭源县", "临洮县"),
    *_units("甘肃省", "临夏回族自治州", "临夏市", "东乡族自治县", "永靖县",
            "积石山保安族东乡族撒拉族自治县"),
    PlanUnitSpec("西宁市", "青海省", "西宁市", True),
    PlanUnitSpec("海东市", "青海省", "海东市", True),
    *_units("青海省", "海北藏族自治州", "海晏县"),
    *_units("青海省", "海南藏族自治州", "共和县", "贵德县", "贵南县"),
    *_units("青海省", "黄南藏族自治州", "同仁县", "尖扎县"),
)

RENAMED_SINCE_2018: dict[str, str] = {
    # plan name -> current name (国务院 approvals: 湟中撤县设区 2019, 同仁撤县设市 2020)
    "湟中县": "湟中区",
    "同仁县": "同仁市",
}
CURRENT_TO_PLAN_NAME = {v: k for k, v in RENAMED_SINCE_2018.items()}


def current_name(plan_name: str) -> str:
    """A unit's current name given the plan's name."""
    return RENAMED_SINCE_2018.get(plan_name, plan_name)


def plan_name(current: str) -> str:
    """The name the 2018 plan uses for a current county-level unit."""
    return CURRENT_TO_PLAN_NAME.get(current, current)
