"""Every label of the map and the dashboard, in Chinese and English."""

from __future__ import annotations

LANGUAGES = ("zh", "en")

TEXT: dict[str, tuple[str, str]] = {
    "title": ("兰西城市群规划地图", "Lanzhou–Xining Urban Agglomeration Plan Map"),
    "subtitle": ("《兰州—西宁城市群发展规划》(2018) 与《“十四五”实施方案》(2022) 的空间布局",
                 "Spatial layout of the 2018 development plan and the 2022 14th Five-Year implementation plan"),
    "language": ("语言", "Language"),
    "basemap": ("底图", "Basemap"),
    "layers": ("图层", "Layers"),
    "filters": ("筛选", "Filters"),
    "cities": ("市州", "Prefecture-level cities"),
    "county": ("县区", "County"),
    "all_counties": ("全部县区", "All counties"),
    "any": ("不限", "Any"),
    "categories": ("类别", "Categories"),
    "modes": ("交通方式", "Transport modes"),
    "document": ("规划文件", "Plan document"),
    "search": ("名称搜索", "Search names"),
    "compare": ("对比模式：按出处着色", "Comparison mode: colour by document"),
    "reset": ("重置筛选", "Reset filters"),
    "downloads": ("下载筛选结果", "Download the filtered projects"),
    "table": ("项目列表", "Projects"),
    "empty": ("没有符合筛选条件的项目。请放宽筛选条件。", "No project matches these filters. Widen the filters."),
    "shown": ("显示", "Shown"),
    "of": ("共", "of"),
    "legend": ("图例", "Legend"),
    "schematic_note": ("线路与范围为示意，依据规划文本，非测绘成果。", "Lines and areas are schematic, after the plan texts; not surveyed."),
    "sources_line": ("资料来源：", "Sources: "),
    "north": ("北", "North"),
    "notice_bad_param": ("链接参数无效，已恢复默认：", "Invalid link parameter, default used: "),
    "data_error": ("数据文件有误：", "Data file problem: "),
    "selected_county": ("地图选中县区：", "County chosen on the map: "),
    "clear_county": ("清除县区选择", "Clear county"),
    "highlighted": ("已在地图上高亮：", "Highlighted on the map: "),
    "tianditu_hidden": ("未设置 TIANDITU_KEY，天地图不可用。", "TIANDITU_KEY is not set: 天地图 is unavailable."),
    "online_notice": ("此底图需联网加载瓦片。", "This basemap loads tiles from the internet."),
    "col_name": ("名称", "Name"),
    "col_category": ("类别", "Category"),
    "col_subtype": ("子类", "Type"),
    "col_cities": ("市州", "Cities"),
    "col_verb": ("规划用语", "Plan verb"),
    "col_docs": ("出处", "Documents"),
    "col_section": ("章节", "Section"),
    "col_quote": ("原文", "Quote"),
    "col_schematic": ("示意", "Schematic"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "doc_all": ("全部", "All"),
    "doc_plan2018": ("2018 规划", "2018 plan"),
    "doc_impl2022": ("2022 实施方案", "2022 implementation plan"),
    "doc_both": ("两者皆有", "In both"),
    "plan2018_only": ("仅 2018 规划", "2018 plan only"),
    "impl2022_only": ("仅 2022 实施方案", "2022 plan only"),
    "both": ("两份文件均有", "Both plans"),
    "group_base": ("规划范围", "Plan area"),
    "group_structure": ("空间格局", "Spatial structure"),
    "group_ecology": ("生态", "Ecology"),
    "group_transport": ("交通", "Transport"),
    "group_projects": ("其他项目", "Other projects"),
    "layer_counties": ("县区（按市州着色）", "Counties (by prefecture)"),
    "layer_units": ("规划单元（21个）", "Plan units (21)"),
    "layer_labels": ("县区名称", "County names"),
    "layer_highlight": ("高亮", "Highlight"),
    "basemap_offline": ("离线矢量底图", "Offline vector basemap"),
    "basemap_tianditu": ("天地图", "Tianditu"),
    "basemap_amap": ("高德地图", "AMap"),
    "basemap_osm": ("OpenStreetMap", "OpenStreetMap"),
    "basemap_cartodb": ("CartoDB 浅色", "CartoDB Positron"),
}

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

DOC_SHORT: dict[str, tuple[str, str]] = {
    "plan2018": ("2018规划", "2018 plan"),
    "impl2022": ("2022实施方案", "2022 plan"),
}


def t(key: str, lang: str) -> str:
    """A UI text in the language."""
    zh, en = TEXT[key]
    return zh if lang == "zh" else en


def label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """A label from one of the label tables; the key itself when unknown."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]
