"""How events are arranged for reading: by year and month, key events, entity pages, filters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from timeline.types import Granularity
from timeline.site.context import EntityRef, EventView, slugify
from timeline.site.dates import date_label, parse_value

KEY_EVENT_COUNT = 10  # key days, as `extract --top-dates 10`
KEY_SENTENCES = 1  # sentences telling each, as `--sentences-per-date 1`


@dataclass(frozen=True, slots=True, kw_only=True)
class MonthGroup:
    anchor: str
    label: str
    events: tuple[EventView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class YearGroup:
    anchor: str
    label: str
    months: tuple[MonthGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(m.events) for m in self.months)


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityPage:
    ref: EntityRef
    events: tuple[EventView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Option:
    key: str
    label: str
    count: int


def _group_keys(view: EventView) -> tuple[tuple[str, str], tuple[str, str]]:
    """(year anchor, label), (month anchor, label) for an event.

    Periods coarser than a month sit at the top of their year ("Across 2015"); periods
    coarser than a year get their own group ("the 2010s"); undated values go last.
    """
    parsed = parse_value(view.value)
    if parsed is None:
        return ("undated", "Undated"), ("undated-all", "Not placed on the calendar")
    year, rank = parsed.first.year, parsed.granularity.rank
    if rank < Granularity.YEAR.rank:
        label = date_label(view.value)
        return (f"p{view.value}", label), (f"p{view.value}-all", f"Across {label}")
    if rank < Granularity.MONTH.rank:
        return (f"y{year}", str(year)), (f"y{year}-all", f"Across {year}")
    month = parsed.first.month
    return (f"y{year}", str(year)), (f"m{year}-{month:02d}", date_label(f"{year}-{month:02d}"))


def group_by_year_and_month(views: tuple[EventView, ...]) -> tuple[YearGroup, ...]:
    """Group chronologically ordered events, keeping their order inside each group."""
    years: dict[tuple[str, str], dict[tuple[str, str], list[EventView]]] = {}
    for view in views:
        year_key, month_key = _group_keys(view)
        years.setdefault(year_key, {}).setdefault(month_key, []).append(view)
    return tuple(
        YearGroup(
            anchor=anchor,
            label=label,
            months=tuple(
                MonthGroup(anchor=m_anchor, label=m_label, events=tuple(events))
                for (m_anchor, m_label), events in months.items()
            ),
        )
        for (anchor, label), months in years.items()
    )


def key_events(views: tuple[EventView, ...], key_ids: tuple[str, ...]) -> tuple[EventView, ...]:
    """The events named by id (the plugin's `key_events`), in date order."""
    wanted = set(key_ids)
    return tuple(v for v in views if v.id in wanted)


def entity_pages(views: tuple[EventView, ...]) -> tuple[EntityPage, ...]:
    by_slug: dict[str, tuple[EntityRef, list[EventView]]] = {}
    for view in views:
        for ref in view.entities:
            if ref.slug is not None:
                by_slug.setdefault(ref.slug, (ref, []))[1].append(view)
    return tuple(
        EntityPage(ref=ref, events=tuple(events))
        for ref, events in sorted(
            by_slug.values(), key=lambda p: (p[0].kind, p[0].text.lower(), p[0].slug or "")
        )
    )


def filter_options(views: tuple[EventView, ...]) -> tuple[tuple[Option, ...], tuple[Option, ...]]:
    """Entity and source choices for the timeline filters, most frequent first."""
    entities: Counter[tuple[str, str]] = Counter()
    sources: Counter[tuple[str, str]] = Counter()
    for view in views:
        entities.update((e.slug, e.text) for e in view.entities if e.slug)
        sources.update({(slugify(c.publisher), c.publisher) for c in view.citations})

    def options(counter: Counter[tuple[str, str]]) -> tuple[Option, ...]:
        ordered = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0][1].lower(), kv[0][0]))
        return tuple(Option(key=k, label=label, count=n) for (k, label), n in ordered)

    return options(entities), options(sources)
