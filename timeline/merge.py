"""Event mentions across sources -> events.

Two mentions report the same event when their dates are compatible (one period lies
inside the other: "Friday" inside "later this week") and their content is similar
(TF-IDF cosine over content lemmas and named entities, IDF computed over the corpus).
A shared date alone never merges anything.

The result is a function of the set of mentions: input order does not matter, every
mention lands in exactly one event, and event ids hash the date and the mentions'
provenance. Comparisons are blocked by date (a mention meets only mentions whose dates
it may merge with), so cost grows with the busiest day, not the square of the corpus.

The numeric work runs on one sparse TF-IDF matrix with numpy. Every sum adds its terms
in a fixed order (a mention's features in vector order, with the builtin `sum` where a
row is summed), so similarities are exact and do not depend on how candidates are found.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, pairwise
from operator import attrgetter, lt
from types import MappingProxyType

import numpy as np

from timeline.duplicates import source_groups
from timeline.tfidf import (
    Flags,
    Floats,
    Ints,
    Matrix,
    Rows,
    Vector,
    cosine_with,
    norm,
    row_sums,
    tfidf_matrix,
)
from timeline.types import (
    Article,
    DateValue,
    Entity,
    Event,
    EventMention,
    Granularity,
    date_order,
    event_id,
    mention_order,
)

SIMILAR = 0.2
"""Cosine above which two mentions with compatible dates are one event."""
CONFLICT = 0.8
"""Cosine above which mentions are one event even when their dates disagree."""
COHESION = 0.12
"""Least cosine between two groups' centroids, so chains of weak links do not snowball."""
_COMMON_SHARE, _COMMON_FLOOR = 0.005, 50  # features this frequent do not propose candidates
_CONFLICT_DAYS = 1  # how far apart two dates of one reported event are looked for

_ENTITY_KEY = attrgetter("text", "label")
_RANK = MappingProxyType({g: g.rank for g in Granularity})  # `rank` walks the enum per call
_Span = tuple[int, int]  # a period's first and last day, as ordinals
_Pair = tuple[float, int, int]
"""(-cosine, i, j) with i < j, so that plain tuple order is best first."""


@dataclass(frozen=True, slots=True)
class _Corpus:
    """Mentions in canonical order and what merging reads of each, as parallel lists:
    one object per corpus rather than one per mention."""

    mentions: list[EventMention]
    values: list[DateValue | None]
    vectors: Rows
    sources: list[str]
    sentences: list[int]  # mentions of one sentence (article and start) share an id
    spans: dict[str, _Span | None]  # date value -> its first and last day
    matrix: Matrix


@dataclass(frozen=True, slots=True)
class _Entries:
    """The rare features of dated mentions, one entry each, sorted by block key
    (date value id * features + feature id) and, within a key, by mention."""

    key: Ints
    row: Ints
    position: Ints  # index into the matrix entries: orders one mention's features
    features: int


@dataclass(frozen=True, slots=True)
class _Candidates:
    """Pairs (i, j) sharing rare features, i the mention whose feature order sums them;
    `rare` is that part of their dot product."""

    i: Ints
    j: Ints
    rare: Floats
    compatible: Flags  # their dates are compatible (else only a conflict can merge them)
    same_date: Flags

    def where(self, keep: Flags) -> _Candidates:
        return _Candidates(
            i=self.i[keep],
            j=self.j[keep],
            rare=self.rare[keep],
            compatible=self.compatible[keep],
            same_date=self.same_date[keep],
        )


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
    with _collector_paused():
        ordered = sorted(mentions, key=mention_order)
        if sources is None:
            sources = source_groups(articles)
        corpus = _corpus(ordered, sources)
        groups = _cluster(corpus, _similar_pairs(corpus))
        events = [_event(corpus, group) for group in groups]
        orders = {date: date_order(date) for date in {e.date for e in events}}
        return tuple(sorted(events, key=lambda e: (orders[e.date], e.id)))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, as it was before on the way out.

    Merging builds hundreds of thousands of objects that live until it returns and makes
    no reference cycles, so collecting finds nothing; yet each full pass walks every
    mention of the corpus again, a fifth of the time at 100,000 mentions.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _corpus(ordered: list[EventMention], sources: Mapping[str, str]) -> _Corpus:
    parsed = {d: DateValue.parse(d) for d in {m.date for m in ordered}}
    matrix = tfidf_matrix([_bag(m) for m in ordered])
    return _Corpus(
        mentions=ordered,
        values=[parsed[m.date] for m in ordered],
        vectors=Rows.of(matrix),
        sources=[sources.get(m.article, m.article) for m in ordered],
        sentences=_sentence_ids(ordered),
        spans={d: None if v is None else _span(v) for d, v in parsed.items()},
        matrix=matrix,
    )


