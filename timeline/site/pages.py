"""The site's pages and export files for one Timeline: which exist, their titles, contexts.

Paths are relative to the plugin's prefix; the plugin turns them into mkdocs files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from timeline.site import articles as article_data
from timeline.site import chapters, context, exports, feed, grouping, ical
from timeline.site.attribution import UNKNOWN_PUBLISHER
from timeline.site.layout import INDEX, Layout, Node, TimelinePage, plan_pages
from timeline.site.links import Links
from timeline.site.options import SiteOptions
from timeline.site.search import SearchEntry, event_text
from timeline.site.story import navigation, story_overview
from timeline.types import Status, Timeline

KEY_EVENTS = "key-events.md"
KEY_SHOWN = 5
"""Key events the overview lists (the key-events page has them all): on a phone the first
screen shows the story's title, these and the chart."""
SOURCES = "sources/index.md"
ENTITIES = "entities/index.md"
ATTENTION = "attention.md"
NAV = (
    ("Timeline", INDEX),
    ("Key events", KEY_EVENTS),
    ("Sources", SOURCES),
    ("People, organisations, places", ENTITIES),
    ("Needs attention", ATTENTION),
)
EXPORTS = (
    ("Events (JSON)", "events.json"),
    ("TimelineJS", "timeline.json"),
    ("Calendar (iCal)", "timeline.ics"),
    ("Atom feed", "feed.xml"),
    ("Build report", "report.json"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class TocEntry:
    """A heading the search plugin indexes as its own result."""

    id: str
    title: str
    level: int
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PageSpec:
    path: str
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    toc: tuple[TocEntry, ...] = ()
    search: tuple[SearchEntry, ...] = ()  # what the page contributes to the search index


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteData:
    pages: tuple[PageSpec, ...]
    views: tuple[context.EventView, ...]
    on_timeline: tuple[context.EventView, ...]  # all but those dated far from the coverage
    key_ids: frozenset[str] = frozenset()  # the key events
    title: str


def inert_title(text: str) -> str:
    """A title safe to hand to any mkdocs theme, even one that does not escape it.

    Angle brackets and double quotes become look-alike punctuation; our own templates
    show the exact text, escaped, in the page body.
    """
    return text.replace("<", "‹").replace(">", "›").replace('"', "”").strip() or "Untitled"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _entry(title: str, text: str, anchor: str = "") -> SearchEntry:
    """Search entries are inert like titles: some themes' search scripts insert them as HTML."""
    return SearchEntry(anchor=anchor, title=inert_title(title), text=inert_title(text))


def _event_entries(views: Iterable[context.EventView]) -> tuple[SearchEntry, ...]:
    return tuple(_entry(f"{v.headline} ({v.label})", event_text(v), v.id) for v in views)


def _toc(
    nodes: tuple[Node, ...], events: tuple[context.EventView, ...], level: int
) -> tuple[TocEntry, ...]:
    """The headings of a timeline page, for themes that show a table of contents."""
    entries = [
        TocEntry(id=e.id, title=inert_title(f"{e.headline} ({e.label})"), level=level)
        for e in events
    ]
    for node in nodes:
        inner = _toc(node.children, node.events, level + 1)
        entries.append(
            TocEntry(id=node.anchor, title=inert_title(node.label), level=level, children=inner)
        )
    return tuple(entries)


def _filters(views: tuple[context.EventView, ...]) -> dict[str, Any]:
    """What the filter form of a page of events offers: the entities and sources of its
    events (`grouping.filter_options`, the one list of both) and their dates."""
    entity_options, source_options = grouping.filter_options(views)
    return {
        "entity_options": entity_options,
        "source_options": source_options,
        "first": min((v.first for v in views if v.first), default=""),
        "last": max((v.last for v in views if v.last), default=""),
    }


@dataclass(frozen=True, slots=True, kw_only=True)
class _Story:
    """The events of a build, placed: the calendar, its pages, the key events."""

    views: tuple[context.EventView, ...]
    calendar: chapters.Calendar
    layout: Layout
    key: tuple[context.EventView, ...]
    published: list[dt.date]


def _place_events(timeline: Timeline, options: SiteOptions) -> _Story:
    """Lay the events out on pages, then give each its home (the layout does not depend
    on homes, so the second layout is the first with homed events)."""
    views = context.event_views(timeline)
    key_ids = frozenset(v.id for v in _key_events(timeline, views, options))
    published = sorted(
        a.published.date
        for a in timeline.articles
        if a.published.date is not None and a.status is not Status.SKIPPED
    )
    window = chapters.coverage_window(published)
    homes = plan_pages(chapters.calendar(views, window, key_ids), ATTENTION).homes
    views = tuple(replace(v, home=homes.get(v.id, INDEX)) for v in views)
    calendar = chapters.calendar(views, window, key_ids)
    return _Story(
        views=views,
        calendar=calendar,
        layout=plan_pages(calendar, ATTENTION),
        key=_key_events(timeline, views, options),
        published=published,
    )


def _key_events(
    timeline: Timeline, views: tuple[context.EventView, ...], options: SiteOptions
) -> tuple[context.EventView, ...]:
    """The given key events, else those of the key days of the salience ranking."""
    if options.key_event_ids:
        return grouping.key_events(views, options.key_event_ids)
    return context.key_event_views(
        timeline, views, grouping.KEY_EVENT_COUNT, grouping.KEY_SENTENCES
    )


def _date_page(
    page: TimelinePage, common: dict[str, Any], search: tuple[SearchEntry, ...]
) -> PageSpec:
    level = 2
    return PageSpec(
        path=page.path,
        title=inert_title(page.title),
        template="dates.html",
        context={**common, "tl": page, **_filters(page.listed)},
        toc=_toc(page.nodes, page.events, level),
        search=(_entry(page.title, _plural(len(page.listed), "event")), *search),
    )


def _article_pages(
    articles: tuple[article_data.ArticleView, ...], common: dict[str, Any]
) -> Iterator[PageSpec]:
    """A page per article, and per part of a long one (`parts.py`)."""
    for article in articles:
        for part in range(1, len(article.starts) + 1):
            view = replace(article, part=part)
            title = article.title if part == 1 else f"{article.title} (part {part})"
            count = _plural(len(article.events), "event")
            yield PageSpec(
                path=view.here,
                title=inert_title(title),
                template="article.html",
                context={**common, "article": view},
                search=(_entry(title, f"{article.publisher}, {article.published}: {count}"),),
            )


def site_data(timeline: Timeline, options: SiteOptions) -> SiteData:
    """Every page of the site with the data its template needs."""
    story = _place_events(timeline, options)
    views, calendar, layout, key = story.views, story.calendar, story.layout, story.key
    articles = article_data.article_views(timeline, views)
    entities = grouping.entity_pages(views)
    attention = article_data.attention(timeline, articles, views, calendar.far)
    report = exports.report_dict(timeline, options.build_date)
    n_inputs = len({a.path for a in timeline.articles})
    common = {"nav": NAV, "exports": EXPORTS, "site_name": options.site_name}
    at_home: dict[str, list[context.EventView]] = {}
    for view in views:
        at_home.setdefault(view.home, []).append(view)
    listed = layout.story.listed
    summary = f"{_plural(len(views), 'event')} from {_plural(len(articles), 'article')}"
    pages = [
        PageSpec(
            path=INDEX,
            title=inert_title(options.site_name),
            template="timeline.html",
            context={
                **common,
                **_filters(listed),
                "tl": layout.story,
                "overview": story_overview(
                    calendar, layout, story.published, frozenset(v.id for v in key)
                ),
                "chapters": navigation(calendar, layout),
                "far": len(calendar.far),
                "count": len(views),
                "n_articles": len(articles),
                "attention_total": attention.total,
                "key": key,
                "key_shown": KEY_SHOWN,
            },
            toc=_toc(layout.story.nodes, (), 2),
            search=(_entry(options.site_name, summary), *_event_entries(at_home.get(INDEX, ()))),
        ),
        *(_date_page(p, common, _event_entries(at_home.get(p.path, ()))) for p in layout.pages),
        PageSpec(
            path=KEY_EVENTS,
            title="Key events",
            template="key_events.html",
            context={**common, "events": key, "chosen": bool(options.key_event_ids)},
            search=(_entry("Key events", _plural(len(key), "key event")),),
        ),
        PageSpec(
            path=SOURCES,
            title="Sources",
            template="sources.html",
            context={
                **common,
                "articles": articles,
                "report": report,
                "n_inputs": n_inputs,
                "unknown_publisher": UNKNOWN_PUBLISHER,
            },
            search=(
                _entry(
                    "Sources",
                    f"{_plural(len(articles), 'article')} from {_plural(n_inputs, 'input file')}",
                ),
            ),
        ),
        PageSpec(
            path=ENTITIES,
            title="People, organisations and places",
            template="entities.html",
            context={
                **common,
                "groups": tuple(
                    (title, tuple(p for p in entities if p.ref.kind == kind))
                    for kind, title in context.KIND_TITLES
                ),
            },
            search=(
                _entry("People, organisations and places", _plural(len(entities), "entity page")),
            ),
        ),
        PageSpec(
            path=ATTENTION,
            title="Needs attention",
            template="attention.html",
            context={**common, "attention": attention, "report": report, "window": calendar.window},
            search=(
                _entry("Needs attention", _plural(attention.total, "item")),
                *_event_entries(at_home.get(ATTENTION, ())),
            ),
        ),
    ]
    pages.extend(_article_pages(articles, common))
    pages.extend(
        PageSpec(
            path=p.ref.page or "",
            title=inert_title(p.ref.text),
            template="entity.html",
            context={**common, "entity": p},
            search=(_entry(p.ref.text, f"{p.ref.kind}: {_plural(p.total, 'event')}"),),
        )
        for p in entities
    )
    on_timeline = tuple(v for v in views if v.home != ATTENTION)
    return SiteData(
        pages=tuple(pages),
        views=views,
        on_timeline=on_timeline,
        key_ids=frozenset(v.id for v in key),
        title=options.site_name,
    )


def export_files(
    timeline: Timeline, data: SiteData, options: SiteOptions, links: Links, *, robots: bool = False
) -> dict[str, bytes]:
    """Export file name -> bytes, all derived from the same event views as the pages."""
    files = {
        "events.json": exports.events_json(timeline),
        "timeline.json": exports.dump_json(
            exports.timelinejs(data.title, data.on_timeline, data.key_ids)
        ),
        "timeline.ics": ical.calendar(data.title, data.views, options.build_date, links.absolute),
        "feed.xml": feed.atom_feed(data.title, data.views, options, links),
        "report.json": exports.report_json(timeline, options.build_date),
    }
    if robots:
        files["robots.txt"] = robots_txt(links.root)
    return files


def robots_txt(root: str | None) -> bytes:
    """Every page may be crawled; the sitemap is named when there is one (it needs the
    site's public address, so a site without `site_url` has none)."""
    lines = ["User-agent: *", "Allow: /"]
    if root is not None:
        lines.append(f"Sitemap: {root}sitemap.xml")
    return ("\n".join(lines) + "\n").encode()
