"""Between two plan documents: which records both cite (carried on), which only the later one
(new) and which only the earlier one (not named again), with each document's section, quote and verb."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import pandas as pd

from geo.documents import DocumentSet
from geo.schema import CATEGORIES

BOTH = "both"
TEXT_SEPARATOR = "；"
QUOTE_SEPARATOR = " … "
CITY_SEPARATOR = "; "


@dataclass(frozen=True)
class Pair:
    """The two documents compared: ids and tags (the tag is the status value and column suffix)."""

    from_id: str
    to_id: str
    from_tag: str
    to_tag: str

    @property
    def statuses(self) -> tuple[str, str, str]:
        """The groups in the order they are listed: in both, the later only, the earlier only."""
        return BOTH, self.to_tag, self.from_tag

    def columns(self) -> list[str]:
        """The export's columns (for 2018 → 2022 exactly those of issue 13)."""
        f, t = self.from_tag, self.to_tag
        return ["id", "name_zh", "name_en", "status", "cities", f"section_{f}", f"quote_{f}",
                f"section_{t}", f"quote_{t}", f"verb_{f}", f"verb_{t}"]


def pair_of(documents: DocumentSet, from_id: str | None = None, to_id: str | None = None) -> Pair:
    """The pair to compare (the documents file's default when not given); a bad id raises KeyError."""
    f, t = documents[from_id or documents.default_from], documents[to_id or documents.default_to]
    if f.id == t.id:
        raise ValueError(f"cannot compare {f.id} with itself")
    return Pair(f.id, t.id, f.tag, t.tag)


def status_of(docs: list[str], pair: Pair) -> str | None:
    """The record's group: both documents cite it, only one does, or neither (None)."""
    has_from, has_to = pair.from_id in docs, pair.to_id in docs
    if has_from and has_to:
        return BOTH
    if has_from or has_to:
        return pair.from_tag if has_from else pair.to_tag
    return None


def source_verb(source: dict, record_verb: str, verbs: tuple[str, ...]) -> str:
    """A citation's verb: its own `verb`, else the record's verb if the quote holds it, else the
    first verb of the documented list that the quote holds ("" when none)."""
    quote = "".join(str(source.get("quote", "")).split())
    if source.get("verb"):
        return str(source["verb"])
    if record_verb and record_verb in quote:
        return record_verb
    return next((v for v in verbs if v in quote), "")


def _cited(sources: list[dict], doc: str, record_verb: str, verbs: tuple[str, ...]) -> dict:
    """What one document says of a record: sections, quotes, its verb and any rename link."""
    own = [s for s in sources if s["doc"] == doc]
    found = [v for s in own if (v := source_verb(s, record_verb, verbs))]
    links = [s for s in own if s.get("link")]
    return {"section": TEXT_SEPARATOR.join(dict.fromkeys(s["section"] for s in own)),
            "quote": QUOTE_SEPARATOR.join(dict.fromkeys(s["quote"] for s in own)),
            "verb": found[0] if found else "",
            "link": links[0]["link"] if links else "",
            "link_note": links[0].get("link_note", "") if links else ""}


def change_list(records: pd.DataFrame, documents: DocumentSet, pair: Pair) -> pd.DataFrame:
    """One row per record either document cites, grouped (both, later only, earlier only), then by
    category and id; verb_changed is true when both documents give a verb and they differ."""
    rows = []
    f, t = pair.from_tag, pair.to_tag
    for rec in records.itertuples(index=False):
        status = status_of(list(rec.docs), pair)
        if status is None:
            continue
        a = _cited(list(rec.sources), pair.from_id, rec.verb, documents.verbs)
        b = _cited(list(rec.sources), pair.to_id, rec.verb, documents.verbs)
        rows.append({
            "id": rec.id, "name_zh": rec.name_zh, "name_en": rec.name_en, "status": status,
            "cities": list(rec.cities), "category": rec.category,
            f"section_{f}": a["section"], f"quote_{f}": a["quote"],
            f"section_{t}": b["section"], f"quote_{t}": b["quote"],
            f"verb_{f}": a["verb"], f"verb_{t}": b["verb"],
            "verb_changed": bool(a["verb"] and b["verb"] and a["verb"] != b["verb"]),
            "link": b["link"], "link_note": b["link_note"],
        })
    columns = [*pair.columns(), "category", "verb_changed", "link", "link_note"]
    table = pd.DataFrame(rows, columns=columns)
    order = {s: i for i, s in enumerate(pair.statuses)}
    cat_order = {c: i for i, c in enumerate(CATEGORIES)}
    table = table.assign(_s=table["status"].map(order), _c=table["category"].map(cat_order))
    return table.sort_values(["_s", "_c", "id"]).drop(columns=["_s", "_c"]).reset_index(drop=True)


def counts(table: pd.DataFrame, pair: Pair) -> pd.DataFrame:
    """Records per category (rows, every category) and group (columns, in listing order), with totals."""
    grid = pd.crosstab(table["category"], table["status"]).reindex(
        index=list(CATEGORIES), columns=list(pair.statuses), fill_value=0)
    grid.loc["total"] = grid.sum()
    return grid


def to_csv(table: pd.DataFrame, pair: Pair) -> str:
    """The change list as CSV text with exactly the export's columns (write it as UTF-8 with BOM)."""
    out = io.StringIO()
    frame = table[pair.columns()].assign(cities=table["cities"].map(CITY_SEPARATOR.join))
    frame.to_csv(out, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return out.getvalue()


def to_json(table: pd.DataFrame, pair: Pair) -> str:
    """The change list as JSON: the pair, the counts and the rows (link and verb_changed included)."""
    grid = counts(table, pair)
    body = {"from": pair.from_id, "to": pair.to_id,
            "counts": {s: {c: int(grid.loc[c, s]) for c in grid.index} for s in grid.columns},
            "records": json.loads(table.to_json(orient="records", force_ascii=False))}
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def _md_cell(value: object) -> str:
    text = CITY_SEPARATOR.join(value) if isinstance(value, list) else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(table: pd.DataFrame, pair: Pair) -> str:
    """The change list as Markdown: a counts table, then one table of the rows."""
    grid = counts(table, pair)
    lines = [f"# {pair.from_tag} → {pair.to_tag}", "", "| category | " + " | ".join(grid.columns) + " |",
             "|---" * (len(grid.columns) + 1) + "|"]
    lines += [f"| {c} | " + " | ".join(str(int(v)) for v in grid.loc[c]) + " |" for c in grid.index]
    lines.append("")
    if table.empty:
        return "\n".join(lines + ["(no records)", ""])
    columns = [*pair.columns(), "link_note"]
    lines += ["| " + " | ".join(columns) + " |", "|---" * len(columns) + "|"]
    lines += ["| " + " | ".join(_md_cell(row[c]) for c in columns) + " |" for _, row in table.iterrows()]
    return "\n".join(lines + [""])


FORMATS = {"csv": to_csv, "md": to_markdown, "json": to_json}
