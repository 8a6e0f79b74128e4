"""What presenting needs besides the briefing: the timeline's brush, the years the map plays, the embed snippets."""

from __future__ import annotations

import datetime as dt
import html
import re

from geo import urls
from geo.html import embed
from geo.map.overlays import claim_view
from geo.page.charts import BRUSH, brushed_years


def ms(year: int, month: int = 1) -> float:
    return dt.datetime(year, month, 1, tzinfo=dt.UTC).timestamp() * 1000


def test_a_brush_gives_the_years_it_covers() -> None:
    assert brushed_years({"selection": {BRUSH: {"start": [ms(2016, 4), ms(2018, 9)]}}}) == (2016, 2018)
    assert brushed_years({"selection": {BRUSH: {"start": [ms(2019, 9), ms(2017, 2)]}}}) == (2017, 2019)  # right to left


def test_no_brush_gives_no_years() -> None:
    assert brushed_years({"selection": {BRUSH: {}}}) is None
    assert brushed_years({"selection": {}}) is None
    assert brushed_years(None) is None


def test_the_map_knows_the_year_each_dated_claim_starts(data) -> None:
    view = claim_view(data, data.claims)
    by_id = data.claims.set_index("id")
    assert view["years"]["c20-pishan-ghrd"] >= 2017
    undated = [cid for cid in by_id.index if not by_id.loc[cid, "event_date"] and not by_id.loc[cid, "reported_date"]]
    assert all(cid not in view["years"] for cid in undated)
    assert len(view["years"]) >= len(data.claims) - len(undated) - 1


def test_the_app_snippet_embeds_the_view_on_screen_without_the_toolbar() -> None:
    snippet = embed.app_snippet("https://maps.example.org/app", {"q": "Guma", "lang": "ug"}, 'A "map" <here>')
    src = html.unescape(re.search(r'<iframe src="([^"]+)"', snippet).group(1))
    assert src == "https://maps.example.org/app/?q=Guma&lang=ug&embed=true"
    assert 'title="A &quot;map&quot; &lt;here&gt;"' in snippet  # a title from data is escaped
    assert 'href="https://maps.example.org/app/?q=Guma&amp;lang=ug"' in snippet  # the full map, with its sources


def test_a_briefing_kept_in_one_tab_is_not_embeddable() -> None:
    assert embed.embeddable({urls.STEP: "1", urls.BRIEFING: urls.MINE}) is None
    assert embed.embeddable({urls.STEP: "2", "embed": "true", "embed_options": "x"}) == {urls.STEP: "2"}


def test_the_static_snippet_listens_for_the_height_its_map_asks_for() -> None:
    snippet = embed.site_snippet("https://example.org/site/index.html", "Map")
    assert 'src="https://example.org/site/index.html"' in snippet
    assert "hikvision-uyghur-map" in snippet  # the sender frame.js names
    assert "<" not in snippet.split("<script>")[1].split("</script>")[0]  # the listener holds no tag
