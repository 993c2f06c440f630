"""Which browser renders the figures: Chromium, else Chrome or Edge by Playwright channel, else a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from figures import browser_lookup, cli
from figures.browser_lookup import LocalBrowser, browser_status, channel_path, find_browser
from figures.render import FigureBrowser, FigureRenderError, render_png


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """No browser on this machine until a test installs one (a file) at a place the lookup checks."""
    monkeypatch.setattr(browser_lookup, "CHROMIUM", tmp_path / "usr-bin-chromium")
    places = {name: {"linux": str(tmp_path / name), "darwin": str(tmp_path / name),
                     "win32": str(tmp_path / name)} for name in ("chrome", "msedge")}
    monkeypatch.setattr(browser_lookup, "CHANNELS", places)

    def install(name: str) -> Path:
        path = tmp_path / name
        path.write_text("#!/bin/sh\n")
        return path
    return install


def test_none_found_gives_the_clear_message_in_both_languages(installed):
    assert find_browser() is None
    zh, en = browser_status("zh"), browser_status("en")
    assert "Chromium、Chrome 或 Edge" in zh and "scripts/setup_browser.sh" in zh
    assert "No browser to make pictures with (Chromium, Chrome or Edge) was found" in en
    assert "scripts/setup_browser.sh" in en and "Google Chrome or Microsoft Edge" in en


def test_none_found_refuses_to_render_with_that_message(installed):
    with pytest.raises(FigureRenderError, match=r"No browser to make pictures with .* was found"):
        FigureBrowser().__enter__()
    with pytest.raises(FigureRenderError, match="scripts/setup_browser.sh"):
        render_png("<html></html>", 800, 450, 1.0)


def test_cli_without_a_browser_is_one_line_and_exit_1(installed, tmp_path, capsys):
    code = cli.main(["figure", "fig4", "--out", str(tmp_path / "fig4.png")])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == cli.EXIT_RENDER_FAILED
    assert len(lines) == 1 and "No browser to make pictures with" in lines[0]
    assert not (tmp_path / "fig4.png").exists()


def test_chromium_comes_first(installed):
    chromium = installed("usr-bin-chromium")
    installed("chrome")
    found = find_browser()
    assert found == LocalBrowser("Chromium", chromium)
    assert found.launch_options() == {"executable_path": str(chromium)}
    assert browser_status("en") is None


def test_chrome_then_edge_by_playwright_channel(installed):
    installed("msedge")
    assert find_browser().launch_options() == {"channel": "msedge"}
    installed("chrome")
    found = find_browser()
    assert (found.name, found.channel) == ("Google Chrome", "chrome")
    assert found.launch_options() == {"channel": "chrome"}


def test_windows_looks_under_the_install_folders_in_playwrights_order(tmp_path, monkeypatch):
    local, programs = tmp_path / "local", tmp_path / "programs"
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("PROGRAMFILES", str(programs))
    monkeypatch.delenv("PROGRAMFILES(X86)", raising=False)
    monkeypatch.delenv("HOMEDRIVE", raising=False)
    place = browser_lookup.CHANNELS["msedge"]["win32"]
    assert channel_path("msedge", "win32") is None
    (programs / place).parent.mkdir(parents=True, exist_ok=True)
    (programs / place).write_text("")
    assert channel_path("msedge", "win32") == programs / place
    (local / place).parent.mkdir(parents=True, exist_ok=True)
    (local / place).write_text("")
    assert channel_path("msedge", "win32") == local / place
    assert channel_path("msedge", "sunos5") is None
