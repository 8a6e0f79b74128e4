"""The page's state: what its address says, read once per run and written from one place.

A run of the page (the whole script, or one of its fragments) reads the query string once
into a :class:`PageState`: the filters, the open place, the map's view, the briefing step,
the language, the presenter's own briefing, and whether the page is embedded. Everything the
page shows follows from it; everything that moves the visitor (a widget, a link, the map's
view, a step's button) makes a new state with one of its methods, and the Streamlit layer
writes it back (``sections/address.py``, the only code that touches ``st.query_params``).
Nothing here imports Streamlit, so the rules are tested as plain data.

The canonical address lists the filters, the place, the step and briefing, the language,
then the map's view last: the map's client code can then say its view without reordering
the rest (``geo/frontend/url.js``, ``withViewLast``), so the address it shows is byte for
byte the one the server writes after it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode

from geo import urls
from geo.language import i18n
from geo.page.session import Key
from geo.rules.briefing import place_frame
from geo.rules.drawing import HOME, extent, leaflet_bounds, level
from geo.rules.filters import (
    FILTERS,
    FilterField,
    Filters,
    any_filter_set,
    filters_from_params,
    filters_from_values,
    params_from_filters,
    without_full_range,
)

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset


__all__ = [
    "FILTERS",
    "FilterField",  # one filter's declaration (geo.rules.filters), for the sidebar's widgets
    "Filters",
    "MapView",
    "Opening",
    "PageState",
    "WidgetChoices",
    "explorer_after",
    "filters_from_values",
    "fit_target",
    "map_view",
    "opened_with",
    "page_fit",
    "place_bounds",
    "remember_explorer",
    "reported_view",
    "results_bounds",
    "widget_values",
    "without_view",
]


@dataclass(frozen=True)
class MapView:
    """The map's centre and zoom as the address writes them (``lat``, ``lng`` to 3 decimals, ``zoom``).

    Kept as the text the map's client code wrote, so writing it back changes no byte.
    """

    lat: str
    lng: str
    zoom: str

    @classmethod
    def parse(cls, values: Mapping[str, object]) -> MapView | None:
        """A view from ``lat``, ``lng`` and ``zoom`` (query parameters or the map's report), if valid; else None."""
        found = urls.parse_view({key: str(values.get(key, "")).strip() for key in urls.VIEW})
        if found is None:
            return None
        (lat, lng), zoom = found
        return cls(f"{lat:.3f}", f"{lng:.3f}", str(zoom))

    @property
    def center(self) -> tuple[float, float]:
        """(latitude, longitude)."""
        return float(self.lat), float(self.lng)

    @property
    def level(self) -> int:
        """The zoom level."""
        return int(self.zoom)

    def params(self) -> dict[str, str]:
        """``{"lat": …, "lng": …, "zoom": …}``."""
        return dict(zip(urls.VIEW, (self.lat, self.lng, self.zoom), strict=True))


@dataclass(frozen=True)
class PageState:
    """Everything the address says: where the visitor is. Defaults mean the explorer, unfiltered, in English."""

    filters: Filters = field(default_factory=Filters)
    place: str | None = None
    view: MapView | None = None
    step: int | None = None
    language: str = i18n.DEFAULT
    #: The presenter's own briefing: its link value (``geo.rules.briefing_file.to_link``), or ``urls.MINE``.
    briefing: str | None = None
    #: Opened with Streamlit's ``?embed=true`` (Streamlit keeps that parameter itself; it is never written here).
    embedded: bool = False
    #: A release (``?since=0.2.0``): what changed after it is shown.
    since: str | None = None

    @classmethod
    def parse(cls, params: Mapping[str, str], *, embedded: bool = False) -> PageState:
        """The state a query string names, read as text: bad numbers, unknown languages and malformed filters are left out.

        What only the dataset can tell (is the place one of ours? does a year range cover every
        claim?) is :meth:`within`'s.
        """
        step = params.get(urls.STEP, "").strip()
        return cls(
            filters=filters_from_params(params),
            place=params.get(urls.PLACE) or None,
            view=MapView.parse(params),
            step=int(step) if step.isdigit() and int(step) > 0 else None,
            language=i18n.parse_lang(params.get(urls.LANG)),
            briefing=params.get(urls.BRIEFING) or None,
            embedded=embedded,
            since=(params.get(urls.SINCE) or "").strip()[:20] or None,
        )

    def within(self, places: Collection[str], years: tuple[int, int] | None) -> PageState:
        """The state as the dataset can show it: an unknown place closed, a year range covering every claim no filter."""
        return replace(
            self, place=self.place if self.place in places else None, filters=without_full_range(self.filters, years)
        )

    @property
    def presenting(self) -> bool:
        """Whether the page is a briefing step (else the explorer)."""
        return self.step is not None

    @property
    def kept_in_tab(self) -> bool:
        """Whether the briefing shown is the presenter's own, kept in this browser tab (too long for a link)."""
        return self.briefing == urls.MINE

    def params(self) -> dict[str, str]:
        """The canonical query: in a briefing, its step, briefing and language; else filters, place, language, view.

        The view comes last (see the module's docstring). Streamlit's embed parameters are
        not ours to write: Streamlit keeps them.
        """
        if self.presenting:
            return urls.step_params(self.step, self.language, self.briefing)
        place = {urls.PLACE: self.place} if self.place else {}
        since = {urls.SINCE: self.since} if self.since else {}
        view = self.view.params() if self.view else {}
        return params_from_filters(self.filters) | place | since | urls.language_params(self.language) | view

    @property
    def address_without_view(self) -> str:
        """The query string without the map's view, encoded as Streamlit writes it (the page compares it, page.js)."""
        return urlencode(self.with_view(None).params())  # a briefing step has no view

    def with_filters(self, filters: Filters) -> PageState:
        """The same page with other filters."""
        return replace(self, filters=filters)

    def with_view(self, view: MapView | None) -> PageState:
        """The same page with the map looking elsewhere (a briefing step keeps its own frame: no view there)."""
        return self if self.presenting else replace(self, view=view)

    def opening(self, place_id: str | None) -> PageState:
        """The explorer with ``place_id``'s detail view open (None closes it); filters, view and language stay."""
        return replace(self, place=place_id, step=None, briefing=None)

    def changed_since(self, version: str | None) -> PageState:
        """The explorer showing what changed after release ``version`` (None: nothing of that kind)."""
        return replace(self, since=version or None)

    def in_language(self, code: str) -> PageState:
        """The same page in language ``code``."""
        return replace(self, language=code)

    def at_step(self, number: int, briefing: str | None = None) -> PageState:
        """Briefing step ``number`` of the shipped briefing, or of ``briefing`` (the presenter's own), in this language.

        Nothing of the explorer carries into the step's address: the step frames its own map.
        """
        return PageState(step=number, briefing=briefing, language=self.language, embedded=self.embedded)

    def next_step(self, number: int) -> PageState:
        """Another step of the same briefing."""
        return replace(self, step=number)


def without_view(params: Mapping[str, str]) -> list[tuple[str, str]]:
    """A query's parameters but the map's view, in their order: what a write compares (the view rides along)."""
    return [(key, value) for key, value in params.items() if key not in urls.VIEW]


def reported_view(report: Mapping[str, object], current: PageState) -> MapView | None:
    """The map's view as the page reported it (``geo/frontend/page.js``), if it was seen at the current address.

    A report says the address it was made at (``at``, the query without the view): a late
    report from an address the visitor has since left (Back, Forward) is not taken, and a
    briefing step frames its own map.
    """
    view = MapView.parse(report)
    seen_at = PageState.parse(dict(parse_qsl(str(report.get("at", "")), keep_blank_values=True)))
    here = replace(current, view=None, embedded=False)
    if view is None or current.presenting or seen_at != here:
        return None
    return view


def remember_explorer(session: MutableMapping, current: PageState, target: PageState) -> None:
    """Entering a briefing from the explorer: remember where the visitor was, for "Exit briefing"."""
    if target.presenting and not current.presenting:
        session[Key.EXPLORER] = current


def explorer_after(session: Mapping, briefing: PageState) -> PageState:
    """Where "Exit briefing" goes: the explorer as the visitor left it (filters, place, view), in today's language."""
    before = session.get(Key.EXPLORER)
    back = before if isinstance(before, PageState) and not before.presenting else PageState()
    return replace(back, language=briefing.language, embedded=briefing.embedded)


@dataclass(frozen=True)
class WidgetChoices:
    """What the page's widgets may hold: the year slider's range, and each choice filter's options by its attribute."""

    years: tuple[int, int]
    options: Mapping[str, Collection[str]]


def widget_values(state: PageState, choices: WidgetChoices) -> dict[str, object]:
    """What each widget of the page shows for ``state``, by widget key: the filters, and the language switch.

    A widget not drawn yet starts from these values, and when the address changes from outside
    the widgets (the browser's Back and Forward, a link) the widgets take them: the address
    wins. A value the widget cannot hold (an unknown source in a typed link) is left out.
    """
    values: dict[str, object] = {Key.LANGUAGE: state.language}
    for f in FILTERS:
        value = getattr(state.filters, f.attr)
        if f.kind == "years":
            low, high = choices.years
            value = (max(low, value[0] or low), min(high, value[1] or high))
        elif f.kind == "choices":
            value = [v for v in value if v in choices.options.get(f.attr, ())]
        values[f.attr] = value
    return values


@dataclass(frozen=True)
class Opening:
    """How the session's page opened: its filters, the open place and the map's view then (all from its address)."""

    filters: Filters
    place: str | None
    view: MapView | None


def opened_with(session: MutableMapping, state: PageState) -> Opening:
    """How this session opened (remembered at its first run)."""
    return session.setdefault(Key.OPENED_WITH, Opening(state.filters, state.place, state.view))


def map_view(opening: Opening, data: Dataset) -> tuple[tuple[float, float], int]:
    """Where the session's map starts: the view in its first address, else the place it opened, else the default view.

    The map element is made from this once per session and stays the same element on every
    rerun: opening a place, a filter, the map's own moves all move it in the browser
    (:func:`page_fit`), so nothing the visitor added to it is drawn again.
    """
    if opening.view is not None:
        return opening.view.center, opening.view.level
    if opening.place:
        place = data.places.set_index("id").loc[opening.place]
        return (place["lat"], place["lon"]), level(place["admin_level"]).detail_zoom
    return HOME.center, HOME.zoom


def place_bounds(data: Dataset, place_id: str) -> list[list[float]]:
    """Where opening a place moves the map: its whole area (a region, a province), else its county-level frame."""
    zoom = level(data.places.set_index("id").loc[place_id, "admin_level"]).detail_zoom
    return leaflet_bounds(place_frame(data, place_id, zoom))


def results_bounds(data: Dataset, claims: pd.DataFrame) -> list[list[float]] | None:
    """Where fitting moves the map for ``claims``: their extent (:func:`geo.rules.drawing.extent`) in Leaflet's order."""
    return leaflet_bounds(extent(data, claims))


def fit_target(
    filters: Filters, bounds: list[list[float]] | None, *, kept_view: bool
) -> list[list[float]] | str | None:
    """Where the map should move for these filters: their results' bounds, ``"home"``, or None (stay).

    Narrowing filters fit the map to what they show; no filters return it to the default
    view. ``kept_view`` (the page opened with an explicit view in its URL, and the filters
    have not changed since) leaves the map where the URL put it. The browser moves the map
    only when this value changes, that is when the filters do.
    """
    if kept_view:
        return None
    if not any_filter_set(filters):
        return "home"
    return bounds


def page_fit(
    session: MutableMapping, state: PageState, bounds: list[list[float]] | None, place: list[list[float]] | None = None
) -> list[list[float]] | str | None:
    """Where the map moves for this state: the open place's frame (``place``), else the filters' (:func:`fit_target`).

    Nothing moves while the page is as it opened (its address's view, or its place, holds
    until the visitor changes the filters or opens another place). The browser moves the map
    only when this value changes.
    """
    opening = opened_with(session, state)
    unchanged = state.filters == opening.filters and state.place == opening.place
    if state.place:
        return None if unchanged else place
    return fit_target(state.filters, bounds, kept_view=opening.view is not None and unchanged)