def _sentence_ids(mentions: Sequence[EventMention]) -> list[int]:
    first: dict[tuple[str, int], int] = {}
    return [first.setdefault((m.article, m.start), k) for k, m in enumerate(mentions)]


def _span(value: DateValue) -> _Span:
    return value.first.toordinal(), value.last.toordinal()


def features(m: EventMention) -> Counter[str]:
    """Bag of content lemmas and entities (people also by surname: "Kerry" = "John Kerry")."""
    return Counter(_bag(m))


def _bag(m: EventMention) -> dict[str, int]:
    """`features` as a plain dict, which is cheaper to build than a Counter."""
    found = list(m.lemmas)
    for ent in m.entities:
        name = ent.text.lower()
        found.append(f"@{name}")
        if ent.label == "PERSON" and " " in name:
            found.append(f"@{name.rsplit(' ', 1)[1]}")
    bag = dict.fromkeys(found, 1)
    if len(bag) < len(found):
        bag = dict.fromkeys(found, 0)
        for f in found:
            bag[f] += 1
    return bag


def _containers(value: DateValue, periods: dict[str, DateValue | None]) -> list[str]:
    """Values of the periods that contain this one: its week, month, quarter and year.
    `periods` caches parsed values (the days of a month share its containers)."""
    first = value.first
    year, week, _ = first.isocalendar()
    found = [
        f"{year:04d}-W{week:02d}",
        f"{first.year:04d}-{first.month:02d}",
        f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}",
        f"{first.year:04d}-H{(first.month - 1) // 6 + 1}",
        f"{first.year:04d}",
    ]
    for v in found:
        if v not in periods:
            periods[v] = DateValue.parse(v)
    return [v for v in found if (c := periods[v]) is not None and c != value and c.contains(value)]


def _neighbours(value: DateValue) -> list[str]:
    """The next day, where a near-duplicate dated differently is a conflict to flag
    (time zones and "yesterday" read on the wrong day shift dates by one)."""
    if value.granularity is not Granularity.DAY:
        return []
    room = (dt.date.max - value.first).days  # none after the calendar's last day
    return [
        (value.first + dt.timedelta(days=n)).isoformat()
        for n in range(1, min(_CONFLICT_DAYS, room) + 1)
    ]


# --- candidate pairs ---------------------------------------------------------------------


def _similar_pairs(corpus: _Corpus) -> list[_Pair]:
    """Pairs worth merging, best first.

    Only pairs that may merge are compared: the same value, or a period and the periods
    around it (a day meets its week, month, quarter, year), plus nearby days for
    conflicts. Candidates are pairs of such blocks' mentions that share a rare feature,
    found by joining sorted postings, so cost follows the busiest day, not the size of
    the corpus; common features are added only where they could lift a pair over the
    threshold (Cauchy-Schwarz bound).
    """
    matrix = corpus.matrix
    limit = max(_COMMON_FLOOR, int(_COMMON_SHARE * matrix.rows))
    frequent = matrix.df > limit
    values = {v.value: v for v in corpus.values if v is not None}
    ids = dict(zip(values, range(len(values)), strict=True))
    entries = _entries(corpus, ids, (matrix.df > 1) & ~frequent)
    found = _candidates(entries, _relations(values, ids), matrix)
    rest = _common_norms(matrix, frequent)
    found = found.where(~(found.rare + rest[found.i] * rest[found.j] < SIMILAR))
    sim = found.rare + _common_dots(matrix, frequent, found.i, found.j)
    keep = (sim >= SIMILAR) & (found.compatible | (sim >= CONFLICT))
    keep &= ~_same_article_clash(corpus, found)
    negated, i, j = -sim[keep], found.i[keep], found.j[keep]
    low, high = np.minimum(i, j), np.maximum(i, j)
    order = np.lexsort((high, low, negated))
    return list(
        zip(negated[order].tolist(), low[order].tolist(), high[order].tolist(), strict=True)
    )


