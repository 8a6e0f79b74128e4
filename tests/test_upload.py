"""Uploads: one case per problem kind, a mixed file, spatial analysis against hand-computed values."""

from __future__ import annotations

import json
import math

import pytest

from geo.errors import UploadError
from geo.upload.analysis import geodesic_km, nearest_places, province_counts, province_of
from geo.upload.read import read_upload


def upload(content: bytes, filename: str = "mine.csv", **options):
    return read_upload(filename, content, name="My layer", attribution="Me, 2026", **options)


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        ("X,,78.3", "lat", "missing coordinate: latitude is empty"),
        ("X,37.6,", "lon", "missing coordinate: longitude is empty"),
        ("X,north,78.3", "lat", "not a number"),
        ("X,nan,78.3", "lat", "not a finite number"),
        ("X,inf,78.3", "lat", "not a finite number"),
        ("X,123.5,31.2", "lat, lon", "latitude and longitude look swapped"),
        ("X,37.6,200", "lon", "out of range for degrees"),
        ("X,1e308,1e308", "lat", "out of range for degrees"),
    ],
)
def test_each_row_problem_names_row_field_and_reason(line: str, field: str, reason: str) -> None:
    layer = upload(f"name,lat,lon\nGood,19.7,110.0\n{line}\n".encode())
    assert len(layer.points) == 1
    (problem,) = layer.problems
    assert (problem.row, problem.field, problem.reason) == (3, field, reason)


def test_mixed_file_keeps_good_rows_and_lists_bad_ones() -> None:
    content = b"site,latitude,longitude\nA,37.6,78.3\nB,,79\nC,95,40\nD,19.7,110\nE,x,1\n"
    layer = upload(content)
    assert list(layer.points["site"]) == ["A", "D"]
    assert [p.row for p in layer.problems] == [3, 4, 6]
    assert layer.summary.startswith("2 row(s) shown, 3 left out (")
    assert "1 latitude and longitude look swapped" in layer.summary


def test_columns_can_be_picked_by_hand() -> None:
    layer = upload(b"a,b,c\nx,37.6,78.3\n", lat_column="b", lon_column="c")
    assert (layer.points.geometry.y[0], layer.points.geometry.x[0]) == (37.6, 78.3)


def test_no_coordinate_columns_is_a_clear_error() -> None:
    with pytest.raises(UploadError, match=r"no latitude/longitude columns found.*pick them by hand"):
        upload(b"a,b\n1,2\n")


def test_projected_metres_without_a_crs_are_refused() -> None:
    with pytest.raises(UploadError, match="metres of a projected CRS"):
        upload(b"name,lat,lon\nA,4865942.3,13358338.9\nB,4000000,12000000\n")


def test_projected_csv_with_a_crs_is_converted() -> None:
    layer = upload(b"name,y,x\nA,4865942.28,13358338.9\n", crs="EPSG:3857")
    point = layer.points.geometry[0]
    assert (round(point.y, 4), round(point.x, 4)) == (40.0, 120.0)
    assert layer.notes == ["converted from EPSG:3857 to WGS84"]


def test_geojson_declaring_a_projected_crs_is_reprojected() -> None:
    collection = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
        "features": [
            {
                "type": "Feature",
                "properties": {"n": "x"},
                "geometry": {"type": "Point", "coordinates": [13358338.9, 4865942.28]},
            }
        ],
    }
    layer = upload(json.dumps(collection).encode(), "mine.geojson")
    assert round(layer.points.geometry[0].y, 4) == 40.0
    assert "converted from EPSG:3857" in layer.notes[0]


def test_geojson_non_points_are_listed() -> None:
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"n": "p"}, "geometry": {"type": "Point", "coordinates": [110, 19.7]}},
            {
                "type": "Feature",
                "properties": {"n": "l"},
                "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
            },
        ],
    }
    layer = upload(json.dumps(collection).encode(), "mine.geojson")
    assert len(layer.points) == 1
    assert [(p.row, p.field, p.value, p.reason) for p in layer.problems] == [
        (3, "geometry", "LineString", "not a point geometry")
    ]


