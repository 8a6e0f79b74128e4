"""The sources behind what is shown, as a bibliography: CSL-JSON (Zotero, citeproc) and BibTeX."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from geo.citations import used_sources
from geo.urls import safe_url

if TYPE_CHECKING:
    import pandas as pd

    from geo.dataset import Dataset

CSL_TYPES = {
    "news_article": "article-newspaper",
    "research_report": "report",
    "white_paper": "report",
    "forum_post": "post",
    "contract": "document",
    "treaty": "treaty",
    "government_record": "legislation",
    "reference_work": "entry-encyclopedia",
    "advocacy_article": "webpage",
    "advocacy_briefing": "report",
}
BIBTEX_TYPES = {"research_report": "techreport", "white_paper": "techreport", "advocacy_briefing": "techreport"}


def _date_parts(text: str) -> list[int]:
    return [int(part) for part in text.split("-")] if text else []


def csl_item(source: pd.Series) -> dict:
    """One source as a CSL-JSON item (what Zotero and citeproc read)."""
    item: dict[str, object] = {
        "id": source["id"],
        "type": CSL_TYPES.get(source["kind"], "document"),
        "title": source["title"],
    }
    if source["author"]:
        item["author"] = [{"literal": name.strip()} for name in source["author"].split(";")]
    if source["publisher"]:
        key = "container-title" if source["kind"] in ("news_article", "forum_post") else "publisher"
        item[key] = source["publisher"]
    if source["published"]:
        item["issued"] = {"date-parts": [_date_parts(source["published"])]}
    if safe_url(source["url"]):
        item["URL"] = source["url"]
    if source["accessed"]:
        item["accessed"] = {"date-parts": [_date_parts(source["accessed"])]}
    if source["language"]:
        item["language"] = source["language"]
    note = "; ".join(n for n in (source["date_note"], source["notes"]) if n)
    if note:
        item["note"] = note
    return item


def to_csl_json(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """CSL-JSON array of the sources behind the shown claims."""
    del base_url
    items = [csl_item(s) for _, s in used_sources(data.sources, claims).iterrows()]
    return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_BIBTEX_SPECIAL = re.compile(r"([{}\\&%$#_^~])")


def bibtex_escape(text: str) -> str:
    """Escape LaTeX specials so titles with &, %, _ or braces compile."""
    special = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
    return _BIBTEX_SPECIAL.sub(lambda m: special.get(m.group(1), "\\" + m.group(1)), text)


def bibtex_entry(source: pd.Series) -> str:
    """One source as a BibTeX entry (biblatex-compatible fields)."""
    kind = BIBTEX_TYPES.get(source["kind"], "misc")
    fields = {
        "title": source["title"],
        "author": " and ".join(f"{{{a.strip()}}}" for a in source["author"].split(";") if a.strip()),
    }
    fields["publisher" if kind == "misc" else "institution"] = source["publisher"]
    if source["published"]:
        fields["year"] = source["published"][:4]
        fields["date"] = source["published"]
    if safe_url(source["url"]):
        fields["url"] = source["url"]
    if source["accessed"]:
        fields["urldate"] = source["accessed"]
    note = "; ".join(n for n in (source["date_note"], source["notes"]) if n)
    if note:
        fields["note"] = note
    lines = [f"@{kind}{{{source['id']},"]
    for name, value in fields.items():
        if value:
            escaped = value if name in ("url", "author") else bibtex_escape(value)
            lines.append(f"  {name} = {{{escaped}}},")
    lines.append("}")
    return "\n".join(lines)


def to_bibtex(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """BibTeX file of the sources behind the shown claims."""
    del base_url
    entries = [bibtex_entry(s) for _, s in used_sources(data.sources, claims).iterrows()]
    return ("\n\n".join(entries) + "\n").encode("utf-8")
