"""The briefing deck: each preset view on its own 16:9 slide, title in a text box, sources in the notes."""

from __future__ import annotations

from io import BytesIO
from time import perf_counter
from typing import Callable

import geopandas as gpd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from figures.figure import figure_html
from figures.page import unit
from figures.render import FigureBrowser
from figures.spec import FigureSpec
from figures.texts import FigureTexts, figure_texts
from geo.place_names import plan_cities
from geo import compare
from geo.documents import read_documents
from geo.filters import Filters, filter_catalogue
from geo.registry import DECK_OVERVIEWS, select_sublayers
from layers import styles
from layers.labels import t
from layers.names import prefecture_name

SLIDE_SIZE = (Emu(12_192_000), Emu(6_858_000))  # 13.333 × 7.5 in: 16:9
DECK_SCALE = 1.5  # 2880 × 1620 px pictures: sharp on a projector, about 1 MB a slide
BLANK_LAYOUT = 6


def deck_specs(counties: gpd.GeoDataFrame, lang: str, width: int = 1920, height: int = 1080,
               scale: float = DECK_SCALE) -> list[FigureSpec]:
    """The slides: the plan's figures, then one city view per prefecture of the plan area."""
    specs = [FigureSpec(v, lang, width=width, height=height, scale=scale) for v in DECK_OVERVIEWS]
    specs += [FigureSpec("city", lang, city=c, width=width, height=height, scale=scale)
              for c in plan_cities(counties)]
    return specs


def filter_deck_specs(data: dict[str, gpd.GeoDataFrame], filters: Filters, layers: tuple[str, ...],
                      record_ids: tuple[str, ...], lang: str, compare: bool = False,
                      center: tuple[float, float] | None = None, zoom: float | None = None,
                      width: int = 1920, height: int = 1080, scale: float = DECK_SCALE) -> list[FigureSpec]:
    """The slides of a dashboard filter: an overview (the map view, or the plan area without one), then
    one slide per city of the filter with the filter's records there that the layers show."""
    size = {"width": width, "height": height, "scale": scale}
    overview = FigureSpec("current", lang, center=center, zoom=zoom, layers=layers, record_ids=record_ids,
                          compare=compare, filters=filters, **size)
    catalogue = data["catalogue"]
    shown = tuple(select_sublayers(catalogue[catalogue["id"].isin(record_ids)], layers)["id"])
    return [overview, *(FigureSpec("city", lang, city=c, record_ids=shown, compare=compare, filters=filters, **size)
                        for c in filters.cities)]


def _hex(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _style_run(run, size_pt: float, bold: bool, colour: str) -> None:
    """Size, weight, colour and the same typeface for Latin and East Asian text."""
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    run.font.color.rgb = _hex(colour)
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:latin", "a:ea", "a:cs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = rpr.makeelement(qn(tag), {})
            rpr.append(element)
        element.set("typeface", styles.FIGURE_DECK_FONT)


def add_figure_slide(prs: Presentation, png: bytes, texts: FigureTexts, spec: FigureSpec) -> None:
    """A slide: the picture filling it, the title and subtitle in a text box over the picture's title band."""
    slide = prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT])
    width, height = prs.slide_width, prs.slide_height
    picture = slide.shapes.add_picture(BytesIO(png), 0, 0, width, height)
    picture._element.nvPicPr.cNvPr.set("descr", f"{texts.title} — {texts.subtitle}")
    u = unit(spec.width, spec.height)
    emu_per_px = height / spec.height
    pt_per_px = emu_per_px / 12_700
    pad = int(styles.FIGURE_PAD * u * emu_per_px)
    band = int(styles.FIGURE_TITLE_BAND * u * emu_per_px)
    box = slide.shapes.add_textbox(pad, 0, int(width * 0.8) - pad, band)
    box.name = "Title"
    frame = box.text_frame
    frame.word_wrap = False
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    title = frame.paragraphs[0].add_run()
    title.text = texts.title
    _style_run(title, styles.FIGURE_TITLE_SIZE * u * pt_per_px, True, styles.FIGURE_TEXT)
    subtitle = frame.add_paragraph().add_run()
    subtitle.text = texts.subtitle
    _style_run(subtitle, styles.FIGURE_SUBTITLE_SIZE * u * pt_per_px, False, styles.FIGURE_MUTED_TEXT)
    slide.notes_slide.notes_text_frame.text = "\n".join(
        [f"{texts.title} — {texts.subtitle}", *texts.notes, texts.sources])


