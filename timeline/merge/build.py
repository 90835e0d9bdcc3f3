"""Events from groups: the agreed date, the lead headline, entities, a stable id, and
the record of why the mentions were joined."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain
from operator import attrgetter, lt
from types import MappingProxyType

from timeline.merge.corpus import Corpus
from timeline.merge.groups import Grouped
from timeline.merge.tfidf import cosine_with, norm
from timeline.types import DateValue, Entity, Event, EventMention, Granularity, event_id

_ENTITY_KEY = attrgetter("text", "label")
_WEEK_DAYS = 7
_LATE = 1 << 30  # weeks: later than any report
_RANK = MappingProxyType({g: g.rank for g in Granularity})  # `rank` walks the enum per call


def build_event(corpus: Corpus, grouped: Grouped) -> Event:
    """The event a group of mentions makes."""
    group = grouped.members
    if len(group) == 1:
        m = corpus.mentions[group[0]]
        return Event(
            id=event_id(m.date, [m]),
            date=m.date,
            headline=m.headline,
            mentions=(m,),
            entities=_entities((m,)),
        )
    date, conflicts = _agreed_date(corpus, group)
    lead = _lead(corpus, group, date)
    mentions = tuple(corpus.mentions[i] for i in group)
    return Event(
        id=event_id(date, mentions),
        date=date,
        headline=lead.headline,
        mentions=mentions,
        entities=_entities(mentions),
        conflict=bool(conflicts),
        conflict_dates=conflicts,
        links=tuple(corpus.evidence.link(i, j, sim) for i, j, sim in grouped.joins),
    )


def _lead(corpus: Corpus, group: Sequence[int], date: str) -> EventMention:
    """The mention whose headline speaks for the event: dated as the event, then from the
    reports closest in time to the happening (`_lag`: the news of the day or its week, not
    a look back months later, "On April 20 of last year, ..."), then closest to the
    group's centroid, then a stable tie-break on provenance."""
    dated = [i for i in group if corpus.mentions[i].date == date]
    if len(dated) == 1:
        return corpus.mentions[dated[0]]
    span = corpus.spans.get(date)
    if span is not None:
        lags = {i: _lag(corpus.published[i], span) for i in dated}
        soonest = min(lags.values())
        dated = [i for i in dated if lags[i] == soonest]
        if len(dated) == 1:
            return corpus.mentions[dated[0]]
    vectors = [corpus.vectors[i] for i in group]
    total = dict.fromkeys(chain.from_iterable(vectors), 0.0)
    for v in vectors:
        for f, w in v.items():
            total[f] += w
    size = norm(total)
    scores = [
        round(cosine_with(v, total, norm(v), size), 9)
        for v in map(corpus.vectors.__getitem__, dated)
    ]
    best = max(scores)
    tied = [corpus.mentions[i] for i, score in zip(dated, scores, strict=True) if score == best]
    return max(tied, key=lambda m: ([-ord(c) for c in m.article], -m.start))


def _lag(published: int | None, span: tuple[int, int]) -> int:
    """How long after the happening (its period `span`, as ordinals) a report came out, in
    weeks; a report before it (a plan, a forecast) or of unknown date comes last."""
    if published is None or published < span[0]:
        return _LATE
    return max(0, published - span[1]) // _WEEK_DAYS


def _agreed_date(corpus: Corpus, group: Sequence[int]) -> tuple[str, tuple[str, ...]]:
    """The finest date most sources agree with, and the dates that disagree with it."""
    values = {v.value: v for i in group if (v := corpus.values[i]) is not None}
    if len(values) < 2:
        return next(iter(values), corpus.mentions[group[0]].date), ()
    dated = {
        (corpus.mentions[i].date, corpus.sources[i]) for i in group if corpus.values[i] is not None
    }

    def support(v: DateValue) -> int:
        return len({source for other, source in dated if v.compatible(values[other])})

    best = max(
        values.values(),
        key=lambda v: (support(v), _RANK[v.granularity], -v.first.toordinal(), v.value),
    )
    conflicts = tuple(sorted(k for k, v in values.items() if not best.compatible(v)))
    return best.value, conflicts


def _entities(mentions: Sequence[EventMention]) -> tuple[Entity, ...]:
    """The mentions' entities, most mentioned first, then by text and label."""
    found = (
        mentions[0].entities if len(mentions) == 1 else [e for m in mentions for e in m.entities]
    )
    keys = list(map(_ENTITY_KEY, found))
    if all(map(lt, keys, keys[1:])):  # each once, in order already
        return tuple(found)
    one = dict(zip(keys, found, strict=True))  # entities with one key are equal
    counts = Counter(keys)
    ranked = sorted(one)
    ranked.sort(key=counts.__getitem__, reverse=True)  # stable: ties stay by text, label
    return tuple(map(one.__getitem__, ranked))
