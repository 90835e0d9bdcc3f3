"""The story at a glance: its span, and a chart of events and coverage over time.

The chart is static SVG drawn from these numbers (no script): a column per day, week or
month across the weeks the articles were published in; events dated to it rise above the
line and articles published in it hang below, key days are marked on top, and each
column with events links to where they are listed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from timeline.site.context import EventView
from timeline.site.dates import MONTHS, day_label, parse_value
from timeline.types import DateValue, Granularity

DAY_SPAN = 75
"""Longest span, in days, drawn a column per day; up to WEEK_SPAN a column per week."""
WEEK_SPAN = 700
PAD_DAYS = 14
"""Days before the first article and after the last that the chart still shows events in."""
BAR = 10  # width of a column in SVG units
HEIGHT = 100
TOP = 60  # events rise from here ...
BOTTOM = 64  # ... and articles hang from here
KEY_STRIP = 7  # the key-day mark above a column


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    label: str  # "12 January 2010", "week of 11 January 2010", "January 2010"
    events: int
    articles: int
    key: bool
    href: str | None  # page#anchor where its events are listed
    x: int
    event_y: float  # top of the events bar
    article_height: float

    @property
    def description(self) -> str:
        parts = [
            self.label,
            f"{self.events} event{'' if self.events == 1 else 's'}",
            f"{self.articles} article{'' if self.articles == 1 else 's'} published",
        ]
        return (
            ": ".join(parts[:1]) + ": " + ", ".join(parts[1:]) + ("; key day" if self.key else "")
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Overview:
    published: str  # "12–31 January 2010", or "" when no article has a date
    unit: str  # day, week, month
    columns: tuple[Column, ...]
    start_label: str
    end_label: str
    busiest: Column | None
    width: int
    height: int = HEIGHT
    top: int = TOP
    bottom: int = BOTTOM
    bar: int = BAR
    key_strip: int = KEY_STRIP


def span_label(first: dt.date, last: dt.date) -> str:
    """ "12–31 January 2010", "28 January – 3 February 2010", "5 December 2009 – 2 January 2010"."""
    if first == last:
        return day_label(first)
    if first.year != last.year:
        return f"{day_label(first)} – {day_label(last)}"
    if first.month != last.month:
        return f"{first.day} {MONTHS[first.month - 1]} – {day_label(last)}"
    return f"{first.day}–{day_label(last)}"


def _unit(first: dt.date, last: dt.date) -> Granularity:
    days = (last - first).days + 1
    if days <= DAY_SPAN:
        return Granularity.DAY
    if days <= WEEK_SPAN:
        return Granularity.WEEK
    return Granularity.MONTH


def _bin(day: dt.date, unit: Granularity) -> dt.date:
    """The first day of the column a day falls in."""
    if unit is Granularity.DAY:
        return day
    if unit is Granularity.WEEK:
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def _next(start: dt.date, unit: Granularity) -> dt.date:
    if unit is Granularity.DAY:
        return start + dt.timedelta(days=1)
    if unit is Granularity.WEEK:
        return start + dt.timedelta(days=7)
    return (start + dt.timedelta(days=32)).replace(day=1)


def _column_label(start: dt.date, unit: Granularity) -> str:
    if unit is Granularity.DAY:
        return day_label(start)
    if unit is Granularity.WEEK:
        return f"week of {day_label(start)}"
    return f"{MONTHS[start.month - 1]} {start.year}"


def _fits(parsed: DateValue, unit: Granularity) -> bool:
    """An event counts in a column when its date is no coarser than the column."""
    gran = parsed.granularity
    if gran is Granularity.DAY:
        return True
    if gran is Granularity.WEEK:
        return unit is not Granularity.DAY
    return gran is Granularity.MONTH and unit is Granularity.MONTH


def chart_span(published: list[dt.date], days: Iterable[dt.date]) -> tuple[dt.date, dt.date] | None:
    """The publication span, widened to the events dated up to PAD_DAYS outside it; with no
    publication dates, the span of the dated events."""
    event_days = sorted(days)
    if not published:
        if not event_days:
            return None
        return event_days[len(event_days) // 20], event_days[-1 - len(event_days) // 20]
    first, last = min(published), max(published)
    pad = dt.timedelta(days=PAD_DAYS)
    low = first - pad if first - dt.date.min > pad else dt.date.min
    high = last + pad if dt.date.max - last > pad else dt.date.max
    near = [d for d in event_days if low <= d <= high]
    return min([first, *near]), max([last, *near])


def overview(
    views: tuple[EventView, ...],
    published: list[dt.date],
    key: Collection[str],
    place: Callable[[EventView], str | None],
) -> Overview:
    """The overview of `views` (the events on the calendar), `published` the articles'
    publication dates; `key` the key events' ids, `place(view)` where a view is listed."""
    parsed = {v.id: parse_value(v.value) for v in views}
    days = [p.first for p in parsed.values() if p and p.granularity is Granularity.DAY]
    span = chart_span(published, days)
    published_text = span_label(min(published), max(published)) if published else ""
    if span is None:
        return Overview(
            published=published_text,
            unit="day",
            columns=(),
            start_label="",
            end_label="",
            busiest=None,
            width=0,
        )
    unit = _unit(*span)
    starts: list[dt.date] = []
    cursor = _bin(span[0], unit)
    while cursor <= span[1]:
        starts.append(cursor)
        try:
            cursor = _next(cursor, unit)
        except OverflowError:  # the calendar's last column
            break
    events: dict[dt.date, list[EventView]] = {}
    keyed: set[dt.date] = set()
    for view in views:
        value = parsed[view.id]
        if value is None or not _fits(value, unit) or not span[0] <= value.first <= span[1]:
            continue
        start = _bin(value.first, unit)
        events.setdefault(start, []).append(view)
        if view.id in key:
            keyed.add(start)
    articles = Counter(_bin(d, unit) for d in published if span[0] <= d <= span[1])
    most_events = max((len(v) for v in events.values()), default=0) or 1
    most_articles = max(articles.values(), default=0) or 1
    columns = tuple(
        Column(
            label=_column_label(start, unit),
            events=len(events.get(start, ())),
            articles=articles.get(start, 0),
            key=start in keyed,
            href=next(filter(None, map(place, events.get(start, ()))), None),
            x=i * BAR,
            event_y=TOP - (TOP - KEY_STRIP - 2) * len(events.get(start, ())) / most_events,
            article_height=(HEIGHT - BOTTOM) * articles.get(start, 0) / most_articles,
        )
        for i, start in enumerate(starts)
    )
    busiest = max(columns, key=lambda c: (c.events, -c.x)) if columns else None
    return Overview(
        published=published_text,
        unit=str(unit),
        columns=columns,
        start_label=columns[0].label if columns else "",
        end_label=columns[-1].label if columns else "",
        busiest=busiest if busiest and busiest.events else None,
        width=len(columns) * BAR,
    )
