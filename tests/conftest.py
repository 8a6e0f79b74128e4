"""Shared fixtures: the shipped data folder, a way to break a copy of it one cell at a time, and the costly outputs.

Figures cost seconds each, so what several tests read is made once per run here (the
default view's slide, the briefing pack); treat each as read-only.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import PIL.Image
import pytest
from hypothesis import settings as hypothesis_settings

from geo import settings
from geo.evidence.dataset import Dataset, load_dataset
from geo.export import figures, formats

from .built import Exports
from .server import ServerError, streamlit_server

PROJECT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = PROJECT.parent / "shared" / "seed" / "000_030e18b3e0a7e353.txt"

# Hypothesis: CI (``CI`` set) tries each property with its full number of examples, the local
# loop with a fifth of them; ``HYPOTHESIS_PROFILE=ci`` runs the full number locally.
hypothesis_settings.register_profile("ci", max_examples=100)
hypothesis_settings.register_profile("dev", max_examples=20)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


def examples(ci: int) -> int:
    """A property's number of examples: ``ci`` under the ``ci`` profile, the profile's share of it otherwise."""
    return max(5, ci * hypothesis_settings.default.max_examples // 100)


class BrokenData:
    """A copy of ``data/`` in a temporary folder, edited cell by cell.

    Each edit of a published table is logged in ``corrections.csv``, as a careful maintainer
    would, so a test sees only the rule it breaks; ``log=False`` leaves an edit unlogged.
    """

    def __init__(self, root: Path) -> None:
        self.dir = root / "data"
        shutil.copytree(settings.data_dir, self.dir)

    def table(self, name: str) -> pd.DataFrame:
        return pd.read_csv(self.dir / name, dtype=str, keep_default_na=False)

    def set(self, name: str, row_id: str, field: str, value: str, *, log: bool = True) -> int:
        """Set one cell of the row whose id is ``row_id``; return its spreadsheet row."""
        table = self.table(name)
        key = settings.PUBLISHED_TABLES.get(name) or table.columns[0]  # an audit table's key is its first column
        matches = table.index[table[key] == row_id]
        assert len(matches) == 1, row_id
        before = table.loc[matches[0], field]
        table.loc[matches[0], field] = value
        table.to_csv(self.dir / name, index=False, lineterminator="\n")
        if log and name in settings.PUBLISHED_TABLES:
            self.log(name, row_id, field, before, value)
        return int(matches[0]) + 2

    def log(self, table: str, row_id: str, field: str, before: str, after: str) -> None:
        """Append a corrections-log entry for the current version."""
        entries = self.table(settings.CORRECTIONS_CSV)
        version = json.loads((self.dir / settings.DATAPACKAGE).read_text(encoding="utf-8"))["version"]
        entries.loc[len(entries)] = {
            "id": f"corr-{len(entries) + 1:04d}", "date": "2026-11-28", "version": version, "table": table,
            "row_id": row_id, "field": field, "before": before, "after": after, "why": "test edit",
            "evidence": "https://example.org/test",
        }  # fmt: skip
        entries.to_csv(self.dir / settings.CORRECTIONS_CSV, index=False, lineterminator="\n")

    def row_of(self, name: str, row_id: str, key: str = "id") -> int:
        table = self.table(name)
        return int(table.index[table[key] == row_id][0]) + 2


@pytest.fixture(scope="session")
def data() -> Dataset:
    """The shipped dataset, loaded once for the whole run (treat it as read-only)."""
    return load_dataset()


@pytest.fixture
def broken(tmp_path: Path) -> BrokenData:
    return BrokenData(tmp_path)


@pytest.fixture(scope="session")
def default_slide(data: Dataset):
    """The default view's slide (every claim, the dataset's title), drawn once for the run."""
    fig = figures.slide(data, data.claims, title=data.title)
    fig.canvas.draw()
    yield fig
    figures._pyplot().close(fig)


def stand_in_figure(kind: str):
    """A writer like :func:`figures.to_png` whose bytes name what it was asked to draw, in no time."""

    def write(data: Dataset, claims: pd.DataFrame, base_url: str = "", **layout: object) -> bytes:
        del data, base_url
        return f"{kind}: claims {','.join(claims['id'])}; layout {sorted(layout.items())}".encode()

    return write


def stand_in_map(data: Dataset, claims: pd.DataFrame, *, size: object, bounds: object = None) -> bytes:
    """A writer like :func:`figures.map_png` (a deck's map picture): a real, tiny PNG, in no time."""
    del data, claims, size, bounds
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (16, 9), "white").save(buffer, "PNG")
    return buffer.getvalue()