def _entries(corpus: _Corpus, ids: Mapping[str, int], rare: Flags) -> _Entries:
    """Undated mentions merge with none; a feature in one mention only pairs nothing."""
    matrix = corpus.matrix
    value_of = np.array([-1 if v is None else ids[v.value] for v in corpus.values], np.int64)
    row = matrix.row
    position = np.flatnonzero(rare[matrix.feature] & (value_of[row] >= 0))
    features = len(matrix.names)
    key = value_of[row[position]] * features + matrix.feature[position]
    order = np.argsort(key, kind="stable")
    position = position[order]
    return _Entries(key=key[order], row=row[position], position=position, features=features)


def _relations(
    values: Mapping[str, DateValue], ids: Mapping[str, int]
) -> list[tuple[Ints, Ints, Flags]]:
    """Values whose mentions may merge across blocks, as (value, other, compatible) id
    arrays; slot k holds each value's k-th relation, which bounds the rows of one join."""
    slots: list[list[tuple[int, int, bool]]] = []
    periods: dict[str, DateValue | None] = dict(values)
    for text, value in values.items():
        others = (o for o in (*_containers(value, periods), *_neighbours(value)) if o in ids)
        for k, other in enumerate(others):
            if k == len(slots):
                slots.append([])
            slots[k].append((ids[text], ids[other], value.compatible(values[other])))
    return [
        (
            np.array([s for s, _, _ in slot], np.int64),
            np.array([o for _, o, _ in slot], np.int64),
            np.array([c for _, _, c in slot], np.bool_),
        )
        for slot in slots
    ]


def _candidates(
    entries: _Entries, relations: Sequence[tuple[Ints, Ints, Flags]], matrix: Matrix
) -> _Candidates:
    """Every pair of entries with one feature in related blocks, summed per pair."""
    key = entries.key
    rows = np.arange(len(key), dtype=np.int64)
    run = _runs(key)
    left, right = _expand(rows, rows + 1, run - 1)  # inside a block: later mentions
    lefts, rights = [left], [right]
    compatible, same_date = [np.ones(len(left), np.bool_)], [np.ones(len(left), np.bool_)]
    feature = matrix.feature[entries.position]
    for source, target, fits in relations:
        low = np.searchsorted(key, source * entries.features, side="left")
        high = np.searchsorted(key, (source + 1) * entries.features, side="left")
        relation, row = _expand(np.arange(len(source), dtype=np.int64), low, high - low)
        wanted = target[relation] * entries.features + feature[row]
        first = np.minimum(np.searchsorted(key, wanted), len(key) - 1)
        width = np.where(key[first] == wanted, run[first], 0)
        left, right = _expand(row, first, width)
        lefts.append(left)
        rights.append(right)
        compatible.append(np.repeat(fits[relation], width))
        same_date.append(np.zeros(len(left), np.bool_))
    left, right = np.concatenate(lefts), np.concatenate(rights)
    i, j = entries.row[left], entries.row[right]
    weight = matrix.weight[entries.position]
    pair = i * matrix.rows + j
    first, rare = _ordered_sums(pair, entries.position[left], weight[left] * weight[right])
    return _Candidates(
        i=i[first],
        j=j[first],
        rare=rare,
        compatible=np.concatenate(compatible)[first],
        same_date=np.concatenate(same_date)[first],
    )


def _runs(key: Ints) -> Ints:
    """For each entry of a sorted key array, how many entries from it on share its key."""
    last = np.ones(len(key), np.bool_)
    last[:-1] = key[1:] != key[:-1]
    ends = np.flatnonzero(last)
    end = np.repeat(ends, np.diff(np.concatenate(([-1], ends))))
    return (end - np.arange(len(key)) + 1).astype(np.int64)


def _expand(origin: Ints, first: Ints, width: Ints) -> tuple[Ints, Ints]:
    """For each origin, the indices first .. first + width - 1, as parallel arrays."""
    total = int(width.sum())
    skip = np.repeat(np.cumsum(width) - width, width)
    return np.repeat(origin, width), np.repeat(first, width) + (np.arange(total) - skip)


