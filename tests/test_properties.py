"""Property-based tests: escaping, upload parsing and validation never fail unexpectedly.

Each runs with its number of examples in CI and a fifth of them locally (the Hypothesis profiles in conftest).
"""

from __future__ import annotations

import html as html_lib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import settings as geo_settings
from geo.errors import UploadError
from geo.evidence.validate import validate_dataset
from geo.html.escape import esc, esc_column, link
from geo.upload.read import read_upload

from .conftest import BrokenData, examples


@given(st.text())
def test_escaped_text_has_no_markup_characters(text: str) -> None:
    out = esc(text)
    for raw in "<>\"'`$":
        assert raw not in out
    assert html_lib.unescape(out) == text


@given(st.text())
def test_escaping_is_the_standard_library_escape_plus_template_characters(text: str) -> None:
    extra = {"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"}
    assert esc(text) == html_lib.escape(text, quote=True).translate(str.maketrans(extra))


@given(st.lists(st.text(alphabet=st.sampled_from("ab<&$\\\x00 é{"), max_size=6)))
def test_a_column_is_escaped_exactly_as_each_value_would_be(values: list[str]) -> None:
    assert esc_column(values) == [esc(v) for v in values]  # including values holding the NUL separator


@given(st.text(), st.text())
def test_links_are_only_ever_http(url: str, label: str) -> None:
    out = link(url, label)
    if out.startswith("<a "):
        assert url.strip().lower().startswith(("http://", "https://"))
        assert out.count("<") == 2  # the tag and its end tag; the label is escaped
    else:
        assert out == esc(label)


@given(st.binary(max_size=2000), st.sampled_from(["x.csv", "x.geojson", "x.json", "x.gpkg", "x.txt", "x.zip"]))
@settings(max_examples=examples(150), deadline=None)
def test_upload_parser_raises_only_upload_errors(content: bytes, filename: str) -> None:
    try:
        layer = read_upload(filename, content, name="n", attribution="a")
    except UploadError:
        return
    xs, ys = layer.points.geometry.x, layer.points.geometry.y  # whatever is kept is a real WGS84 point
    assert xs.between(-180, 180).all()
    assert ys.between(-90, 90).all()


csv_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(st.lists(st.tuples(csv_cell, csv_cell, csv_cell), min_size=1, max_size=20))
@settings(max_examples=examples(60), deadline=None)
def test_upload_of_arbitrary_csv_cells_lists_every_bad_row(rows: list[tuple[str, str, str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "lat", "lon"])
    writer.writerows(rows)
    try:
        layer = read_upload("x.csv", buffer.getvalue().encode(), name="n", attribution="a")
    except UploadError:
        return
    assert len(layer.points) + len({p.row for p in layer.problems}) == len(rows)  # every row drawn or listed
    assert all(2 <= p.row <= len(rows) + 1 for p in layer.problems)


coordinate_cell = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(min_value=-200, max_value=200).map(lambda v: f" {v:.5f} "),
    st.sampled_from(
        ["", " ", "1_000", "\u22125.5", "1e400", "nan", "+.5", "5.", "0x10", "１２", "12,5", "-0", "1\ud800"]
    ),
    st.text(max_size=6),
    st.none(),
)


@given(st.lists(st.tuples(coordinate_cell, coordinate_cell), max_size=25), st.booleans())
@settings(max_examples=examples(200), deadline=None)
def test_vectorised_coordinate_check_agrees_with_the_row_by_row_check(rows: list, geographic: bool) -> None:
    import pandas as pd

    from geo.upload.read import _number, check_coordinates, row_problem

    lat = pd.Series([r[0] for r in rows], dtype=object)
    lon = pd.Series([r[1] for r in rows], dtype=object)
    good, problems, ys, xs = check_coordinates(lat, lon, "lat", "lon", geographic)
    expected = [row_problem(i + 2, a, b, "lat", "lon", geographic) for i, (a, b) in enumerate(rows)]
    assert good == [i for i, problem in enumerate(expected) if problem is None]
    assert problems == [problem for problem in expected if problem is not None]
    assert list(ys) == [_number(rows[i][0]) for i in good]
    assert list(xs) == [_number(rows[i][1]) for i in good]


@given(csv_cell, st.sampled_from(["name_en", "lat", "admin_level", "precision", "parent", "other_names"]))
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_validator_reports_instead_of_raising(tmp_path_factory, value: str, field: str) -> None:
    broken = BrokenData(tmp_path_factory.mktemp("data"))
    broken.set(geo_settings.PLACES_CSV, "moyu", field, value)
    problems = validate_dataset(broken.dir)
    assert all(p.file for p in problems)
