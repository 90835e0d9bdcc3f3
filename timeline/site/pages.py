"""The site's pages and export files for one Timeline: which exist, their titles, contexts.

Paths are relative to the plugin's prefix; the plugin turns them into mkdocs files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from timeline.types import Timeline
from timeline.site import articles as article_data
from timeline.site import calendar, context, exports, feed, grouping
from timeline.site.options import SiteOptions
from timeline.site.search import SearchEntry, event_text

INDEX = "index.md"
KEY_EVENTS = "key-events.md"
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


def _event_entries(views: tuple[context.EventView, ...]) -> tuple[SearchEntry, ...]:
    return tuple(_entry(f"{v.headline} ({v.label})", event_text(v), v.id) for v in views)


def _index_toc(years: tuple[grouping.YearGroup, ...]) -> tuple[TocEntry, ...]:
    return tuple(
        TocEntry(
            id=year.anchor,
            title=inert_title(year.label),
            level=2,
            children=tuple(
                TocEntry(
                    id=month.anchor,
                    title=inert_title(month.label),
                    level=3,
                    children=tuple(
                        TocEntry(id=e.id, title=inert_title(f"{e.headline} ({e.label})"), level=4)
                        for e in month.events
                    ),
                )
                for month in year.months
            ),
        )
        for year in years
    )


def site_data(timeline: Timeline, options: SiteOptions) -> SiteData:
    """Every page of the site with the data its template needs."""
    views = context.event_views(timeline)
    years = grouping.group_by_year_and_month(views)
    key = (
        grouping.key_events(views, options.key_event_ids)
        if options.key_event_ids
        else context.key_event_views(
            timeline, views, grouping.KEY_EVENT_COUNT, grouping.KEY_SENTENCES
        )
    )
    articles = article_data.article_views(timeline, views)
    entities = grouping.entity_pages(views)
    attention = article_data.attention(timeline, articles, views)
    entity_options, source_options = grouping.filter_options(views)
    report = exports.report_dict(timeline, options.build_date)
    common = {"nav": NAV, "exports": EXPORTS, "site_name": options.site_name}
    pages = [
        PageSpec(
            path=INDEX,
            title=inert_title(options.site_name),
            template="timeline.html",
            context={
                **common,
                "years": years,
                "count": len(views),
                "n_articles": len(articles),
                "entity_options": entity_options,
                "source_options": source_options,
                "first": min((v.first for v in views if v.first), default=""),
                "last": max((v.last for v in views if v.last), default=""),
                "attention_total": attention.total,
                "key": key,
            },
            toc=_index_toc(years),
            search=(
                _entry(
                    options.site_name,
                    f"{_plural(len(views), 'event')} from {_plural(len(articles), 'input file')}",
                ),
                *_event_entries(views),
            ),
        ),
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
            context={**common, "articles": articles, "report": report},
            search=(_entry("Sources", _plural(len(articles), "input file")),),
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
            context={**common, "attention": attention, "report": report},
            search=(_entry("Needs attention", _plural(attention.total, "item")),),
        ),
    ]
    pages.extend(
        PageSpec(
            path=a.page,
            title=inert_title(a.title),
            template="article.html",
            context={**common, "article": a},
            search=(
                _entry(a.title, f"{a.publisher}, {a.published}: {_plural(len(a.events), 'event')}"),
            ),
        )
        for a in articles
    )
    pages.extend(
        PageSpec(
            path=p.ref.page or "",
            title=inert_title(p.ref.text),
            template="entity.html",
            context={**common, "entity": p},
            search=(_entry(p.ref.text, f"{p.ref.kind}: {_plural(len(p.events), 'event')}"),),
        )
        for p in entities
    )
    return SiteData(pages=tuple(pages), views=views, title=options.site_name)


def export_files(
    timeline: Timeline,
    data: SiteData,
    options: SiteOptions,
    page_url: str | None,
    feed_url: str | None,
) -> dict[str, bytes]:
    """Export file name -> bytes, all derived from the same event views as the pages."""
    return {
        "events.json": exports.events_json(timeline),
        "timeline.json": exports.dump_json(exports.timelinejs(data.title, data.views)),
        "timeline.ics": calendar.calendar(data.title, data.views, options.build_date, page_url),
        "feed.xml": feed.atom_feed(data.title, data.views, options.build_date, page_url, feed_url),
        "report.json": exports.report_json(timeline, options.build_date),
    }
