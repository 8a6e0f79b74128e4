"""The basemap and the provinces as the browser draws them: GeoJSON prepared once per loaded dataset.

Building GeoJSON from GeoDataFrames costs hundreds of milliseconds; every rerun and every
language reuses it. One collection per layer of :data:`geo.rules.drawing.BASEMAP`, coordinates
rounded for display (the stored data keeps full precision), plus each province's outline
and the points inside it where its name may go.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from geo.evidence.cache import per_dataset
from geo.rules import drawing

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.evidence.dataset import Dataset
    from geo.rules.drawing import BasemapLayer


@dataclass(frozen=True)
class Shapes:
    """Prepared GeoJSON for one dataset: the same in every language."""

    basemap: dict[str, dict]  # layer name -> FeatureCollection, one per entry of geo.rules.drawing.BASEMAP
    province_geometry: dict[str, dict]  # ISO 3166-2 code -> outline, for the shading (the provinces layer's)
    province_anchors: dict[str, list[tuple[float, float]]]  # (lon, lat) points inside each, for its label


def rounded(geometries: np.ndarray, decimals: int) -> np.ndarray:
    """Round coordinates for display; the stored data keeps full precision."""
    return shapely.transform(geometries, lambda xy: np.round(xy, decimals))


def merged_feature(gdf: gpd.GeoDataFrame, decimals: int, name: str = "", min_area: float = 0.0) -> dict:
    """All polygons as one MultiPolygon feature: borders still drawn, one feature to style."""
    parts = shapely.get_parts(gdf.geometry.values)
    parts = rounded(parts[shapely.area(parts) >= min_area], decimals)
    polygons = [p for p in parts if p.geom_type == "Polygon" and not p.is_empty]
    geometry = shapely.MultiPolygon(polygons)
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": name,
                "properties": {"name": name},
                "geometry": shapely.geometry.mapping(geometry),
            }
        ],
    }


def features(geometries: gpd.GeoSeries, decimals: int) -> dict:
    """One GeoJSON feature per row (its id the index, e.g. an ISO 3166-2 code), coordinates rounded for display."""
    shapes_ = rounded(geometries.values, decimals)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": code, "properties": {}, "geometry": shapely.geometry.mapping(shape)}
            for code, shape in zip(geometries.index, shapes_, strict=True)
        ],
    }


#: Candidate label points per area: a label that overlaps others at one point tries the next.
ANCHOR_GRID = 6
ANCHORS_KEPT = 8


def label_anchors(area: shapely.Geometry) -> list[tuple[float, float]]:
    """Points inside ``area`` where its name may go: its representative point, then grid points nearest it."""
    best = shapely.point_on_surface(area)
    west, south, east, north = area.bounds
    grid = [
        shapely.Point(west + (east - west) * (i + 0.5) / ANCHOR_GRID, south + (north - south) * (j + 0.5) / ANCHOR_GRID)
        for i in range(ANCHOR_GRID)
        for j in range(ANCHOR_GRID)
    ]
    inside = sorted((p for p in grid if area.contains(p)), key=best.distance)[: ANCHORS_KEPT - 1]
    return [(round(p.x, 4), round(p.y, 4)) for p in [best, *inside]]


def layer_collection(layer: BasemapLayer, data: Dataset) -> dict:
    """A basemap layer's GeoJSON as the browser draws it: one feature per row, or all merged into one."""
    shapes_ = layer.shapes(data)
    if layer.per_feature:
        return features(shapes_.set_index(layer.id_column).geometry, layer.decimals)
    return merged_feature(shapes_, layer.decimals, layer.name, layer.min_area)


@per_dataset(by_language=False)
def shapes(data: Dataset) -> Shapes:
    """The prepared boundaries for ``data``, built on first use and shared by every language."""
    basemap = {layer.name: layer_collection(layer, data) for layer in drawing.BASEMAP}
    provinces = data.provinces.set_index("iso_3166_2", drop=False)
    outlines = features(provinces.geometry, drawing.BASEMAP_LAYERS["provinces"].decimals)
    return Shapes(
        basemap=basemap,
        province_geometry={f["id"]: f["geometry"] for f in outlines["features"]},
        province_anchors={code: label_anchors(geometry) for code, geometry in provinces.geometry.items()},
    )
