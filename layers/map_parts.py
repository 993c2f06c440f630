"""A folium map rendered in the parts a page's map component runs (static/components/lxpm_map): the
files to load, the constant base (the map and its base layers) and the elements that change on each
rerun, each with a key, so the page builds the base once and replaces only what changed."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink

from layers.geojson_layer import GeoJsonLayer

FIGURE_HEADER = "meta_http"
"""The Figure's own header entry (a page-level meta tag): a page that mounts the map has its own."""
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)


def _key(*texts: str) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class MapParts:
    """What the page's map component needs to draw one rendered map."""

    js: tuple[str, ...]
    css: tuple[str, ...]
    styles: tuple[str, ...]  # style sheets elements put in the page's head (e.g. folium's popup tables)
    map_names: tuple[str, ...]  # the globals the base script declares for its maps
    base_html: str  # the map's div(s)
    base_script: str
    dynamic_script: str
    dynamic_names: tuple[str, ...]  # globals of the rerun's top-level layers and controls
    prefetch: tuple[str, ...]  # map data files the scripts fetch
    base_key: str = field(init=False)
    dynamic_key: str = field(init=False)

    def __post_init__(self) -> None:
        # The files and style sheets are loaded once per page whatever the key: only the base's own
        # content keys it (a rerun layer with files of its own must not rebuild the map).
        object.__setattr__(self, "base_key", _key(self.base_html, self.base_script))
        object.__setattr__(self, "dynamic_key", _key(self.dynamic_script, *self.dynamic_names))

    def spec(self, with_base: bool = True) -> dict:
        """The component's data (JSON); without the base script when the page already has it."""
        return {"assets": {"js": list(self.js), "css": list(self.css), "styles": list(self.styles)},
                "base": {"key": self.base_key, "map_names": list(self.map_names),
                         "html": self.base_html if with_base else "",
                         "script": self.base_script if with_base else ""},
                "dynamic": {"key": self.dynamic_key, "script": self.dynamic_script,
                            "names": list(self.dynamic_names)},
                "prefetch": list(self.prefetch)}


def _maps(root: Element) -> list[folium.Map]:
    return [child for child in root._children.values() if isinstance(child, folium.Map)]


def _walk(element: Element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _scripts(figure: Figure, after: set[str] = frozenset()) -> str:
    return "\n".join(child.render() for name, child in figure.script._children.items() if name not in after)


def map_parts(m: folium.Map | Figure, dynamic: list[Element] = ()) -> MapParts:
    """Render a map (or a Figure of maps and their scripts) and then the elements that change on each
    rerun (added to the first map here); each element is rendered once."""
    figure = m if isinstance(m, Figure) else m.get_root()
    maps = _maps(figure)
    figure.render()
    base_entries = set(figure.script._children)
    base_script = _scripts(figure)
    for element in dynamic:
        element.add_to(maps[0])
        element.render()
    header = figure.header._children
    own = {FIGURE_HEADER, *(x.get_name() for x in maps)}  # page-level meta and the maps' own page styles
    styles = []
    for name, element in header.items():
        if isinstance(element, (JavascriptLink, CssLink)) or name in own:
            continue
        text = element.render()
        if STYLE_BLOCK.sub("", text).strip():
            raise ValueError(f"header content the map component does not carry (only styles): {name}")
        styles += [css.strip() for css in STYLE_BLOCK.findall(text)]
    return MapParts(
        js=tuple(dict.fromkeys(e.url for e in header.values() if isinstance(e, JavascriptLink))),
        css=tuple(dict.fromkeys(e.url for e in header.values() if isinstance(e, CssLink))),
        styles=tuple(dict.fromkeys(styles)),
        map_names=tuple(x.get_name() for x in maps),
        base_html=figure.html.render().strip(),
        base_script=base_script,
        dynamic_script=_scripts(figure, base_entries),
        dynamic_names=tuple(e.get_name() for e in dynamic),
        prefetch=tuple(dict.fromkeys(e.source for e in _walk(figure)
                                     if isinstance(e, GeoJsonLayer) and isinstance(e.source, str))),
    )
