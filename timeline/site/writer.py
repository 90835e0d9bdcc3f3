"""Export files written by a forked child process while this one renders the pages.

The exports (events.json, TimelineJS, iCal, Atom, the build report) depend on every event,
take most of a second to make for thousands of them, and no page needs them. Where this
process can fork safely (POSIX, no other threads), a child writes them straight into the
site folder, which mkdocs lets plugins do, and the build waits for it only before mkdocs
copies files. Otherwise, or if the child fails, they are made here: the same bytes.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Mapping
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from timeline.errors import PipelineError
from timeline.shutdown import die_with_parent, leave_signals_to_parent

# Under mkdocs's plugin namespace: mkdocs shows these and counts warnings under --strict.
log = logging.getLogger(f"mkdocs.plugins.{__name__}")

Make = Callable[[], Mapping[str, bytes]]


def write_files(
    files: Mapping[str, bytes], targets: Mapping[str, Path], root: Path | None = None
) -> None:
    """Write each named file to its target; the names must be exactly the targets'.

    Folders are made below `root`, never `root` itself: a site folder the build has
    already removed (it was interrupted) is not made again."""
    if files.keys() != targets.keys():
        raise PipelineError(
            f"exports: made {sorted(files)}, expected {sorted(targets)}"
        )  # a programming error, never a user's
    for name, content in files.items():
        target = targets[name]
        if root is None:
            target.parent.mkdir(parents=True, exist_ok=True)
        else:
            for folder in reversed(target.relative_to(root).parents[:-1]):
                (root / folder).mkdir(exist_ok=True)
        target.write_bytes(content)


def _child(
    make: Make,
    targets: Mapping[str, Path],
    root: Path | None,
    parent: int,
    connection: Connection,
) -> None:
    die_with_parent(parent)
    leave_signals_to_parent()
    try:
        write_files(make(), targets, root)
    except Exception as error:
        connection.send(f"{type(error).__name__}: {error}")
        raise SystemExit(1) from error
    connection.send("")


class ExportWriter:
    """Makes and writes the exports, in a child process when it can; `finish` before the
    files are read. `background=False` always writes them in this process."""

    def __init__(
        self,
        make: Make,
        targets: Mapping[str, Path],
        *,
        background: bool = True,
        root: Path | None = None,
    ):
        self._make = make
        self._targets = dict(targets)
        self._root = root
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        forkable = "fork" in multiprocessing.get_all_start_methods()
        if background and forkable and threading.active_count() == 1:
            self._start()
        else:
            write_files(make(), self._targets)

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        self._connection, child = context.Pipe(duplex=False)
        process = context.Process(
            target=_child,
            args=(self._make, self._targets, self._root, os.getpid(), child),
            daemon=True,
        )
        try:
            process.start()
        except OSError as error:  # no processes left, or not allowed: make them here
            log.debug("timeline: exports written here: cannot fork (%s)", error)
            self._connection.close()
            self._connection = None
            write_files(self._make(), self._targets)
            return
        finally:
            child.close()
        self._process = process

    @property
    def in_background(self) -> bool:
        return self._process is not None

    def finish(self) -> None:
        """Wait for the child; if it failed, write the files here (raising what it hit)."""
        process, connection = self._process, self._connection
        if process is None or connection is None:
            return
        self._process = self._connection = None
        try:
            problem = connection.recv()
        except EOFError:
            problem = "it stopped"
        except BaseException:  # interrupted while waiting: the child goes too
            process.terminate()
            raise
        finally:
            connection.close()
            process.join()
        if problem or process.exitcode != 0:
            log.debug("timeline: exports written here: the child failed (%s)", problem)
            write_files(self._make(), self._targets)

    def cancel(self) -> None:
        """Stop the child of a build that failed."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
        if self._connection is not None:
            self._connection.close()
        self._process = self._connection = None
