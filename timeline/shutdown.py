"""How a run of the command ends, whatever ends it.

SIGTERM and SIGHUP become an exception (`Terminated`), as Ctrl-C becomes KeyboardInterrupt,
so every cleanup on the way out runs: worker processes are stopped, a Dask cluster closed,
staging folders removed. Whatever child process is still running at the very end (one an
interrupted stage had no chance to stop) is stopped before the command exits, so a build
never leaves a process behind and never waits on one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections.abc import Iterator
from types import FrameType

EXIT_INTERRUPTED = 128 + signal.SIGINT
_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
_STOP_SECONDS = 5.0


class Terminated(BaseException):
    """A termination signal arrived: unwinds the stack like KeyboardInterrupt (and, like
    it, passes through `except Exception`)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"terminated by {signal.Signals(signum).name}")
        self.signum = signum


def _raise(signum: int, _frame: FrameType | None) -> None:
    # A second signal while cleaning up ends the process at once (the default action);
    # its worker processes then end with it (`workers.die_with_parent`).
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