def _ordered_sums(group: Ints, order: Ints, terms: Floats) -> tuple[Ints, Floats]:
    """Sum the terms of each group in `order`, one rank at a time (floating-point sums
    depend on order); returns each group's first term index and its sum."""
    sort = np.lexsort((order, group))
    group, terms = group[sort], terms[sort]
    new = np.ones(len(group), np.bool_)
    new[1:] = group[1:] != group[:-1]
    starts = np.flatnonzero(new)
    number = np.cumsum(new) - 1
    rank = np.arange(len(group)) - starts[number]
    by_rank = np.argsort(rank, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(np.bincount(rank))))
    total = np.zeros(len(starts), np.float64)
    for a, b in pairwise(bounds):
        take = by_rank[a:b]
        total[number[take]] += terms[take]
    return sort[starts], total


def _common_norms(matrix: Matrix, frequent: Flags) -> Floats:
    """Each row's norm over its frequent features: what they can add to a cosine at most."""
    position = np.flatnonzero(frequent[matrix.feature])
    start = _starts(matrix.row[position], matrix.rows)
    weight = matrix.weight[position]
    return np.sqrt(np.array(row_sums(weight * weight, start), np.float64))


def _common_dots(matrix: Matrix, frequent: Flags, i: Ints, j: Ints) -> Floats:
    """Dot products of rows i and j over i's frequent features, in i's feature order."""
    position = np.flatnonzero(frequent[matrix.feature])
    row = matrix.row[position]
    start = _starts(row, matrix.rows)
    pair, at = _expand(np.arange(len(i), dtype=np.int64), start[i], start[i + 1] - start[i])
    features = len(matrix.names)
    key = row * features + matrix.feature[position]
    sort = np.argsort(key)
    wanted = j[pair] * features + matrix.feature[position[at]]
    hit = np.minimum(np.searchsorted(key[sort], wanted), max(len(key) - 1, 0))
    found = key[sort][hit] == wanted if len(key) else np.zeros(len(wanted), np.bool_)
    terms = matrix.weight[position[at[found]]] * matrix.weight[position[sort[hit[found]]]]
    sums = row_sums(terms, _starts(pair[found], len(i)))
    return np.array(sums, np.float64)


def _starts(row: Ints, rows: int) -> Ints:
    """CSR row starts for entries sorted by row."""
    return np.concatenate(([0], np.cumsum(np.bincount(row, minlength=rows)))).astype(np.int64)


def _same_article_clash(corpus: _Corpus, found: _Candidates) -> Flags:
    """Within one article, only mentions dated alike and from different sentences merge
    (a writer who dates two statements differently, "now" and "later this week", is
    telling two events)."""
    names = [m.article for m in corpus.mentions]
    ids = dict(zip(names, range(len(names)), strict=True))
    article = np.array(list(map(ids.__getitem__, names)), np.int64)
    start = np.array([m.start for m in corpus.mentions], np.int64)
    same: Flags = article[found.i] == article[found.j]
    other: Flags = ~found.same_date | (start[found.i] == start[found.j])
    return same & other


# --- grouping ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Group:
    """A growing event: its members, the sum of their vectors, and what joining checks:
    its date values, the date each article's mentions carry (a group never holds one
    article's mentions under two dates) and its sentence ids."""

    members: list[int]
    centroid: Vector
    values: dict[str, None]
    dates: dict[str, str]
    sentences: dict[int, None]
    norm: float | None = None

    @staticmethod
    def single(corpus: _Corpus, i: int) -> _Group:
        m = corpus.mentions[i]
        return _Group(
            members=[i],
            centroid=corpus.vectors[i],
            values={m.date: None},
            dates={m.article: m.date},
            sentences={corpus.sentences[i]: None},
        )

    def length(self) -> float:
        if self.norm is None:
            self.norm = norm(self.centroid)
        return self.norm

    def absorb(self, other: _Group) -> None:
        if len(self.members) == 1:  # the centroid is still the mention's own vector
            self.centroid = dict(self.centroid)
        self.members.extend(other.members)
        centroid = self.centroid
        for f, w in other.centroid.items():
            centroid[f] = centroid.get(f, 0.0) + w
        self.norm = None
        self.values.update(other.values)
        self.dates.update(other.dates)
        self.sentences.update(other.sentences)


