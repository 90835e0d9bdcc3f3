"""A fault in the code on one article costs that article's lost part only: the article is
kept with status `warning` and a message that says what failed and asks for a report, the
build goes on, `--strict` fails it, and every other article is untouched. Serial and in
worker processes alike."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import make_article
from spacy.language import Language
from spacy.tokens import Doc

from timeline.cli import main
from timeline.nlp.parse import parse_all
from timeline.pipeline.stages import analyse
from timeline.store.extraction import ExtractionCache
from timeline.timex import tagger
from timeline.types import ArticleResult, Status

WINTER = make_article(
    "winter",
    "Kerry met Putin in Moscow yesterday. It was colder last winter, officials said. "
    "Talks resume on January 1.",
    dt.date(2015, 12, 16),
)
OTHER = make_article(
    "other",
    "Ministers will meet in New York on Friday, the State Department said on Monday.",
    dt.date(2015, 12, 15),
)


def _fail(*_: object) -> None:
    raise RuntimeError("the season rule broke")


@pytest.fixture
def broken_season(monkeypatch: pytest.MonkeyPatch) -> None:
    """The season resolver raises: a fault in a rule, as "last winter" once hit."""
    monkeypatch.setitem(tagger._RESOLVERS, "season", _fail)


@pytest.fixture(autouse=True)
def forked_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes are forked, so they inherit the patched code: they would be
    spawned, without it, if another test left a thread running in this process."""
    monkeypatch.setattr("timeline.pipeline.process_executor.threading.active_count", lambda: 1)


def _by_id(results: tuple[ArticleResult, ...]) -> dict[str, ArticleResult]:
    return {r.article.id: r for r in results}


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "processes"])
def test_a_failing_rule_costs_only_its_expression(broken_season: None, jobs: int) -> None:
    cache = ExtractionCache(directory=None, pipeline_version="test")
    results = _by_id(analyse([WINTER, OTHER], cache, jobs=jobs))
    winter = results["winter"]
    assert winter.article.status is Status.WARNING
    [message] = winter.article.messages
    assert message.startswith("winter.txt: ")
    assert "'last winter'" in message and "rule season" in message
    assert "RuntimeError: the season rule broke" in message
    assert "please report it" in message
    kept = {t.text for t in winter.timexes}
    assert kept == {"yesterday", "January 1"}  # the article's other dates
    assert {m.date for m in winter.mentions} >= {"2015-12-15", "2016-01-01"}
    assert results["other"].article.status is Status.OK
    assert results["other"].article.messages == ()
    assert results["other"].mentions


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "processes"])
def test_a_failure_finding_events_keeps_the_dates(
    monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    import timeline.pipeline.extract

    real = timeline.pipeline.extract.extract_events

    def events(article: object, doc: Doc, timexes: object) -> object:
        if "winter" in doc.text:
            raise ValueError("no clause")
        return real(article, doc, timexes)  # type: ignore[arg-type]

    monkeypatch.setattr(timeline.pipeline.extract, "extract_events", events)
    cache = ExtractionCache(directory=None, pipeline_version="test")
    results = _by_id(analyse([WINTER, OTHER], cache, jobs=jobs))
    winter = results["winter"]
    assert winter.article.status is Status.WARNING
    assert "finding its events failed (ValueError: no clause)" in winter.article.messages[0]
    assert winter.mentions == ()
    assert {t.text for t in winter.timexes} >= {"yesterday", "last winter"}
    assert results["other"].mentions and results["other"].article.status is Status.OK


class _Picky:
    """Stands in for spaCy: fails on any batch holding a text with "BOOM", and on that
    text alone."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def pipe(self, texts: list[str], batch_size: int) -> Iterator[Doc]:
        if any("BOOM" in t for t in texts):
            raise ValueError("E999 spaCy broke")
        return self.nlp.pipe(texts, batch_size=batch_size)

    def __call__(self, text: str) -> Doc:
        if "BOOM" in text:
            raise ValueError("E999 spaCy broke")
        return self.nlp(text)


def test_a_text_spacy_fails_on_costs_that_text_only(nlp: Language) -> None:
    texts = ["One fine day.", "It went BOOM.", "Another day."]
    found = list(parse_all(_Picky(nlp), texts))  # type: ignore[arg-type]
    assert isinstance(found[0], Doc) and found[0].text == texts[0]
    assert isinstance(found[1], ValueError)
    assert isinstance(found[2], Doc) and found[2].text == texts[2]


def test_an_article_that_cannot_be_parsed_is_kept_with_a_warning() -> None:
    from timeline.pipeline.extract import extract_article

    result = extract_article(WINTER, ValueError("E999 spaCy broke"))
    assert result.article.text == WINTER.text
    assert result.article.status is Status.WARNING
    assert "could not be parsed (ValueError: E999 spaCy broke)" in result.article.messages[0]
    assert result.timexes == () and result.mentions == ()
    assert result.shingles  # wire copies are still found


@pytest.mark.slow
def test_the_build_goes_on_and_strict_fails_it(broken_season: None, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in (WINTER, OTHER):
        published = article.published.date
        assert published is not None
        front = f"---\npublished: {published.isoformat()}\n---\n"
        (folder / f"{article.id}.md").write_text(front + article.text)
    out = tmp_path / "site"
    common = [str(folder), "-q", "--no-cache"]
    assert main(["build", *common, "-o", str(out), "--strict"]) == 1
    assert not out.exists()
    assert main(["build", *common, "-o", str(out)]) == 0
    report = json.loads((out / "report.json").read_text())
    status = {entry["id"]: entry for entry in report["inputs"]}
    assert status["winter"]["status"] == "warning"
    assert "rule season" in status["winter"]["messages"][0]
    assert status["other"]["status"] == "ok"
    page = (out / "sources" / "winter.html").read_text()
    assert "yesterday" in page and "rule season" in page


@pytest.fixture
def broken_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cutting the winter article's text into highlighted segments raises."""
    from timeline.site import articles

    real = articles.segment_text

    def segments(text: str, *args: object) -> object:
        if "winter" in text:
            raise IndexError("segment out of range")
        return real(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(articles, "segment_text", segments)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for article in (WINTER, OTHER):
        published = article.published.date
        assert published is not None
        front = f"---\npublished: {published.isoformat()}\n---\n"
        (folder / f"{article.id}.md").write_text(front + article.text)
    return folder


@pytest.mark.slow
def test_a_page_that_fails_to_render_costs_its_highlights_only(
    broken_page: None, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    common = [str(_folder(tmp_path)), "-o", str(out), "-q", "--cache-dir", str(tmp_path / "c")]
    assert main(["build", *common, "--strict"]) == 1
    assert not out.exists()
    assert main(["build", *common]) == 0
    page = (out / "sources" / "winter.html").read_text()
    assert "could not be rendered in full (IndexError: segment out of range)" in page
    assert "It was colder last winter" in page  # the article is still there
    report = json.loads((out / "report.json").read_text())
    status = {entry["id"]: entry for entry in report["inputs"]}
    assert status["winter"]["status"] == "warning"
    assert "please report it" in status["winter"]["messages"][-1]
    assert status["other"]["status"] == "ok"
    assert "<mark" in (out / "sources" / "other.html").read_text()
    extraction = json.loads((out / "events.json").read_text())
    assert {a["id"]: a["status"] for a in extraction["articles"]}["winter"] == "warning"
    assert main(["build", *common]) == 0  # a plain page is never reused from the cache
    again = json.loads((out / "report.json").read_text())
    assert again["inputs"] == report["inputs"]
