"""Which timeline pages exist and where each event lives, so that no page grows too big.

A small story is one page. A bigger one gets a page per chapter (a year), a chapter too
big for one page a page per month, and a date with many events (a day of 90 reports)
shows its most prominent few where it is listed, with a link to a page of its own that
lists them all (in parts, if even that is too big). The budget is an estimate of the
bytes of HTML an event's entry takes, so the limit holds for stories of thousands of
articles.

Each event has a home: the first page, in reading order, that lists it; its permalink
points there. A page also knows the events and dates it stands for but does not list
(`moved`), so a link made for another layout (`index.html#<id>`) still arrives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from timeline.site.chapters import Calendar, Chapter, Month, Section
from timeline.site.context import EventView

INDEX = "index.md"
FOLDER = "dates"
PAGE_BUDGET = 450_000
"""Estimated bytes of event entries per page; with the page around them and its filters,
a page stays well under 1 MB."""
TOPS = (8, 5, 3, 1)
"""How many events a long date shows where it is listed, tried in turn until a page fits."""


def weight(view: EventView) -> int:
    """An estimate of the bytes of an event's entry (measured on built pages, rounded up)."""
    text = len(view.headline) + len(view.sentence)
    cites = sum(300 + len(c.title) + len(c.publisher) for c in view.citations)
    tags = sum(150 + 2 * len(e.text) for e in view.entities)
    return 900 + 2 * text + cites + tags


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """A heading on a page and what is listed under it."""

    anchor: str
    label: str
    count: int  # events under it, listed here or not
    link: str | None = None  # its own page, when it is only a link here
    events: tuple[EventView, ...] = ()  # listed here
    more: int = 0  # events of this date not listed here ...
    more_link: str | None = None  # ... but on this page
    children: tuple[Node, ...] = ()

    @property
    def more_text(self) -> str:
        """The link to the rest of a date: "14 more on 20 April 2010", "5 more in the week
        of 26 April 2010", "7 more across April 2010" (events dated to the month alone)."""
        kind = self.anchor[:1]
        if kind in "au":  # "Across April 2010", "Undated"
            where = self.label[:1].lower() + self.label[1:]
        elif kind == "w":
            where = f"in the {self.label}"
        elif kind == "d":
            where = f"on {self.label}"
        else:  # a period coarser than a year
            where = f"in {self.label}"
        return f"{self.more} more {where}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Crumb:
    label: str
    path: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelinePage:
    path: str
    title: str
    kind: str  # story, chapter, month, date
    nodes: tuple[Node, ...] = ()
    events: tuple[EventView, ...] = ()  # listed without a heading of their own
    up: tuple[Crumb, ...] = ()  # the pages above it, outermost first
    previous: Crumb | None = None
    next: Crumb | None = None
    moved: tuple[tuple[str, str], ...] = ()  # (target page, space-separated ids) it stands for

    @property
    def total(self) -> int:
        """Every event the page stands for, listed here or on the pages it links to."""
        return len(self.events) + sum(n.count for n in self.nodes)

    @property
    def listed(self) -> tuple[EventView, ...]:
        """Every event listed on the page, in page order."""
        return (*self.events, *(e for n in self.nodes for e in _node_events(n)))


def _node_events(node: Node) -> Iterator[EventView]:
    yield from node.events
    for child in node.children:
        yield from _node_events(child)


def _node_anchors(node: Node) -> Iterator[str]:
    yield node.anchor
    for child in node.children:
        yield from _node_anchors(child)


@dataclass(frozen=True, slots=True, kw_only=True)
class Layout:
    story: TimelinePage  # what the story's own page (the index) lists
    pages: tuple[TimelinePage, ...]  # every other timeline page, in reading order
    homes: dict[str, str]  # event id -> page
    places: dict[str, str]  # heading anchor -> page#anchor, or the page it heads

    @property
    def split(self) -> bool:
        return bool(self.pages)


def page_path(slug: str) -> str:
    return f"{FOLDER}/{slug}.md"


def _shown(events: tuple[EventView, ...], top: int) -> tuple[EventView, ...]:
    """All of a date's events when they are few, else its `top` most prominent."""
    return events if len(events) <= top + top // 2 else events[:top]


def _cost(events: tuple[EventView, ...]) -> int:
    return sum(weight(v) for v in events)


def _month_cost(month: Month, top: int) -> int:
    if not month.busy:
        return _cost(month.events)
    return sum(_cost(_shown(s.events, top)) + 400 for s in month.sections)


def _chapter_cost(chapter: Chapter, top: int) -> int:
    across = _cost(_shown(chapter.across.events, top)) if chapter.across else 0
    return across + sum(_month_cost(m, top) for m in chapter.months)


