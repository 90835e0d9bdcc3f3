"""Worker processes that run the per-article map (`extract`), and never outlive a build.

A worker loads the model, then parses the chunks of articles it is sent, sending back each
result as soon as it is made. `extract_in_processes` hands chunks to several workers as
they become free and yields the results in input order.

Workers end with the build whatever happens: when the results are all in, when the
consumer stops early, when anything raises (SIGINT and SIGTERM reach the build as
exceptions, see `cli.run`), and, on Linux, when the building process is killed outright
(the kernel kills a worker whose parent dies). A worker ignores SIGINT: a Ctrl-C reaches
the whole process group, and the build, not each worker, decides what happens next.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkContext, SpawnContext
from multiprocessing.process import BaseProcess

from timeline.errors import PipelineError, TimelineError
from timeline.shutdown import die_with_parent, leave_signals_to_parent
from timeline.store.parses import ParseCache
from timeline.types import Article, ArticleResult

log = logging.getLogger(__name__)

RESULT, DONE, FAILED = "result", "done", "failed"
CHUNK = 32  # articles a worker is sent at once: one spaCy batch
_STOP_SECONDS = 5.0


def _serve(connection: Connection, parent: int, parses: ParseCache | None) -> None:
    """Worker side: load the model, then parse each chunk sent, until told to stop."""
    die_with_parent(parent)
    leave_signals_to_parent()
    try:
        from timeline.nlp.load import load_pipeline
        from timeline.pipeline.extract import extract_batch

        load_pipeline()
        while (articles := connection.recv()) is not None:
            for result in extract_batch(articles, parses):
                connection.send((RESULT, result))
            connection.send((DONE, None))
    except (EOFError, OSError):  # the build closed the connection: it needs us no more
        return
    except Exception as error:  # reported to the build, which fails with it
        if not isinstance(error, TimelineError):
            log.debug("parsing worker failed", exc_info=True)
            error = PipelineError(f"parsing failed: {type(error).__name__}: {error}")
        with contextlib.suppress(OSError):
            connection.send((FAILED, error))


class Worker:
    """One worker process, started at construction; `stop` it in any case. It reads and
    fills the parse cache `parses` when given."""

    def __init__(self, parses: ParseCache | None = None) -> None:
        # Forking is quickest, but only safe while this process runs no other threads.
        forkable = "fork" in multiprocessing.get_all_start_methods()
        if forkable and threading.active_count() == 1:
            context: ForkContext | SpawnContext = multiprocessing.get_context("fork")
        else:
            context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self._process: BaseProcess = context.Process(
            target=_serve, args=(child, os.getpid(), parses), daemon=True
        )
        try:
            self._process.start()
        finally:
            child.close()

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def send(self, articles: Sequence[Article]) -> None:
        try:
            self.connection.send(list(articles))
        except OSError as error:
            raise PipelineError(f"a parsing process stopped: {error}") from error

    def receive(self) -> tuple[str, object]:
        """The next message: (RESULT, result), (DONE, None) or (FAILED, error)."""
        try:
            kind, payload = self.connection.recv()
        except (EOFError, OSError) as error:
            code = self._process.exitcode
            why = f"it ended with exit code {code}" if code is not None else str(error)
            raise PipelineError(f"a parsing process stopped: {why}") from error
        return kind, payload

    def stop(self) -> None:
        """End the process now (it may be loading the model, or mid-way through a chunk)."""
        self.connection.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(_STOP_SECONDS)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def extract_in_processes(
    articles: Sequence[Article],
    processes: int,
    chunk: int = CHUNK,
    parses: ParseCache | None = None,
) -> Iterator[ArticleResult]:
    """The results of `extract_batch` over `articles` made by up to `processes` workers,
    in order, each as soon as it and those before it are made. Chunks shrink for small
    batches so that every worker gets some."""
    if not articles:
        return
    size = max(1, min(chunk, -(-len(articles) // (2 * processes))))
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    workers: list[Worker] = []
    try:
        for _ in range(min(processes, len(chunks))):
            try:
                workers.append(Worker(parses))
            except (OSError, RuntimeError) as error:  # no more processes allowed
                log.info("parsing in %d processes: cannot start more (%s)", len(workers), error)
                break
        if workers:
            yield from _results(chunks, workers)
        else:
            from timeline.pipeline.extract import extract_batch

            yield from extract_batch(articles, parses)
    finally:
        for worker in workers:
            worker.stop()


def _results(chunks: list[Sequence[Article]], workers: list[Worker]) -> Iterator[ArticleResult]:
    """Hand out chunks as workers become free; yield results in chunk order. A worker is
    sent its next chunk only once it has sent all of its last one, so neither side ever
    waits on a full pipe for the other."""
    waiting = iter(range(len(chunks)))
    working: dict[Connection, tuple[Worker, int]] = {}
    made: dict[int, list[ArticleResult]] = {i: [] for i in range(len(chunks))}
    finished: set[int] = set()

    def hand_out(worker: Worker) -> None:
        index = next(waiting, None)
        if index is not None:
            worker.send(chunks[index])
            working[worker.connection] = (worker, index)

    for worker in workers:
        hand_out(worker)
    current = 0
    while current < len(chunks):
        for connection in wait(list(working)):
            worker, index = working[connection]  # type: ignore[index]
            kind, payload = worker.receive()
            if kind == FAILED:
                raise payload if isinstance(payload, TimelineError) else PipelineError(str(payload))
            if kind == RESULT:
                made[index].append(payload)  # type: ignore[arg-type]
                continue
            finished.add(index)
            del working[connection]  # type: ignore[arg-type]
            hand_out(worker)
        while current < len(chunks):
            yield from made[current]
            made[current] = []
            if current not in finished:
                break
            del made[current]
            current += 1
