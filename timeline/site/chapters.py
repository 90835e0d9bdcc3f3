"""The calendar a reader browses: chapters (years, or periods coarser than a year), months,
and inside busy months the dates themselves (a day, a week, "across the month").

Events dated far from the articles' publication dates (a historical aside, "the 2nd
century", a misread "2200") are set apart: they go to the Needs-attention page, not to a
chapter of their own, so the calendar stays the story's. Pure functions of event views.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from timeline.site.context import EventView
from timeline.site.dates import MONTHS, date_label, parse_value
from timeline.types import Granularity, date_order

FAR_YEARS = 10
"""Events whose whole period lies more than this many years before the first publication
or after the last one are "far from the coverage"."""
BUSY_MONTH = 12
"""A month with more events than this is shown by date (a section per day or week)."""
SUBSTANCE_SHARE = 0.01
SUBSTANCE_MIN = 3
"""A year has a button in the year navigation when it holds at least this many events and
at least this share of the story's; other years are listed more quietly."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """The events of one date: a day, a week, or a period "across" a month or a year."""

    anchor: str  # d2010-01-12, w2010-W02, a2010-01, a2010
    slug: str  # its page's file name, when it has a page: 2010-01-12, 2010-01-across
    label: str
    first: str  # first day it covers (ISO), for the chart and sorting
    events: tuple[EventView, ...]  # most prominent first


@dataclass(frozen=True, slots=True, kw_only=True)
class Month:
    anchor: str  # m2010-01
    slug: str  # 2010-01
    label: str  # January 2010
    sections: tuple[Section, ...]  # the period across the month first, then by date

    @property
    def count(self) -> int:
        return sum(len(s.events) for s in self.sections)

    @property
    def busy(self) -> bool:
        return self.count > BUSY_MONTH

    @property
    def events(self) -> tuple[EventView, ...]:
        """Every event of the month in date order (how a quiet month is listed)."""
        return tuple(e for s in sorted(self.sections, key=lambda s: s.first) for e in s.events)


@dataclass(frozen=True, slots=True, kw_only=True)
class Chapter:
    """A year, a period coarser than a year (a decade), or the undated events."""

    anchor: str  # y2010, p201, undated
    slug: str  # 2010, the-2010s, undated
    label: str
    across: Section | None  # events of the whole chapter, or of a part coarser than a month
    months: tuple[Month, ...]
    is_year: bool

    @property
    def count(self) -> int:
        return (len(self.across.events) if self.across else 0) + sum(m.count for m in self.months)


@dataclass(frozen=True, slots=True, kw_only=True)
class Calendar:
    chapters: tuple[Chapter, ...]
    far: tuple[EventView, ...]  # dated far from the coverage, in date order
    window: tuple[dt.date, dt.date] | None  # the dates that are not far, when known

    @property
    def count(self) -> int:
        return sum(c.count for c in self.chapters)

    def substantial(self, chapter: Chapter) -> bool:
        """A year with events of substance: a button in the year navigation."""
        need = max(SUBSTANCE_MIN, round(SUBSTANCE_SHARE * self.count))
        return chapter.is_year and chapter.count >= need


def coverage_window(published: Iterable[dt.date | None]) -> tuple[dt.date, dt.date] | None:
    """The dates within FAR_YEARS of the articles' publication dates (None: no dates)."""
    days = [d for d in published if d is not None]
    if not days:
        return None
    first, last = min(days), max(days)
    return _shift(first, -FAR_YEARS), _shift(last, FAR_YEARS)


def _shift(day: dt.date, years: int) -> dt.date:
    year = min(max(day.year + years, dt.MINYEAR), dt.MAXYEAR)
    return day.replace(year=year, day=min(day.day, 28))


def is_far(view: EventView, window: tuple[dt.date, dt.date] | None) -> bool:
    """True when the event's whole period lies outside the window; undated events never are."""
    if window is None or not view.first:
        return False
    return view.last < window[0].isoformat() or view.first > window[1].isoformat()


def prominence(
    view: EventView, key: Collection[str], reported: dict[str, str]
) -> tuple[bool, int, str, str]:
    """Order inside one date: key events, then the most sources, then the first reported."""
    return (view.id not in key, -view.n_sources, reported.get(view.id, "9"), view.id)


def _first_report(view: EventView) -> str:
    return min((c.published_iso for c in view.citations if c.published_iso), default="9")


