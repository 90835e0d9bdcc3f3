"""How a run of the command ends, whatever ends it.

SIGTERM and SIGHUP become an exception (`Terminated`), as Ctrl-C becomes KeyboardInterrupt,
so every cleanup on the way out runs: worker processes are stopped, a Dask cluster closed,
staging folders removed. Whatever child process is still running at the very end (one an
interrupted stage had no chance to stop) is stopped before the command exits, so a build
never leaves a process behind and never waits on one; and a child process (a parsing
worker, the exports writer) ends with the build even when the build is killed outright.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from types import FrameType

EXIT_INTERRUPTED = 128 + signal.SIGINT
_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
_STOP_SECONDS = 5.0
_PR_SET_PDEATHSIG = 1


class Terminated(BaseException):
    """A termination signal arrived: unwinds the stack like KeyboardInterrupt (and, like
    it, passes through `except Exception`)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"terminated by {signal.Signals(signum).name}")
        self.signum = signum


def _raise(signum: int, _frame: FrameType | None) -> None:
    # A second signal while cleaning up ends the process at once (the default action);
    # its worker processes then end with it (`die_with_parent`).
    for number in _SIGNALS:
        signal.signal(number, signal.SIG_DFL)
    raise Terminated(signum)


@contextlib.contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """Within: SIGTERM and SIGHUP raise `Terminated` (call from the main thread)."""
    previous = {number: signal.signal(number, _raise) for number in _SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def exit_code(stop: BaseException) -> int:
    """The shell's convention: 128 plus the signal's number."""
    if isinstance(stop, Terminated):
        return 128 + stop.signum
    return EXIT_INTERRUPTED


def stop_children() -> None:
    """Stop every child process this one started and that still runs."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(_STOP_SECONDS)
        if child.is_alive():
            child.kill()
            child.join()


def die_with_parent(parent: int) -> None:
    """In a child process: be killed when the parent dies, even by SIGKILL (Linux; the
    signal comes when the thread that started this process ends, which for the
    processes here is the main thread), and stop here if it already has."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def leave_signals_to_parent() -> None:
    """In a child process: ignore Ctrl-C, and end on SIGTERM (a forked child inherits the
    parent's handlers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
