"""A parse process that loads the spaCy model as soon as a build starts.

Loading spaCy and the model takes seconds, longer than reading a thousand cached results.
A rebuild after a few new articles therefore starts this process first, reads its inputs
and cache meanwhile, and then hands it the articles that need parsing; when none do, it
is stopped unused. It is one worker process (`process_executor`): the same pure map as
everywhere else, each result sent back as soon as it is made, so progress shows as it
goes, and it never outlives the build (not even a `kill -9` of it, on Linux).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from timeline.errors import PipelineError, TimelineError
from timeline.pipeline.process_executor import DONE, FAILED, Worker
from timeline.store.parses import ParseCache
from timeline.types import Article, ArticleResult

log = logging.getLogger(__name__)


class ParseProcess:
    """One parse process, started at construction; `submit` once then read `results`,
    or `close` it unused."""

    def __init__(self, parses: ParseCache | None = None) -> None:
        self._worker = Worker(parses)

    @classmethod
    def start(cls, parses: ParseCache | None = None) -> ParseProcess | None:
        """A started parse process (using the parse cache `parses`), or None where processes cannot
        be started."""
        try:
            return cls(parses)
        except (OSError, RuntimeError) as error:
            log.info("parsing in this process: cannot start a parse process (%s)", error)
            return None

    @property
    def pid(self) -> int | None:
        return self._worker.pid

    def parse(self, articles: Sequence[Article]) -> list[ArticleResult]:
        """Its results for articles, in order; then it exits."""
        self.submit(articles)
        return list(self.results())

    def submit(self, articles: Sequence[Article]) -> None:
        """Hand it its articles; it parses them while this process goes on."""
        try:
            self._worker.send(articles)
        except PipelineError:
            self.close()
            raise

    def results(self) -> Iterator[ArticleResult]:
        """The results of `submit`, in order, as it makes them; then it exits."""
        try:
            while True:
                kind, payload = self._worker.receive()
                if kind == DONE:
                    return
                if kind == FAILED:
                    if isinstance(payload, TimelineError):
                        raise payload
                    raise PipelineError(str(payload))
                assert isinstance(payload, ArticleResult)
                yield payload
        finally:
            self.close()

    def close(self) -> None:
        """Stop the process (it may be mid-way through loading the model)."""
        self._worker.stop()
