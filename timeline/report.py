"""The terminal report of a run: one line per problem, or GitHub Actions annotations.

Names and messages are already printable (see `timeline.invisible`); an annotation is a
workflow command, which the runner reads from the log line by line, so everything placed
in one is escaped as GitHub's toolkit does: `%`, CR and LF in the message, and also `:`
and `,` in properties. A file name can then neither end the line and start a command of
its own (`::add-mask::`, `::error::`) nor split the property list.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from timeline.invisible import visible
from timeline.model import Article, Status

__all__ = ["problem_lines", "workflow_command"]


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