def _parts(events: tuple[EventView, ...], budget: int) -> list[tuple[EventView, ...]]:
    """Consecutive runs of events that each fit the budget (one event at least)."""
    parts: list[list[EventView]] = [[]]
    used = 0
    for view in events:
        cost = weight(view)
        if parts[-1] and used + cost > budget:
            parts.append([])
            used = 0
        parts[-1].append(view)
        used += cost
    return [tuple(p) for p in parts]


def _month_scope(month: Month) -> Iterator[str]:
    yield month.anchor
    for section in month.sections:
        yield section.anchor
        yield from (v.id for v in section.events)


def _chapter_scope(chapter: Chapter) -> Iterator[str]:
    yield chapter.anchor
    if chapter.across is not None:
        yield chapter.across.anchor
        yield from (v.id for v in chapter.across.events)
    for month in chapter.months:
        yield from _month_scope(month)


@dataclass(slots=True)
class _Planner:
    """Fills in pages, homes and places in reading order."""

    budget: int
    pages: list[TimelinePage] = field(default_factory=list)
    homes: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    scopes: dict[str, list[str]] = field(default_factory=dict)  # page -> ids and anchors

    def claim(self, page: str, events: tuple[EventView, ...]) -> None:
        for view in events:
            self.homes.setdefault(view.id, page)

    def top_for(self, cost: Callable[[int], int]) -> int:
        """The most events per long date that keep a page within the budget."""
        return next((top for top in TOPS if cost(top) <= self.budget), TOPS[-1])

    def date_pages(self, section: Section, up: tuple[Crumb, ...]) -> str:
        """The pages of a long date, listing all its events; returns the first."""
        parts = _parts(section.events, self.budget)
        paths = [page_path(section.slug)]
        paths += [page_path(f"{section.slug}-{i}") for i in range(2, len(parts) + 1)]
        for i, events in enumerate(parts):
            many = len(parts) > 1
            self.pages.append(
                TimelinePage(
                    path=paths[i],
                    title=f"{section.label} ({i + 1} of {len(parts)})" if many else section.label,
                    kind="date",
                    events=events,
                    up=up,
                    previous=Crumb(label="Earlier part", path=paths[i - 1]) if i else None,
                    next=Crumb(label="Next part", path=paths[i + 1])
                    if i + 1 < len(parts)
                    else None,
                )
            )
            self.claim(paths[i], events)
            self.scopes[paths[i]] = [v.id for v in section.events]
        self.places.setdefault(section.anchor, paths[0])
        return paths[0]

    def section_node(
        self, section: Section, page: str, top: int, up: tuple[Crumb, ...], label: str = ""
    ) -> Node:
        shown = _shown(section.events, top)
        self.claim(page, shown)
        self.places.setdefault(section.anchor, f"{page}#{section.anchor}")
        more_link = self.date_pages(section, up) if len(shown) < len(section.events) else None
        return Node(
            anchor=section.anchor,
            label=label or section.label,
            count=len(section.events),
            events=shown,
            more=len(section.events) - len(shown),
            more_link=more_link,
        )

    def month_node(self, month: Month, page: str, top: int, up: tuple[Crumb, ...]) -> Node:
        self.places.setdefault(month.anchor, f"{page}#{month.anchor}")
        if not month.busy:
            self.claim(page, month.events)
            return Node(
                anchor=month.anchor, label=month.label, count=month.count, events=month.events
            )
        children = tuple(self.section_node(s, page, top, up) for s in month.sections)
        return Node(anchor=month.anchor, label=month.label, count=month.count, children=children)

    def chapter_nodes(
        self, chapter: Chapter, page: str, top: int, up: tuple[Crumb, ...]
    ) -> tuple[Node, ...]:
        """A year's across-section and months as listed on `page`."""
        nodes = []
        if chapter.across is not None:
            nodes.append(self.section_node(chapter.across, page, top, up))
        nodes.extend(self.month_node(m, page, top, up) for m in chapter.months)
        return tuple(nodes)

    def chapter_node(self, chapter: Chapter, page: str, top: int) -> Node:
        """A chapter listed in full on the story's page."""
        self.places.setdefault(chapter.anchor, f"{page}#{chapter.anchor}")
        if not chapter.is_year and chapter.across is not None:
            # a decade (or the undated events) has only its one date: no heading below it
            inner = self.section_node(chapter.across, page, top, (), label=chapter.label)
            return replace(inner, anchor=chapter.anchor)
        children = self.chapter_nodes(chapter, page, top, ())
        return Node(
            anchor=chapter.anchor, label=chapter.label, count=chapter.count, children=children
        )

    def chapter_page(
        self, chapter: Chapter, previous: Crumb | None, following: Crumb | None
    ) -> None:
        path = page_path(chapter.slug)
        self.places.setdefault(chapter.anchor, path)
        self.scopes[path] = list(_chapter_scope(chapter))
        up = (Crumb(label="Overview", path=INDEX),)
        inner = (*up, Crumb(label=chapter.label, path=path))
        if not chapter.is_year and chapter.across is not None:
            # a decade (or the undated events) is one date: its page lists them all
            self.date_pages(replace(chapter.across, slug=chapter.slug, label=chapter.label), up)
            return
        position = len(self.pages)
        self.pages.append(TimelinePage(path=path, title=chapter.label, kind="chapter"))
        if _chapter_cost(chapter, TOPS[0]) <= self.budget or len(chapter.months) <= 1:
            top = self.top_for(lambda t: _chapter_cost(chapter, t))
            nodes, events = self.chapter_nodes(chapter, path, top, inner), ()
        else:
            across: tuple[Node, ...] = ()
            if chapter.across is not None:
                across = (self.section_node(chapter.across, path, TOPS[0], inner),)
            for i, month in enumerate(chapter.months):
                self.month_page(month, chapter.months, i, inner)
            links = tuple(
                Node(anchor=m.anchor, label=m.label, count=m.count, link=page_path(m.slug))
                for m in chapter.months
            )
            nodes, events = across + links, ()
        self.pages[position] = TimelinePage(
            path=path,
            title=chapter.label,
            kind="chapter",
            nodes=nodes,
            events=events,
            up=up,
            previous=previous,
            next=following,
        )

    def month_page(
        self, month: Month, months: tuple[Month, ...], i: int, up: tuple[Crumb, ...]
    ) -> None:
        path = page_path(month.slug)
        self.places[month.anchor] = path
        self.scopes[path] = list(_month_scope(month))
        inner = (*up, Crumb(label=month.label, path=path))
        position = len(self.pages)
        self.pages.append(TimelinePage(path=path, title=month.label, kind="month"))
        nodes: tuple[Node, ...] = ()
        events: tuple[EventView, ...] = ()
        if month.busy:
            top = self.top_for(lambda t: _month_cost(month, t))
            nodes = tuple(self.section_node(s, path, top, inner) for s in month.sections)
        else:
            events = month.events
            self.claim(path, events)
        before = months[i - 1] if i else None
        after = months[i + 1] if i + 1 < len(months) else None
        self.pages[position] = TimelinePage(
            path=path,
            title=month.label,
            kind="month",
            nodes=nodes,
            events=events,
            up=up,
            previous=Crumb(label=before.label, path=page_path(before.slug)) if before else None,
            next=Crumb(label=after.label, path=page_path(after.slug)) if after else None,
        )

    def moved(self, page: TimelinePage) -> tuple[tuple[str, str], ...]:
        """The events and dates a page stands for but does not list: where each is."""
        here = {v.id for v in page.listed} | {a for n in page.nodes for a in _node_anchors(n)}
        targets: dict[str, list[str]] = {}
        for name in self.scopes.get(page.path, []):
            target = self.homes.get(name) or self.places.get(name)
            if name in here or target is None:
                continue
            target_page = target.partition("#")[0]
            if target_page != page.path:
                targets.setdefault(target_page, []).append(name)
        return tuple((t, " ".join(dict.fromkeys(names))) for t, names in targets.items())