def build_deck(specs: list[FigureSpec], data: dict[str, gpd.GeoDataFrame],
               progress: Callable[[FigureSpec, float], None] | None = None, changes: bool = False) -> bytes:
    """The .pptx bytes: one slide per spec, all drawn in one browser; with changes, each city's slide is
    followed by its "2018 → 2022" slide; progress(spec, seconds) per slide."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_SIZE
    with FigureBrowser() as browser:
        for spec in specs:
            start = perf_counter()
            texts = figure_texts(spec, data)
            png = browser.png(figure_html(spec, data, show_title=False), spec.width, spec.height, spec.scale)
            add_figure_slide(prs, png, texts, spec)
            if changes and spec.view == "city":
                *pictures, counts = compare_slide_pictures(spec.city, data, spec.lang, browser)
                add_compare_slide(prs, prefecture_name(spec.city, spec.lang, data["context"]), tuple(pictures),
                                  counts, spec.lang)
            if progress is not None:
                progress(spec, perf_counter() - start)
    out = BytesIO()
    prs.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- between the documents (issue 13)

def compare_slide_pictures(city: str, data: dict[str, gpd.GeoDataFrame], lang: str, browser: FigureBrowser,
                           size: int = 960, scale: float = DECK_SCALE) -> tuple[bytes, bytes, dict[str, int]]:
    """The city's view drawn twice, each with only the records its document names (default pair),
    and the counts of the change list (both, later only, earlier only) of the city."""

    documents = read_documents()
    pair = compare.pair_of(documents)
    table = compare.change_list(filter_catalogue(data["catalogue"], Filters(cities=(city,))), documents, pair)
    both = table["status"] == compare.BOTH
    pictures = []
    for tag in (pair.from_tag, pair.to_tag):
        ids = set(table.loc[both | (table["status"] == tag), "id"])
        own = {**data, "catalogue": data["catalogue"][data["catalogue"]["id"].isin(ids)]}
        spec = FigureSpec("city", lang, city=city, width=size, height=size, scale=scale)
        pictures.append(browser.png(figure_html(spec, own, show_title=False), size, size, scale))
    counts = {s: int((table["status"] == s).sum()) for s in pair.statuses}
    return pictures[0], pictures[1], counts


def add_compare_slide(prs: Presentation, city_name: str, pictures: tuple[bytes, bytes], counts: dict[str, int],
                      lang: str) -> None:
    """A "2018 → 2022" slide: the two maps side by side under their documents' names, the counts on top."""

    documents = read_documents()
    pair = compare.pair_of(documents)
    slide = prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT])
    width, height = prs.slide_width, prs.slide_height
    half = width // 2
    top = height - half
    for i, (png, doc) in enumerate(zip(pictures, (pair.from_id, pair.to_id))):
        picture = slide.shapes.add_picture(BytesIO(png), half * i, top, half, half)
        picture._element.nvPicPr.cNvPr.set("descr", f"{city_name} — {documents[doc].title(lang)}")
    from_short, to_short = documents[pair.from_id].short(lang), documents[pair.to_id].short(lang)
    counts_line = " · ".join([
        f"{t('compare_status_both', lang)} {counts[compare.BOTH]}",
        f"{t('compare_status_to', lang).format(doc=to_short)} {counts[pair.to_tag]}",
        f"{t('compare_status_from', lang).format(doc=from_short)} {counts[pair.from_tag]}"])
    box = slide.shapes.add_textbox(Emu(300_000), 0, width - Emu(600_000), top)
    box.name = "Title"
    frame = box.text_frame
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    title = frame.paragraphs[0].add_run()
    title.text = f"{city_name} · {from_short} → {to_short}"
    _style_run(title, 24, True, styles.FIGURE_TEXT)
    line = frame.add_paragraph().add_run()
    line.text = f"{counts_line}    ({documents[pair.from_id].title(lang)} | {documents[pair.to_id].title(lang)})"
    _style_run(line, 12, False, styles.FIGURE_MUTED_TEXT)
    slide.notes_slide.notes_text_frame.text = "\n".join(
        [title.text, counts_line, *(documents[d].title(lang) for d in (pair.from_id, pair.to_id))])
