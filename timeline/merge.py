"""Event mentions across sources -> events.

Two mentions report the same event when their dates are compatible (one period lies
inside the other: "Friday" inside "later this week") and their content is similar
(TF-IDF cosine over content lemmas and named entities, IDF computed over the corpus).
A shared date alone never merges anything.

The result is a function of the set of mentions: input order does not matter, every
mention lands in exactly one event, and event ids hash the date and the mentions'
provenance. Comparisons are blocked by date (a mention meets only mentions whose dates
it may merge with), so cost grows with the busiest day, not the square of the corpus.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from timeline.model import Article, DateValue, Entity, Event, EventMention, Granularity

SIMILAR = 0.2
"""Cosine above which two mentions with compatible dates are one event."""
CONFLICT = 0.8
"""Cosine above which mentions are one event even when their dates disagree."""
COHESION = 0.12
"""Least cosine between two groups' centroids, so chains of weak links do not snowball."""
DUPLICATE = 0.8
"""Share of the shorter article's word 5-grams that makes two articles one wire story."""
_COMMON_SHARE, _COMMON_FLOOR = 0.005, 50  # features this frequent do not propose candidates
_CONFLICT_DAYS = 1  # how far apart two dates of one reported event are looked for
_ENTITY_WEIGHT = 2.0  # names are stronger evidence of identity than common words

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class _Item:
    mention: EventMention
    value: DateValue | None
    vector: Vector
    source: str


def merge_mentions(
    mentions: Iterable[EventMention],
    articles: Mapping[str, Article],
    *,
    sources: Mapping[str, str] | None = None,
) -> tuple[Event, ...]:
    """Group mentions of the same happening into events, sorted by date then id.

    `sources` (article id -> source id, from `source_groups`) may be passed in by a caller
    that already computed it; shingling every article again costs seconds on large corpora.
    """
    ordered = sorted(mentions, key=mention_key)
    if sources is None:
        sources = source_groups(articles)
    vectors = tfidf_vectors([features(m) for m in ordered])
    values = {d: DateValue.parse(d) for d in {m.date for m in ordered}}
    items = [
        _Item(m, values[m.date], v, sources.get(m.article, m.article))
        for m, v in zip(ordered, vectors, strict=True)
    ]
    groups = _cluster(items, _similar_pairs(items))
    events = [_event([items[i] for i in group]) for group in groups]
    return tuple(sorted(events, key=lambda e: (*date_order(e.date), e.id)))


def mention_key(m: EventMention) -> tuple[str, int, int, str, str, str, int, int]:
    """A total order on mentions that depends on their content only."""
    tx = m.timex
    return (
        m.article,
        m.start,
        m.end,
        m.date,
        m.headline,
        m.date_source,
        tx.start if tx else -1,
        tx.end if tx else -1,
    )


def date_order(value: str) -> tuple[str, str, str]:
    """Sort key for date values: by first day, coarser periods first; unparsable last."""
    parsed = DateValue.parse(value)
    if parsed is None:
        return ("9999", "", value)
    return (parsed.first.isoformat(), f"{9 - parsed.granularity.rank}", value)


def features(m: EventMention) -> Counter[str]:
    """Bag of content lemmas and entities (people also by surname: "Kerry" = "John Kerry")."""
    bag: Counter[str] = Counter(m.lemmas)
    for ent in m.entities:
        name = ent.text.lower()
        bag[f"@{name}"] += 1
        if ent.label == "PERSON" and " " in name:
            bag[f"@{name.rsplit(' ', 1)[1]}"] += 1
    return bag


