"""The page model: right contents, shared between equal filters, fresh per dataset."""

from __future__ import annotations

import json

from geo.evidence.dataset import load_dataset
from geo.evidence.dates import claim_years
from geo.map.overlays import claim_view
from geo.page import model
from geo.rules.filters import Filters, apply_filters, source_choices


def test_view_matches_a_fresh_computation(data) -> None:
    filters = Filters(statuses=("corrected",))
    view = model.filtered_view(data, filters)
    shown = apply_filters(data.claims, data.places, filters)
    assert list(view.shown["id"]) == list(shown["id"])
    assert set(view.claims["id"]) == set(shown["id"])
    assert set(view.places["id"]) == set(shown.loc[shown["place"] != "", "place"])
    assert json.loads(view.map_json) == claim_view(data, shown)
    timeline_rows = next(iter(view.timeline["datasets"].values()))
    dated = shown[claim_years(shown)["year_start"].notna()]
    assert sorted(row["id"] for row in timeline_rows) == sorted(dated["id"])


def test_equal_filters_share_one_view_and_different_filters_do_not(data) -> None:
    first = model.filtered_view(data, Filters(statuses=("unverified",)))
    assert model.filtered_view(data, Filters(statuses=("unverified",))) is first
    other = model.filtered_view(data, Filters(statuses=("corroborated",)))
    assert other is not first
    assert set(other.shown["status"]) == {"corroborated"}


def test_a_reloaded_dataset_gets_its_own_views(data) -> None:
    reloaded = load_dataset()
    assert model.filtered_view(reloaded, Filters()) is not model.filtered_view(data, Filters())
    assert model.dataset_summary(reloaded) is not model.dataset_summary(data)


def test_the_source_filter_offers_only_sources_with_a_standing_claim(data) -> None:
    summary = model.dataset_summary(data)
    standing = data.claims[data.claims["status"] != "retracted"]
    assert set(source_choices(data)) == set(standing["source"])
    assert "securitycurated-2023-11-14" not in source_choices(data)  # its only claim is retracted
    assert summary.year_bounds[0] <= summary.year_bounds[1]
    assert "<b>Unnamed:</b> 12 of the 12." in summary.twelve_provinces  # no source names any of the 12


def test_tab_contents_are_built_when_first_asked_for_and_then_shared(data) -> None:
    view = model.filtered_view(data, Filters(statuses=("partial",)))
    assert "_timeline" not in view.__dict__  # a first page does not build tabs it does not show
    first = view.timeline
    assert view.timeline is first
    assert "_timeline" in view.__dict__


def test_lazy_parts_keep_the_language_the_view_was_made_in(data) -> None:
    from geo.language import i18n

    with i18n.speaking("zh"):
        chinese = model.filtered_view(data, Filters(query="Guma"))
    assert list(chinese.places["place"]) == ["皮山县"]  # built now, in English context, still in Chinese


def test_sessions_asking_at_once_for_new_filters_share_one_build(data) -> None:
    import threading

    filters = Filters(query="Karakax", statuses=("corroborated",))
    views = []
    threads = [threading.Thread(target=lambda: views.append(model.filtered_view(data, filters))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(v) for v in views}) == 1
