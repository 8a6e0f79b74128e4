"""One assembly of the map, for the app and for standalone files, so every test of it tests what users get.

:func:`assemble` puts a claim model on the base map with the view it starts with. The app's
map (:func:`app_map`) carries every claim, fetches the basemap and the province outlines
from this app, and is the same element on every rerun (a filter change hands it a view, see
:mod:`geo.map.handoff`); a standalone map (:func:`standalone_map`: the offline HTML, the
static site) embeds everything and shows its claims.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.map.basemap import OfflineMap, base_map
from geo.map.elements import ClaimLayers
from geo.map.handoff import message_json
from geo.map.overlays import ClaimModel, app_model, claim_model, claim_view, default_view, view_json
from geo.rules.drawing import HOME
from geo.style import SHADED_PANE, SHADED_PANE_Z

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset


def assemble(
    data: Dataset,
    model: ClaimModel,
    initial_view: str,
    *,
    links: dict[str, str] | None = None,
    center: tuple[float, float] = HOME.center,
    zoom: int = HOME.zoom,
) -> OfflineMap:
    """The base map with ``model``'s layers, showing ``initial_view`` (JSON) until the page hands another.

    ``links`` are the published basemap files (name -> URL): the browser fetches them, and
    the province outlines, from this app; without them everything is embedded.
    """
    fmap = base_map(data, center=center, zoom=zoom, links=links)
    options = {"shapesUrl": (links or {}).get("provinces", ""), "shadedPane": SHADED_PANE, "shadedZ": SHADED_PANE_Z}
    ClaimLayers(model.json, message_json(initial_view), fmap.web_tiles, options).add_to(fmap)
    return fmap


def app_map(data: Dataset, links: dict[str, str], center: tuple[float, float], zoom: int) -> OfflineMap:
    """The map the app sends: every claim, drawn at once with the default view; the page hands it the filters' view."""
    return assemble(data, app_model(data), default_view(data), links=links, center=center, zoom=zoom)


def standalone_map(data: Dataset, claims: pd.DataFrame, detail_base: str | None = "", **view: object) -> OfflineMap:
    """The whole map of ``claims`` in one object, showing all of them (the offline HTML, the static site, tests).

    ``detail_base`` prefixes the popups' detail links (the hosted app); None leaves them out.
    """
    model = claim_model(data, claims, detail_base)
    return assemble(data, model, view_json(claim_view(data, claims)), **view)  # type: ignore[arg-type]