def test_geopackage_upload(tmp_path) -> None:
    import geopandas as gpd
    from shapely.geometry import Point

    path = tmp_path / "mine.gpkg"
    gpd.GeoDataFrame({"name": ["皮山"]}, geometry=[Point(78.2809, 37.6168)], crs="EPSG:4326").to_file(path)
    layer = upload(path.read_bytes(), "mine.gpkg")
    assert list(layer.points["name"]) == ["皮山"]


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("mine.gpkg", b"this is not a geopackage", "cannot be read"),
        ("mine.geojson", b"{broken", "cannot be read"),
        ("mine.xlsx", b"PK\x03\x04", "not supported"),
        ("mine.csv", b"", "empty"),
        ("mine.csv", "name,lat,lon\nZürich,47.3,8.5\n".encode("latin-1"), "not UTF-8"),
        ("mine.csv", b'name,lat,lon\n"unclosed,1,2\n', "cannot be read"),
    ],
)
def test_unusable_files_get_a_clear_message(filename: str, content: bytes, message: str) -> None:
    with pytest.raises(UploadError, match=message):
        upload(content, filename)


def test_utf16_with_bom_is_decoded() -> None:
    layer = upload("name,lat,lon\nگۇما,37.6,78.3\n".encode("utf-16"))
    assert layer.points["name"][0] == "گۇما"


def test_name_and_source_are_required() -> None:
    with pytest.raises(UploadError, match=r"name.*source"):
        read_upload("mine.csv", b"lat,lon\n1,2\n", name="My layer", attribution=" ")


