import re

from layers.base_map import base_map
from layers.offline_assets import STATIC_DIR, VENDOR_DIR


def _urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_the_dashboard_map_has_the_tools_from_its_own_server():
    html = base_map().get_root().render()
    assert "L.control.fullscreen(" in html and "new L.Control.Measure(" in html and "lxpmCoordinates(" in html
    urls = _urls(html)
    assert "/app/static/vendor/fullscreen/Control.FullScreen.js" in urls
    assert "/app/static/vendor/measure/dist/leaflet-measure.cn.js" in urls  # the Chinese build
    assert all(u.startswith("/app/static/") and (STATIC_DIR / u.removeprefix("/app/static/")).is_file()
               for u in urls), urls
    assert "cdn" not in html.lower()


def test_tools_speak_the_language_given():
    zh = base_map(lang="zh").get_root().render()
    en = base_map(lang="en").get_root().render()
    assert '"lon": "经度"' in zh and '"lon": "Lon"' in en
    assert "leaflet-measure.cn.js" in zh and "leaflet-measure.cn.js" not in en
    assert "/measure/dist/leaflet-measure.js" in en
    assert "Full screen" in en


def test_a_figure_page_has_no_tools():
    html = base_map(prefix=VENDOR_DIR.as_uri()).get_root().render()
    assert "L.control.fullscreen(" not in html and "L.Control.Measure(" not in html
    assert "lxpmCoordinates(" not in html.split("window.lxpmCoordinates = function")[-1]


def test_the_measure_styles_find_their_icons():
    css = (VENDOR_DIR / "measure/dist/leaflet-measure.css").read_text()
    icons = re.findall(r"url\(['\"]?([^'\")]+)", css)
    assert icons and all((VENDOR_DIR / "measure/dist" / i).is_file() for i in icons)
    css = (VENDOR_DIR / "fullscreen/Control.FullScreen.css").read_text()
    assert all((VENDOR_DIR / "fullscreen" / i).is_file() for i in re.findall(r"url\(['\"]?([^'\")]+)", css))
