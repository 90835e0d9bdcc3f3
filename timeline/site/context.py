"""What the templates show about events, as plain frozen data: no HTML, no mkdocs, no I/O.

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

from timeline.types import Article, Entity, Event, EventMention, Timeline
from timeline.site.dates import date_label, day_label, html_datetime, parse_value
from timeline.types import date_order

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


# Names mkdocs gives a folder's own page (`sources/index.md` lists the sources): an article
# with such an id must not take it.
_FOLDER_PAGES = frozenset({"index", "readme"})


def page_slug(article_id: str) -> str:
    """Article ids are usually file-name safe already; others, and ids that are the name of
    a folder's own page, get a slug plus a hash (the id itself is kept everywhere else)."""
    safe = _SAFE_ID.fullmatch(article_id) and len(article_id) <= 100
    if safe and article_id.lower() not in _FOLDER_PAGES:
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
    start: int  # where the sentence starts in the article text
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


@dataclass(frozen=True, slots=True, kw_only=True)
class _Source:
    """What every citation of one article shows about it (worked out once per article)."""

    page: str
    publisher: str
    title: str
    published: str
    published_iso: str | None
    url: str | None


def _source(article_id: str, article: Article | None) -> _Source:
    day = article.published.date if article else None
    return _Source(
        page=article_page(article_id),
        publisher=publisher_name(article),
        title=article_title(article) if article else article_id,
        published=published_label(article),
        published_iso=day.isoformat() if day else None,
        url=safe_url(article.url) if article else None,
    )


def _citation(mention: EventMention, event: Event, source: _Source) -> Citation:
    return Citation(
        article_id=mention.article,
        page=source.page,
        publisher=source.publisher,
        title=source.title,
        published=source.published,
        published_iso=source.published_iso,
        url=source.url,
        sentence=mention.sentence,
        start=mention.start,
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
    event: Event,
    articles: dict[str, Article],
    slugs: dict[tuple[str, str], str],
    sources: dict[str, _Source] | None = None,
) -> EventView:
    """`sources` remembers each article's citation fields across the events of one build."""
    sources = {} if sources is None else sources
    mentions = sorted(event.mentions, key=_mention_order(articles))
    for m in mentions:
        if m.article not in sources:
            sources[m.article] = _source(m.article, articles.get(m.article))
    citations = tuple(_citation(m, event, sources[m.article]) for m in mentions)
    primary = next((m for m in mentions if m.date == event.date), mentions[0] if mentions else None)
    parsed = parse_value(event.date)
    dates = sorted({event.date, *event.conflict_dates}, key=date_order) if event.conflict else []
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
    mine, theirs = parse_value(value), parse_value(event_value)
    if mine is None or theirs is None:
        return value == event_value
    return mine.compatible(theirs)


def event_views(timeline: Timeline) -> tuple[EventView, ...]:
    """All events, chronological at their real granularity; ties broken by id for stability."""
    articles = {a.id: a for a in timeline.articles}
    slugs = entity_slugs(timeline.events)
    events = sorted(timeline.events, key=lambda e: (date_order(e.date), e.id))
    sources: dict[str, _Source] = {}
    return tuple(event_view(e, articles, slugs, sources) for e in events)
