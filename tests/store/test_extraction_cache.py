"""The extraction cache returns what was stored, and never trusts a damaged or stale entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.shingles import text_shingles
from timeline.store.extraction import ExtractionCache
from timeline.types import (
    Article,
    ArticleResult,
    DateSource,
    Entity,
    EventMention,
    Published,
    Timex,
)

TEXT = "Kerry met Putin in Moscow yesterday. Talks resume in January."


def _article(text: str = TEXT, published: dt.date = dt.date(2015, 12, 16)) -> Article:
    return Article(
        id="kerry",
        path="articles/kerry.txt",
        title="Kerry in Moscow",
        publisher="Example Times",
        url=None,
        published=Published(date=published, source=DateSource.MANIFEST),
        text=text,
    )


def _result(article: Article) -> ArticleResult:
    timex = Timex(
        start=26,
        end=35,
        text="yesterday",
        type="DATE",
        value="2015-12-15",
        anchor="publication",
        anchor_value="2015-12-16",
        rule="relative-day",
    )
    mention = EventMention(
        article=article.id,
        sentence=TEXT[:36],
        start=0,
        end=36,
        date="2015-12-15",
        headline="Kerry met Putin in Moscow",
        timex=timex,
        entities=(Entity(text="Kerry", label="PERSON"), Entity(text="Moscow", label="GPE")),
        lemmas=("kerry", "meet", "putin", "moscow"),
    )
    return ArticleResult(article=article, timexes=(timex,), mentions=(mention,))


def _cache(tmp_path: Path, version: str = "v1") -> ExtractionCache:
    return ExtractionCache(directory=tmp_path / "cache", pipeline_version=version)


def test_round_trip(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    result = _result(_article())
    assert cache.get(result.article) is None
    cache.put(result)
    assert cache.get(result.article) == result


def test_wire_copy_fingerprint_is_kept_with_the_results(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    article = _article()
    result = replace(_result(article), shingles=text_shingles(article.text))
    assert result.shingles
    cache.put(result)
    hit = cache.get(article)
    assert hit is not None and hit.shingles == result.shingles


@pytest.mark.parametrize(
    "changed",
    [
        _article(text=TEXT + " More."),
        _article(published=dt.date(2015, 12, 17)),
        replace(_article(), id="kerry-2"),  # mentions name their article
    ],
    ids=["text-edited", "date-corrected", "id-changed"],
)
def test_any_change_to_the_article_misses(tmp_path: Path, changed: Article) -> None:
    cache = _cache(tmp_path)
    cache.put(_result(_article()))
    assert cache.get(changed) is None


def test_a_moved_article_is_not_parsed_again(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    result = _result(_article())
    cache.put(result)
    moved = replace(result.article, path="2015/december/kerry.txt")
    hit = cache.get(moved)
    assert hit is not None
    assert hit.article == moved and hit.mentions == result.mentions


def test_new_pipeline_version_misses(tmp_path: Path) -> None:
    _cache(tmp_path, "v1").put(_result(_article()))
    assert _cache(tmp_path, "v2").get(_article()) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: text.replace("2015-12-15", "2015-12-14"),
        lambda _text: "",
        lambda _text: "[]",
    ],
    ids=["truncated", "tampered", "empty", "wrong-shape"],
)
def test_damaged_entry_is_recomputed_not_trusted(
    tmp_path: Path, damage: Callable[[str], str]
) -> None:
    cache = _cache(tmp_path)
    result = _result(_article())
    cache.put(result)
    (entry,) = (tmp_path / "cache").rglob("*.json")
    entry.write_text(damage(entry.read_text()))
    assert cache.get(result.article) is None
    cache.put(result)
    assert cache.get(result.article) == result


def test_disabled_cache_stores_nothing(tmp_path: Path) -> None:
    cache = ExtractionCache(directory=None, pipeline_version="v1")
    cache.put(_result(_article()))
    assert cache.get(_article()) is None
    assert not (tmp_path / "cache").exists()
