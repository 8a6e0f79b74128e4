"""The "Government measures" tab's content: where governments acted, each measure, and the searches that found none.

Read from ``measures.csv`` through :mod:`geo.rules.record`; the map is Vega-Lite (Altair), drawn
by Streamlit's own chart element, with the countries that acted shaded and each one's measures in its tooltip.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pandas as pd

from geo import style
from geo.evidence.cache import per_dataset
from geo.language.i18n import _, date
from geo.rules import labels, record

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

#: Outlines are thinned for a page-wide world map (degrees): the map names countries, it does not measure them.
WORLD_TOLERANCE_DEG = 0.4


@per_dataset(by_language=False)
def _world_outlines(data: Dataset) -> dict:
    import shapely

    world = data.countries[["iso_n3", "name", "geometry"]].copy()
    # d3-geo (Vega-Lite) reads a counter-clockwise outer ring, GeoJSON's order, as the whole globe but the country
    simplified = world.geometry.simplify(WORLD_TOLERANCE_DEG, preserve_topology=True)
    world["geometry"] = shapely.orient_polygons(simplified.values, exterior_cw=True)
    return json.loads(world.to_json(drop_id=True))


@per_dataset
def world_spec(data: Dataset) -> dict:
    """A Vega-Lite world map: the countries whose governments acted, shaded, each with its measures in the tooltip."""
    import altair as alt

    acted = record.measures_by_country(data)
    outlines = _world_outlines(data)
    for feature in outlines["features"]:
        measures = acted.get(feature["properties"]["iso_n3"], [])
        feature["properties"]["count"] = len(measures)
        feature["properties"]["measures"] = "; ".join(f"{m['instrument']} ({date(str(record.first_date(m)))})" for m in measures)
    shapes = alt.Data(values=outlines["features"])
    chart = (
        alt.Chart(shapes)
        .mark_geoshape(stroke=style.COUNTRY_EDGE, strokeWidth=0.4)
        .encode(
            color=alt.condition("datum.properties.count > 0", alt.value(style.MEASURE), alt.value(style.LAND)),
            tooltip=[alt.Tooltip("properties.name:N", title=_("Country")),
                     alt.Tooltip("properties.count:Q", title=_("Measures")),
                     alt.Tooltip("properties.measures:N", title=_("Measure"))],
        )
        .project("equalEarth")
        .properties(height=320, title=_("Where governments acted on Hikvision (shaded)"))
    )
    return chart.to_dict()


def _row(m: dict) -> dict:
    return {
        _("Authority"): m["authority"],
        _("Measure"): m["instrument"],
        _("Number"): m.get("number", ""),
        _("Dated"): date(record.first_date(m)) if record.first_date(m) else "",
        _("Standing"): labels.measure_standing(m["standing"]),
        _("Places named"): ", ".join(m.get("places") or []),
        _("Read at"): m.get("scope_at") or (m.get("dates_at") or [""])[0],
    }


@per_dataset
def measures_table(data: Dataset) -> pd.DataFrame:
    """Every measure found, earliest first, as the tab lists it."""
    return pd.DataFrame([_row(m) for m in record.measures(data)])


@per_dataset
def searches_table(data: Dataset) -> pd.DataFrame:
    """The searches for a listing that found none in the pages read."""
    rows = [{_("Searched for"): m["instrument"], _("Finding"): m["standing_note"], _("Read at"): (m.get("dates_at") or [""])[0]}
            for m in record.searches_without_a_measure(data)]  # fmt: skip
    return pd.DataFrame(rows)
