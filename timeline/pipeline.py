"""Wires the stages together; holds no logic of its own beyond ordering and counting.

ingest -> nlp.pipe -> timex -> events (a pure map over articles) -> merge (whole corpus).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from timeline.config import Config, source_date_epoch
from timeline.events import extract_mentions
from timeline.ingest import IngestOptions, read_inputs
from timeline.merge import merge_mentions
from timeline.model import Article, ArticleResult, Status, Timeline
from timeline.nlp import load_pipeline
from timeline.timex import tag_doc

log = logging.getLogger("timeline")


def ingest_options(config: Config, build_date: dt.date | None = None) -> IngestOptions:
    return IngestOptions(
        max_bytes=int(config.max_file_mb * 1024 * 1024),
        build_date=build_date,
        strict=config.strict,
    )


def analyse(articles: Sequence[Article]) -> Iterator[ArticleResult]:
    """Parse, tag and extract mentions for each article, in order; skipped ones pass through."""
    usable = [a for a in articles if a.status != Status.SKIPPED and a.text.strip()]
    nlp = load_pipeline()
    docs = iter(nlp.pipe((a.text for a in usable), batch_size=16))
    for article in articles:
        if article.status == Status.SKIPPED or not article.text.strip():
            yield ArticleResult(article=article)
            continue
        doc = next(docs)
        timexes = tag_doc(doc, article.published.date)
        mentions = extract_mentions(article, doc, timexes)
        yield ArticleResult(article=article, timexes=timexes, mentions=mentions)


def extract_timeline(paths: Sequence[Path], config: Config | None = None) -> Timeline:
    """The whole extraction: every input file ends up in `Timeline.results`, with its status."""
    cfg = config or Config()
    articles = read_inputs(paths, ingest_options(cfg, cfg.build_date or source_date_epoch()))
    counts = {s: sum(1 for a in articles if a.status == s) for s in Status}
    log.info(
        "ingest: %d inputs (%s)",
        len(articles),
        ", ".join(f"{n} {s}" for s, n in counts.items()),
    )
    results = tuple(analyse(articles))
    log.info(
        "tag: %d temporal expressions; events: %d mentions",
        sum(len(r.timexes) for r in results),
        sum(len(r.mentions) for r in results),
    )
    by_id = {r.article.id: r.article for r in results}
    events = merge_mentions((m for r in results for m in r.mentions), by_id)
    log.info("merge: %d events", len(events))
    return Timeline(results=results, events=events, title=cfg.title)


def build_date(config: Config, timeline: Timeline) -> dt.date:
    """The date a site says it was built: never the wall clock, so rebuilds are reproducible.

    SOURCE_DATE_EPOCH wins, then the config, then the newest publication date.
    """
    from_env = source_date_epoch()
    if from_env is not None:
        return from_env
    if config.build_date is not None:
        return config.build_date
    dates = [a.published.date for a in timeline.articles if a.published.date is not None]
    return max(dates) if dates else dt.date(1970, 1, 1)
