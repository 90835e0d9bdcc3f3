"""Saved web pages: main text and metadata with trafilatura, dates with htmldate.

Nothing here touches the network: both libraries get the page's markup, never a URL.
htmldate looks only at markup (no free-text search), so a banner date on the page
cannot pass itself off as metadata; the text's own dateline is judged separately, at
lower precedence. htmldate is capped at a fixed far date instead of today, so the
result does not depend on when the build runs.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import htmldate
import trafilatura
from trafilatura.settings import use_config

from timeline.ingest.decode import decode
from timeline.ingest.draft import Draft, prose_draft
from timeline.ingest.metadata import Fields

__all__ = ["read_html"]

_MAX_DATE = "2099-12-31"
_LANG = re.compile(r"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I)
_STAMP = r"[\"']?\s*(?:content\s*=\s*)?[\"']?(\d{{4}}-\d{{2}}-\d{{2}}[^\"'<>\s]*)"
_PUBLISHED = re.compile(
    r"(?:article:published_time|datePublished|pubdate|publish-date)" + _STAMP.format(), re.I
)
_MODIFIED = re.compile(
    r"(?:article:modified_time|dateModified|og:updated_time|last-modified)" + _STAMP.format(),
    re.I,
)
_CLOSED = re.compile(rb"</(?:html|body)\s*>", re.I)
_LIBRARIES = ("trafilatura", "htmldate")


def _config() -> Any:
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals break in worker threads
    return config


@contextmanager
def _library_verdicts_muted() -> Iterator[None]:
    """trafilatura and htmldate log their verdicts on a page ("discarding data: None")
    without its file name; the reader reports the outcome as a message on the file
    instead. Their logs still show when a user asked for detail (`timeline -v`)."""
    loggers = [logging.getLogger(name) for name in _LIBRARIES]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        if logger.getEffectiveLevel() > logging.INFO:
            logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _extract(html: str) -> dict[str, Any]:
    result = trafilatura.extract(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        config=_config(),
    )
    return dict(json.loads(result)) if result else {}


def _find_date(html: str) -> str | None:
    found = htmldate.find_date(html, original_date=True, extensive_search=False, max_date=_MAX_DATE)
    return str(found) if found else None


def read_html(data: bytes, *, stem: str) -> tuple[Draft, ...]:
    decoded = decode(data, html=True)
    html = decoded.text
    messages = [decoded.warning] if decoded.warning else []
    if not _CLOSED.search(data[-4096:]):
        messages.append(
            "the page looks truncated (no closing </body> or </html>); the text may be "
            "incomplete, save the page again"
        )
    try:
        with _library_verdicts_muted():
            page = _extract(html)
            date = _find_date(html)
    except Exception as exc:  # parser failures on bad markup vary by library
        return (
            Draft(fallback_id=stem, skip=f"the page could not be parsed ({exc}); save it again"),
        )
    text = str(page.get("text") or "")
    if not text.strip():
        return (
            Draft(
                fallback_id=stem,
                messages=tuple(messages),
                skip="no article text found in the page (script-rendered or truncated?); "
                "save the article text as .txt or .md instead",
            ),
        )
    origin = "HTML metadata (htmldate, original date)"
    published = date
    timezone = None
    stamp = _PUBLISHED.search(html)
    if stamp and date and stamp.group(1).startswith(date):
        published, origin = stamp.group(1), "HTML metadata (published time)"
    modified = _MODIFIED.search(html)
    if modified and published and not modified.group(1).startswith(published[:10]):
        origin += f", last updated {modified.group(1)[:10]}"
    language = _LANG.search(html[:4096])
    meta = Fields(
        origin=origin,
        title=page.get("title") or None,
        publisher=page.get("source-hostname") or page.get("sitename") or None,
        url=page.get("source") or page.get("url") or None,
        published=published,
        published_key="",
        timezone=timezone,
        language=(language.group(1) if language else page.get("language")) or None,
    )
    return (prose_draft(text, fallback_id=stem, meta=meta, messages=tuple(messages)),)
