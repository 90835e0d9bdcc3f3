"""RSS and Atom feeds with full content: one article per entry.

feedparser gets the bytes in a stream, never a string (a string that looks like a URL
would be fetched). Entries carrying only a summary are read but flagged: a summary
rarely holds the dates a timeline needs.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from typing import Any

import feedparser

from timeline.ingest.draft import Draft, prose_draft
from timeline.ingest.metadata import Fields

__all__ = ["fragment_text", "read_feed"]

_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th"),
        *("tr", "ul"),
    }
)
_SKIP = frozenset({"script", "style", "template", "noscript"})
_SIMPLE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class _TextParser(HTMLParser):
    """Collects text, starting a new paragraph at every block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag in _SKIP:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data.replace("\n", " "))


def fragment_text(fragment: str) -> str:
    """HTML fragment to plain text with one paragraph per block element."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    paragraphs = ("".join(parser.parts)).split("\n\n")
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def _entry_text(entry: Any) -> tuple[str, bool]:
    """The entry's fullest text and whether it is only a summary."""
    contents = [c for c in entry.get("content", []) if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        value, kind = str(best["value"]), str(best.get("type", "text/html"))
        return (fragment_text(value) if "html" in kind else value), False
    summary = str(entry.get("summary", ""))
    return fragment_text(summary), True


def read_feed(data: bytes, *, stem: str) -> tuple[Draft, ...]:
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    entries = list(parsed.get("entries", [])) if parsed.get("version") else []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        return (
            Draft(
                fallback_id=stem,
                skip=f"is not a feed with entries{detail}; check that it is RSS or Atom",
            ),
        )
    channel = parsed.get("feed", {})
    publisher = channel.get("title") or None
    language = channel.get("language") or None
    drafts = []
    for number, entry in enumerate(entries, 1):
        text, summary_only = _entry_text(entry)
        raw_id = str(entry.get("id") or "")
        published_key = "published" if entry.get("published") else "updated"
        meta = Fields(
            origin="feed entry",
            id=raw_id if _SIMPLE_ID.match(raw_id) else None,
            title=entry.get("title") or None,
            publisher=publisher,
            url=entry.get("link") or None,
            published=entry.get(published_key) or None,
            published_key=published_key,
            language=language,
        )
        notes = (
            (
                "entry has only a summary, not the full article; dates in the full text will "
                "be missed",
            )
            if summary_only and text
            else ()
        )
        draft = prose_draft(
            text,
            fallback_id=f"{stem}-{number}",
            label=f"entry {number}",
            multi=True,
            meta=meta,
            messages=notes,
        )
        drafts.append(draft)
    return tuple(drafts)
