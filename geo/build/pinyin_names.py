"""English (pinyin) names for Chinese administrative names."""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

_ETHNIC = "回族|土族|东乡族|保安族|撒拉族|藏族|蒙古族|哈萨克族|裕固族|满族|羌族|彝族|土家族"
_AUTONOMOUS = re.compile(rf"^(.+?)(?:{_ETHNIC})*自治(县|州|旗)$")
_SUFFIX = {"县": "County", "区": "District", "市": "City", "州": "Prefecture", "省": "Province",
           "旗": "Banner", "盟": "League"}
_AUTONOMOUS_SUFFIX = {"县": "Autonomous County", "州": "Autonomous Prefecture", "旗": "Autonomous Banner"}
_PROVINCE_EN = {"内蒙古自治区": "Inner Mongolia", "宁夏回族自治区": "Ningxia",
                "新疆维吾尔自治区": "Xinjiang", "西藏自治区": "Tibet (Xizang)",
                "陕西省": "Shaanxi", "山西省": "Shanxi"}


def pinyin(text: str) -> str:
    """Capitalised pinyin of a Chinese word, syllables joined."""
    return "".join(lazy_pinyin(text)).capitalize()


def english_name(name_zh: str, prefecture_level: bool = False) -> str:
    """An English name: pinyin of the proper name plus the kind of unit."""
    if name_zh in _PROVINCE_EN:
        return _PROVINCE_EN[name_zh]
    match = _AUTONOMOUS.match(name_zh)
    if match:
        return f"{pinyin(match.group(1).removesuffix('族'))} {_AUTONOMOUS_SUFFIX[match.group(2)]}"
    if name_zh.endswith("自治区"):
        return pinyin(name_zh[:-3])
    base, suffix = name_zh[:-1], name_zh[-1]
    if suffix == "市" and prefecture_level:
        return pinyin(base)
    if suffix in _SUFFIX and len(base) >= 2:
        return f"{pinyin(base)} {_SUFFIX[suffix]}"
    return pinyin(name_zh)
