"""A standalone HTML map: one file that works from ``file://`` with no network.

Leaflet's and jQuery's code and CSS are inlined from the installed PyPI packages, the CSS
images become data URIs, and the basemap is our own boundaries; web tiles stay an
optional layer, off by default.
"""

from __future__ import annotations

import base64
import json
import re
from typing import TYPE_CHECKING

from geo.language import i18n
from geo.map import assets
from geo.map.assembly import standalone_map

if TYPE_CHECKING:
    import pandas as pd

    from geo.evidence.dataset import Dataset

_INLINE_JS = {assets.LEAFLET_JS: "leaflet/leaflet.js", assets.JQUERY_JS: "jquery/jquery.min.js"}


def _css_with_data_uris(css: str) -> str:
    """Replace ``url(images/x.png)`` in Leaflet's CSS with embedded data URIs."""
    files = assets.vendor_files()

    def embed(match: re.Match[str]) -> str:
        name = match.group(1)
        path = files.get(f"leaflet/{name}")
        if path is None:
            return match.group(0)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        kind = "svg+xml" if name.endswith(".svg") else "png"
        return f"url(data:image/{kind};base64,{data})"

    return re.sub(r"url\((images/[^)]+)\)", embed, css)


def inline_assets(html: str) -> str:
    """Swap the app-served script and stylesheet tags for inline copies."""
    for url, relative in _INLINE_JS.items():
        code = assets.read_vendor_file(relative).replace("</script", "<\\/script")
        html = html.replace(f'<script src="{url}"></script>', f"<script>{code}</script>")
    css = _css_with_data_uris(assets.read_vendor_file("leaflet/leaflet.css"))
    return html.replace(f'<link rel="stylesheet" href="{assets.LEAFLET_CSS}"/>', f"<style>{css}</style>")


def stable_ids(html: str) -> str:
    """Replace folium's random element ids with sequential ones, so the same map gives the same file."""
    seen: dict[str, str] = {}

    def number(match: re.Match[str]) -> str:
        return seen.setdefault(match.group(1), f"{len(seen):032x}")

    return re.sub(r"(?<=_)([0-9a-f]{32})(?![0-9a-f])", number, html)


def to_html(data: Dataset, claims: pd.DataFrame, base_url: str = "", **view: object) -> bytes:
    """The shown claims as one self-contained HTML page."""
    fmap = standalone_map(data, claims, detail_base=base_url or None, **view)
    html = stable_ids(inline_assets(fmap.get_root().render()))
    language = i18n.language()  # the page says its language (screen readers, fonts, hyphenation)
    html = html.replace("<html>", f'<html lang="{language.html_lang}">', 1)
    html = html.replace(json.dumps(assets.LEAFLET_IMAGES), '""')  # no default icons are drawn
    if assets.LEAFLET_JS in html or assets.JQUERY_JS in html or assets.LEAFLET_CSS in html:
        msg = "an asset tag was not inlined"
        raise RuntimeError(msg)
    return html.encode("utf-8")