def date_of(view: EventView) -> tuple[str, str, str, str]:
    """(anchor, slug, label, first day) of the date an event is listed under in a busy
    month: its day, its week, or the month as a whole."""
    parsed = parse_value(view.value)
    assert parsed is not None
    first, gran = parsed.first, parsed.granularity
    if gran is Granularity.DAY:
        day = first.isoformat()
        return f"d{day}", day, date_label(day), day
    if gran is Granularity.WEEK:
        year, week, _ = first.isocalendar()
        slug = f"{year:04d}-W{week:02d}"
        return f"w{slug}", slug, date_label(slug), first.isoformat()
    if gran is Granularity.MONTH:
        slug = f"{first.year:04d}-{first.month:02d}"
        return f"a{slug}", f"{slug}-across", f"Across {date_label(slug)}", first.isoformat()
    year_slug = f"{first.year:04d}"
    return f"a{year_slug}", f"{year_slug}-across", f"Across {year_slug}", first.isoformat()


def _chapter_of(view: EventView) -> tuple[str, str, str, bool]:
    """(anchor, slug, label, is a year) of an event's chapter."""
    parsed = parse_value(view.value)
    if parsed is None:
        return "undated", "undated", "Undated", False
    if parsed.granularity.rank < Granularity.YEAR.rank:
        label = date_label(view.value)
        return f"p{view.value}", _slug(label), label, False
    year = f"{parsed.first.year:04d}"
    return f"y{year}", year, str(parsed.first.year), True


def _slug(label: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in label.lower()).strip("-")


def month_of(view: EventView) -> str | None:
    """The month (YYYY-MM) an event is listed in: day, week and month values have one."""
    parsed = parse_value(view.value)
    if parsed is None or parsed.granularity.rank < Granularity.MONTH.rank:
        return None
    return f"{parsed.first.year:04d}-{parsed.first.month:02d}"


def _sections(
    views: list[EventView], key: Collection[str], reported: dict[str, str]
) -> tuple[Section, ...]:
    grouped: dict[tuple[str, str, str, str], list[EventView]] = {}
    for view in views:
        grouped.setdefault(date_of(view), []).append(view)
    # the period across the month (or year) before its days, then days and weeks by date
    ordered = sorted(grouped.items(), key=lambda kv: (not kv[0][0].startswith("a"), kv[0][3]))
    return tuple(
        Section(
            anchor=anchor,
            slug=slug,
            label=label,
            first=first,
            events=tuple(sorted(events, key=lambda v: prominence(v, key, reported))),
        )
        for (anchor, slug, label, first), events in ordered
    )


def _chapter(
    head: tuple[str, str, str, bool],
    views: list[EventView],
    key: Collection[str],
    reported: dict[str, str],
) -> Chapter:
    anchor, slug, label, is_year = head
    months: dict[str, list[EventView]] = {}
    across: list[EventView] = []
    for view in views:
        month = month_of(view) if is_year else None
        if month is None:
            across.append(view)
        else:
            months.setdefault(month, []).append(view)
    section = None
    if across:
        events = tuple(sorted(across, key=lambda v: (date_order(v.value), v.id)))
        section = Section(
            anchor=f"a{slug}" if is_year else f"{anchor}-all",
            slug=f"{slug}-across" if is_year else f"{slug}-all",
            label=f"Across {label}" if is_year else label,
            first=events[0].first,
            events=events,
        )
    return Chapter(
        anchor=anchor,
        slug=slug,
        label=label,
        across=section,
        months=tuple(
            Month(
                anchor=f"m{month}",
                slug=month,
                label=f"{MONTHS[int(month[5:]) - 1]} {month[:4]}",
                sections=_sections(events, key, reported),
            )
            for month, events in sorted(months.items())
        ),
        is_year=is_year,
    )


def calendar(
    views: tuple[EventView, ...],
    window: tuple[dt.date, dt.date] | None,
    key: Collection[str] = (),
) -> Calendar:
    """Chapters in date order (undated last) from chronologically ordered views."""
    reported = {v.id: _first_report(v) for v in views}
    kept = [v for v in views if not is_far(v, window)]
    heads: dict[tuple[str, str, str, bool], list[EventView]] = {}
    for view in kept:
        heads.setdefault(_chapter_of(view), []).append(view)
    chapters = [_chapter(head, events, key, reported) for head, events in heads.items()]
    chapters.sort(key=lambda c: (c.anchor == "undated", _chapter_start(c)))
    return Calendar(
        chapters=tuple(chapters),
        far=tuple(v for v in views if is_far(v, window)),
        window=window,
    )


def _chapter_start(chapter: Chapter) -> str:
    firsts = [s.first for m in chapter.months for s in m.sections]
    if chapter.across is not None:
        firsts.append(chapter.across.first)
    return min(firsts, default="")


def anchors_of(view: EventView) -> tuple[str, ...]:
    """The anchors of the headings an event is listed under, innermost first."""
    parsed = parse_value(view.value)
    if parsed is None:
        return ("undated",)
    month = month_of(view)
    if month is None:
        head = _chapter_of(view)
        return (f"a{head[1]}", head[0]) if head[3] else (head[0],)
    return (date_of(view)[0], f"m{month}", f"y{month[:4]}")
