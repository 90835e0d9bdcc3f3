"""A source page that fails to render costs that page its extras, never the build.

Should rendering one article's page raise (a fault in this program, never in the
article), the page is rendered again without its highlighted dates and event list, and if
even that fails, as the bare escaped text; the article's status becomes `warning` with a
message asking for a report, in the report and the extraction export alike.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from markupsafe import escape

from timeline.site import exports
from timeline.site.articles import ArticleView
from timeline.site.options import SiteOptions
from timeline.types import ArticleResult, Status, Timeline

_REPORT = "this is a fault in timeline, not in the file: please report it"


def note(view: ArticleView, error: BaseException) -> str:
    """The message that explains a page shown without its highlights."""
    return (
        f"{view.path}: its page could not be rendered in full ({type(error).__name__}: "
        f"{error}); it is shown without its highlighted dates and events ({_REPORT})"
    )


def plain_view(view: ArticleView, message: str) -> ArticleView:
    """The article's view without the parts that are made from its dates and events."""
    return replace(
        view,
        status=str(Status.WARNING) if view.status == str(Status.OK) else view.status,
        messages=(*view.messages, message),
        timexes=(),
        anchors=(),
        events=(),
    )


def bare_page(view: ArticleView, message: str) -> str:
    """The page as nothing but escaped text: its title, the message, the article."""
    paragraphs = "".join(f"<p>{escape(p)}</p>\n" for p in view.text.split("\n\n") if p.strip())
    return (
        f'<h1>{escape(view.title)}</h1>\n<p class="status-warning">{escape(message)}</p>\n'
        f'<section aria-labelledby="text">\n<h2 id="text">Text</h2>\n{paragraphs}</section>\n'
    )


def with_warnings(timeline: Timeline, messages: dict[str, str]) -> Timeline:
    """The timeline with each named article (by id) warned with its message."""

    def warned(result: ArticleResult) -> ArticleResult:
        message = messages.get(result.article.id)
        if message is None:
            return result
        article = result.article
        status = Status.WARNING if article.status is Status.OK else article.status
        article = replace(article, status=status, messages=(*article.messages, message))
        return replace(result, article=article)

    return replace(timeline, results=tuple(warned(r) for r in timeline.results))


def rewrite_exports(
    folder: Path, timeline: Timeline, options: SiteOptions, warned: dict[str, str]
) -> None:
    """The report and the extraction export again, with the warned articles."""
    updated = with_warnings(timeline, warned)
    (folder / "report.json").write_bytes(exports.report_json(updated, options.build_date))
    (folder / "events.json").write_bytes(exports.events_json(updated))
