"""Uploading a project list whose names carry HTML and script: shown as text, nothing runs."""

from __future__ import annotations

import csv
import io
import time

import pytest

from tests.browser.conftest import ARTIFACTS, map_frame

pytestmark = pytest.mark.browser

FLAG = "window.__xss"
PAYLOADS = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=\"window.__xss=2\">",
    "\"><svg onload=\"window.__xss=3\">",
    "</script><script>window.__xss=4</script>",
    "<a href=\"javascript:window.__xss=5\">点我</a>",
]
WAIT_S = 60

OPEN_ALL = """() => {
  // Folium binds the popup and tooltip to the GeoJson group: a click or hover on each circle
  // (propagated to the group) renders that feature's content, as a person's click would.
  const seen = [];
  let injected = 0;
  const count = box => box.querySelectorAll('img, svg, script, iframe, a[href^="javascript"]').length;
  window.lxpmMap.eachLayer(layer => {
    if (!layer.feature || !layer.getLatLng) return;
    const at = {latlng: layer.getLatLng(), layer: layer};
    layer.fire('click', at, true);
    const box = document.querySelector('.leaflet-popup-content');
    if (box && box.querySelector('.imported-popup')) { seen.push(box.innerText); injected += count(box); }
    window.lxpmMap.closePopup();
    layer.fire('mouseover', at, true);
    for (const tip of document.querySelectorAll('.leaflet-tooltip')) {
      seen.push(tip.innerText);
      injected += count(tip);
    }
    layer.fire('mouseout', at, true);
  });
  return {seen, injected};
}"""


def _payload_csv(payloads: list[str] = PAYLOADS) -> bytes:
    """A project list whose names and categories are the payloads, placed in Lanzhou."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "category", "city", "lon", "lat"])
    for i, payload in enumerate(payloads):
        writer.writerow([payload, payload, "兰州", f"{103.70 + i * 0.05:.2f}", "36.10"])
    return buffer.getvalue().encode("utf-8")


def _flags(page) -> list:
    found = []
    for frame in page.frames:
        try:
            found.append(frame.evaluate(f"() => {FLAG}"))
        except Exception:  # frames come and go while Streamlit renders
            pass
    return [f for f in found if f is not None]


def _check_shown(result: dict) -> None:
    shown = "\n".join(result["seen"])
    for payload in PAYLOADS:
        assert payload in shown, f"{payload!r} is not shown as text"
    assert result["injected"] == 0


def test_imported_layer_in_chromium_shows_payloads_as_text(browser, places, counties, tmp_path):
    """The layer alone, no server: every tooltip and popup opened in a real browser, nothing runs."""
    from geo.project_list import import_projects
    from layers.base_map import base_map
    from layers.imported_projects import imported_group
    from layers.offline_assets import VENDOR_DIR

    valid = import_projects(_payload_csv(), "payloads.csv", places, counties).valid
    m = base_map(prefix=VENDOR_DIR.as_uri())
    imported_group(valid, "zh").add_to(m)
    page_file = tmp_path / "imported.html"
    page_file.write_text(m.get_root().render() + f"<script>window.lxpmMap = {m.get_name()};</script>",
                         encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_file.as_uri())
    page.wait_for_function("() => window.lxpmMap && document.querySelectorAll('path').length >= 5")
    _check_shown(page.evaluate(OPEN_ALL))
    assert page.evaluate(f"() => {FLAG}") is None and dialogs == [] and errors == []
    page.close()


def test_uploaded_payload_names_are_text_and_never_run(server_url, page_and_watch, tmp_path):
    page, watch = page_and_watch
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server_url)
    map_frame(page)
    upload = tmp_path / "payloads.csv"
    upload.write_bytes(_payload_csv())
    page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(str(upload))
    page.get_by_text(f"读取 {len(PAYLOADS)} 行").wait_for(timeout=WAIT_S * 1000)

    deadline, result = time.time() + WAIT_S, {"seen": [], "injected": 0}
    while time.time() < deadline:
        result = map_frame(page).evaluate(OPEN_ALL)
        if sum("window.__xss" in t for t in result["seen"]) >= 2 * len(PAYLOADS):  # tooltip + popup each
            break
        time.sleep(0.5)
    _check_shown(result)
    page.screenshot(path=str(ARTIFACTS / "upload-payloads.png"), full_page=True)
    assert _flags(page) == [] and dialogs == []
    assert watch.outside == []
    assert watch.errors == []
