"""Command-line interface: the only package that prints, parses flags and maps errors to
exit codes (see `report`). `main` runs one command; `run` is the `timeline` program."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from typing import NoReturn

from timeline.cli.build import cmd_build, cmd_check, cmd_extract, config_from_args
from timeline.cli.parser import make_parser
from timeline.cli.report import EXIT_FAILED, EXIT_USAGE, ProgressBar
from timeline.cli.tools import cmd_eval, cmd_serve, cmd_tag
from timeline.errors import ConfigError, TimelineError
from timeline.shutdown import Terminated, exit_code, signals_as_exceptions, stop_children

__all__ = ["ProgressBar", "main", "make_parser", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    with _fewer_collections():
        return _main(argv)


def run() -> NoReturn:
    """The `timeline` command: `main`, then a quick exit. A build leaves millions of objects
    behind, and freeing them one by one takes about a second that the OS does at once.
    Every child process has been stopped and every file closed by then; streams and logs
    are flushed here.

    Ctrl-C, SIGTERM and SIGHUP unwind the run like an error, so every cleanup runs; the
    exit code is then 128 plus the signal's number (130 for Ctrl-C). A fault in timeline
    itself prints its traceback and exits 1: never a hang on a process left behind."""
    code = EXIT_FAILED
    try:
        with signals_as_exceptions():
            code = main()
    except (KeyboardInterrupt, Terminated) as stop:
        print(f"timeline: stopped ({stop or 'interrupted'})", file=sys.stderr)
        code = exit_code(stop)
    except Exception:
        traceback.print_exc()
        print("timeline: internal error: this is a fault in timeline, please report it",
              file=sys.stderr)  # fmt: skip
    finally:
        stop_children()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a closed pipe (`timeline extract | head`)
            stream.flush()
    os._exit(code)


def _main(argv: Sequence[str] | None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    _setup_logging(getattr(args, "verbose", False), getattr(args, "quiet", False))
    try:
        if args.command == "tag":
            return cmd_tag(args)
        if args.command == "eval":
            return cmd_eval(args)
        if args.command == "serve":
            return cmd_serve(args)
        config = config_from_args(args)
        if args.command == "check":
            return cmd_check(args, config)
        if args.command == "extract":
            return cmd_extract(args, config)
        return cmd_build(args, config)
    except ConfigError as exc:
        for problem in str(exc).splitlines():
            print(f"timeline: config error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except TimelineError as exc:
        print(f"timeline: {exc}", file=sys.stderr)
        return EXIT_FAILED


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """A build makes millions of long-lived objects (cached results, event views, pages) and
    few reference cycles; with the default thresholds the collector walks them again and
    again (a tenth of a warm rebuild). Collecting young objects every 100,000 allocations
    instead of 700 still frees cycles and keeps memory flat (`make bench` shows it)."""
    previous = gc.get_threshold()
    gc.set_threshold(100_000, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _setup_logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr, force=True)
    # Third-party libraries log chatter at INFO; keep the terminal about the build.
    for noisy in ("mkdocs", "trafilatura", "htmldate", "MARKDOWN", "watchdog"):
        logging.getLogger(noisy).setLevel(logging.WARNING if not verbose else logging.INFO)
