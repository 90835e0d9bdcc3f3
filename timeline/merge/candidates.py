"""Candidate pairs: which mentions are compared at all, and how alike they are.

Only pairs that may merge are compared: the same date value, or a period and the
periods around it (a day meets its week, month, quarter, year), plus the next day for
conflicts. Candidates are pairs of such blocks' mentions that share a rare feature,
found by joining sorted postings, so cost follows the busiest day, not the size of the
corpus; common features are added only where they could lift a pair over the threshold
(Cauchy-Schwarz bound). Statements with the same words in different articles are
paired directly. Every pair then has to pass `Evidence.supports`.

Every sum adds its terms in a fixed order (a mention's features in vector order), so
similarities are exact and do not depend on how candidates were found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from timeline.merge.corpus import Corpus, common_limit
from timeline.merge.evidence import NEAR, SIMILAR
from timeline.merge.groups import fits
from timeline.merge.tfidf import Flags, Floats, Ints, Matrix, row_sums
from timeline.types import DateValue, Granularity

_CONFLICT_DAYS = 1  # how far apart two dates of one reported event are looked for
_WORDS = re.compile(r"\w+")
_SAME_TEXT_LIMIT = 20  # later copies of one sentence a copy is paired with directly

Pair = tuple[float, int, int]
"""(-cosine, i, j) with i < j, so that plain tuple order is best first."""


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


def similar_pairs(corpus: Corpus) -> list[Pair]:
    """Pairs worth merging, best first.

    Only pairs that may merge are compared: the same value, or a period and the periods
    around it (a day meets its week, month, quarter, year), plus nearby days for
    conflicts. Candidates are pairs of such blocks' mentions that share a rare feature,
    found by joining sorted postings, so cost follows the busiest day, not the size of
    the corpus; common features are added only where they could lift a pair over the
    threshold (Cauchy-Schwarz bound).
    """
    matrix = corpus.matrix
    limit = common_limit(matrix.rows)
    frequent = matrix.df > limit
    values = {v.value: v for v in corpus.values if v is not None}
    ids = dict(zip(values, range(len(values)), strict=True))
    entries = _entries(corpus, ids, (matrix.df > 1) & ~frequent)
    found = _candidates(entries, _relations(values, ids), matrix)
    rest = _common_norms(matrix, frequent)
    found = found.where(~(found.rare + rest[found.i] * rest[found.j] < SIMILAR))
    sim = found.rare + _common_dots(matrix, frequent, found.i, found.j)
    keep = (sim >= SIMILAR) & (found.compatible | (sim >= NEAR))
    keep &= ~_same_article_clash(corpus, found)
    negated, i, j = -sim[keep], found.i[keep], found.j[keep]
    low, high = np.minimum(i, j), np.maximum(i, j)
    conflict = ~found.compatible[keep]
    supports = corpus.evidence.supports
    pairs = {
        (c, n, a, b)
        for c, n, a, b in zip(
            conflict.tolist(), negated.tolist(), low.tolist(), high.tolist(), strict=True
        )
        if supports(a, b, -n)
    }
    pairs.update(_same_text_pairs(corpus))
    # compatible dates first: a sentence dated twice joins the report that agrees with it
    return [(n, a, b) for _, n, a, b in sorted(pairs)]


def _same_text_pairs(corpus: Corpus) -> list[tuple[bool, float, int, int]]:
    """Statements with the same words in different articles, dated compatibly: a wire
    paragraph reused. Their words may all be too common to propose them as candidates."""
    by_text: dict[str, list[int]] = {}
    for k, m in enumerate(corpus.mentions):
        if corpus.spans[m.date] is not None:
            by_text.setdefault(" ".join(_WORDS.findall(m.sentence.lower())), []).append(k)
    found = []
    for group in by_text.values():
        for x, a in enumerate(group):
            for b in group[x + 1 : x + 1 + _SAME_TEXT_LIMIT]:
                ma, mb = corpus.mentions[a], corpus.mentions[b]
                if ma.article != mb.article and fits(
                    corpus.spans[ma.date], (corpus.spans[mb.date],)
                ):
                    found.append((False, -1.0, a, b))
    return found


def _entries(corpus: Corpus, ids: Mapping[str, int], rare: Flags) -> _Entries:
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
    for source, target, fit in relations:
        low = np.searchsorted(key, source * entries.features, side="left")
        high = np.searchsorted(key, (source + 1) * entries.features, side="left")
        relation, row = _expand(np.arange(len(source), dtype=np.int64), low, high - low)
        wanted = target[relation] * entries.features + feature[row]
        first = np.minimum(np.searchsorted(key, wanted), len(key) - 1)
        width = np.where(key[first] == wanted, run[first], 0)
        left, right = _expand(row, first, width)
        lefts.append(left)
        rights.append(right)
        compatible.append(np.repeat(fit[relation], width))
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


def _same_article_clash(corpus: Corpus, found: _Candidates) -> Flags:
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
