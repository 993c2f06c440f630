"""Which local browser renders the figures: Debian's Chromium, else an installed Chrome or Edge.

Chrome and Edge are launched through Playwright's `channel`, which looks for them where their installers
put them; the same places are checked here so that the dashboard can say beforehand whether export works.
Nothing is ever downloaded.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from layers.labels import t

CHROMIUM = Path("/usr/bin/chromium")
CHANNELS: dict[str, dict[str, str]] = {
    "chrome": {"linux": "/opt/google/chrome/chrome",
               "darwin": "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
               "win32": r"Google\Chrome\Application\chrome.exe"},
    "msedge": {"linux": "/opt/microsoft/msedge/msedge",
               "darwin": "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
               "win32": r"Microsoft\Edge\Application\msedge.exe"},
}
"""Where Playwright's channels 'chrome' and 'msedge' look for the browser, by platform (as Playwright 1.x)."""
CHANNEL_NAMES = {"chrome": "Google Chrome", "msedge": "Microsoft Edge"}


@dataclass(frozen=True)
class LocalBrowser:
    """A browser found on this machine: its name, where it is, and the Playwright channel (if any)."""

    name: str
    path: Path
    channel: str | None = None

    def launch_options(self) -> dict[str, str]:
        """The keyword arguments of Playwright's chromium.launch that pick this browser."""
        return {"channel": self.channel} if self.channel else {"executable_path": str(self.path)}


def _windows_roots() -> list[Path]:
    """The folders a Windows installer puts a browser under (Playwright checks these, in this order)."""
    names = [os.environ.get("LOCALAPPDATA"), os.environ.get("PROGRAMFILES"),
             os.environ.get("PROGRAMFILES(X86)")]
    drive = os.environ.get("HOMEDRIVE")
    if drive:
        names += [drive + "\\Program Files", drive + "\\Program Files (x86)"]
    return [Path(n) for n in names if n]


def channel_path(channel: str, platform: str = sys.platform) -> Path | None:
    """Where the channel's browser is installed on this machine, or None when it is not."""
    place = CHANNELS.get(channel, {}).get(platform)
    if place is None:
        return None
    candidates = [root / place for root in _windows_roots()] if platform == "win32" else [Path(place)]
    return next((path for path in candidates if path.is_file()), None)


def find_browser() -> LocalBrowser | None:
    """The first of /usr/bin/chromium, Chrome, Edge that is installed; None when there is none."""
    if CHROMIUM.is_file():
        return LocalBrowser("Chromium", CHROMIUM)
    for channel in CHANNELS:
        path = channel_path(channel)
        if path is not None:
            return LocalBrowser(CHANNEL_NAMES[channel], path, channel)
    return None


def no_browser_message(lang: str) -> str:
    """What to do when no browser is found, in the language."""
    return t("export_no_browser", lang)


def browser_status(lang: str = "zh") -> str | None:
    """None when figures can be rendered here; else why not and how to fix it, in the language."""
    return None if find_browser() is not None else no_browser_message(lang)