def test_point_in_hainan_is_in_hainan(data) -> None:
    layer = upload(b"name,lat,lon\nHaikou,20.0342,110.3465\nPishan,37.6168,78.2809\nSea,15.0,115.0\n")
    assert list(province_of(layer.points, data.provinces)) == ["CN-HI", "CN-XJ", ""]
    counts = province_counts(province_of(layer.points, data.provinces), data.provinces)
    assert list(counts["points"]) == [1, 1, 1]
    assert counts.iloc[-1]["name_en"] == "outside China's provinces"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of the mean Earth radius: an independent reference."""
    radius = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


def test_distance_pishan_to_moyu_matches_an_independent_reference(data) -> None:
    import numpy as np

    places = data.places.set_index("id")
    pishan, moyu = places.loc["pishan"], places.loc["moyu"]
    ours = float(geodesic_km(np.array([pishan["lat"]]), np.array([pishan["lon"]]), moyu["lat"], moyu["lon"])[0])
    reference = haversine_km(pishan["lat"], pishan["lon"], moyu["lat"], moyu["lon"])
    assert abs(ours - reference) / reference < 0.01
    assert 130 < ours < 140  # about 135 km by hand on a map


def test_nearest_place_for_each_point(data) -> None:
    layer = upload(b"name,lat,lon\nnear-chengmai,19.75,110.02\nnear-urumqi,43.9,87.6\n")
    nearest = nearest_places(layer.points, data.places)
    assert list(nearest["nearest_place"]) == ["chengmai", "urumqi"]
    assert nearest["distance_km"].iloc[0] < 5


def test_pruned_nearest_search_equals_checking_every_place_on_the_ellipsoid(data) -> None:
    import geopandas as gpd
    import numpy as np

    rng = np.random.default_rng(3)
    lat, lon = rng.uniform(-60, 75, 3000), rng.uniform(-180, 180, 3000)
    # and points nearly equidistant from two places: midpoints of every pair of places
    places = data.places
    pairs = [(a, b) for a in range(len(places)) for b in range(a + 1, len(places))]
    lat = np.r_[lat, [(places["lat"].iloc[a] + places["lat"].iloc[b]) / 2 for a, b in pairs]]
    lon = np.r_[lon, [(places["lon"].iloc[a] + places["lon"].iloc[b]) / 2 for a, b in pairs]]
    points = gpd.GeoDataFrame({"upload_row": np.arange(len(lat))}, geometry=gpd.points_from_xy(lon, lat), crs=4326)
    nearest = nearest_places(points, places)
    every = np.vstack([geodesic_km(lat, lon, p.lat, p.lon) for p in places.itertuples()])
    assert np.allclose(nearest["distance_km"], every.min(axis=0).round(2))
    chosen = places.set_index("id").loc[nearest["nearest_place"]]
    assert np.allclose(geodesic_km(lat, lon, chosen["lat"].to_numpy(), chosen["lon"].to_numpy()), every.min(axis=0))


def test_coordinate_pickers_default_to_detected_columns() -> None:
    from geo.upload.read import coordinate_column_defaults

    assert coordinate_column_defaults(["name", "Longitude", "Latitude"]) == (2, 1)
    assert coordinate_column_defaults(["a", "b", "c"]) == (0, 1)


def test_analysis_downloads(data) -> None:
    import io

    import pandas as pd

    from geo.upload.layer import prepare

    layer = upload(b"name,lat,lon\nHaikou,20.0342,110.3465\nPishan,37.6168,78.2809\n")
    files = {name: make() for _, name, make in prepare(layer, data).downloads()}
    per_point = pd.read_csv(io.BytesIO(files["my-layer-analysis.csv"]), encoding="utf-8-sig")
    assert list(per_point["province"]) == ["CN-HI", "CN-XJ"]
    assert list(per_point["nearest_place"]) == ["chengmai", "pishan"]  # Haikou is ~35 km from the Chengmai seat
    assert per_point["distance_km"].iloc[1] == 0
    provinces = pd.read_csv(io.BytesIO(files["my-layer-provinces.csv"]), encoding="utf-8-sig")
    assert set(provinces["iso_3166_2"]) == {"CN-HI", "CN-XJ"}


def test_the_map_payload_carries_each_value_escaped_in_its_row() -> None:
    from geo.html.escape import esc
    from geo.upload.layer import COLUMN_SEPARATOR, payload_json

    hostile = ["a$b", "<img src=x onerror=alert(1)>", "", "{{x}} `y` \\z", "plain"]
    rows = "\n".join(f'{i},"{name}",{30 + i},{80 + i}' for i, name in enumerate(hostile))
    layer = upload(f"id,name,lat,lon\n{rows}\n".encode())
    data = json.loads(payload_json(layer))
    columns = {
        field: column.split(COLUMN_SEPARATOR) for field, column in zip(data["fields"], data["columns"], strict=True)
    }
    assert columns["name"] == [esc(name) for name in hostile]
    assert columns["id"] == ["0", "1", "2", "3", "4"]
    assert decoded(data["lat"]) == [30, 31, 32, 33, 34]  # binary float32 columns (canvas-points.js decodes them)
    assert decoded(data["lon"]) == [80, 81, 82, 83, 84]


def decoded(column: str) -> list[float]:
    """A base64 column of little-endian float32 values, as the browser reads it."""
    import base64

    import numpy as np

    return np.frombuffer(base64.b64decode(column), dtype="<f4").tolist()


def test_binary_coordinates_keep_a_point_within_a_metre() -> None:
    from geo.upload.layer import payload_json

    layer = upload(b"name,lat,lon\nfar east,53.5608271,134.7728123\nsouth,-54.9314571,-67.6103372\n")
    data = json.loads(payload_json(layer))
    lat, lon = decoded(data["lat"]), decoded(data["lon"])
    wanted = [(53.5608271, 134.7728123), (-54.9314571, -67.6103372)]
    for y, x, (want_y, want_x) in zip(lat, lon, wanted, strict=True):
        assert abs(y - want_y) < 1e-5  # 1e-5 degrees is about a metre
        assert abs(x - want_x) < 1e-5
