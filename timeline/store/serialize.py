"""The extraction as JSON-ready dicts and back: one schema for `extract --json`, events.json
and the caches; each `_from_dict` reads what its `_to_dict` writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from timeline.types import (
    Article,
    DateSource,
    Entity,
    Event,
    EventMention,
    MergeLink,
    Published,
    SetAside,
    Status,
    Timeline,
    Timex,
)

SCHEMA_VERSION = 1


def article_to_dict(article: Article) -> dict[str, Any]:
    published = article.published
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "publisher": article.publisher,
        "url": article.url,
        "published": published.date.isoformat() if published.date else None,
        "published_source": str(published.source),
        "published_detail": published.detail,
        "timezone": published.timezone,
        "language": article.language,
        "status": str(article.status),
        "messages": list(article.messages),
        "removed": list(article.removed),
    }


def timex_to_dict(timex: Timex, article: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {} if article is None else {"article": article}
    data.update(
        start=timex.start,
        end=timex.end,
        text=timex.text,
        type=timex.type,
        value=timex.value,
        mod=timex.mod,
        anchor=timex.anchor,
        anchor_value=timex.anchor_value,
        rule=timex.rule,
    )
    return data


def entity_to_dict(entity: Entity) -> dict[str, str]:
    return {"text": entity.text, "label": entity.label}


def mention_to_dict(mention: EventMention) -> dict[str, Any]:
    return {
        "article": mention.article,
        "sentence": mention.sentence,
        "start": mention.start,
        "end": mention.end,
        "date": mention.date,
        "date_source": mention.date_source,
        "headline": mention.headline,
        "timex": None if mention.timex is None else timex_to_dict(mention.timex),
        "entities": [entity_to_dict(e) for e in mention.entities],
        "predicate": mention.predicate,
    }


def set_aside_to_dict(part: SetAside, article: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {} if article is None else {"article": article}
    data.update(start=part.start, end=part.end, part=part.part, reason=part.reason)
    return data


def event_to_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": event.date,
        "headline": event.headline,
        "articles": list(event.articles),
        "conflict": event.conflict,
        "conflict_dates": list(event.conflict_dates),
        "entities": [entity_to_dict(e) for e in event.entities],
        "mentions": [mention_to_dict(m) for m in event.mentions],
        "why_merged": [link_to_dict(link) for link in event.links],
    }


def link_to_dict(link: MergeLink) -> dict[str, Any]:
    """One join of a merged event: which two mentions, and the evidence for it."""
    return {
        "mentions": [
            {"article": link.first[0], "start": link.first[1]},
            {"article": link.second[0], "start": link.second[1]},
        ],
        "similarity": link.similarity,
        "shared_words": list(link.shared_terms),
        "shared_entities": list(link.shared_entities),
        "dates": link.dates,
        "same_text": link.same_text,
    }


def timeline_to_dict(timeline: Timeline) -> dict[str, Any]:
    """The documented `timeline extract --json` shape (extra keys are allowed by it)."""
    return {
        "schema": SCHEMA_VERSION,
        "title": timeline.title,
        "articles": [article_to_dict(r.article) for r in timeline.results],
        "timexes": [timex_to_dict(t, r.article.id) for r in timeline.results for t in r.timexes],
        "events": [event_to_dict(e) for e in timeline.events],
        "set_aside": [
            set_aside_to_dict(p, r.article.id) for r in timeline.results for p in r.set_aside
        ],
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    """The inverse of `article_to_dict` plus the text."""
    published = data["published"]
    return Article(
        id=data["id"],
        path=data["path"],
        title=data["title"],
        publisher=data["publisher"],
        url=data["url"],
        published=Published(
            date=dt.date.fromisoformat(published) if published else None,
            source=DateSource(data["published_source"]),
            timezone=data["timezone"],
            detail=data["published_detail"],
        ),
        text=data["text"],
        status=Status(data["status"]),
        messages=tuple(data["messages"]),
        removed=tuple(data["removed"]),
        language=data["language"],
    )


def timex_from_dict(data: dict[str, Any]) -> Timex:
    return Timex(
        start=int(data["start"]),
        end=int(data["end"]),
        text=str(data["text"]),
        type=str(data["type"]),
        value=str(data["value"]),
        mod=data.get("mod"),
        anchor=str(data.get("anchor", "none")),
        anchor_value=data.get("anchor_value"),
        rule=str(data.get("rule", "")),
    )


def mention_from_dict(data: dict[str, Any]) -> EventMention:
    timex = data.get("timex")
    return EventMention(
        article=str(data["article"]),
        sentence=str(data["sentence"]),
        start=int(data["start"]),
        end=int(data["end"]),
        date=str(data["date"]),
        headline=str(data["headline"]),
        timex=None if timex is None else timex_from_dict(timex),
        date_source=str(data.get("date_source", "timex")),
        entities=tuple(Entity(text=e["text"], label=e["label"]) for e in data["entities"]),
        lemmas=tuple(str(x) for x in data.get("lemmas", ())),
        predicate=str(data.get("predicate", "")),
    )


def set_aside_from_dict(data: dict[str, Any]) -> SetAside:
    """The inverse of `set_aside_to_dict` without an article."""
    return SetAside(
        start=int(data["start"]),
        end=int(data["end"]),
        part=str(data["part"]),
        reason=str(data["reason"]),
    )
