"""The terminal report of a run: one line per problem, or GitHub Actions annotations; the
summary of counts; the progress bar; the exit codes.

Names and messages are already printable (see `timeline.ingest.invisible`); an annotation is a
workflow command, which the runner reads from the log line by line, so everything placed
in one is escaped as GitHub's toolkit does: `%`, CR and LF in the message, and also `:`
and `,` in properties. A file name can then neither end the line and start a command of
its own (`::add-mask::`, `::error::`) nor split the property list.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from typing import TextIO

from timeline.ingest.invisible import visible
from timeline.types import Article, Status

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "ProgressBar",
    "has_failed",
    "print_report",
    "problem_lines",
    "workflow_command",
]

# 0 success, 1 a failed build or check (including warnings under --strict),
# 2 bad usage or configuration.
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PROGRESS_FROM = 20  # articles to parse before a progress display is worth showing


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, properties: Mapping[str, str], message: str) -> str:
    """One GitHub Actions workflow command line, `::command key=value,...::message`."""
    props = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{command}{' ' + props if props else ''}::{_escape_data(message)}"


def problem_lines(articles: Sequence[Article], *, annotate: bool) -> Iterator[str]:
    """A line for each message of each article with a problem, naming its file."""
    for article in articles:
        if article.status == Status.OK and not article.messages:
            continue
        for message in article.messages or ("",):
            if annotate:
                level = "error" if article.status == Status.SKIPPED else "warning"
                yield workflow_command(level, {"file": article.path}, visible(message))
            else:
                where = "" if message.startswith(article.path) else f"{article.path}: "
                yield visible(f"{article.status}: {where}{message}")


def print_report(articles: Sequence[Article], stream: TextIO, *, quiet: bool) -> None:
    """Terminal summary: counts that add up, then one line per problem naming the file."""
    counts = {s: sum(1 for a in articles if a.status == s) for s in Status}

    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for line in problem_lines(articles, annotate=annotate):
        print(line, file=stream)
    if not quiet:
        summary = ", ".join(f"{n} {s}" for s, n in counts.items())
        print(f"{len(articles)} inputs: {summary}", file=stream)


def has_failed(articles: Sequence[Article], strict: bool) -> bool:
    bad = {Status.SKIPPED, Status.WARNING} if strict else set()
    return any(a.status in bad for a in articles)


class ProgressBar:
    """A bar on a terminal; on a log (CI) a line every 10%, so logs stay readable."""

    def __init__(self, stream: TextIO, *, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.tty = stream.isatty()
        self.shown = -1
        self.drawn = False

    def update(self, done: int, total: int) -> None:
        if not self.enabled or total < PROGRESS_FROM:
            return
        percent = done * 100 // total
        if self.tty:
            filled = percent * 30 // 100
            bar = "#" * filled + "-" * (30 - filled)
            self.stream.write(f"\rparsing [{bar}] {done}/{total} articles")
            self.stream.flush()
            self.drawn = True
        elif percent // 10 > self.shown // 10 or done == total:
            self.stream.write(f"parsed {done}/{total} articles ({percent}%)\n")
        self.shown = percent

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.drawn = False
