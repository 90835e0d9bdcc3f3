"""Wires the stages together; holds no logic of its own beyond ordering and counting.

ingest -> nlp.pipe -> timex -> events (a pure map over articles) -> merge (whole corpus).
The map (`extract`) is imported only when an article needs parsing: spaCy takes
seconds to load, and a fully cached rebuild does not need it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from importlib import metadata
from pathlib import Path

from timeline.config import Config
from timeline.config import build_date as choose_build_date
from timeline.events.story import keep_to_the_story
from timeline.ingest import IngestOptions, read_inputs
from timeline.ingest.cache import IngestCache
from timeline.merge import merge_mentions
from timeline.merge.entities import canonical_results
from timeline.merge.homes import one_home
from timeline.merge.wire import source_groups
from timeline.nlp.model_package import model_loaded, model_name, parse_version
from timeline.pipeline import BatchMapper
from timeline.pipeline.parse_process import ParseProcess
from timeline.rank.salience import select_key_events
from timeline.store.code_hash import modules_digest
from timeline.store.extraction import ExtractionCache
from timeline.store.parses import ParseCache
from timeline.types import Article, ArticleResult, DateValue, Status, Timeline

log = logging.getLogger(__name__)
PARALLEL_FROM = 200  # below this many uncached articles, starting processes costs more
Progress = Callable[[int, int], None]


def own_folders(config: Config) -> tuple[Path, ...]:
    """The folders a build writes (its output and its cache): never read as articles, even
    when they sit inside an input folder, where the next build would find them."""
    folders = [Path(config.cache_dir)]
    if config.output.strip() and Path(config.output) != Path():
        folders.append(Path(config.output))
    return tuple(folders)


def ingest_options(config: Config, build_date: dt.date | None = None) -> IngestOptions:
    # Strictness is judged by the caller from the statuses, after the full report is shown.
    return IngestOptions(
        max_bytes=int(config.max_file_mb * 1024 * 1024),
        build_date=build_date,
        date_order=config.date_order,
    )


# Where the code a cached ArticleResult depends on starts: the per-article map and the
# cache's own format; every timeline module they import, and the language data beside
# them, counts (`store.code_hash`).
EXTRACTION_ROOTS = ("timeline.pipeline.extract", "timeline.store.extraction")


def pipeline_version() -> str:
    """What cached results depend on: the model, spaCy, and the extraction code itself.

    Hashing the extraction sources means an upgrade or a local edit of the tagger
    invalidates the cache even when the version number did not change, while edits to
    merging, ranking or the site (which run on every build anyway) keep it.
    """
    model = model_name()
    digest = modules_digest(EXTRACTION_ROOTS)
    spacy_version = metadata.version("spacy")
    return f"spacy-{spacy_version}/{model}-{metadata.version(model)}/{digest[:16]}"


def open_cache(config: Config) -> ExtractionCache:
    """The extraction cache of a build, with the parse cache (`parse/`) below it."""
    if not config.use_cache:
        return ExtractionCache(directory=None, pipeline_version=pipeline_version())
    directory = Path(config.cache_dir).absolute()  # worker processes may start elsewhere
    parses = ParseCache(directory=directory / "parse", version=parse_version())
    return ExtractionCache(directory=directory, pipeline_version=pipeline_version(), parses=parses)


def extract_batch(
    articles: Sequence[Article], jobs: int = 1, parses: ParseCache | None = None
) -> Iterator[ArticleResult]:
    """The per-article map (see `extract`), imported on use: here, or in `jobs` worker
    processes (`process_executor`) when jobs > 1; parses stored in `parses` are reused."""
    if jobs > 1:
        from timeline.pipeline.process_executor import extract_in_processes

        return extract_in_processes(articles, jobs, parses=parses)
    from timeline.pipeline.extract import extract_batch as run

    return run(articles, parses)


def analyse(
    articles: Sequence[Article],
    cache: ExtractionCache,
    *,
    jobs: int = 0,
    mapper: BatchMapper | None = None,
    progress: Progress | None = None,
    early_parser: ParseProcess | None = None,
    meanwhile: Callable[[Sequence[ArticleResult]], None] | None = None,
) -> tuple[ArticleResult, ...]:
    """Results for every article, in order; cached and skipped ones are not parsed again.

    `mapper` runs `extract_batch` elsewhere (a Dask cluster); by default it runs here,
    streaming, in several processes when `jobs` says so or, with `jobs` 0, when there are
    `PARALLEL_FROM` uncached articles or more. A started `early_parser` (a `ParseProcess`)
    parses the uncached articles when one process is to (it has been loading the model
    meanwhile); it is stopped unused otherwise. `meanwhile` is the caller's own work, called
    once with the results known by then: while that process parses, those of the cached and
    skipped articles; otherwise, at the end, all of them. Whatever parses is stopped when
    this returns or raises.
    """
    results: dict[int, ArticleResult] = {}
    pending: list[int] = []
    for index, article in enumerate(articles):
        if article.status == Status.SKIPPED or not article.text.strip():
            results[index] = ArticleResult(article=article)
        elif (hit := cache.get(article)) is not None:
            results[index] = hit
        else:
            pending.append(index)
    log.info("cache: %d of %d articles reused", len(articles) - len(pending), len(articles))
    todo = [articles[i] for i in pending]
    processes = jobs or _processes(len(todo))
    fresh: Iterable[ArticleResult] = ()
    if early_parser is not None and mapper is None and todo and processes == 1:
        early_parser.submit(todo)
        if meanwhile is not None:
            meanwhile(tuple(results.values()))
            meanwhile = None
        fresh = early_parser.results()
    else:
        if early_parser is not None:
            early_parser.close()
        if mapper is not None:
            fresh = mapper(todo)
        elif todo:
            fresh = extract_batch(todo, processes, cache.parses)
    try:
        for done, (index, result) in enumerate(zip(pending, fresh, strict=True), start=1):
            cache.put(result)
            results[index] = result
            if progress is not None:
                progress(done, len(pending))
    finally:
        if isinstance(fresh, Generator):  # stop its processes, even when stopping early
            fresh.close()
    ordered = tuple(results[i] for i in range(len(articles)))
    if meanwhile is not None:
        meanwhile(ordered)
    return ordered


def _processes(articles: int) -> int:
    return min(os.cpu_count() or 1, 4) if articles >= PARALLEL_FROM else 1


def extract_timeline(
    paths: Sequence[Path],
    config: Config | None = None,
    *,
    progress: Progress | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Timeline:
    """The whole extraction: every input file ends up in `Timeline.results`, with its status.

    `progress(done, total)` is called as uncached articles are parsed (the CLI draws a bar).
    `meanwhile()` is called once, while a parse process parses new articles if one does:
    the caller's preparation for what follows (loading the site code) then costs no time.
    """
    cfg = config or Config()
    # A rebuild usually parses a few new articles: load the model while reading the cache.
    early = cfg.use_cache and cfg.executor != "dask" and (os.cpu_count() or 1) > 1
    cache = open_cache(cfg)
    early_parser = ParseProcess.start(cache.parses) if early and not model_loaded() else None
    try:
        results, groups = _read_and_analyse(
            paths, cfg, cache, progress=progress, early_parser=early_parser, meanwhile=meanwhile
        )
    finally:
        if early_parser is not None:
            early_parser.close()
    log.info(
        "tag: %d temporal expressions; events: %d mentions",
        sum(len(r.timexes) for r in results),
        sum(len(r.mentions) for r in results),
    )
    results = canonical_results(keep_to_the_story(mark_duplicates(results, groups)), groups)
    by_id = {r.article.id: r.article for r in results}
    events = one_home(
        merge_mentions((m for r in results for m in r.mentions), by_id, sources=groups)
    )
    log.info("merge: %d events", len(events))
    return Timeline(results=results, events=events, title=cfg.title, sources=groups)


def _read_and_analyse(
    paths: Sequence[Path],
    cfg: Config,
    cache: ExtractionCache,
    *,
    progress: Progress | None,
    early_parser: ParseProcess | None,
    meanwhile: Callable[[], None] | None,
) -> tuple[tuple[ArticleResult, ...], dict[str, str]]:
    """Results for every input, and the wire-copy groups of the articles (found while new
    articles are parsed: they need only the texts and the cached fingerprints)."""
    ingest_cache = IngestCache(Path(cfg.cache_dir) / "ingest") if cfg.use_cache else None
    options = ingest_options(cfg, cfg.build_date)
    articles = read_inputs(paths, options, ingest_cache, exclude=own_folders(cfg))
    counts = {s: sum(1 for a in articles if a.status == s) for s in Status}
    log.info(
        "ingest: %d inputs (%s)",
        len(articles),
        ", ".join(f"{n} {s}" for s, n in counts.items()),
    )
    mapper = None
    if cfg.executor == "dask":
        from timeline.pipeline.dask_executor import dask_mapper

        mapper = dask_mapper(cfg.scheduler, parses=cache.parses)
    groups: dict[str, str] = {}

    def prepare(known: Sequence[ArticleResult]) -> None:
        usable = {a.id: a for a in articles if a.text.strip()}
        groups.update(source_groups(usable, {r.article.id: r.shingles for r in known}))
        if meanwhile is not None:
            meanwhile()

    results = analyse(
        articles,
        cache,
        jobs=cfg.jobs,
        mapper=mapper,
        progress=progress,
        early_parser=early_parser,
        meanwhile=prepare,
    )
    return results, groups


def mark_duplicates(
    results: Sequence[ArticleResult], groups: Mapping[str, str]
) -> tuple[ArticleResult, ...]:
    """Say on each republished copy which article it repeats (`groups` from `source_groups`):
    merging already counts wire copies as one source; the report and pages should say why."""
    usable = {r.article.id: r.article for r in results}
    marked = []
    for result in results:
        article = result.article
        first = groups.get(article.id, article.id)
        if first == article.id:
            marked.append(result)
            continue
        original = usable[first]
        note = (
            f"{article.path} ({article.id}): near-duplicate of {original.path} "
            f"({original.id}), the same story: counted as one source with it"
        )
        copy = replace(article, messages=(*article.messages, note))
        marked.append(replace(result, article=copy))
    return tuple(marked)


def restrict(
    timeline: Timeline,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    top_dates: int | None = None,
    sentences_per_date: int = 1,
) -> Timeline:
    """The timeline of a span (articles published and events dated inside it, inclusive),
    optionally reduced to its `top_dates` key days with their best sentences."""

    def inside(day: dt.date | None) -> bool:
        return day is not None and (start is None or day >= start) and (end is None or day <= end)

    results = timeline.results
    if start is not None or end is not None:
        results = tuple(r for r in results if inside(r.article.published.date))
        log.info("span: %d of %d articles published inside it", len(results), len(timeline.results))
    if top_dates is not None:
        events = select_key_events(
            results,
            top_dates,
            sentences_per_date,
            start=start,
            end=end,
            sources=timeline.sources or None,
        )
    else:
        by_id = {r.article.id: r.article for r in results}
        mentions = [m for r in results for m in r.mentions]
        events = tuple(
            e
            for e in merge_mentions(mentions, by_id, sources=timeline.sources or None)
            if (value := DateValue.parse(e.date)) is not None
            and (start is None or value.last >= start)
            and (end is None or value.first <= end)
        )
    return replace(timeline, results=results, events=events)


def build_date(config: Config, timeline: Timeline) -> dt.date:
    """The date a site says it was built: never the wall clock, so rebuilds are reproducible.

    The date asked for (`--build-date`, else SOURCE_DATE_EPOCH, else the config file; see
    `timeline.config`), else the newest publication date.
    """
    return choose_build_date(config.build_date, (a.published.date for a in timeline.articles))