def tfidf_vectors(bags: Sequence[Counter[str]]) -> list[Vector]:
    """L2-normalised TF-IDF vectors; IDF is smoothed over the bags given."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    idf = {
        f: (math.log((n + 1) / (count + 1)) + 1.0) * (_ENTITY_WEIGHT if f[:1] == "@" else 1.0)
        for f, count in df.items()
    }
    vectors: list[Vector] = []
    for bag in bags:
        vec = {f: tf * idf[f] for f, tf in bag.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append({f: w / norm for f, w in vec.items()})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(f, 0.0) for f, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _containers(value: DateValue) -> list[str]:
    """Values of the periods that contain this one: its week, month, quarter and year."""
    first = value.first
    year, week, _ = first.isocalendar()
    found = [
        f"{year}-W{week:02d}",
        f"{first.year}-{first.month:02d}",
        f"{first.year}-Q{(first.month - 1) // 3 + 1}",
        f"{first.year}-H{(first.month - 1) // 6 + 1}",
        f"{first.year}",
    ]
    return [
        v
        for v in found
        if (c := DateValue.parse(v)) is not None and c != value and c.contains(value)
    ]


def _neighbours(value: DateValue) -> list[str]:
    """The next day, where a near-duplicate dated differently is a conflict to flag
    (time zones and "yesterday" read on the wrong day shift dates by one)."""
    if value.granularity is not Granularity.DAY:
        return []
    return [(value.first + dt.timedelta(days=n)).isoformat() for n in range(1, _CONFLICT_DAYS + 1)]


def _similar_pairs(items: Sequence[_Item]) -> list[tuple[float, int, int]]:
    """Pairs worth merging, best first.

    Only pairs that may merge are compared: the same value, or a period and the periods
    around it (a day meets its week, month, quarter, year), plus nearby days for
    conflicts. Candidates come from shared rare features through per-value posting lists,
    so cost follows the busiest day, not the size of the corpus; common features are
    added only where they could lift a pair over the threshold (Cauchy-Schwarz bound).
    """
    df = Counter(f for item in items for f in item.vector)
    limit = max(_COMMON_FLOOR, int(_COMMON_SHARE * len(items)))
    keys = [[f for f in item.vector if df[f] <= limit] for item in items]
    common = [[(f, w) for f, w in item.vector.items() if df[f] > limit] for item in items]
    rest = [math.sqrt(sum(w * w for _, w in c)) for c in common]
    postings: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, item in enumerate(items):
        if item.value is not None:
            for f in keys[i]:
                postings[item.value.value][f].append(i)
    around = {
        v.value: [postings[k] for k in (*_containers(v), *_neighbours(v)) if k in postings]
        for v in {item.value for item in items if item.value is not None}
    }
    vectors = [item.vector for item in items]
    pairs: list[tuple[float, int, int]] = []
    for i, item in enumerate(items):
        if item.value is None:
            continue
        partial: dict[int, float] = defaultdict(float)
        own = postings[item.value.value]
        groups = around[item.value.value]
        vec = vectors[i]
        for f in keys[i]:
            w = vec[f]
            posting = own[f]
            for j in posting[bisect.bisect_right(posting, i) :]:
                partial[j] += w * vectors[j][f]
            for group in groups:
                if f in group:
                    for j in group[f]:
                        partial[j] += w * vectors[j][f]
        bound = rest[i]
        for j, rare in partial.items():
            if rare + bound * rest[j] < SIMILAR:
                continue
            other = vectors[j]
            sim = rare + sum(w * other.get(f, 0.0) for f, w in common[i])
            if sim >= SIMILAR and _may_merge(item, items[j], sim):
                pairs.append((sim, min(i, j), max(i, j)))
    return sorted(pairs, key=lambda e: (-e[0], e[1], e[2]))


def _may_merge(a: _Item, b: _Item, sim: float) -> bool:
    """Within one article, only mentions dated alike (a writer who dates two statements
    differently, "now" and "later this week", is telling two events)."""
    if a.mention.article == b.mention.article and (
        a.mention.start == b.mention.start or a.mention.date != b.mention.date
    ):
        return False
    if a.value is None or b.value is None:
        return False
    return a.value.compatible(b.value) or sim >= CONFLICT


def _cluster(items: Sequence[_Item], pairs: Sequence[tuple[float, int, int]]) -> list[list[int]]:
    """Greedy best-first grouping under constraints; deterministic given sorted input.

    Two groups join when their best link is strong enough, their centroids agree, no
    sentence appears in both, and their dates stay pairwise compatible (unless the
    link is strong enough to call the disagreement a conflict).
    """
    parent = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    centroid: dict[int, Vector] = {i: dict(item.vector) for i, item in enumerate(items)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for sim, i, j in pairs:
        a, b = find(i), find(j)
        if a == b or not _joinable(items, members[a], members[b], sim):
            continue
        if cosine(centroid[a], centroid[b]) < COHESION:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        parent[b] = a
        members[a].extend(members.pop(b))
        for f, w in centroid.pop(b).items():
            centroid[a][f] = centroid[a].get(f, 0.0) + w
    return [sorted(group) for group in members.values()]


def _joinable(items: Sequence[_Item], left: list[int], right: list[int], sim: float) -> bool:
    if any(not _may_merge(items[i], items[j], sim) for i in left for j in right):
        return False
    if sim >= CONFLICT:
        return True
    lv = {items[i].value for i in left}
    rv = {items[j].value for j in right}
    return all(x is not None and y is not None and x.compatible(y) for x in lv for y in rv)


def _event(group: Sequence[_Item]) -> Event:
    if len(group) == 1:
        m = group[0].mention
        return Event(
            id=event_id(m.date, (m,)),
            date=m.date,
            headline=m.headline,
            mentions=(m,),
            entities=_entities((m,)),
        )
    date, conflicts = _agreed_date(group)
    total: Vector = defaultdict(float)
    for item in group:
        for f, w in item.vector.items():
            total[f] += w
    lead = max(
        group,
        key=lambda it: (
            it.mention.date == date,
            round(cosine(it.vector, total), 9),
            [-ord(c) for c in it.mention.article],
            -it.mention.start,
        ),
    )
    mentions = tuple(it.mention for it in group)
    return Event(
        id=event_id(date, mentions),
        date=date,
        headline=lead.mention.headline,
        mentions=mentions,
        entities=_entities(mentions),
        conflict=bool(conflicts),
        conflict_dates=conflicts,
    )


def _agreed_date(group: Sequence[_Item]) -> tuple[str, tuple[str, ...]]:
    """The finest date most sources agree with, and the dates that disagree with it."""
    values = {it.value.value: it.value for it in group if it.value is not None}
    if not values:
        return group[0].mention.date, ()

    def support(v: DateValue) -> int:
        return len({it.source for it in group if it.value is not None and v.compatible(it.value)})

    best = max(
        values.values(),
        key=lambda v: (support(v), v.granularity.rank, -v.first.toordinal(), v.value),
    )
    conflicts = tuple(sorted(k for k, v in values.items() if not best.compatible(v)))
    return best.value, conflicts


def _entities(mentions: Sequence[EventMention]) -> tuple[Entity, ...]:
    counts = Counter((e.text, e.label) for m in mentions for e in m.entities)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(Entity(text=text, label=label) for (text, label), _ in ranked)


def event_id(date: str, mentions: Iterable[EventMention]) -> str:
    """Stable id: a hash of the date and where each mention sits, never of order or wording."""
    where = sorted(f"{m.article}:{m.start}:{m.end}" for m in mentions)
    digest = hashlib.sha1("|".join([date, *where]).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:16]


# --- wire copies -------------------------------------------------------------------------

_WORD_RE = re.compile(r"\w+")
_SHINGLE = 5


def source_groups(articles: Mapping[str, Article]) -> dict[str, str]:
    """Map each article id to its source: near-identical texts (a wire story republished
    by several outlets) share one, named after the smallest id among them."""
    shingles = {aid: _shingles(a.text) for aid, a in articles.items()}
    index: dict[int, list[str]] = defaultdict(list)
    for aid in sorted(shingles):
        for h in shingles[aid]:
            index[h].append(aid)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in index.values():
        if len(ids) <= 50:
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    shared[ids[x], ids[y]] += 1
    parent = {aid: aid for aid in shingles}

    def find(a: str) -> str:
        while parent[a] != a:
            a = parent[a]
        return a

    for (a, b), count in sorted(shared.items()):
        smaller = min(len(shingles[a]), len(shingles[b]))
        if smaller and count / smaller >= DUPLICATE:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {aid: find(aid) for aid in shingles}


def _shingles(text: str) -> set[int]:  # CRC-32: fast and the same in every process
    """Hashes of word 5-grams, one in four kept (a deterministic sample; all if that is none)."""
    words = _WORD_RE.findall(text.lower())
    grams = {" ".join(words[i : i + _SHINGLE]) for i in range(max(len(words) - _SHINGLE + 1, 1))}
    hashes = {zlib.crc32(g.encode()) for g in grams}
    return {h for h in hashes if h % 4 == 0} or hashes
