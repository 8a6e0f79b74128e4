"""The server's memory budget for visitors' layers: refused at once when full, given back on removal or session end."""

from __future__ import annotations

import importlib

import pytest

from geo import settings
from geo.errors import ServerBusyError
from geo.page.uploads import held_layer
from geo.upload import budget as budget_module
from geo.upload.budget import UploadBudget, estimate

from .test_app import add_layer, payload, run

BUSY = "The server is busy with other uploads; try again in a minute."


@pytest.fixture
def fresh_budget():
    """A new server-wide budget for the test, and none left behind for the next one."""
    budget_module._SERVER.clear()
    yield
    budget_module._SERVER.clear()


def test_an_upload_that_does_not_fit_is_refused_and_reserves_nothing() -> None:
    server = UploadBudget(100)
    first = server.reserve("a", 60)
    with pytest.raises(ServerBusyError, match="busy with other uploads"):
        server.reserve("b", 50)
    assert server.reserved == 60
    server.release(first)
    assert server.reserved == 0
    server.reserve("b", 50)  # room again once the first layer is gone
    assert server.reserved == 50


def test_a_layer_is_held_under_its_handle_until_released() -> None:
    server = UploadBudget(100)
    handle = server.reserve("a", 10)
    assert server.layer(handle) is None  # reserved while it is read
    server.keep(handle, "layer")
    assert server.layer(handle) == "layer"
    server.release(handle)
    assert server.layer(handle) is None
    assert server.layer(None) is None


def test_a_layer_read_after_its_tab_closed_is_not_kept() -> None:
    alive = {"a": True}
    server = UploadBudget(100, session_alive=lambda session: alive[session])
    handle = server.reserve("a", 40)
    alive["a"] = False  # the tab closes while the file is read
    assert server.sweep() == 1
    assert server.keep(handle, "layer") is False  # the read ends quietly: nobody is left to see it
    assert server.layer(handle) is None
    assert server.reserved == 0


def test_sessions_that_ended_give_their_layers_back() -> None:
    alive = {"a": True, "b": True}
    server = UploadBudget(100, session_alive=lambda session: alive.get(session, True))
    kept_a, kept_b = server.reserve("a", 40), server.reserve("b", 40)
    server.keep(kept_a, "layer a")
    server.keep(kept_b, "layer b")
    with pytest.raises(ServerBusyError):
        server.reserve("c", 40)
    alive["a"] = False  # a's tab was closed
    handle = server.reserve("c", 40)  # a new upload sweeps first, so it fits
    assert server.layer(kept_a) is None
    assert server.layer(kept_b) == "layer b"
    assert server.reserved == 80
    assert server.sweep() == 0  # nothing more to drop
    assert server.layer(handle) is None  # still being read


def test_the_estimate_grows_with_rows_and_bytes_and_stops_at_the_upload_limits() -> None:
    small, large = b"lat,lon\n" + b"1,2\n" * 10, b"lat,lon\n" + b"1,2\n" * 1000
    assert estimate(small, "a.csv") < estimate(large, "a.csv")
    huge = b"lat,lon\n" + b"1,2\n" * (settings.MAX_UPLOAD_ROWS * 5)
    limit = settings.MAX_UPLOAD_BYTES * settings.UPLOAD_MEMORY_PER_FILE_BYTE
    assert estimate(huge, "a.csv") <= limit + settings.MAX_UPLOAD_ROWS * settings.UPLOAD_MEMORY_PER_ROW
    assert estimate(b"x" * 2000, "a.geojson") == 2000 * settings.UPLOAD_MEMORY_PER_FILE_BYTE + 10 * settings.UPLOAD_MEMORY_PER_ROW


def test_the_default_budget_takes_the_largest_allowed_upload_on_an_idle_server() -> None:
    wide = b"lat,lon,notes\n" + b"1,2," + b"x" * 90 + b"\n"
    rows = settings.MAX_UPLOAD_BYTES // len(wide)
    assert estimate(wide * rows, "a.csv") <= settings.upload_budget_mb * 1024 * 1024


def test_a_second_session_is_told_the_server_is_busy_and_the_first_keeps_its_layer(fresh_budget, monkeypatch) -> None:
    rows = b"site,lat,lon\n" + b"".join(b"S%d,37.6,78.3\n" % i for i in range(400))
    monkeypatch.setattr(settings, "upload_budget_mb", 1.5 * estimate(rows, "mine.csv") / 1024 / 1024)
    first = add_layer(run(), rows)
    assert held_layer(first.session_state).layer.summary.startswith("400 row(s) shown")
    second = add_layer(run(), rows)  # another visitor, while the first layer is held
    assert not second.exception
    assert any(f"mine.csv: {BUSY}" in h.proto.body for h in second.get("html"))
    assert "My sites" not in payload(second)["feature_group"]
    first.run()
    assert "My sites" in payload(first)["feature_group"]  # the first visitor's layer is untouched
    first.sidebar.button(key="upload_remove").click().run()  # the first removes theirs: the room comes back
    second.sidebar.button(key="upload_add").click().run()
    assert held_layer(second.session_state).layer.summary.startswith("400 row(s) shown")


def rss_mb() -> float:
    status = open("/proc/self/status", encoding="ascii").read()  # noqa: SIM115
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1]) / 1024


@pytest.mark.skipif(not importlib.import_module("geo.upload.memory")._LIBC, reason="needs glibc (malloc_trim)")
def test_memory_of_a_dropped_layer_goes_back_to_the_system() -> None:
    from geo.upload.memory import give_back_memory

    before = rss_mb()
    # Cells over pymalloc's 512 bytes come from malloc; a few kept ones pin the heap around the freed ones.
    rows = [b"x" * 2000 + i.to_bytes(4, "little") for i in range(100_000)]
    grown = rss_mb()
    assert grown - before > 100
    kept = rows[::64]
    del rows
    give_back_memory()
    assert rss_mb() - before < (grown - before) / 4  # most of it is back (without malloc_trim: none of it)
    assert len(kept) == 1563
