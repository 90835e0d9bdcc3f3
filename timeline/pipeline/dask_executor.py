"""Run the per-article extraction on Dask distributed; merge and render stay on the client.

Articles are sent in chunks so each worker loads spaCy once and parses a batch through one
`nlp.pipe`; results come back in order. Without an address a local cluster is started.
Whatever ends the map (the last result, an error, an interrupt, a consumer that stops
reading), its remaining tasks are cancelled and a local cluster is closed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from timeline.errors import PipelineError
from timeline.pipeline import BatchMapper
from timeline.pipeline.extract import extract_batch
from timeline.store.parses import ParseCache
from timeline.types import Article, ArticleResult

log = logging.getLogger(__name__)
CHUNK = 64


def run_chunk(articles: Sequence[Article], parses: ParseCache | None = None) -> list[ArticleResult]:
    """Worker side: the same pure map the local pipeline runs."""
    return list(extract_batch(articles, parses))


def dask_mapper(
    scheduler: str | None, *, chunk: int = CHUNK, parses: ParseCache | None = None
) -> BatchMapper:
    """A mapper that submits chunks to `scheduler` (or a fresh local cluster). Workers of a
    local cluster share this machine's parse cache `parses`; those of a remote scheduler,
    which may not see this file system, parse every article they are sent."""

    def mapper(articles: Sequence[Article]) -> Iterator[ArticleResult]:
        if not articles:
            return
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise PipelineError(
                "--executor dask needs Dask distributed: pip install 'timeline[dask]'"
            ) from exc
        chunks = [list(articles[i : i + chunk]) for i in range(0, len(articles), chunk)]
        cluster = None
        try:
            if not scheduler:  # distributed ships no complete annotations for these
                cluster = LocalCluster(processes=True, dashboard_address=None)  # type: ignore[no-untyped-call]
            with Client(scheduler or cluster) as client:  # type: ignore[no-untyped-call]
                log.info("dask: %d articles in %d chunks on %s", len(articles), len(chunks), client)
                shared = parses if not scheduler else None
                futures = client.map(run_chunk, chunks, parses=shared, pure=False)
                try:
                    for future in futures:
                        yield from future.result()
                finally:  # on any error, an interrupt, or a consumer that stopped early
                    client.cancel(futures)
        except OSError as exc:
            raise PipelineError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
        finally:
            if cluster is not None:
                cluster.close()

    return mapper
