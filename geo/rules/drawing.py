"""What the map draws and how: the one home of the drawing rules that every output reads.

A claim *stands* unless it was retracted (a tombstone stays in tables and logs, and cites
nothing). The map *draws* the standing claims that name a place: one ring per source at
each place, nested. A place's admin level says how its ring is dashed (how large an area
the point stands for), how close its detail view zooms, and whether a frame must hold its
whole boundary. The ring, the shading and each basemap layer have one style record, in
CSS pixels: the web map receives them as data, the figures scale them to print. One
extent rule frames what is shown: the web map's fit, the slides and PDF, briefing steps.

The web map, the legend, the slides and PDF, the offline HTML, the static site, KML and
the tests read these definitions; nothing restates them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo import settings, style
from geo.language.i18n import N_

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

    from geo.evidence.dataset import Dataset

Box = tuple[float, float, float, float]  # west, south, east, north (degrees)


# --- Which claims stand, which are drawn ------------------------------------------------------------------------


def standing(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims that still stand: all but the retracted ones (tombstones: kept, shown as such, citing nothing)."""
    return claims[claims["status"] != "retracted"]


def drawable(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims the map draws: standing claims at a place (one ring per source at each place)."""
    return claims[(claims["place"] != "") & (claims["status"] != "retracted")]


def drawn_sources(sources: pd.DataFrame, claims: pd.DataFrame) -> list[str]:
    """Ids of the sources with a ring among ``claims``, in ``sources.csv`` order (the order rings nest in)."""
    drawn = set(drawable(claims)["source"])
    return [sid for sid in sources["id"] if sid in drawn]


def rings_by_place(sources: pd.DataFrame, claims: pd.DataFrame) -> dict[str, list[str]]:
    """Each drawn place (in claims order) -> its sources, one ring each, innermost first (``sources.csv`` order).

    Rings nest so that no source's ring hides another's; the innermost one is filled.
    """
    order = {sid: i for i, sid in enumerate(sources["id"])}
    by_place: dict[str, dict[str, None]] = {}
    for place, source in zip(*(drawable(claims)[c] for c in ("place", "source")), strict=True):
        by_place.setdefault(place, {})[source] = None
    return {place: sorted(found, key=order.__getitem__) for place, found in by_place.items()}


def source_colours(sources: pd.DataFrame, claims: pd.DataFrame) -> dict[str, str]:
    """A stable colour per source: distinct ones for the sources drawn on the map, one neutral for the rest.

    Drawn sources take palette colours in ``sources.csv`` order. ``claims`` is the whole
    dataset's claims, so a source keeps its colour in every view and every output.
    """
    colours = {sid: style.PALETTE[i % len(style.PALETTE)] for i, sid in enumerate(drawn_sources(sources, claims))}
    return {sid: colours.get(sid, style.UNMAPPED_SOURCE) for sid in sources["id"]}


# --- Admin levels ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outline:
    """How a ring is dashed, by how large an area its point stands for (and its line in the legend)."""

    dash: str  # SVG/Leaflet dash array, in CSS pixels
    legend: str  # an English message id: translate it where it is shown

    @property
    def dashes(self) -> tuple[float, ...]:
        """The dash array as numbers (matplotlib)."""
        return tuple(float(part) for part in self.dash.split())


WHOLE_AREA = Outline("10 5", N_("dashed ring: a region or province (the point stands for it all)"))
SEAT = Outline("6 4", N_("shorter dashes: a county or prefecture seat"))
SPOT = Outline("2 3", N_("dotted ring: a city centre or district"))


@dataclass(frozen=True)
class Level:
    """One admin level of ``places.csv``: its label, ring, detail zoom, and whether it is a whole area."""

    code: str
    label: str  # an English message id: translate it where it is shown
    outline: Outline
    detail_zoom: int  # the web map's zoom when the place's detail view is open (the whole area in view)
    whole_area: bool  # a province-level area: a frame holds all of its boundary, and it names itself


#: Admin levels, largest first (the order of the admin-level filter's choices).
LEVELS: dict[str, Level] = {
    level.code: level
    for level in (
        Level("region", N_("region"), WHOLE_AREA, 5, whole_area=True),
        Level("province", N_("province"), WHOLE_AREA, 6, whole_area=True),
        Level("prefecture", N_("prefecture"), SEAT, 7, whole_area=False),
        Level("county", N_("county"), SEAT, 8, whole_area=False),
        Level("city", N_("city"), SPOT, 9, whole_area=False),
        Level("district", N_("district"), SPOT, 10, whole_area=False),
    )
}
#: The outlines the legend explains, in the order of the levels that use them.
OUTLINES: tuple[Outline, ...] = tuple(dict.fromkeys(level.outline for level in LEVELS.values()))
#: Fitting the map to results never zooms in closer than a county's detail view.
FIT_MAX_ZOOM = LEVELS["county"].detail_zoom


def level(code: str) -> Level:
    """The :class:`Level` of an admin-level code (the validator guarantees it is known)."""
    return LEVELS[code]


def whole_area_codes() -> set[str]:
    """Admin levels whose place is a whole province-level area."""
    return {code for code, lvl in LEVELS.items() if lvl.whole_area}


# --- Styles ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RingStyle:
    """A place's rings, in CSS pixels: the innermost one filled, one more per source around it."""

    radius: float
    step: float
    weight: float
    fill_opacity: float

    def radius_of(self, index: int) -> float:
        """Radius of the ring at nesting ``index`` (0: innermost)."""
        return self.radius + self.step * index

    def browser(self) -> dict[str, float]:
        """The values as the web map reads them (camelCase, as Leaflet names them)."""
        return {"radius": self.radius, "step": self.step, "weight": self.weight, "fillOpacity": self.fill_opacity}


@dataclass(frozen=True)
class AreaStyle:
    """A drawn area: its edge (colour, width in CSS pixels) and an optional fill."""

    edge: str
    edge_width: float
    fill: str | None = None
    fill_opacity: float = 1.0

    def leaflet(self) -> dict[str, object]:
        """Leaflet path options for this style."""
        if self.fill is None:
            return {"fill": False, "color": self.edge, "weight": self.edge_width}
        return {"fillColor": self.fill, "fillOpacity": self.fill_opacity, "color": self.edge, "weight": self.edge_width}


RING = RingStyle(radius=7, step=4, weight=2.5, fill_opacity=0.35)  # a 1.5 px gap between nested rings
#: Provinces outside XUAR named by a source, shaded by whether the source names Hikvision (edge in the fill colour).
SHADING_OPACITY = 0.45
SHADING_EDGE_WIDTH = 1.0
HIKVISION_SHADING = AreaStyle(style.HIKVISION_PROVINCE, SHADING_EDGE_WIDTH, style.HIKVISION_PROVINCE, SHADING_OPACITY)
OTHER_SHADING = AreaStyle(style.OTHER_PROVINCE, SHADING_EDGE_WIDTH, style.OTHER_PROVINCE, SHADING_OPACITY)
SHADING_LEGEND = {
    True: N_("province outside XUAR where a source names Hikvision"),
    False: N_("province outside XUAR, vendor another or not stated"),
}


#: A researcher's uploaded point, in CSS pixels: small, so 100,000 of them stay readable.
UPLOADED_POINT = {"radius": 3, "weight": 1, "fillOpacity": 0.7}
#: Provinces shaded by a researcher's points (the fill is the count's colour on a scale).
CHOROPLETH = AreaStyle(style.CHOROPLETH_EDGE, 0.5, style.CHOROPLETH_EDGE, 0.6)


def shading(hikvision_named: bool) -> AreaStyle:
    """The shading of a named province: orange where a source names Hikvision."""
    return HIKVISION_SHADING if hikvision_named else OTHER_SHADING


@dataclass(frozen=True)
class MeasureMark:
    """A government measure that names an entity at a place: a square badge above the place's rings, in CSS pixels.

    Beside the rings, not on them, so a ring stays clickable; ``offset`` is the badge's
    centre from the place's point, up and to the start side.
    """

    side: float
    offset: float
    colour: str

    def browser(self) -> dict[str, object]:
        """The values the web map reads (the colour comes from the stylesheet's token)."""
        return {"side": self.side, "offset": self.offset}


MEASURE_MARK = MeasureMark(side=14, offset=RING.radius_of(3) + 4, colour=style.MEASURE)
MEASURE_LEGEND = N_("a government measure names an entity at this place (click the square)")


def browser_styles() -> dict[str, object]:
    """The style values the web map's script reads (sent inside the claim model)."""
    return {
        "ring": RING.browser(),
        "shading": {"fillOpacity": SHADING_OPACITY, "weight": SHADING_EDGE_WIDTH},
        "measure": MEASURE_MARK.browser(),
    }


# --- Basemap -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BasemapLayer:
    """One layer of our own basemap, bottom to top in :data:`BASEMAP`; the web map, legend and figures follow it.

    ``shapes`` picks its polygons from the dataset. ``per_feature`` keeps one feature per
    row, named by ``id_column`` (the provinces, whose outlines the shading reuses); else all
    polygons become one feature. ``decimals`` and ``min_area`` (square degrees) thin what
    the browser receives. ``tooltip`` and ``legend`` are English message ids, or None.
    """

    name: str
    shapes: Callable[[Dataset], gpd.GeoDataFrame]
    style: AreaStyle
    decimals: int
    per_feature: bool = False
    id_column: str = ""
    min_area: float = 0.0
    tooltip: str | None = None
    legend: str | None = None

    @property
    def interactive(self) -> bool:
        """A layer with a tooltip reacts to the mouse; the others let clicks through to what is below."""
        return self.tooltip is not None


def _xuar(data: Dataset) -> gpd.GeoDataFrame:
    return data.provinces[data.provinces["iso_3166_2"] == settings.XUAR_ISO]


#: The basemap, bottom to top.
BASEMAP: tuple[BasemapLayer, ...] = (
    BasemapLayer(
        "countries", lambda data: data.countries, AreaStyle(style.COUNTRY_EDGE, 0.6, style.LAND, 1.0), decimals=2,
        min_area=0.2,
    ),
    BasemapLayer(
        "provinces", lambda data: data.provinces, AreaStyle(style.PROVINCE_EDGE, 0.8), decimals=3, per_feature=True,
        id_column="iso_3166_2",
    ),
    BasemapLayer(
        "xuar", _xuar, AreaStyle(style.XUAR, 2.5), decimals=3, tooltip=N_("Xinjiang Uyghur Autonomous Region (XUAR)"),
        legend=N_("Xinjiang Uyghur Autonomous Region outline"),
    ),
)  # fmt: skip
BASEMAP_LAYERS: dict[str, BasemapLayer] = {layer.name: layer for layer in BASEMAP}


# --- Views and extents -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """A map view: centre (lat, lon) and zoom."""

    center: tuple[float, float]
    zoom: int


#: The default view: China, XUAR in the west, Hainan in the south.
HOME = View((33.0, 96.0), 4)
#: The country the map is about: a frame holds its places; places abroad are left out of it (and named).
FOCUS_COUNTRY = "CN"
#: Degrees of margin around what a frame holds.
EXTENT_PAD = 1.0


def extent_of_places(data: Dataset, place_ids: Iterable[str]) -> Box | None:
    """The box framing these places: their points, all of any whole area among them, padded; None if none.

    Places in :data:`FOCUS_COUNTRY` are framed when there are any (a figure names the
    others under the map); otherwise all of them are.
    """
    places = data.places[data.places["id"].isin(set(place_ids))]
    if places.empty:
        return None
    at_home = places[places["country"] == FOCUS_COUNTRY]
    framed = at_home if not at_home.empty else places
    boxes = [tuple(float(v) for v in framed.total_bounds)]
    areas = set(framed.loc[framed["admin_level"].isin(whole_area_codes()), "iso_3166_2"])
    boxes += [tuple(float(v) for v in g.bounds) for g in data.provinces.loc[data.provinces["iso_3166_2"].isin(areas)].geometry]
    return (
        round(min(b[0] for b in boxes) - EXTENT_PAD, 4),
        round(min(b[1] for b in boxes) - EXTENT_PAD, 4),
        round(max(b[2] for b in boxes) + EXTENT_PAD, 4),
        round(max(b[3] for b in boxes) + EXTENT_PAD, 4),
    )


def extent(data: Dataset, claims: pd.DataFrame) -> Box | None:
    """The box framing what ``claims`` draw (:func:`extent_of_places` of their drawn places)."""
    return extent_of_places(data, drawable(claims)["place"])


def leaflet_bounds(box: Box | None) -> list[list[float]] | None:
    """A box as Leaflet's ``[[south, west], [north, east]]``."""
    return None if box is None else [[box[1], box[0]], [box[3], box[2]]]


def zoom_box(center: tuple[float, float], zoom: int) -> Box:
    """Roughly what a 1,000 px wide web map shows around ``center`` at ``zoom`` (a briefing step's frame)."""
    lat, lon = center
    span = 360 / 2**zoom
    return (lon - span, lat - span / 2, lon + span, lat + span / 2)
