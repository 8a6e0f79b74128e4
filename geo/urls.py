"""Every URL rule in one place: which links may be made, and the app's own addresses.

Only absolute ``http``/``https`` URLs ever become links (a ``javascript:`` or ``data:``
URL in the data stays text). The app's own addresses are query strings on its root, so
they work from the page, from inside the map's iframe and, with a base, from an export.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from geo import i18n


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


def _language_param() -> str:
    """``&lang=xx`` when the page is not in the default language, so a link keeps the reader's language."""
    code = i18n.current()
    return "" if code == i18n.DEFAULT else f"&lang={code}"


def place_url(place_id: str, base: str = "") -> str:
    """Link to a place's detail view (in the current language): root-relative without ``base``, absolute with it."""
    return f"{base.rstrip('/')}/?place={place_id}{_language_param()}"


def step_url(number: int) -> str:
    """Root-relative link to briefing step ``number``, in the current language."""
    return f"/?step={number}{_language_param()}"


def parse_view(params: Mapping[str, str]) -> tuple[tuple[float, float], int] | None:
    """Map centre and zoom from ``lat``, ``lng`` and ``zoom`` query parameters, if valid."""
    try:
        lat, lng, zoom = float(params["lat"]), float(params["lng"]), int(params["zoom"])
    except (KeyError, ValueError):
        return None
    if -90 <= lat <= 90 and -180 <= lng <= 180 and 1 <= zoom <= 18:
        return (lat, lng), zoom
    return None
