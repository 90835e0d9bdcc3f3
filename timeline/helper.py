"""A helper process that loads the spaCy model as soon as a build starts.

Loading spaCy and the model takes seconds, longer than reading a thousand cached results.
A rebuild after a few new articles therefore starts this process first, reads its inputs
and cache meanwhile, and then hands it the articles that need parsing; when none do, the
helper is stopped unused. It runs the same pure map (`extract.py`) as everywhere else and
sends each result back as soon as it is made, so progress shows as it goes.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.context import ForkContext, SpawnContext
from multiprocessing.process import BaseProcess

from timeline.errors import PipelineError, TimelineError
from timeline.model import Article, ArticleResult

log = logging.getLogger("timeline")

_RESULT, _DONE, _FAILED = "result", "done", "failed"


def model_loaded() -> bool:
    """Whether this process already holds the model (then parsing here costs no load).
    Asked without importing spaCy."""
    nlp = sys.modules.get("timeline.nlp")
    return nlp is not None and bool(nlp.load_pipeline.cache_info().currsize)


def _serve(connection: Connection) -> None:
    """Helper side: load the model, then parse one batch of articles if sent one."""
    try:
        start = time.perf_counter()
        from timeline.extract import extract_batch
        from timeline.nlp import load_pipeline

        load_pipeline()
        log.debug("parsing helper: model loaded in %.1f s", time.perf_counter() - start)
        articles = connection.recv()
        if articles is None:
            return
        for result in extract_batch(articles):
            connection.send((_RESULT, result))
        connection.send((_DONE, None))
    except (EOFError, BrokenPipeError):  # the build went on without us
        return
    except Exception as error:  # reported to the build, which fails with it
        if not isinstance(error, TimelineError):
            log.debug("parsing helper failed", exc_info=True)
            error = PipelineError(f"parsing failed: {type(error).__name__}: {error}")
        connection.send((_FAILED, error))


class ParseHelper:
    """One helper process, started at construction; `submit` once then read `results`,
    or `close` it unused."""

    def __init__(self) -> None:
        # Forking is quickest, but only safe while this process runs no other threads.
        forkable = "fork" in multiprocessing.get_all_start_methods()
        if forkable and threading.active_count() == 1:
            context: ForkContext | SpawnContext = multiprocessing.get_context("fork")
        else:
            context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process: BaseProcess = context.Process(target=_serve, args=(child,), daemon=True)
        self._process.start()
        child.close()

    @classmethod
    def start(cls) -> ParseHelper | None:
        """A started helper, or None where processes cannot be started."""
        try:
            return cls()
        except (OSError, RuntimeError) as error:
            log.info("parsing in this process: cannot start a helper process (%s)", error)
            return None

    def parse(self, articles: Sequence[Article]) -> list[ArticleResult]:
        """The helper's results for articles, in order; then the helper exits."""
        self.submit(articles)
        return list(self.results())

    def submit(self, articles: Sequence[Article]) -> None:
        """Hand the helper its articles; it parses them while this process goes on."""
        try:
            self._connection.send(list(articles))
        except OSError as error:
            self.close()
            raise PipelineError(f"the parsing helper process stopped: {error}") from error

    def results(self) -> Iterator[ArticleResult]:
        """The results of `submit`, in order, as the helper makes them; then it exits."""
        try:
            while True:
                try:
                    kind, payload = self._connection.recv()
                except (EOFError, OSError) as error:
                    raise PipelineError(f"the parsing helper process stopped: {error}") from error
                if kind == _DONE:
                    return
                if kind == _FAILED:
                    raise payload
                yield payload
        finally:
            self.close()

    def close(self) -> None:
        """Stop the helper (it may be mid-way through loading the model)."""
        self._connection.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
