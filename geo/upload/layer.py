"""Draw an uploaded layer: one canvas drawn in one pass, popups built on click, any size.

Measured here (stack.md §5): per-point folium Markers stop painting at 10k-100k points,
and even circle markers on a canvas renderer spend most of a 100k upload creating one
Leaflet object per point. So the layer ships its coordinates as binary columns and its
popup values as escaped text columns (escaped in Python, never inserted raw), and a small
script (``canvas-points.js``) draws every point on one canvas and finds a clicked one by distance.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import branca.colormap as cm
import folium
from jinja2 import Template

from geo import frontend, settings
from geo.html.escape import esc, esc_column
from geo.html.render import swatch
from geo.language.i18n import _, number
from geo.map.elements import ClientCall, UploadSlot, json_argument, parsed_argument
from geo.rules import labels
from geo.rules.drawing import CHOROPLETH, UPLOADED_POINT
from geo.style import UPLOAD, UPLOAD_PANE
from geo.upload.analysis import (
    csv_bytes,
    nearest_places,
    nearest_summary,
    per_point_table,
    province_counts,
    province_of,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import geopandas as gpd
    import pandas as pd

    from geo.evidence.dataset import Dataset
    from geo.upload.read import UploadedLayer


class CanvasPoints(ClientCall):
    """The points on one canvas renderer (``geo.addCanvasPoints``); a point's popup is built when it is clicked."""

    function = "addCanvasPoints"
    #: The drawing code comes with the layer (``frontend.UPLOAD_FILES``), then the call.
    _template = Template(
        "{% macro script(this, kwargs) %}{{ this.code }}\ngeo.{{ this.function }}({{ this.arguments() }});{% endmacro %}"
    )

    def __init__(self, payload: str, colour: str) -> None:
        super().__init__()
        self._name = "CanvasPoints"
        self.code = frontend.upload_code()
        self.payload = payload
        self.options = {"separator": COLUMN_SEPARATOR, "pane": UPLOAD_PANE, "colour": colour, **UPLOADED_POINT}

    def argument_list(self) -> Sequence[str]:
        """The upload's group, its rows (parsed from one string) and the options."""
        return [self._parent.get_name(), parsed_argument(self.payload), json_argument(self.options)]


#: Joins a column's escaped values into one string: ``esc`` turns every ``$`` into ``&#36;``, so no value holds
#: one, and neither JSON nor a JavaScript string escapes it (a list of strings would cost each value two quotes,
#: escaped twice on the way to the browser).
COLUMN_SEPARATOR = "$"


def popup_fields(points: gpd.GeoDataFrame) -> list[str]:
    """The attribute columns shown in popups (the first few, besides coordinates)."""
    columns = [c for c in points.columns if c != "geometry"]
    return columns[: settings.UPLOAD_POPUP_FIELDS]


def binary_floats(values: pd.Series) -> str:
    """Numbers as base64 of little-endian float32 (``geo.decodeFloats``): a third of their JSON text's parse time.

    float32 keeps a coordinate to within a metre, which is what a drawn point shows; the
    popup shows the file's own values.
    """
    return base64.b64encode(values.to_numpy(dtype="<f4").tobytes()).decode("ascii")


