"""Our browser code on a page (static/js, static/css: linked, or inlined in a standalone page) and
the element that calls one of its functions with JSON options."""

from __future__ import annotations

import json

from branca.element import MacroElement, Template
from folium.elements import JSCSSMixin

from layers.offline_assets import OWN_CSS, OWN_JS, own_text, own_urls


def script_json(value, compact: bool = False) -> str:
    """JSON that is safe inside a <script>: no "</" may close it early."""
    separators = (",", ":") if compact else (", ", ": ")
    return json.dumps(value, ensure_ascii=False, separators=separators).replace("</", "<\\/")


class OwnScripts(JSCSSMixin, MacroElement):
    """static/js/lxpm-map.js and static/css/lxpm-map.css on a map's page: linked under the app's
    static prefix, or their text inlined (a standalone page, such as a figure). Add it to the map
    before any element that calls its functions."""

    _template = Template("""
{% macro header(this, kwargs) %}{% for css in this.css_texts %}<style>{{ css }}</style>{% endfor %}{% endmacro %}
{% macro script(this, kwargs) %}{% for js in this.js_texts %}{{ js }}{% endfor %}{% endmacro %}
""")

    def __init__(self, vendor_prefix: str, inline: bool) -> None:
        super().__init__()
        self._name = "OwnScripts"
        self.default_js = [] if inline else own_urls(OWN_JS, vendor_prefix)
        self.default_css = [] if inline else own_urls(OWN_CSS, vendor_prefix)
        self.js_texts = [own_text(p) for p in OWN_JS.values()] if inline else []
        self.css_texts = [own_text(p) for p in OWN_CSS.values()] if inline else []


class ScriptCall(MacroElement):
    """One of static/js's functions called on the Leaflet object this
    element is added to, with JSON arguments (compact: no spaces, for long data)."""

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this.function }}({{ this._parent.get_name() }}, {{ this.arguments }});
{% endmacro %}
""")

    def __init__(self, function: str, *args, compact: bool = False) -> None:
        super().__init__()
        self._name = "ScriptCall"
        self.function = function
        self.arguments = ", ".join(script_json(a, compact) for a in args)
