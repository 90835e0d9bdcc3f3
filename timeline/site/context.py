"""What the templates show, as plain frozen data: no HTML, no mkdocs, no I/O.

Every decision about presentation (labels, grouping, ordering, which links are safe) is
made here, so templates stay dumb and the decisions are testable without a build.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from timeline.model import Article, DateValue, Entity, Event, EventMention, Granularity, Timeline
from timeline.site.dates import date_label, day_label, html_datetime, sort_key

KEY_EVENT_COUNT = 10
_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
KIND_TITLES = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"))
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays text."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return url
    return None


def slugify(text: str) -> str:
    """ASCII, lowercase, hyphenated; a short hash stands in when nothing ASCII is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or short_hash(text)


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:8]


def page_slug(article_id: str) -> str:
    """Article ids are usually file-name safe already; others get a slug plus a hash."""
    if _SAFE_ID.fullmatch(article_id) and len(article_id) <= 100:
        return article_id
    return f"{slugify(article_id)}-{short_hash(article_id)}"


def article_page(article_id: str) -> str:
    return f"sources/{page_slug(article_id)}.md"


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityRef:
    text: str
    label: str
    kind: str  # person, organisation, place, other
    slug: str | None  # None: no entity page for this kind

    @property
    def page(self) -> str | None:
        return None if self.slug is None else f"entities/{self.slug}.md"


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    article_id: str
    page: str
    publisher: str
    title: str
    published: str  # label
    published_iso: str | None
    url: str | None
    sentence: str
    date: str
    date_label: str
    date_differs: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class EventView:
    id: str
    value: str
    label: str
    datetime: str | None
    first: str
    last: str
    headline: str
    sentence: str
    entities: tuple[EntityRef, ...]
    citations: tuple[Citation, ...]
    n_sources: int
    n_agree: int  # sources whose own date fits the event's date
    conflict: bool
    conflict_labels: tuple[str, ...]
    source_keys: tuple[str, ...]

    @property
    def entity_keys(self) -> tuple[str, ...]:
        return tuple(e.slug for e in self.entities if e.slug)


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


def publisher_name(article: Article | None) -> str:
    if article is None or not article.publisher:
        return "Unknown publisher"
    return article.publisher


def article_title(article: Article) -> str:
    return article.title or article.path.rsplit("/", 1)[-1] or article.id


def published_label(article: Article | None) -> str:
    if article is None or article.published.date is None:
        return "date unknown"
    return day_label(article.published.date)


def entity_refs(
    entities: tuple[Entity, ...], slugs: dict[tuple[str, str], str]
) -> tuple[EntityRef, ...]:
    seen: dict[tuple[str, str], EntityRef] = {}
    for entity in entities:
        kind = _KINDS.get(entity.label, "other")
        key = (kind, entity.text)
        if key not in seen:
            seen[key] = EntityRef(
                text=entity.text, label=entity.label, kind=kind, slug=slugs.get(key)
            )
    return tuple(seen.values())


def entity_slugs(events: tuple[Event, ...]) -> dict[tuple[str, str], str]:
    """Slugs for every (kind, text), independent of order; colliding slugs get a hash."""
    keys = sorted(
        {
            (_KINDS[e.label], e.text)
            for ev in events
            for e in _event_entities(ev)
            if e.label in _KINDS
        }
    )
    base = {key: f"{key[0]}-{slugify(key[1])}" for key in keys}
    counts = Counter(base.values())
    return {
        key: slug if counts[slug] == 1 else f"{slug}-{short_hash(key[1])}"
        for key, slug in base.items()
    }


def _event_entities(event: Event) -> tuple[Entity, ...]:
    if event.entities:
        return event.entities
    return tuple(e for m in event.mentions for e in m.entities)


def _citation(mention: EventMention, event: Event, articles: dict[str, Article]) -> Citation:
    article = articles.get(mention.article)
    return Citation(
        article_id=mention.article,
        page=article_page(mention.article),
        publisher=publisher_name(article),
        title=article_title(article) if article else mention.article,
        published=published_label(article),
        published_iso=article.published.date.isoformat()
        if article and article.published.date
        else None,
        url=safe_url(article.url) if article else None,
        sentence=mention.sentence,
        date=mention.date,
        date_label=date_label(mention.date),
        date_differs=mention.date != event.date,
    )


def _mention_order(articles: dict[str, Article]) -> Callable[[EventMention], tuple[str, str, int]]:
    """Earliest publication first, so the first citation is the first report."""

    def key(mention: EventMention) -> tuple[str, str, int]:
        article = articles.get(mention.article)
        published = (
            article.published.date.isoformat() if article and article.published.date else "9"
        )
        return (published, mention.article, mention.start)

    return key


def event_view(
    event: Event, articles: dict[str, Article], slugs: dict[tuple[str, str], str]
) -> EventView:
    mentions = sorted(event.mentions, key=_mention_order(articles))
    citations = tuple(_citation(m, event, articles) for m in mentions)
    primary = next((m for m in mentions if m.date == event.date), mentions[0] if mentions else None)
    parsed = DateValue.parse(event.date)
    dates = sorted({event.date, *event.conflict_dates}, key=sort_key) if event.conflict else []
    return EventView(
        id=event.id,
        value=event.date,
        label=date_label(event.date),
        datetime=html_datetime(event.date),
        first=parsed.first.isoformat() if parsed else "",
        last=parsed.last.isoformat() if parsed else "",
        headline=event.headline,
        sentence=primary.sentence if primary else "",
        entities=entity_refs(_event_entities(event), slugs),
        citations=citations,
        n_sources=len(event.articles),
        n_agree=len({m.article for m in mentions if _agrees(m.date, event.date)}),
        conflict=event.conflict,
        conflict_labels=tuple(date_label(d) for d in dates),
        source_keys=tuple(sorted({slugify(c.publisher) for c in citations})),
    )


def _agrees(value: str, event_value: str) -> bool:
    """A source agrees when its date is the event's date or lies inside it (or vice versa)."""
    mine, theirs = DateValue.parse(value), DateValue.parse(event_value)
    if mine is None or theirs is None:
        return value == event_value
    return mine.compatible(theirs)


def event_views(timeline: Timeline) -> tuple[EventView, ...]:
    """All events, chronological at their real granularity; ties broken by id for stability."""
    articles = {a.id: a for a in timeline.articles}
    slugs = entity_slugs(timeline.events)
    events = sorted(timeline.events, key=lambda e: (sort_key(e.date), e.id))
    return tuple(event_view(e, articles, slugs) for e in events)


def _group_keys(view: EventView) -> tuple[tuple[str, str], tuple[str, str]]:
    """(year anchor, label), (month anchor, label) for an event.

    Periods coarser than a month sit at the top of their year ("Across 2015"); periods
    coarser than a year get their own group ("the 2010s"); undated values go last.
    """
    parsed = DateValue.parse(view.value)
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
    """The given events, or else those cited by most sources; shown in date order."""
    if key_ids:
        wanted = set(key_ids)
        return tuple(v for v in views if v.id in wanted)
    ranked = sorted(views, key=lambda v: -v.n_sources)[:KEY_EVENT_COUNT]
    chosen = {v.id for v in ranked}
    return tuple(v for v in views if v.id in chosen)


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