def plan_pages(calendar: Calendar, attention: str, *, budget: int = PAGE_BUDGET) -> Layout:
    """The timeline's pages; events dated far from the coverage live on `attention`."""
    planner = _Planner(budget=budget)
    chapters = calendar.chapters
    story_nodes: tuple[Node, ...] = ()
    if sum(_chapter_cost(c, TOPS[0]) for c in chapters) <= budget:
        story_nodes = tuple(planner.chapter_node(c, INDEX, TOPS[0]) for c in chapters)
    else:
        crumbs = [Crumb(label=c.label, path=page_path(c.slug)) for c in chapters]
        for i, chapter in enumerate(chapters):
            following = crumbs[i + 1] if i + 1 < len(crumbs) else None
            planner.chapter_page(chapter, crumbs[i - 1] if i else None, following)
    planner.claim(attention, calendar.far)
    planner.scopes[INDEX] = [
        *(name for c in chapters for name in _chapter_scope(c)),
        *(v.id for v in calendar.far),
    ]
    story = TimelinePage(path=INDEX, title="", kind="story", nodes=story_nodes)
    return Layout(
        story=replace(story, moved=planner.moved(story)),
        pages=tuple(replace(p, moved=planner.moved(p)) for p in planner.pages),
        homes=dict(planner.homes),
        places=dict(planner.places),
    )
