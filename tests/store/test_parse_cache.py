"""The parse cache: extraction from a stored parse is the extraction from a fresh one, a
damaged entry is parsed again, and a change of the code that reads parses parses nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from builders import make_article
from spacy.language import Language
from spacy.tokens import Doc

import timeline.pipeline.extract
from timeline.ingest import IngestOptions, read_inputs
from timeline.nlp.model_package import parse_version
from timeline.pipeline.extract import extract_batch
from timeline.pipeline.stages import analyse
from timeline.store.entry import write_bytes_entry
from timeline.store.extraction import ExtractionCache
from timeline.store.parses import ParseCache
from timeline.types import Article, Status

ROOT = Path(__file__).resolve().parents[2]
T17 = ROOT.parent / "shared" / "data" / "t17"

ARTICLES = (
    make_article(
        "moscow",
        "Kerry in Moscow\nJohn Kerry met Vladimir Putin in Moscow yesterday. "
        "Talks resume on January 1, the ministry said.",
        dt.date(2015, 12, 16),
    ),
    make_article(
        "new-york",
        "Ministers will meet in New York on Friday, the State Department said on Monday.",
        dt.date(2015, 12, 15),
    ),
)


def _usable(articles: Sequence[Article]) -> list[Article]:
    return [a for a in articles if a.status is not Status.SKIPPED and a.text.strip()]


def _seeds() -> list[Article]:
    return _usable(read_inputs([ROOT / "seeds"], IngestOptions()))


class _Counter:
    """Wraps `parse_all` where extraction calls it, to count the texts it is asked to parse."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts = 0
        original = timeline.pipeline.extract.parse_all

        def counted(nlp: Language, texts: Sequence[str]) -> Iterator[Doc | Exception]:
            self.texts += len(texts)
            return original(nlp, texts)

        monkeypatch.setattr(timeline.pipeline.extract, "parse_all", counted)


def _cache(tmp_path: Path) -> ParseCache:
    return ParseCache(directory=tmp_path / "parse", version=parse_version())


@pytest.mark.slow
def test_results_from_stored_parses_are_those_of_fresh_parses_on_the_seeds(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [*_seeds(), *ARTICLES]
    fresh = list(extract_batch(articles))
    cache = _cache(tmp_path)
    counter = _Counter(monkeypatch)
    assert list(extract_batch(articles, cache)) == fresh  # cold: parses and stores
    assert counter.texts == len(articles)
    assert list(extract_batch(articles, cache)) == fresh  # warm: parses nothing
    assert counter.texts == len(articles)


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.skipif(not T17.is_dir(), reason="Timeline17 development data not present")
@pytest.mark.parametrize("topic", ["H1N1_reuters", "bpoil_guardian"])
def test_results_from_stored_parses_are_those_of_fresh_parses_on_real_news(
    tmp_path: Path, nlp: Language, topic: str
) -> None:
    articles = _usable(read_inputs([T17 / topic / "articles.jsonl"], IngestOptions()))[:6]
    fresh = list(extract_batch(articles))
    cache = _cache(tmp_path)
    list(extract_batch(articles, cache))
    assert list(extract_batch(articles, cache)) == fresh


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["truncated", "flipped-byte", "not-a-parse", "other-text"])
def test_a_damaged_parse_is_ignored_and_parsed_again(
    tmp_path: Path,
    nlp: Language,
    damage: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    article = ARTICLES[0]
    fresh = list(extract_batch([article]))
    cache = _cache(tmp_path)
    list(extract_batch([article], cache))
    (path,) = (tmp_path / "parse").rglob("*.spacy")
    data = path.read_bytes()
    key = cache.key(article.text)
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped-byte":
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    elif damage == "not-a-parse":  # a well-formed entry whose body spaCy cannot read
        write_bytes_entry(path, key, b"\x00not a DocBin")
    else:  # a well-formed entry holding the parse of another text
        other = ParseCache(directory=tmp_path / "other", version=cache.version)
        other.put(ARTICLES[1].text, nlp(ARTICLES[1].text))
        (stored,) = (tmp_path / "other").rglob("*.spacy")
        body = stored.read_bytes().partition(b"\n")[2]
        write_bytes_entry(path, key, body)
    counter = _Counter(monkeypatch)
    assert list(extract_batch([article], cache)) == fresh
    assert counter.texts == 1
    assert "parsing again" in caplog.text or "damaged entry" in caplog.text
    # the entry was replaced by a good one: the next run parses nothing
    assert list(extract_batch([article], cache)) == fresh
    assert counter.texts == 1


@pytest.mark.slow
def test_new_extraction_code_reuses_the_stored_parses(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    parses = _cache(tmp_path)
    before = ExtractionCache(directory=tmp_path, pipeline_version="tagger-1", parses=parses)
    first = analyse(ARTICLES, before, jobs=1)
    counter = _Counter(monkeypatch)
    edited = ExtractionCache(directory=tmp_path, pipeline_version="tagger-2", parses=parses)
    assert analyse(ARTICLES, edited, jobs=1) == first
    assert counter.texts == 0  # the extraction ran again, the parser did not


def test_the_key_is_the_text_and_the_model_not_the_extraction_code(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    assert cache.key("a text") == _cache(tmp_path / "elsewhere").key("a text")
    assert cache.key("a text") != cache.key("a text.")
    other_model = ParseCache(directory=cache.directory, version=cache.version + "-other")
    assert cache.key("a text") != other_model.key("a text")


def test_without_a_folder_nothing_is_stored_or_read(tmp_path: Path) -> None:
    cache = ParseCache(directory=None, version=parse_version())
    assert cache.read("a text") is None
    assert not any(tmp_path.iterdir())
