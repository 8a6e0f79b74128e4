"""The sources behind what is shown, as a bibliography: CSL-JSON (Zotero, citeproc) and BibTeX."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from geo.rules.citations import used_sources
from geo.urls import safe_url

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset

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
    if safe_url(source["url"]) or safe_url(source["archive_url"]):
        item["URL"] = safe_url(source["url"]) or source["archive_url"]
    if source["accessed"]:
        item["accessed"] = {"date-parts": [_date_parts(source["accessed"])]}
    if source["language"]:
        item["language"] = source["language"]
    note = "; ".join(n for n in (source["date_note"], source["notes"]) if n)
    if note:
        item["note"] = note
    return item


DATASET_PUBLISHER = "Hikvision and the surveillance of Uyghurs: a sourced map (open data)"


def dataset_csl_item(data: Dataset, base_url: str = "") -> dict:
    """Describe the dataset itself, with its version, so a bibliography cites the release it was made from."""
    item: dict[str, object] = {
        "id": data.name or "dataset",
        "type": "dataset",
        "title": data.title,
        "version": data.version,
        "publisher": DATASET_PUBLISHER,
        "note": "CC BY 4.0. The other entries are the sources behind the claims it maps.",
    }
    if data.updated:
        item["issued"] = {"date-parts": [_date_parts(data.updated)]}
    if safe_url(base_url):
        item["URL"] = base_url
    return item


def to_csl_json(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """CSL-JSON array of the sources behind the shown claims, then the dataset (with its version)."""
    items = [csl_item(s) for _, s in used_sources(data.sources, claims).iterrows()]
    items.append(dataset_csl_item(data, base_url))
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
    if safe_url(source["url"]) or safe_url(source["archive_url"]):
        fields["url"] = safe_url(source["url"]) or source["archive_url"]
    if source["accessed"]:
        fields["urldate"] = source["accessed"]
    note = "; ".join(n for n in (source["date_note"], source["notes"]) if n)
    if note:
        fields["note"] = note
    return _bibtex(kind, source["id"], fields)


def _bibtex(kind: str, key: str, fields: dict[str, str]) -> str:
    """One entry; values escaped for LaTeX except URLs and the brace-protected author list."""
    lines = [f"@{kind}{{{key},"]
    for name, value in fields.items():
        if value:
            escaped = value if name in ("url", "author") else bibtex_escape(value)
            lines.append(f"  {name} = {{{escaped}}},")
    lines.append("}")
    return "\n".join(lines)


def dataset_bibtex_entry(data: Dataset, base_url: str = "") -> str:
    """Describe the dataset itself as a BibTeX entry, with its version."""
    item = dataset_csl_item(data, base_url)
    fields = {"title": data.title, "version": data.version, "publisher": DATASET_PUBLISHER,
              "year": data.updated[:4], "date": data.updated, "url": str(item.get("URL", "")), "note": str(item["note"])}  # fmt: skip
    return _bibtex("misc", str(item["id"]), fields)


def to_bibtex(data: Dataset, claims: pd.DataFrame, base_url: str = "") -> bytes:
    """BibTeX file of the sources behind the shown claims, then the dataset (with its version)."""
    entries = [bibtex_entry(s) for _, s in used_sources(data.sources, claims).iterrows()]
    entries.append(dataset_bibtex_entry(data, base_url))
    return ("\n\n".join(entries) + "\n").encode("utf-8")
