"""How events are gathered for reading: key events, entity pages, filter choices (the
calendar of dates is `chapters.py`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from timeline.site.context import EntityRef, EventView, slugify

KEY_EVENT_COUNT = 10  # key days, as `extract --top-dates 10`
KEY_SENTENCES = 1  # sentences telling each, as `--sentences-per-date 1`


ENTITY_EVENTS = 300
"""Most events an entity page lists: those with most sources, in date order. The place a
story is about is in most of its events; its page lists the best-attested ones, and search
finds every event by the name."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityPage:
    ref: EntityRef
    events: tuple[EventView, ...]  # in date order
    total: int  # events it is in; more than `events` when the page lists only the top ones


@dataclass(frozen=True, slots=True, kw_only=True)
class Option:
    key: str
    label: str
    count: int


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
        EntityPage(ref=ref, events=_best_attested(events), total=len(events))
        for ref, events in sorted(
            by_slug.values(), key=lambda p: (p[0].kind, p[0].text.lower(), p[0].slug or "")
        )
    )


def _best_attested(events: list[EventView]) -> tuple[EventView, ...]:
    if len(events) <= ENTITY_EVENTS:
        return tuple(events)
    ranked = sorted(range(len(events)), key=lambda i: (-events[i].n_sources, i))
    return tuple(events[i] for i in sorted(ranked[:ENTITY_EVENTS]))


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
