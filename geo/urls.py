"""Every URL rule in one place: which links may be made, and the app's own addresses.

Only absolute ``http``/``https`` URLs ever become links (a ``javascript:`` or ``data:``
URL in the data stays text). The app's own addresses are query strings on its root, so
they work from the page, from inside the map's iframe and, with a base, from an export.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit

from geo import settings

#: The query parameters the app itself owns (the filters' own keys are in :data:`geo.rules.filters.FILTERS`).
LANG = "lang"
PLACE = "place"
#: ``?since=VERSION``: what changed after that release (the Corrections tab, and a line under the title).
SINCE = "since"
STEP = "step"
#: A presenter's own briefing, carried in the link (geo.rules.briefing_file.to_link), or MINE: kept in the browser tab.
BRIEFING = "briefing"
MINE = "mine"
#: The map's view, written by the map itself after each pan or zoom (``geo/frontend/frame.js``).
VIEW = ("lat", "lng", "zoom")
#: Streamlit's embedding options, kept as they are.
EMBED = ("embed", "embed_options")


def is_http_url(url: str) -> bool:
    """True for absolute ``http``/``https`` URLs with a host; nothing else may become a link."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def safe_url(url: object) -> str | None:
    """The URL if it is http(s), else None, so a table never renders another scheme as a link."""
    return url if isinstance(url, str) and is_http_url(url) else None


def app_base(url: str) -> str:
    """The app's address without query or trailing slash (``https://host/app/?q=x`` -> ``https://host/app``)."""
    return url.split("?", maxsplit=1)[0].rstrip("/")


def language_params(code: str) -> dict[str, str]:
    """``{"lang": code}`` when the page is not in the default language, so links keep it."""
    return {} if code == settings.DEFAULT_LANGUAGE else {LANG: code}


def step_params(number: int | None, code: str, own: str | None = None) -> dict[str, str]:
    """The whole query of briefing step ``number`` (None: the explorer), in the language: nothing else carries over.

    ``own`` is the presenter's own briefing (its link value, or :data:`MINE`), kept from step to step.
    """
    if not number:
        return language_params(code)
    return {STEP: str(number)} | ({BRIEFING: own} if own else {}) | language_params(code)


def place_url(place_id: str, code: str, base: str = "") -> str:
    """Link to a place's detail view in language ``code``: root-relative without ``base``, absolute with it."""
    return f"{base.rstrip('/')}/?{urlencode({PLACE: place_id} | language_params(code))}"


def since_url(version: str, base: str = "") -> str:
    """Link to what changed after release ``version``: root-relative without ``base``, absolute with it."""
    return f"{base.rstrip('/')}/?{urlencode({SINCE: version})}"


def step_url(number: int, code: str) -> str:
    """Root-relative link to briefing step ``number``, in language ``code``."""
    return f"/?{urlencode(step_params(number, code))}"


def parse_view(params: Mapping[str, str]) -> tuple[tuple[float, float], int] | None:
    """Map centre and zoom from ``lat``, ``lng`` and ``zoom`` query parameters, if valid."""
    try:
        lat, lng, zoom = float(params[VIEW[0]]), float(params[VIEW[1]]), int(params[VIEW[2]])
    except (KeyError, ValueError):
        return None
    if -90 <= lat <= 90 and -180 <= lng <= 180 and 1 <= zoom <= 18:
        return (lat, lng), zoom
    return None
