"""The indexed search index writes exactly what mkdocs' stock index writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.model import Timeline
from timeline.site import SiteOptions, build_site, search


def test_same_search_index_as_the_stock_one(
    timeline: Timeline, options: SiteOptions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[str] = []
    real = search.speed_up

    def spy(plugin: object) -> None:
        real(plugin)
        used.append(type(getattr(plugin, "search_index", None)).__name__)

    monkeypatch.setattr(search, "speed_up", spy)
    build_site(timeline, tmp_path / "ours", options)
    assert used == ["IndexedSearchIndex"]

    monkeypatch.setattr(search, "speed_up", lambda _plugin: None)
    build_site(timeline, tmp_path / "stock", options)

    ours = (tmp_path / "ours" / "search" / "search_index.json").read_bytes()
    assert ours == (tmp_path / "stock" / "search" / "search_index.json").read_bytes()
    assert b'"location":"index.html#' in ours, "events are indexed one heading each"
