"""Charts for the tabs: the citation graph (Graphviz DOT) and the timeline (Altair).

Altair is imported when a timeline is first built: its import (~0.3 s) is not part of a
first page, which opens on the Places tab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from geo.evidence.cache import per_dataset
from geo.evidence.dates import claim_years
from geo.language.i18n import _
from geo.rules import labels
from geo.rules.citations import used_source_ids

if TYPE_CHECKING:
    import altair as alt

    from geo.evidence.dataset import Dataset


def _dot(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def citation_graph(data: Dataset, claims: pd.DataFrame) -> str:
    """DOT graph of who cites or relays whom, for the sources behind the shown claims."""
    used = used_source_ids(claims)
    sources = data.sources.set_index("id")
    edges = {(s, c, "cites") for s in used if s in sources.index for c in sources.loc[s, "cites"]}
    edges |= {(s, r, "relays") for s, r in zip(claims["source"], claims["relayed_from"], strict=True) if r}
    nodes = used | {cited for _source, cited, _kind in edges}
    lines = ["digraph citations {", "rankdir=LR; node [shape=box, style=rounded, fontsize=10];"]
    for node in sorted(nodes):
        label = labels.source_label(sources.loc[node].to_dict(), max_title=40) if node in sources.index else node
        lines.append(f"{_dot(node)} [label={_dot(label)}];")
    words = {"cites": _("cites"), "relays": _("relays")}
    lines.extend(f"{_dot(a)} -> {_dot(b)} [label={_dot(words[kind])}, fontsize=8];" for a, b, kind in sorted(edges))
    lines.append("}")
    return "\n".join(lines)


#: The timeline's brush: a range of years picked by dragging across the chart (it sets the year filter).
BRUSH = "years"


def timeline(data: Dataset, claims: pd.DataFrame) -> alt.Chart:
    """Dated claims as bars from start to end year, one row per place, coloured by status; drag to pick years."""
    import altair as alt

    years = claim_years(claims)
    names = labels.place_names(data)
    frame = claims.assign(
        start=pd.to_datetime(years["year_start"].astype("Int64").astype(str), format="%Y", errors="coerce"),
        end=pd.to_datetime((years["year_end"] + 1).astype("Int64").astype(str), format="%Y", errors="coerce"),
        where=claims["place"].map(names).fillna(_("(no place)")),
        status_label=claims["status"].map(labels.status),
    ).dropna(subset=["start"])
    frame = frame[["id", "where", "start", "end", "status_label", "summary", "source_publisher"]]
    return (
        alt.Chart(frame)
        .mark_bar(opacity=0.7)
        .add_params(alt.selection_interval(name=BRUSH, encodings=["x"]))
        .encode(
            x=alt.X("start:T", title=_("year")),
            x2="end:T",
            y=alt.Y("where:N", title=None),
            color=alt.Color("status_label:N", title=_("status")),
            tooltip=[
                alt.Tooltip("id:N", title=_("id")),
                alt.Tooltip("where:N", title=_("place")),
                alt.Tooltip("status_label:N", title=_("status")),
                alt.Tooltip("source_publisher:N", title=_("source")),
                alt.Tooltip("summary:N", title=_("summary")),
            ],
        )
    )


@per_dataset
def _dataset_timeline(data: Dataset) -> alt.Chart:
    return timeline(data, data.claims)


def timeline_for(data: Dataset, claims: pd.DataFrame) -> alt.Chart:
    """:func:`timeline` of ``claims`` (a subset of ``data.claims``), reusing one chart per dataset.

    Building an Altair chart validates its encodings against the Vega-Lite schema (~70 ms);
    a copy of the dataset's chart with fewer rows is the same chart for a fraction of that.
    """
    chart = _dataset_timeline(data).copy(deep=False)
    chart.data = chart.data[chart.data["id"].isin(claims["id"])]
    return chart


def brushed_years(state: object) -> tuple[int, int] | None:
    """The years a brush on the timeline covers (first, last), from the chart's selection state; None if none.

    Vega-Lite gives a temporal brush as epoch milliseconds on the ``start`` field; a bar runs
    from its first year to the start of the year after its last, so the brush's end is
    inclusive up to the year it reaches into.
    """
    import datetime as dt

    try:
        low, high = state["selection"][BRUSH]["start"]  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return None
    first, last = (dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).year for ms in (low, high))
    return (min(first, last), max(first, last))
