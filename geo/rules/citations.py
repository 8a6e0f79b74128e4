"""Citations as data: the sources behind claims, numbered footnotes, who relays whom.

Footnotes keep their label and URL apart, so the slide (plain text), the briefing page
(a link) and the PDF's sources page each lay them out without parsing text back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.language.i18n import _
from geo.rules.drawing import source_colours, standing
from geo.urls import safe_url

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset

NO_URL = "no public URL"


def used_source_ids(claims: pd.DataFrame) -> set[str]:
    """Ids of the sources behind these claims: those that say them, those they relay, those whose words are quoted."""
    claims = standing(claims)  # a retracted claim cites nothing: its tombstone keeps its own row only
    quoted = set(claims["quote_via"]) if "quote_via" in claims else set()
    return (set(claims["source"]) | set(claims["relayed_from"]) | quoted) - {""}


def used_sources(sources: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``sources`` behind these claims, in the order of ``sources.csv``."""
    return sources[sources["id"].isin(used_source_ids(claims))]


@dataclass(frozen=True)
class Footnote:
    """A numbered source as printed under a figure or listed under a briefing step."""

    number: int
    source_id: str
    colour: str
    label: str  # author, publisher, “title” (date)
    url: str | None  # http(s) only

    @property
    def text(self) -> str:
        """Label and URL as one line of plain text (figures)."""
        return f"{self.label}. {self.url or NO_URL}"


def footnotes(data: Dataset, claims: pd.DataFrame) -> list[Footnote]:
    """Numbered sources that say the shown ``claims``, in the order of ``sources.csv``; colours as on the map."""
    colours = source_colours(data.sources, data.claims)
    rows = data.sources[data.sources["id"].isin(set(standing(claims)["source"]))]
    notes = []
    for number, source in enumerate(rows.to_dict("records"), start=1):
        author = f"{source['author']}, " if source["author"] else ""
        published = source["published"] or _("n.d.")
        label = f"{author}{source['publisher']}, “{source['title']}” ({published})"
        notes.append(Footnote(number, source["id"], colours[source["id"]], label, safe_url(source["url"])))
    return notes


def chain(source_id: str, relayed_from: str, cites: Mapping[str, list[str]]) -> tuple[list[str], list[str]]:
    """A claim's citation chain as source ids: who says it (then whom they relay), and what that last one cites.

    ``cites`` maps a source id to the ids it cites (``sources.csv``'s ``cites``).
    """
    steps = [source_id] + ([relayed_from] if relayed_from else [])
    cited = [c for c in cites.get(steps[-1], []) if c not in steps]
    return steps, cited
