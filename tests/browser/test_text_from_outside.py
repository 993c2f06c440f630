"""Text from outside the app, shown as text (issue 21, must-have 7): Markdown and HTML payloads in a link's
parameters, a search text that reaches an export's caption, an upload's file name and cells. None makes a
link, an image or an element; nothing runs; nothing is asked outside the machine."""

from __future__ import annotations

import time
from urllib.parse import quote, urlencode

import pytest

from tests.browser.conftest import ARTIFACTS, map_frame, wait_until, watched_page
from tests.app.test_export_panel import _buttons
from tests.browser.test_upload_browser import OPEN_ALL, _payload_csv

pytestmark = pytest.mark.browser

JOINER = "\u2060"  # the invisible word joiner that keeps a bare address text (app/plain_text.py)
LINK_PAYLOADS = {
    "city": "[点此重新登录](http://evil.example/)",
    "county": "![x](http://evil.example/x.png)",
    "basemap": "<img src=x onerror=\"window.__xss=1\">",
    "cat": "http://evil.example/login",
    "sel": "**重要** `code` :smile: admin@evil.example",
    "layers": "<a href=\"http://evil.example/\">x</a>",
    "doc": "www.evil.example $x^2$",
}
MADE_BY_PAYLOAD = """() => Array.from(document.querySelectorAll(
    'a[href*="evil"], img[src*="evil"], img[src="x"], [data-testid=stAlert] strong, [data-testid=stAlert] code,'
    + ' [data-testid=stAlert] a, [data-testid=stAlert] img, [data-testid=stCaptionContainer] a,'
    + ' [data-testid=stAlert] .katex')).map(e => e.outerHTML)"""
SIZES = [(1366, 768), (1920, 1080), (390, 844)]


def _shown(page, text: str) -> str:
    return " ".join(t.replace(JOINER, "") for t in page.get_by_text(text).all_inner_texts())


def _nothing_made(page, watch, dialogs) -> None:
    for frame in page.frames:
        try:
            assert frame.evaluate(MADE_BY_PAYLOAD) == [], frame.url
            assert frame.evaluate("() => window.__xss === undefined")
        except AssertionError:
            raise
        except Exception:  # frames come and go while Streamlit renders
            pass
    assert dialogs == []
    assert watch.outside == [], watch.outside


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_crafted_link_writes_nothing_into_the_page(server_url, browser, size):
    with watched_page(browser, *size) as (page, watch):
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{server_url}/?{urlencode(LINK_PAYLOADS, quote_via=quote)}")
        map_frame(page)
        wait_until(lambda: page.get_by_text("链接参数无效").count() >= len(LINK_PAYLOADS), 30, "a notice each")
        shown = _shown(page, "链接参数无效")
        for key, payload in LINK_PAYLOADS.items():
            assert f"{key}={payload}" in shown, (key, shown)  # every character as typed
        time.sleep(1.0)  # an image a notice had made would be asked for by now
        _nothing_made(page, watch, dialogs)
        page.screenshot(path=str(ARTIFACTS / f"link-payloads-{size[0]}x{size[1]}.png"))


def test_a_link_s_search_text_is_text_in_the_export_s_caption(server_url, browser):
    search = "[登录](http://evil.example/)"
    with watched_page(browser, 1366, 768) as (page, watch):
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{server_url}/?city=Xining&q={quote(search)}")
        map_frame(page)
        assert page.get_by_text("链接参数无效").count() == 0
        buttons = _buttons(page)
        buttons.locator("button[data-action=png]").scroll_into_view_if_needed()
        buttons.click("button[data-action=png]")
        page.get_by_text("已导出：").wait_for(timeout=120_000)
        assert f"西宁市 · “{search}”" in _shown(page, "已导出：")
        assert page.get_by_role("button", name="下载 PNG · lanxi-seen.png").count() == 1
        _nothing_made(page, watch, dialogs)


MARKDOWN_CELLS = ["[点此重新登录](http://evil.example/)", "![x](http://evil.example/x.png)",
                  "**粗体** http://evil.example/ www.evil.example", "<img src=x onerror=\"window.__xss=9\">"]
UPLOAD_NAME = "![x](http:evil.example_x.png) [登录](evil.example).csv"


def test_an_upload_s_file_name_and_cells_are_text(server_url, browser):
    with watched_page(browser, 1366, 768) as (page, watch):
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server_url)
        map_frame(page)
        page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(
            {"name": UPLOAD_NAME, "mimeType": "text/csv", "buffer": _payload_csv(MARKDOWN_CELLS)})
        page.get_by_text(f"读取 {len(MARKDOWN_CELLS)} 行").wait_for(timeout=60_000)
        uploader = page.locator("[data-testid='stFileUploader']").inner_text()  # Streamlit shortens a long name
        assert UPLOAD_NAME[:7] in uploader and UPLOAD_NAME[-10:] in uploader, uploader
        deadline, seen = time.time() + 60, ""
        while time.time() < deadline:
            result = map_frame(page).evaluate(OPEN_ALL)
            seen = "\n".join(result["seen"])
            if all(cell in seen for cell in MARKDOWN_CELLS):
                break
            time.sleep(0.5)
        assert all(cell in seen for cell in MARKDOWN_CELLS), seen  # popups and tooltips show each as typed
        assert result["injected"] == 0
        download = page.get_by_role("button", name="下载标注问题的文件（CSV）")
        with page.expect_download() as got:
            download.click()
        assert got.value.suggested_filename.endswith("-checked.csv") and "(" not in got.value.suggested_filename
        _nothing_made(page, watch, dialogs)
        page.screenshot(path=str(ARTIFACTS / "upload-markdown-1366.png"), full_page=True)