@contextmanager
def stand_in_figures() -> Iterator[None]:
    """Slides, A4 PDFs and deck maps written by stand-ins, for tests of what holds them (the briefing pack)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(figures, "to_png", stand_in_figure("PNG"))
        patch.setattr(figures, "to_pdf", stand_in_figure("PDF"))
        patch.setattr(figures, "map_png", stand_in_map)
        yield


#: ``--dist loadgroup`` groups (README: the test command), marked ``xdist_group("browser")`` or this. One worker
#: drives the browser: two browsers, each with its own ``streamlit run``, on two cores starved each other's runs.
#: One worker makes the shared exports (:func:`exports`), so each is made once and its readers run where it is.
EXPORTS_GROUP = pytest.mark.xdist_group("exports")


@pytest.fixture(
    scope="session",
    params=[pytest.param("stand-in figures"), pytest.param("real figures", marks=[pytest.mark.slow, EXPORTS_GROUP])],
)
def pack(request: pytest.FixtureRequest, data: Dataset) -> bytes:
    """The default view's briefing pack, made once: with stand-in figures (quick) and with real ones (slow).

    The real one is the CLI's, shared with the export snapshot (:func:`exports`).
    """
    if request.param == "real figures":
        exports = request.getfixturevalue("exports")
        return exports.cli("pack").read_bytes()
    with stand_in_figures():
        return formats.to_pack(data, data.claims)


@pytest.fixture(scope="session")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Exports:
    """The slow exports (every format, the snapshot's two views), each made once per run when first asked for."""
    return Exports(tmp_path_factory.mktemp("exports"))


@pytest.hookimpl(trylast=True)  # after pytest-xdist has named each grouped test's group in its id
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A browser test, or one reading the shared exports, outside its group is an error, not a slow run."""
    for item in items:
        if config.getoption("loadgroup", False) and item.get_closest_marker("xdist_group") and "@" not in item.nodeid:
            msg = "pytest-xdist's groups are ignored with this pytest (see requirements-dev.txt)"
            raise pytest.UsageError(msg)
        groups = {mark.args[0] for mark in item.iter_markers("xdist_group")}
        wanted = "browser" if item.get_closest_marker("browser") else None
        if wanted is None and ("exports" in getattr(item, "fixturenames", ()) or _wants_real_pack(item)):
            wanted = "exports"
        if wanted and wanted not in groups:
            msg = f"{item.nodeid}: mark it pytest.mark.xdist_group({wanted!r}) (tests/conftest.py says why)"
            raise pytest.UsageError(msg)


def _wants_real_pack(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    return callspec is not None and callspec.params.get("pack") == "real figures"


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require_browser() -> None:
    """Fail with the reason in CI when the browser is missing; skip with it elsewhere."""
    reason = None
    if not CHROMIUM.exists():
        reason = f"Debian chromium not found at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "PyPI playwright is not installed (pip install -r requirements-dev.txt)"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests are required in CI: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    require_browser()
    try:
        with streamlit_server(PROJECT / "dashboard.py") as url:
            yield url
    except ServerError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def new_page(browser, **options):
    """A page in a context of its own whose app runs a test can wait for (``tests.browser.run_after``)."""
    from .browser import track_runs

    context = browser.new_context(**{"viewport": {"width": 1300, "height": 900}, **options})
    page = context.new_page()
    track_runs(page)
    page.set_default_timeout(45_000)
    return page


@pytest.fixture
def page(browser, app_url):
    page = new_page(browser)
    yield page
    page.context.close()
