"""The parsing helper process: the same results as parsing here, failures reported, and a
build whose articles are all cached never loads spaCy at all."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from builders import make_article

from timeline.errors import PipelineError
from timeline.pipeline.parse_process import ParseProcess
from timeline.pipeline.stages import analyse
from timeline.store.extraction import ExtractionCache
from timeline.types import Article, ArticleResult

ARTICLES = (
    make_article(
        "moscow",
        "John Kerry met Vladimir Putin in Moscow yesterday. Talks resume on January 1.",
        dt.date(2015, 12, 16),
    ),
    make_article(
        "new-york",
        "Ministers will meet in New York on Friday, the State Department said on Monday.",
        dt.date(2015, 12, 15),
    ),
)


@pytest.mark.slow
def test_helper_results_are_the_results_of_parsing_here(nlp: object) -> None:
    from timeline.pipeline.extract import extract_batch

    helper = ParseProcess()
    assert helper.parse(ARTICLES) == list(extract_batch(ARTICLES))


@pytest.mark.slow
def test_a_failure_in_the_helper_fails_the_build_with_its_reason() -> None:
    helper = ParseProcess()
    helper.submit([None])  # type: ignore[list-item]
    with pytest.raises(PipelineError, match="parsing failed: AttributeError"):
        list(helper.results())


def test_a_helper_closed_unused_stops() -> None:
    helper = ParseProcess()
    helper.close()
    with pytest.raises(PipelineError, match="stopped"):
        list(helper.results())


class _FakeHelper:
    """Stands in for ParseProcess: records what happens, in order."""

    def __init__(self, events: list[str]) -> None:
        self.events = events

    def submit(self, articles: Sequence[Article]) -> None:
        self.events.append(f"submit {len(articles)}")
        self._articles = list(articles)

    def results(self) -> Iterator[ArticleResult]:
        self.events.append("results")
        yield from (ArticleResult(article=a) for a in self._articles)

    def close(self) -> None:
        self.events.append("close")


@pytest.mark.parametrize("cached", [0, 1, 2], ids=["none-cached", "one-cached", "all-cached"])
def test_the_callers_work_is_done_once_while_the_helper_parses(tmp_path: Path, cached: int) -> None:
    cache = ExtractionCache(directory=tmp_path, pipeline_version="v1")
    for article in ARTICLES[:cached]:
        cache.put(ArticleResult(article=article))
    events: list[str] = []
    helper = _FakeHelper(events)
    results = analyse(
        ARTICLES,
        cache,
        early_parser=helper,  # type: ignore[arg-type]
        meanwhile=lambda known: events.append(f"meanwhile {len(known)}"),
    )
    assert [r.article for r in results] == list(ARTICLES)
    if cached == len(ARTICLES):  # nothing to parse: the helper is stopped unused
        assert events == ["close", f"meanwhile {len(ARTICLES)}"]
    else:  # while it parses, the cached results are known
        assert events == [f"submit {len(ARTICLES) - cached}", f"meanwhile {cached}", "results"]


_BUILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from timeline.config import Config
    from timeline.pipeline.stages import extract_timeline
    timeline = extract_timeline([Path(sys.argv[1])], Config(cache_dir=sys.argv[2]))
    print(json.dumps({"events": len(timeline.events), "spacy": "spacy" in sys.modules}))
    """
)


@pytest.mark.slow
def test_a_fully_cached_build_never_imports_spacy(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in ARTICLES:
        published = article.published.date
        assert published is not None
        front = f"---\npublished: {published.isoformat()}\n---\n"
        (folder / f"{article.id}.md").write_text(front + article.text, encoding="utf-8")

    def build() -> dict[str, object]:
        command = [sys.executable, "-c", _BUILD, str(folder), str(tmp_path / "cache")]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        result: dict[str, object] = json.loads(out)
        return result

    first = build()
    assert isinstance(first["events"], int) and first["events"] >= 2
    again = build()
    assert again == {"events": first["events"], "spacy": False}
