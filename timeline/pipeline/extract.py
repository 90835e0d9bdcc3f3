"""The per-article map: parse, tag, extract mentions. It has no shared state, so it runs the
same in this process, in worker processes (`process_executor`) or on a cluster (`dask_executor`).

This is the only stage that needs spaCy; the rest of the pipeline imports it on use, so a
build whose articles are all cached never loads the model.

No article can stop the map: should parsing, tagging or finding the events of one article
fail (a fault in this program or a library, never in the text), the article is kept with
what could be made of it, its status becomes `warning` and its messages say what was lost
and ask for a report; the others are not touched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from timeline.events import EventsFound, extract_events
from timeline.nlp.load import load_pipeline
from timeline.nlp.parse import BATCH_SIZE, parse_all
from timeline.shingles import text_shingles
from timeline.store.parses import ParseCache
from timeline.timex import Tagging, tag
from timeline.types import Article, ArticleResult, Status

__all__ = ["BATCH_SIZE", "extract_article", "extract_batch"]

log = logging.getLogger(__name__)
_REPORT = "this is a fault in timeline, not in the file: please report it"
T = TypeVar("T")


def extract_batch(
    articles: Sequence[Article], parses: ParseCache | None = None
) -> Iterator[ArticleResult]:
    """Results in order; spaCy parses the texts in batches (`nlp.parse.parse_all`), those not in
    the parse cache `parses`. The wire-copy shingles are made here too, so they are cached
    with the rest."""
    nlp = load_pipeline()
    docs = parse_cached(nlp, [a.text for a in articles], parses)
    for article, doc in zip(articles, docs, strict=True):
        yield extract_article(article, doc)


def extract_article(article: Article, doc: Doc | Exception) -> ArticleResult:
    """One article's result from its parse (or what parsing it raised), failures kept to
    the article (see the module docstring)."""
    problems: list[str] = []
    no_shingles: frozenset[int] = frozenset()
    shingles = _guarded(problems, "its wire-copy fingerprint", no_shingles,
                        lambda: text_shingles(article.text))  # fmt: skip
    if isinstance(doc, Exception):
        problems.append(
            f"the text could not be parsed ({_name(doc)}); it is kept without dates or events"
        )
        return ArticleResult(article=_warned(article, problems), shingles=shingles)
    dated = article.published.date
    tagging = _guarded(problems, "finding its dates", Tagging(()), lambda: tag(doc, dated))
    problems += [f"{f.describe()}; it is left out" for f in tagging.failures]
    nothing = EventsFound((), ())
    events = _guarded(problems, "finding its events", nothing,
                      lambda: extract_events(article, doc, tagging.timexes))  # fmt: skip
    return ArticleResult(
        article=_warned(article, problems),
        timexes=tagging.timexes,
        mentions=events.mentions,
        set_aside=events.set_aside,
        shingles=shingles,
    )


def _guarded(problems: list[str], what: str, fallback: T, make: Callable[[], T]) -> T:
    """`make()`, or `fallback` with a problem noted when it raises."""
    try:
        return make()
    except Exception as error:
        log.debug("%s failed", what, exc_info=True)
        problems.append(f"{what} failed ({_name(error)}); it is left out")
        return fallback


def _name(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _warned(article: Article, problems: list[str]) -> Article:
    if not problems:
        return article
    status = Status.WARNING if article.status is Status.OK else article.status
    notes = tuple(f"{article.path}: {problem} ({_REPORT})" for problem in problems)
    return replace(article, status=status, messages=(*article.messages, *notes))


def parse_cached(
    nlp: Language, texts: Sequence[str], cache: ParseCache | None
) -> Iterator[Doc | Exception]:
    """`nlp.parse.parse_all` over texts, in order, reusing and filling the parse cache: only the
    texts without a usable stored parse are parsed (in batches, as `parse_all` does)."""
    if cache is None or cache.directory is None:
        yield from parse_all(nlp, texts)
        return
    stored = [cache.read(text) for text in texts]
    missing = [text for text, data in zip(texts, stored, strict=True) if data is None]
    log.debug("parse cache: %d of %d texts reused", len(texts) - len(missing), len(texts))
    fresh = parse_all(nlp, missing)
    for text, data in zip(texts, stored, strict=True):
        doc = None if data is None else cache.unpack(text, data, nlp)
        if doc is not None:
            yield doc
            continue
        parsed = next(fresh) if data is None else next(parse_all(nlp, [text]))
        if isinstance(parsed, Doc):
            cache.put(text, parsed)
        yield parsed
