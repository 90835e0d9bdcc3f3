"""Atom (RFC 4287) feed of events, newest first; `updated` is the build date, not the clock."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET

from timeline.version import __version__
from timeline.site.context import EventView
from timeline.types import date_order

ATOM = "http://www.w3.org/2005/Atom"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _content(view: EventView) -> str:
    sources = "\n".join(
        f"- {c.publisher}: {c.title} ({c.published})" + (f" {c.url}" if c.url else "")
        for c in view.citations
    )
    return f"{view.label}: {view.sentence}\n\nSources:\n{sources}"


FEED_ENTRIES = 100
"""Events in the feed: readers poll it for what is new, not for the whole archive (that is
events.json), and a feed of thousands of entries is megabytes per poll."""


def atom_feed(
    title: str,
    views: tuple[EventView, ...],
    build_date: dt.date,
    page_url: str | None,
    feed_url: str | None,
) -> bytes:
    """Plain-text titles and content only, so feed readers never render source markup."""
    updated = f"{build_date.isoformat()}T00:00:00Z"
    feed = ET.Element("feed", {"xmlns": ATOM})
    _sub(feed, "id", feed_url or _urn(f"timeline-feed:{title}"))
    _sub(feed, "title", title, type="text")
    _sub(feed, "updated", updated)
    _sub(feed, "generator", "timeline", version=__version__)
    author = _sub(feed, "author")
    _sub(author, "name", title)
    if feed_url:
        _sub(feed, "link", rel="self", href=feed_url, type="application/atom+xml")
    if page_url:
        _sub(feed, "link", rel="alternate", href=page_url, type="text/html")
    dated = sorted((v for v in views if v.first), key=lambda v: (date_order(v.value), v.id))
    newest_first = [*reversed(dated), *(v for v in views if not v.first)][:FEED_ENTRIES]
    for view in newest_first:
        entry = _sub(feed, "entry")
        _sub(entry, "id", _urn(f"timeline-event:{view.id}"))
        _sub(entry, "title", f"{view.label}: {view.headline}", type="text")
        _sub(entry, "updated", updated)
        if page_url:
            _sub(entry, "link", rel="alternate", href=f"{page_url}#{view.id}", type="text/html")
        for ref in view.entities:
            _sub(entry, "category", term=ref.text, label=ref.text)
        _sub(entry, "content", _content(view), type="text")
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode", short_empty_elements=True)
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode()
