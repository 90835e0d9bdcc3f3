"""What the templates show about events, as plain frozen data: no HTML, no mkdocs, no I/O.

Every decision about presentation (labels, grouping, ordering, which links are safe) is
made here, so templates stay dumb and the decisions are testable without a build.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from timeline.site.attribution import (
    UNKNOWN_PUBLISHER,
    article_title,
    published_label,
    publisher_name,
    safe_url,
)
from timeline.site.dates import date_label, html_datetime, parse_value
from timeline.site.parts import part_of, part_page, part_starts
from timeline.timex.lang import ENGLISH
from timeline.types import Article, Entity, Event, EventMention, MergeLink, Timeline, date_order

_KINDS = {
    label: kind
    for kind, meaning in (
        ("person", "people"),
        ("organisation", "organisations"),
        ("place", "places"),
    )
    for label in ENGLISH.entities[meaning]
}
"""The kinds of entity that get a page, by the model's label (from the syntax data)."""
KIND_TITLES = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"))
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


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
    """One source of an event, cited once however many of its sentences report it."""

    article_id: str
    page: str
    publisher: str
    publisher_known: bool  # False: "Unknown publisher", which a citation need not repeat
    title: str
    published: str  # label
    published_iso: str | None
    url: str | None
    sentences: tuple[str, ...]  # the article's sentences that report the event, in text order
    start: int  # where the first of them starts in the article text
    differing: tuple[str, ...]  # labels of the dates it gives that are not the event's


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
    home: str = "index.md"  # the page that lists it in full (`layout.py`), with `#id`
    reasons: tuple[str, ...] = ()  # why its mentions were joined, one line per join

    @property
    def entity_keys(self) -> tuple[str, ...]:
        return tuple(e.slug for e in self.entities if e.slug)

    @property
    def quote(self) -> str:
        """The sentence as quoted under the headline: empty when the headline already is
        that sentence (most are), so an entry does not read the same words twice."""
        if " ".join(self.sentence.split()) == " ".join(self.headline.split()):
            return ""
        return self.sentence


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


def _citation(
    mentions: list[EventMention], event: Event, source: _Source, parts: tuple[int, ...]
) -> Citation:
    """The citation of one article, from its mentions of the event in text order; its page
    is the part of the article's page that holds the first of them."""
    differing = (date_label(m.date) for m in mentions if m.date != event.date)
    return Citation(
        article_id=mentions[0].article,
        page=part_page(source.page, part_of(parts, mentions[0].start)),
        publisher=source.publisher,
        publisher_known=source.publisher != UNKNOWN_PUBLISHER,
        title=source.title,
        published=source.published,
        published_iso=source.published_iso,
        url=source.url,
        sentences=tuple(dict.fromkeys(m.sentence for m in mentions)),
        start=mentions[0].start,
        differing=tuple(dict.fromkeys(differing)),
    )


def plain_citations(view: EventView) -> str:
    """An event's sources as lines of plain text ("- publisher: title (date) URL"), as the
    calendar and the feed write them."""
    return "\n".join(
        f"- {c.publisher}: {c.title} ({c.published})" + (f" {c.url}" if c.url else "")
        for c in view.citations
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
    parts: Mapping[str, tuple[int, ...]] | None = None,
) -> EventView:
    """`sources` remembers each article's citation fields across the events of one build;
    `parts` are where the pages of long articles are cut (`parts.py`)."""
    parts = {} if parts is None else parts
    sources = {} if sources is None else sources
    mentions = sorted(event.mentions, key=_mention_order(articles))
    for m in mentions:
        if m.article not in sources:
            sources[m.article] = _source(m.article, articles.get(m.article))
    by_article: dict[str, list[EventMention]] = {}
    for m in mentions:
        by_article.setdefault(m.article, []).append(m)
    citations = tuple(
        _citation(sorted(ms, key=lambda m: m.start), event, sources[aid], parts.get(aid, (0,)))
        for aid, ms in by_article.items()
    )
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
        n_sources=len(citations),
        n_agree=len({m.article for m in mentions if _agrees(m.date, event.date)}),
        conflict=event.conflict,
        conflict_labels=tuple(date_label(d) for d in dates),
        source_keys=tuple(sorted({slugify(c.publisher) for c in citations})),
        reasons=tuple(merge_reason(link, sources) for link in event.links),
    )


def merge_reason(link: MergeLink, sources: dict[str, _Source]) -> str:
    """One join of a merged event in words, for the editor who asks why ("Irish
    Independent and an unknown publisher: same date; both name John Kerry; both say
    meet; wording 40% alike")."""

    def who(article: str) -> str:
        found = sources.get(article)
        if found and found.publisher == UNKNOWN_PUBLISHER:
            return "an unknown publisher"
        return found.publisher if found else article

    a, b = who(link.first[0]), who(link.second[0])
    if a != b:
        pair = f"{a[:1].upper()}{a[1:]} and {b}"
    elif a == "an unknown publisher":
        pair = "two reports from unknown publishers"
    else:
        pair = f"two reports from {a}"
    parts = [pair, link.dates]
    if link.same_text:
        parts.append("the same text (a wire copy or a reused paragraph)")
    else:
        if link.shared_entities:
            parts.append("both name " + ", ".join(link.shared_entities))
        if link.shared_terms:
            parts.append("both say " + ", ".join(link.shared_terms))
        parts.append(f"wording {round(100 * link.similarity)}% alike")
    return parts[0] + ": " + "; ".join(parts[1:])


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
    parts = {r.article.id: part_starts(r.article.text, r.timexes) for r in timeline.results}
    return tuple(event_view(e, articles, slugs, sources, parts) for e in events)


def key_event_views(
    timeline: Timeline, views: tuple[EventView, ...], top_dates: int, sentences_per_date: int
) -> tuple[EventView, ...]:
    """The key days of the salience ranking (`extract --top-dates`, scored by `eval tls`),
    each shown as the timeline entry it links to, in date order: the event its best
    sentence belongs to, else that day's most cited event. The ranking may date a sentence
    to a day it names in passing ("claims last matched the weeks after 11 September 2001")
    or tell a day by another wording; the reader sees the entry's own date and headline, the
    same as on its date page. A key day no event tells keeps the ranking's sentence."""
    from timeline.rank.salience import select_key_events

    key = select_key_events(
        timeline.results, top_dates, sentences_per_date, sources=timeline.sources or None
    )
    articles = {a.id: a for a in timeline.articles}
    slugs = entity_slugs(timeline.events)
    shown = {v.id: v for v in views}
    by_mention = {(m.article, m.start): e.id for e in timeline.events for m in e.mentions}
    cited = {v.value: v for v in sorted(views, key=lambda v: v.n_sources)}
    found: dict[str, EventView] = {}
    for event in key:
        told = next(
            (by_mention[k] for m in event.mentions if (k := (m.article, m.start)) in by_mention),
            None,
        )
        view = shown.get(told or "") or cited.get(event.date)
        if view is None:
            view = event_view(event, articles, slugs)
        found.setdefault(view.id, view)
    return tuple(sorted(found.values(), key=lambda v: (date_order(v.value), v.id)))
