"""The stages find the wire-copy groups once per build, and ranking uses those."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

import timeline.merge
import timeline.pipeline.stages
import timeline.rank.salience
from timeline.config import Config
from timeline.merge.wire import source_groups
from timeline.pipeline.stages import extract_timeline, restrict
from timeline.types import Article


@pytest.mark.slow
def test_wire_copies_are_found_once_for_extraction_merging_and_key_days(
    repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    calls: list[int] = []

    def counted(
        articles: Mapping[str, Article], known: Mapping[str, frozenset[int]] | None = None
    ) -> dict[str, str]:
        calls.append(len(articles))
        return source_groups(articles, known)

    for module in (timeline.pipeline.stages, timeline.merge, timeline.rank.salience):
        monkeypatch.setattr(module, "source_groups", counted)
    config = Config(cache_dir=str(tmp_path / "cache"))
    found = extract_timeline([repo_root / "seeds"], config)
    assert set(found.sources) == {a.id for a in found.articles if a.text.strip()}
    key = restrict(found, top_dates=2, sentences_per_date=1)
    spans = restrict(found, start=None, end=None)
    assert calls == [len(found.sources)]
    assert key.events
    assert spans.events == found.events
