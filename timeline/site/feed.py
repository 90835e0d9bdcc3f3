"""Atom (RFC 4287) feed of events, newest first; dates come from the sources and the build
date, never the clock."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from timeline.site.context import EventView, plain_citations
from timeline.site.links import Links
from timeline.site.options import SiteOptions
from timeline.types import date_order
from timeline.version import __version__

ATOM = "http://www.w3.org/2005/Atom"

FEED_ENTRIES = 100
"""Events in the feed: readers poll it for what is new, not for the whole archive (that is
events.json), and a feed of thousands of entries is megabytes per poll."""


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def feed_id(options: SiteOptions) -> str:
    """The configured id, else one derived from the site's name and public address, or,
    without an address, from its name and the folders of its inputs: two sites titled
    alike ("Timeline") differ in one or the other, and a rebuild keeps its feed's id."""
    if options.feed_id:
        return options.feed_id
    if options.site_url or not options.feed_source:
        return _urn(f"timeline-feed:{options.site_url or ''}:{options.site_name}")
    return _urn(f"timeline-feed::{options.site_name}:{options.feed_source}")


def feed_source(inputs: Iterable[Path]) -> str:
    """The inputs as the feed's id knows them: a folder by its name, a file by its folder's
    name and its own (`haiti_bbc/articles.jsonl`), never by where they are kept, so the id
    survives moving the folder and publishes no local path (it is hashed besides)."""
    names = []
    for path in inputs:
        full = path.resolve()
        names.append(full.name if full.is_dir() else f"{full.parent.name}/{full.name}")
    return "\n".join(names)


def _content(view: EventView) -> str:
    return f"{view.label}: {view.sentence}\n\nSources:\n{plain_citations(view)}"


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _reported(view: EventView, fallback: str) -> tuple[str, str]:
    """(published, updated): the first and the latest publication date of its sources."""
    days = sorted(c.published_iso for c in view.citations if c.published_iso)
    if not days:
        return fallback, fallback
    return _stamp(days[0]), _stamp(days[-1])


def atom_feed(
    title: str, views: tuple[EventView, ...], options: SiteOptions, links: Links
) -> bytes:
    """Plain-text titles and content only, so feed readers never render source markup.

    Links are absolute with a `site_url`; without one they are relative to the feed's own
    address, which Atom allows and readers resolve."""
    updated = _stamp(options.build_date.isoformat())
    feed = ET.Element("feed", {"xmlns": ATOM})
    _sub(feed, "id", feed_id(options))
    _sub(feed, "title", title, type="text")
    _sub(feed, "updated", updated)
    _sub(feed, "generator", "timeline", version=__version__)
    author = _sub(feed, "author")
    _sub(author, "name", title)
    self_url = links.absolute("feed.xml")
    if self_url:
        _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    home = links.absolute("index.md") or links.relative("index.md")
    _sub(feed, "link", rel="alternate", href=home, type="text/html")
    dated = sorted((v for v in views if v.first), key=lambda v: (date_order(v.value), v.id))
    newest_first = [*reversed(dated), *(v for v in views if not v.first)][:FEED_ENTRIES]
    for view in newest_first:
        entry = _sub(feed, "entry")
        _sub(entry, "id", _urn(f"timeline-event:{feed_id(options)}:{view.id}"))
        _sub(entry, "title", f"{view.label}: {view.headline}", type="text")
        published, changed = _reported(view, updated)
        _sub(entry, "published", published)
        _sub(entry, "updated", changed)
        place = f"{view.home}#{view.id}"
        href = links.absolute(place) or links.relative(place)
        _sub(entry, "link", rel="alternate", href=href, type="text/html")
        for ref in view.entities:
            _sub(entry, "category", term=ref.text, label=ref.text)
        _sub(entry, "content", _content(view), type="text")
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode", short_empty_elements=True)
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode()