def payload_json(layer: UploadedLayer) -> str:
    """Binary coordinates and escaped popup values, as JSON text (embedded as a string by CanvasPoints).

    Column by column, not row by row: each column is cut to length and escaped in one
    pass (:func:`geo.html.escape.esc_column`) and sent as one string (:data:`COLUMN_SEPARATOR`).
    """
    points = layer.points
    fields = popup_fields(points)
    limit = settings.UPLOAD_VALUE_CHARS
    data = {
        "fields": [esc(f) for f in fields],
        "lat": binary_floats(points.geometry.y),
        "lon": binary_floats(points.geometry.x),
        "columns": [COLUMN_SEPARATOR.join(esc_column([str(v)[:limit] for v in points[f].tolist()])) for f in fields],
        "attribution": esc(f"{layer.name} · source: {layer.attribution}"),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class PreparedUpload:
    """An uploaded layer with what is derived from it, each part computed once per upload.

    The map payload is built at once; the spatial analysis is computed on first use, after
    the map has been sent, so a large layer appears on the map sooner.
    """

    layer: UploadedLayer
    payload: str
    places: pd.DataFrame = field(repr=False)
    province_shapes: gpd.GeoDataFrame = field(repr=False)

    @cached_property
    def province_codes(self) -> pd.Series:
        """The province each uploaded point falls in ("" outside China), one spatial join per upload."""
        return province_of(self.layer.points, self.province_shapes)

    @cached_property
    def provinces(self) -> pd.DataFrame:
        """Uploaded points per province."""
        return province_counts(self.province_codes, self.province_shapes)

    @cached_property
    def nearest(self) -> pd.DataFrame:
        """Nearest mapped place and geodesic distance for each uploaded point."""
        return nearest_places(self.layer.points, self.places)

    @cached_property
    def nearest_summary(self) -> pd.DataFrame:
        """Per mapped place: how many uploaded points are nearest to it, and how far."""
        return nearest_summary(self.nearest)

    def downloads(self) -> list[tuple[str, str, Callable[[], bytes]]]:
        """(label, file name, maker) for each analysis table; files are made on click."""
        return [
            (_("Per-point table: province, nearest place, distance (CSV)"), "my-layer-analysis.csv",
             lambda: csv_bytes(per_point_table(self.layer.points, self.province_codes, self.nearest))),
            (_("Points per province (CSV)"), "my-layer-provinces.csv", lambda: csv_bytes(self.provinces)),
            (_("Nearest-place summary (CSV)"), "my-layer-nearest.csv", lambda: csv_bytes(self.nearest_summary)),
        ]  # fmt: skip


def prepare(layer: UploadedLayer, data: Dataset) -> PreparedUpload:
    """Build the map payload for a new upload; the analysis follows on first use."""
    return PreparedUpload(layer, payload_json(layer), data.places, data.provinces)


def upload_slot() -> folium.FeatureGroup:
    """The empty first group the page always sends: it clears the layer control of earlier uploads."""
    group = folium.FeatureGroup(name="uploads", control=False)
    UploadSlot().add_to(group)
    return group


def upload_layers(
    prepared: PreparedUpload | None, provinces: gpd.GeoDataFrame, *, choropleth: bool
) -> list[folium.FeatureGroup]:
    """The uploaded points as their own overlay, and optionally their count per province (after the slot)."""
    groups = [upload_slot()]
    if prepared is None:
        return groups
    layer = prepared.layer
    detail = _("{count}; source: {source}").format(count=number(len(layer.points)), source=layer.attribution)
    label = f"{swatch(UPLOAD)} {esc(layer.name)} ({esc(detail)})"
    points = folium.FeatureGroup(name=label, control=False)
    CanvasPoints(prepared.payload, UPLOAD).add_to(points)
    UploadSlot(label).add_to(points)
    groups.append(points)
    if choropleth:
        shaded = province_choropleth(prepared, provinces)
        UploadSlot(shaded.layer_name).add_to(shaded)
        groups.append(shaded)
    return groups


def province_choropleth(prepared: PreparedUpload, provinces: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """Provinces shaded by how many uploaded points fall in each."""
    counts = prepared.provinces
    counts = counts[counts["iso_3166_2"] != ""].set_index("iso_3166_2")["points"]
    group = folium.FeatureGroup(name=esc(_("{layer}: points per province").format(layer=prepared.layer.name)))
    if counts.empty:
        return group
    scale = cm.linear.YlOrRd_09.scale(0, float(counts.max()))
    shaded = provinces[provinces["iso_3166_2"].isin(counts.index)].copy()
    shaded["name"] = [esc(labels.place_name(p)) for p in shaded.drop(columns="geometry").to_dict("records")]
    shaded = shaded[["iso_3166_2", "name", "geometry"]]
    shaded["points"] = shaded["iso_3166_2"].map(counts).astype(int)
    shaded.geometry = shaded.geometry.simplify(0.02)
    folium.GeoJson(
        json.loads(shaded.to_json(drop_id=True)),
        style_function=lambda f: {**CHOROPLETH.leaflet(), "fillColor": scale(f["properties"]["points"])},
        tooltip=folium.GeoJsonTooltip(["name", "points"], aliases=[esc(_("province")), esc(_("uploaded points"))]),
    ).add_to(group)
    return group
