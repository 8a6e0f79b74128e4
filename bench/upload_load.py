"""The hosted public app while a few researchers upload large layers at once.

A hosted app that goes over its memory limit is cut off for everyone, so five people
adding 100,000-point layers at the same moment must not take the map from the public,
and the memory they used must come back once they leave. Against one ``streamlit run``
of the dashboard this starts, all at once:

* uploaders: headless Chromium pages that add a generated 100,000-row CSV and wait until
  every point is drawn ("drawn") or the app says the server is busy ("refused"); anything
  else (a timeout, another error message, an exception) is an "error";
* viewers: websocket sessions (``bench/wsclient.py``) that open the page and change the
  place search again and again while the uploads run, each change checked against the
  count line it must show.

A viewer changes the search every few seconds (``THINK_S``), as a person reading the map
would. Meanwhile the server's RSS is sampled. Then every session closes, and the RSS a minute
later says whether the memory came back. ``budget_mb`` runs the server with
``GEO_UPLOAD_BUDGET_MB`` (None: the app's default). Figures vary run to run; bounded in
sessions and time, it stops by itself.
Usage: python -m bench.upload_load [UPLOADERS] [VIEWERS] [BUDGET_MB]
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import MAP, ROOT, PeakRss, claims_shown_line, launch_chromium, percentile, rss_mb, server_pid
from bench.load import ws_session
from bench.upload_server import ALL_DRAWN, write_csv
from bench.wsclient import RunError, StreamlitSession
from tests.server import streamlit_server

#: The app's refusal when the upload budget is spent ("The server is busy with other uploads; try again in a minute.").
REFUSAL = re.compile(r"the server is busy", re.IGNORECASE)
#: What a refusal must also say for the visitor to know what to do.
ADVICE = re.compile(r"try again", re.IGNORECASE)
#: Any message the upload can end with: the app's own error boxes, or a script exception.
ERROR_BOX = '.geo-message.error, [data-testid="stException"]'
#: The viewers' searches, alternated so every change really changes the run's output.
SEARCHES = ("Guma", "")
#: Filter changes per viewer at least (more while uploads still run).
CHANGES = 5
#: A viewer's pause between filter changes: a person reading the map (changes a search every few seconds).
THINK_S = 3.0
#: How often an uploader's page is checked for its outcome.
POLL_S = 0.25
#: Beyond the deadline, how long a task may take to end its step and report (a change, a page's messages).
GRACE_S = 15.0
#: "A minute after sessions close", and how often the RSS is sampled meanwhile.
SETTLE_S, SETTLE_EVERY_S = 60.0, 5.0


async def open_upload_form(page: Any, url: str, csv: Path) -> None:
    """``bench.upload_server.open_upload_form`` for an async page: the form filled, ready for "Add layer"."""
    await page.goto(url)
    await page.frame_locator(MAP).locator("path.leaflet-interactive >> visible=true").first.wait_for()
    await page.get_by_test_id("stSidebarUserContent").get_by_text("Add your own layer", exact=True).click()
    await page.locator('section[data-testid="stSidebar"] input[type="file"]').set_input_files(str(csv))
    await page.get_by_label("Layer name (required)").fill("bench")
    await page.get_by_label("Source or attribution (required)").fill("generated")
    await page.get_by_label("Source or attribution (required)").press("Enter")
    await page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")  # idle: time the click alone


async def all_drawn(page: Any, points: int) -> bool:
    """Whether the map frame has every point on its canvas (False while the frame is missing or reloading)."""
    try:
        handle = await page.locator(MAP).element_handle(timeout=1000)
        frame = await handle.content_frame() if handle else None
        return bool(frame and await frame.evaluate(ALL_DRAWN, points))
    except Exception:  # a frame between two renders is "not yet", not an outcome
        return False


async def uploader(context: Any, url: str, csv: Path, points: int, deadline: float) -> dict:
    """One researcher: open the form, click "Add layer", then drawn / refused / error and seconds from the click.

    Stops by itself at ``deadline``; an error says at which step, and what the page's messages said.
    """
    page = await context.new_page()
    page.set_default_timeout(max(1.0, deadline - time.monotonic()) * 1000)
    step, start = "opening the upload form", time.perf_counter()
    try:
        async with asyncio.timeout_at(deadline):  # also bounds calls with no timeout of their own (evaluate)
            await open_upload_form(page, url, csv)
            step, start = "clicking Add layer", time.perf_counter()
            await page.get_by_role("button", name="Add layer").click()
            while True:
                step = "reading the page's messages"
                boxes = page.locator(ERROR_BOX)
                if await boxes.count():
                    text = " ".join(await boxes.all_inner_texts()).strip()
                    seconds = round(time.perf_counter() - start, 2)
                    if REFUSAL.search(text):
                        told = await boxes.first.is_visible() and bool(ADVICE.search(text))
                        return {"outcome": "refused", "s": seconds, "told_why": told, "message": text[:200]}
                    return {"outcome": "error", "s": seconds, "message": f"message on the page: {text[:200]}"}
                step = "asking the map whether every point is drawn"
                if await all_drawn(page, points):
                    return {"outcome": "drawn", "s": round(time.perf_counter() - start, 2)}
                step = "waiting for drawn or refused"
                await asyncio.sleep(POLL_S)
    except Exception as error:  # any other end is an "error", told apart by its step and the page's messages
        try:
            shown = " | ".join(await asyncio.wait_for(page.locator(".geo-message").all_inner_texts(), 5))[:200]
        except Exception:  # a page that cannot even answer this says enough by its step
            shown = "?"
        return {
            "outcome": "error",
            "s": round(time.perf_counter() - start, 2),
            "message": f"{step}: {_error(error)[:160]} (messages: {shown or 'none'})",
        }


async def viewer(
    session: StreamlitSession, changes: int, uploads_done: asyncio.Event, deadline: float, times: list[float]
) -> int:
    """One member of the public: open the page, then change the search at least ``changes`` times and until the uploads end.

    Each change's seconds go into ``times`` as it happens, so a viewer that fails midway keeps what it measured.
    """
    first = await session.run()
    if first.map_after is None or "query" not in first.widget_ids:
        raise RunError("the first run sent no map or no search box")
    done = 0
    while (done < changes or not uploads_done.is_set()) and time.monotonic() < deadline:
        query = SEARCHES[done % len(SEARCHES)]
        changed = await session.run(text_inputs={"query": (first.widget_ids["query"], query)})
        expected = claims_shown_line(query)
        if not any(expected in text for text in changed.texts):
            raise RunError(f"after searching {query!r} the page did not say {expected!r}")
        times.append(changed.finished_after)
        done += 1
        await asyncio.sleep(THINK_S)
    return done


def _error(error: BaseException) -> str:
    """An exception in one line (Playwright's carry a call log after the first)."""
    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {first[:200] or '(no message)'}"


async def _gather_until(tasks: list[asyncio.Task], deadline: float) -> list[Any]:
    """Each task's result or exception; a TimeoutError for a task still running at ``deadline`` (it is cancelled)."""
    if tasks:
        await asyncio.wait(tasks, timeout=max(0.0, deadline - time.monotonic()))
    results: list[Any] = []
    for task in tasks:
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
            results.append(TimeoutError("still running at the overall timeout"))
        else:
            results.append(task.exception() or task.result())
    return results


async def measure_async(uploaders: int, viewers: int, points: int, budget_mb: int | None, timeout: float) -> dict:
    """One server, warmed up by one visitor; uploaders and viewers at once; the RSS until a minute after they leave."""
    from playwright.async_api import async_playwright

    env = {"GEO_UPLOAD_BUDGET_MB": str(budget_mb)} if budget_mb is not None else None
    upload_results: list[Any] = []
    viewer_results: list[Any] = []
    times: list[float] = []
    settle: list[float] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, streamlit_server(ROOT / "dashboard.py", env=env, cwd=ROOT) as url:
        csv = write_csv(points, Path(tmp))
        pid = server_pid(url)
        await asyncio.wait_for(ws_session(url), 60)  # the first visitor pays for imports and caches
        after_one_page = rss_mb(pid)
        deadline = time.monotonic() + timeout
        async with async_playwright() as pw:
            browser = await launch_chromium(pw)
            try:
                with PeakRss(pid) as rss:
                    async with contextlib.AsyncExitStack() as sessions:
                        contexts = [
                            await browser.new_context(viewport={"width": 1300, "height": 900}) for _ in range(uploaders)
                        ]
                        for context in contexts:
                            sessions.push_async_callback(context.close)
                        sockets = [await sessions.enter_async_context(StreamlitSession(url)) for _ in range(viewers)]
                        uploads_done = asyncio.Event()
                        up = [asyncio.create_task(uploader(c, url, csv, points, deadline)) for c in contexts]
                        view = [asyncio.create_task(viewer(s, CHANGES, uploads_done, deadline, times)) for s in sockets]
                        upload_results = await _gather_until(up, deadline + GRACE_S)
                        uploads_done.set()
                        viewer_results = await _gather_until(view, time.monotonic() + GRACE_S)
                    # every upload page and websocket is closed here: the sessions have ended
            finally:
                await browser.close()
        after_close = rss_mb(pid)
        closed = time.monotonic()
        while (left := SETTLE_S - (time.monotonic() - closed)) > 0:
            await asyncio.sleep(min(SETTLE_EVERY_S, left))
            settle.append(round(rss_mb(pid)))
        a_minute_after = rss_mb(pid)
    return summary(
        uploaders, viewers, points, budget_mb, upload_results, viewer_results, times,
        {"after_one_page": after_one_page, "peak": rss.peak, "after_close": after_close,
         "a_minute_after": a_minute_after},
        settle, time.perf_counter() - started,
    )  # fmt: skip


def summary(
    uploaders: int,
    viewers: int,
    points: int,
    budget_mb: int | None,
    upload_results: list[Any],
    viewer_results: list[Any],
    times: list[float],
    rss: dict[str, float],
    settle: list[float],
    wall: float,
) -> dict:
    """The figures: each upload's outcome and seconds, the viewers' filter changes, the server's RSS."""
    uploads = [
        r if isinstance(r, dict) else {"outcome": "error", "s": None, "message": _error(r)} for r in upload_results
    ]
    viewer_errors = [_error(r) for r in viewer_results if isinstance(r, BaseException)]
    upload_errors = [u["message"] for u in uploads if u["outcome"] == "error"]
    outcomes = {kind: sum(u["outcome"] == kind for u in uploads) for kind in ("drawn", "refused", "error")}
    return {
        "uploaders": uploaders,
        "viewers": viewers,
        "points": points,
        "budget_mb": budget_mb if budget_mb is not None else "default",
        "outcomes": outcomes,
        "refused_told_why": sum(bool(u.get("told_why")) for u in uploads),
        "upload_s": {kind: sorted(u["s"] for u in uploads if u["outcome"] == kind) for kind in ("drawn", "refused")},
        "errors": len(upload_errors) + len(viewer_errors),
        "error_samples": [f"upload: {e}" for e in upload_errors[:3]] + [f"viewer: {e}" for e in viewer_errors[:3]],
        "viewer_filter_change_s": {
            "p50": round(statistics.median(times), 2) if times else None,
            "p95": round(percentile(times, 0.95), 2) if times else None,
            "n": len(times),
        },
        "rss_mb": {
            **{key: round(value) for key, value in rss.items()},
            "returned_within": round(rss["a_minute_after"] - rss["after_one_page"]),
            "after_close_every_5s": settle,
        },
        "wall_s": round(wall, 1),
    }


def measure(
    uploaders: int = 5, viewers: int = 20, points: int = 100_000, budget_mb: int | None = None, timeout: float = 300
) -> dict:
    """Uploads and viewers at once against one fresh server; ``timeout`` bounds the concurrent part (seconds)."""
    return asyncio.run(measure_async(uploaders, viewers, points, budget_mb, timeout))


def main() -> None:
    uploaders = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    viewers = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    budget_mb = int(sys.argv[3]) if len(sys.argv) > 3 else None
    result = measure(uploaders, viewers, budget_mb=budget_mb)
    outcomes, rss, change = result["outcomes"], result["rss_mb"], result["viewer_filter_change_s"]
    budget = "the app's default" if result["budget_mb"] == "default" else f"{result['budget_mb']} MB"
    print(f"{uploaders} uploaders of {result['points']:,} points, {viewers} viewers, upload budget {budget}, "
          f"wall {result['wall_s']} s")  # fmt: skip
    print(f"uploads: {outcomes['drawn']} drawn {result['upload_s']['drawn']} s, "
          f"{outcomes['refused']} refused {result['upload_s']['refused']} s "
          f"({result['refused_told_why']} told why), {outcomes['error']} errors")  # fmt: skip
    print(f"viewers' filter changes: p50 {change['p50']} s, p95 {change['p95']} s over {change['n']}")
    print(f"server RSS: {rss['after_one_page']} MB after one page, peak {rss['peak']} MB, {rss['after_close']} MB "
          f"when sessions closed, {rss['a_minute_after']} MB a minute later ({rss['returned_within']:+} MB)")  # fmt: skip
    for sample in result["error_samples"]:
        print("error:", sample)


if __name__ == "__main__":
    main()