def _cluster(corpus: _Corpus, pairs: Sequence[_Pair]) -> list[list[int]]:
    """Greedy best-first grouping under constraints; deterministic given sorted input.

    Two groups join when their best link is strong enough, their centroids agree, no
    sentence appears in both, and their dates stay pairwise compatible (unless the
    link is strong enough to call the disagreement a conflict). Groups are listed by
    their root, the lowest index of the larger side at each join. A mention still alone
    has no group state; it is checked from the corpus directly.
    """
    parent = list(range(len(corpus.mentions)))
    groups: dict[int, _Group] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for negated, i, j in pairs:
        a = i if parent[i] == i else find(i)
        b = j if parent[j] == j else find(j)
        if a == b:
            continue
        left, right = groups.get(a), groups.get(b)
        sim = -negated
        if left is None:
            if right is None:
                joinable = _pair_joinable(corpus, a, b, sim)
            else:
                joinable = _admits(corpus, right, a, sim)
        elif right is None:
            joinable = _admits(corpus, left, b, sim)
        else:
            joinable = _joinable(left, right, sim, corpus.spans)
        if not joinable:
            continue
        left = left or _Group.single(corpus, a)
        right = right or _Group.single(corpus, b)
        if cosine_with(left.centroid, right.centroid, left.length(), right.length()) < COHESION:
            continue
        if len(left.members) < len(right.members):
            a, b, left, right = b, a, right, left
        parent[b] = a
        groups.pop(b, None)
        left.absorb(right)
        groups[a] = left
    return [
        sorted(groups[root].members) if root in groups else [root]
        for root, up in enumerate(parent)
        if root == up
    ]


def _joinable(left: _Group, right: _Group, sim: float, spans: Mapping[str, _Span | None]) -> bool:
    """Within one article, only mentions dated alike and from different sentences (a
    writer who dates two statements differently, "now" and "later this week", is telling
    two events); across the groups, dates compatible unless `sim` calls it a conflict."""
    if not left.sentences.keys().isdisjoint(right.sentences):
        return False
    a, b = (left, right) if len(left.dates) <= len(right.dates) else (right, left)
    if any(b.dates.get(article, date) != date for article, date in a.dates.items()):
        return False
    if sim >= CONFLICT:
        return True
    theirs = [spans[v] for v in right.values]
    return all(_fits(spans[v], theirs) for v in left.values)


def _pair_joinable(corpus: _Corpus, i: int, j: int, sim: float) -> bool:
    """`_joinable` for two single mentions."""
    a, b = corpus.mentions[i], corpus.mentions[j]
    if a.article == b.article and (a.start == b.start or a.date != b.date):
        return False
    span, other = corpus.spans[a.date], corpus.spans[b.date]
    if span is None or other is None:
        return False
    return sim >= CONFLICT or _fits(span, (other,))


def _admits(corpus: _Corpus, group: _Group, i: int, sim: float) -> bool:
    """`_joinable` for a group and a single mention."""
    m = corpus.mentions[i]
    span = corpus.spans[m.date]
    if span is None or group.dates.get(m.article, m.date) != m.date:
        return False
    if corpus.sentences[i] in group.sentences:
        return False
    spans = corpus.spans
    return sim >= CONFLICT or _fits(span, [spans[v] for v in group.values])


def _fits(span: _Span | None, others: Iterable[_Span | None]) -> bool:
    """`DateValue.compatible` with each of `others`, on spans: one lies inside the other."""
    if span is None:
        return False
    lo, hi = span
    for other in others:
        if other is None or not (
            (lo <= other[0] and other[1] <= hi) or (other[0] <= lo and hi <= other[1])
        ):
            return False
    return True


def _event(corpus: _Corpus, group: Sequence[int]) -> Event:
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
    )


def _lead(corpus: _Corpus, group: Sequence[int], date: str) -> EventMention:
    """The mention whose headline speaks for the event: dated as the event, then closest
    to the group's centroid, then a stable tie-break on provenance."""
    dated = [i for i in group if corpus.mentions[i].date == date]
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


def _agreed_date(corpus: _Corpus, group: Sequence[int]) -> tuple[str, tuple[str, ...]]:
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
