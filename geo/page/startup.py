"""A first page's preparation, kept on disk per data and code fingerprint, so a restarted app starts warm.

On a cold start the app reads and validates the data, draws the basemap files and builds
the map's claim model, the popups and the page summary: a third of a second of work whose
result depends only on the data files, this package's code and the libraries. The first
start writes that result to ``settings.cache_dir/prepared/`` (a pickle named by the data's
fingerprint, :func:`geo.evidence.readers.files_digest`, and the code's); a restart with the same
bytes reads it back and primes the per-dataset caches (:func:`geo.evidence.cache.per_dataset`).
Any changed data file, module, catalog or library version gives a new name and a full
preparation, which validates the data as before. Only files this app wrote are read back.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from geo import settings
from geo.errors import DataValidationError
from geo.evidence import readers
from geo.evidence.dataset import load_dataset
from geo.html.popups import fragments
from geo.map import assets
from geo.map.basemap import basemap_layers
from geo.map.overlays import app_model, default_view
from geo.map.shapes import shapes
from geo.page import model
from geo.rules import labels
from geo.upload.memory import use_few_arenas

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

__all__ = ["DataValidationError", "data_dir", "load_prepared", "start", "use_few_arenas"]

PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: The per-dataset caches a first page fills, kept for every language prepared so far.
CACHES = {
    "shapes": shapes,
    "fragments": fragments,
    "app_model": app_model,
    "dataset_summary": model.dataset_summary,
    "default_view": default_view,
    "place_names": labels.place_names,
}
#: Libraries whose version can change what the caches hold.
LIBRARIES = ("folium", "branca", "pandas", "geopandas", "shapely", "pyogrio", "babel", "frictionless")


def code_fingerprint() -> str:
    """SHA-256 over this package's modules and catalogs and the libraries' versions."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in {".py", ".po"}:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        digest.update(f"{name}={version(name)};".encode())
    return digest.hexdigest()


def prepared_path(data_dir: Path | str | None = None) -> Path:
    """Where the preparation of this data with this code is kept."""
    key = hashlib.sha256(readers.files_digest(data_dir) + code_fingerprint().encode()).hexdigest()[:32]
    return settings.cache_dir / "prepared" / f"{key}.pickle"


def load_prepared(data_dir: Path | str | None = None, static_dir: Path | None = None) -> tuple[Dataset, dict[str, str]]:
    """The validated dataset and its basemap URLs, from disk when this data and code were prepared before.

    Raises
    ------
    DataValidationError
        If the data is not valid (never written to disk, so it is checked on every start).
    """
    path = prepared_path(data_dir)
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError):
        bundle = pickle.loads(path.read_bytes())  # noqa: S301 (a file this app wrote, named by its content)
        if all(assets.basemap_file(url, static_dir).exists() for url in bundle["basemap"].values()):
            for name, values in bundle["caches"].items():
                CACHES[name].prime(bundle["data"], values)
            return bundle["data"], bundle["basemap"]
    data = load_dataset(data_dir)
    basemap = assets.publish_basemap(basemap_layers(data), static_dir)
    for cached in CACHES.values():
        cached(data)
    save_prepared(path, data, basemap)
    return data, basemap


def save_prepared(path: Path, data: Dataset, basemap: dict[str, str]) -> None:
    """Write the preparation (in the languages made so far); a failed write only costs the next start its warmth."""
    bundle = {"data": data, "basemap": basemap, "caches": {name: c.stored(data) for name, c in CACHES.items()}}
    with contextlib.suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            tmp.write(pickle.dumps(bundle, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp.name, path)  # atomic: a reader never sees half a file


def start(data_dir: Path | str | None = None) -> tuple[Dataset, dict[str, str]]:
    """The server's first page: Leaflet and the basemap in the static folder, the validated dataset and its basemap URLs.

    Raises
    ------
    DataValidationError
        If the data is not valid: the page shows the validator's report instead.
    """
    assets.install_static_assets()
    return load_prepared(data_dir or settings.data_dir)


def data_dir() -> str:
    """The data folder the page shows (``settings.data_dir``: ``data/``, or ``$GEO_DATA_DIR``)."""
    return str(settings.data_dir)
