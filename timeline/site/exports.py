"""Machine-readable exports built from the same data as the pages: JSON flavours.

JSON text escapes `<`, `>` and `&` so that no export contains markup, even when a file
is later pasted into an HTML page.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import Counter
from typing import Any

from timeline.site.context import EventView
from timeline.site.dates import parse_value
from timeline.store.serialize import timeline_to_dict
from timeline.types import Granularity, Status, Timeline
from timeline.version import __version__

REPORT_SCHEMA = 1


_INDENT = "  "
_OUTLINE_DEPTH = 2


def _outline(value: Any, level: int) -> str:
    """The first levels indented, everything deeper on one line: each event or input of an
    export is one line, so a rebuild's diff shows what changed, and the deep part is
    encoded by the fast C encoder (indented JSON is several times slower)."""
    if level < _OUTLINE_DEPTH and isinstance(value, dict | list) and value:
        inner = _INDENT * (level + 1)
        if isinstance(value, dict):
            items = [
                f"{inner}{_compact(str(k))}: {_outline(v, level + 1)}" for k, v in value.items()
            ]
            brackets = "{}"
        else:
            items = [inner + _outline(v, level + 1) for v in value]
            brackets = "[]"
        return brackets[0] + "\n" + ",\n".join(items) + "\n" + _INDENT * level + brackets[1]
    return _compact(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)  # one, not one per record


def _compact(value: Any) -> str:
    return _ENCODER.encode(value)


def dump_json(data: Any) -> bytes:
    """Stable, readable JSON bytes with markup characters escaped."""
    return (escape_markup(_outline(data, 0)) + "\n").encode()


def escape_markup(text: str) -> str:
    """JSON text with `<`, `>` and `&` written as escapes: the same data, and nothing in it
    can close a script element or start markup where a page embeds it."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def events_json(timeline: Timeline) -> bytes:
    """The documented extraction schema (`timeline extract --json`), unchanged."""
    return dump_json(timeline_to_dict(timeline))


def report_dict(timeline: Timeline, build_date: dt.date) -> dict[str, Any]:
    """Every input with its status and reasons; per-status counts add up to `total`."""
    counts = Counter(str(r.article.status) for r in timeline.results)
    return {
        "schema": REPORT_SCHEMA,
        "generator": f"timeline {__version__}",
        "build_date": build_date.isoformat(),
        "counts": {
            "total": len(timeline.results),
            **{str(status): counts.get(str(status), 0) for status in Status},
        },
        "events": len(timeline.events),
        "conflicts": sum(1 for e in timeline.events if e.conflict),
        "set_aside": dict(
            sorted(Counter(p.part for r in timeline.results for p in r.set_aside).items())
        ),
        "inputs": [
            {
                "id": r.article.id,
                "path": r.article.path,
                "status": str(r.article.status),
                "messages": list(r.article.messages),
                "published": r.article.published.date.isoformat()
                if r.article.published.date
                else None,
                "published_source": str(r.article.published.source),
                "timexes": len(r.timexes),
                "unresolved": sum(1 for t in r.timexes if not t.value),
                "mentions": len(r.mentions),
                "set_aside": [
                    {"start": p.start, "end": p.end, "part": p.part, "reason": p.reason}
                    for p in r.set_aside
                ],
            }
            for r in timeline.results
        ],
    }


def report_json(timeline: Timeline, build_date: dt.date) -> bytes:
    return dump_json(report_dict(timeline, build_date))


def _tl_date(day: dt.date, granularity: Granularity) -> dict[str, Any]:
    """A TimelineJS date with the fields the precision has: a year, a month, a day."""
    date: dict[str, Any] = {"year": day.year}
    if granularity.rank >= Granularity.HALF.rank:
        date["month"] = day.month
    if granularity.rank >= Granularity.WEEK.rank:
        date["day"] = day.day
    return date


def _tl_text(view: EventView) -> str:
    """TimelineJS renders this as HTML, so every piece of source text is escaped here."""
    sources = "".join(
        "<li>"
        + (
            f'<a href="{html.escape(c.url)}">{html.escape(c.title)}</a>'
            if c.url
            else html.escape(c.title)
        )
        + (f", {html.escape(c.publisher)}" if c.publisher_known else "")
        + f" ({html.escape(c.published)})</li>"
        for c in view.citations
    )
    return f"<p>{html.escape(view.sentence)}</p><ul>{sources}</ul>"


TIMELINEJS_EVENTS = 1000
"""Most events in timeline.json. TimelineJS builds a slide and a marker for every event up
front: a thousand render in seconds, four thousand hang the page for over a minute. A
bigger story keeps its key events and those with most sources; events.json has them all."""


def _slideshow(views: tuple[EventView, ...], key: frozenset[str]) -> tuple[EventView, ...]:
    if len(views) <= TIMELINEJS_EVENTS:
        return views
    rank = sorted(range(len(views)), key=lambda i: (views[i].id not in key, -views[i].n_sources, i))
    return tuple(views[i] for i in sorted(rank[:TIMELINEJS_EVENTS]))


def timelinejs(
    title: str, views: tuple[EventView, ...], key: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """TimelineJS3 JSON: one slide per dated event (at most TIMELINEJS_EVENTS, `key` first),
    no groups (TimelineJS gives every group a row of its navigator, so a row per year
    buries the story under its history).

    Dates keep their precision (a month event has no day); a period a day or a month
    cannot say (a week, a quarter, a decade) is a range from its first to its last day;
    the label the pages show is the event's `display_date`."""
    events = []
    for view in _slideshow(views, key):
        parsed = parse_value(view.value)
        if parsed is None:
            continue
        gran = parsed.granularity
        event: dict[str, Any] = {
            "unique_id": view.id,
            "start_date": _tl_date(parsed.first, gran),
            "display_date": view.label,
            "text": {"headline": html.escape(view.headline), "text": _tl_text(view)},
        }
        if gran not in (Granularity.DAY, Granularity.MONTH, Granularity.YEAR):
            event["end_date"] = _tl_date(parsed.last, gran)
        events.append(event)
    return {
        "title": {"text": {"headline": html.escape(title), "text": ""}},
        "events": events,
    }
