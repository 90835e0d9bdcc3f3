"""The story's own page: how a reader gets from the overview to any date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline.site import chapters
from timeline.site.context import EventView
from timeline.site.layout import INDEX, Layout
from timeline.site.overview import Overview, overview


@dataclass(frozen=True, slots=True, kw_only=True)
class NavEntry:
    """A chapter (or a month of one) in the story's navigation by date."""

    label: str
    count: int
    target: str  # page, or page#anchor
    substantial: bool  # a button; the others are listed quietly
    months: tuple[NavEntry, ...] = ()


def navigation(calendar: chapters.Calendar, layout: Layout) -> tuple[NavEntry, ...]:
    """Every chapter; the months of the years of substance when they have pages."""
    entries = []
    for chapter in calendar.chapters:
        target = layout.places.get(chapter.anchor, INDEX)
        substantial = calendar.substantial(chapter)
        months: tuple[NavEntry, ...] = ()
        if layout.split and substantial and len(chapter.months) > 1:
            months = tuple(
                NavEntry(
                    label=m.label.split(" ", 1)[0],
                    count=m.count,
                    target=layout.places.get(m.anchor, target),
                    substantial=True,
                )
                for m in chapter.months
            )
        entries.append(
            NavEntry(
                label=chapter.label,
                count=chapter.count,
                target=target,
                substantial=substantial,
                months=months,
            )
        )
    return tuple(entries)


def place_of(layout: Layout, view: EventView) -> str:
    """Where a reader finds an event among its date's events: the heading of its day (or
    week, or month) where there is one, else the event itself."""
    for anchor in chapters.anchors_of(view):
        target = layout.places.get(anchor)
        if target is not None:
            return target
    return f"{view.home}#{view.id}"


def story_overview(
    calendar: chapters.Calendar,
    layout: Layout,
    published: list[dt.date],
    key: frozenset[str],
) -> Overview:
    """The overview of the events on the calendar (those far from the coverage left out)."""
    views = tuple(
        e
        for c in calendar.chapters
        for e in (
            *(c.across.events if c.across else ()),
            *(e for m in c.months for e in m.events),
        )
    )
    return overview(views, published, key, lambda v: place_of(layout, v))
