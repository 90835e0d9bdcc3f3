"""Grouping: supported pairs, best first, grow into events under constraints.

Two groups join when their best link passes the evidence, no sentence appears in both,
one article's mentions keep one date, the dates stay compatible (unless the link is
strong enough to call the disagreement a conflict), no report of one conflicts with a
report of the other, every source of one side is linked by evidence to each source of
the other (no chains of neighbours), and their centroids agree. Each join is recorded,
so an event can say why its mentions were joined.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from timeline.merge.corpus import Corpus, Span
from timeline.merge.evidence import NEAR, Facts, differ
from timeline.merge.tfidf import Vector, cosine_with, norm
from timeline.merge.unionfind import UnionFind
from timeline.types import Granularity

COHESION = 0.12
"""Least cosine between two groups' centroids, so chains of weak links do not snowball."""
_CHECKED = 12  # members of each side checked for conflicts and links when two groups join

LINKED_SHARE = 0.25
"""Least share of source pairs linked by evidence for two groups reporting one act on one
day to join: reports of one happening worded afresh link to some of each other only."""
_ENOUGH = 2
"""Sources each of two one-day, one-act groups needs, and source pairs that must link,
to join when not every pair links (a single report joins only when every source links)."""
_DAY = Granularity.DAY.rank

Join = tuple[int, int, float]
"""Two mentions whose link joined their groups, and the link's cosine."""


@dataclass(frozen=True, slots=True)
class Grouped:
    """One event's mentions (corpus indices, in order) and the joins that made it."""

    members: list[int]
    joins: list[Join]


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
    joins: list[Join] = field(default_factory=list)
    norm: float | None = None

    @staticmethod
    def single(corpus: Corpus, i: int) -> _Group:
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
        self.joins.extend(other.joins)


def cluster(corpus: Corpus, pairs: Sequence[tuple[float, int, int]]) -> list[Grouped]:
    """Greedy best-first grouping; deterministic given pairs sorted best first.

    Groups are listed by their root, the lowest index of the larger side at each join.
    A mention still alone has no group state; it is checked from the corpus directly.
    """
    sets = UnionFind(len(corpus.mentions))
    parent = sets.parent
    groups: dict[int, _Group] = {}
    for negated, i, j in pairs:
        a = i if parent[i] == i else sets.find(i)
        b = j if parent[j] == j else sets.find(j)
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
        if sim < NEAR and not _linked(corpus, _members(left, a), _members(right, b)):
            continue
        left = left or _Group.single(corpus, a)
        right = right or _Group.single(corpus, b)
        if cosine_with(left.centroid, right.centroid, left.length(), right.length()) < COHESION:
            continue
        if len(left.members) < len(right.members):
            a, b, left, right = b, a, right, left
        sets.attach(b, a)
        groups.pop(b, None)
        left.absorb(right)
        left.joins.append((i, j, sim))
        groups[a] = left
    return [
        Grouped(sorted(groups[root].members), groups[root].joins)
        if root in groups
        else Grouped([root], [])
        for root in sets.roots()
    ]


def _members(group: _Group | None, root: int) -> list[int]:
    return [root] if group is None else group.members


def _linked(corpus: Corpus, left: list[int], right: list[int]) -> bool:
    """Whether two groups may join: no mention of one conflicts with one of the other's
    (another article's), and every source of one side has a report that evidence links
    to a report of each source of the other side, so a group is not a chain of
    neighbours. Large groups are checked on their first members, which bounds the cost."""
    evidence, mentions, sources = corpus.evidence, corpus.mentions, corpus.sources
    vectors = corpus.vectors
    linked: dict[tuple[str, str], bool] = {}
    for i in left[:_CHECKED]:
        for j in right[:_CHECKED]:
            if mentions[i].article == mentions[j].article:
                continue
            if evidence.conflict(i, j):
                return False
            key = (sources[i], sources[j])
            if key[0] != key[1] and not linked.get(key, False):
                sim = cosine_with(vectors[i], vectors[j], norm(vectors[i]), norm(vectors[j]))
                linked[key] = evidence.supports(i, j, sim)
    if all(linked.values()):
        return True
    found = sum(linked.values())
    return (
        found >= _ENOUGH
        and min(len({k[0] for k in linked}), len({k[1] for k in linked})) >= _ENOUGH
        and found >= LINKED_SHARE * len(linked)
        and _one_day_one_act(corpus, left[:_CHECKED], right[:_CHECKED])
    )


def _one_day_one_act(corpus: Corpus, left: list[int], right: list[int]) -> bool:
    """Whether two groups report one act on one day, so that most of their sources being
    linked is enough to join them (reports of one explosion are worded too differently
    for every pair to link, "the rig exploded on April 20" / "an April 20 explosion killed
    11 workers"): each side has reports dated that day and none dated another day, some
    act named by a verb is reported by most members of each side, and the sides do not
    name different participants (a participant missing from one side is no difference,
    and a name counts whatever its type)."""
    days: set[str] = set()
    for side in (left, right):
        dated = {
            v.value
            for i in side
            if (v := corpus.values[i]) is not None and v.granularity.rank >= _DAY
        }
        if not dated:
            return False
        days |= dated
    if len(days) != 1:
        return False
    facts = corpus.evidence.facts
    verbs = {f.verb_act for i in (*left, *right) if (f := facts(i)).verb_act is not None}
    if not any(all(_most_report(corpus, side, act) for side in (left, right)) for act in verbs):
        return False
    return not differ(_side_facts(corpus, left), _side_facts(corpus, right))


def _most_report(corpus: Corpus, side: list[int], act: str) -> bool:
    """Whether more than half of `side` report `act`, by their verb or an act word."""
    facts = corpus.evidence.facts
    found = sum(1 for i in side if facts(i).verb_act == act or act in facts(i).acts.words)
    return 2 * found > len(side)


def _side_facts(corpus: Corpus, side: list[int]) -> Facts:
    """One side's names, as one mention's facts: the participants and names of all."""
    facts = [corpus.evidence.facts(i) for i in side]
    return replace(
        facts[0],
        participants=frozenset().union(*(f.participants for f in facts)),
        entities=frozenset().union(*(f.entities for f in facts)),
    )


def _joinable(left: _Group, right: _Group, sim: float, spans: Mapping[str, Span | None]) -> bool:
    """Within one article, only mentions dated alike and from different sentences (a
    writer who dates two statements differently, "now" and "later this week", is telling
    two events); across the groups, dates compatible unless `sim` calls it a conflict."""
    if not left.sentences.keys().isdisjoint(right.sentences):
        return False
    a, b = (left, right) if len(left.dates) <= len(right.dates) else (right, left)
    if any(b.dates.get(article, date) != date for article, date in a.dates.items()):
        return False
    if sim >= NEAR:
        return True
    theirs = [spans[v] for v in right.values]
    return all(fits(spans[v], theirs) for v in left.values)


def _pair_joinable(corpus: Corpus, i: int, j: int, sim: float) -> bool:
    """`_joinable` for two single mentions."""
    a, b = corpus.mentions[i], corpus.mentions[j]
    if a.article == b.article and (a.start == b.start or a.date != b.date):
        return False
    span, other = corpus.spans[a.date], corpus.spans[b.date]
    if span is None or other is None:
        return False
    return sim >= NEAR or fits(span, (other,))


def _admits(corpus: Corpus, group: _Group, i: int, sim: float) -> bool:
    """`_joinable` for a group and a single mention."""
    m = corpus.mentions[i]
    span = corpus.spans[m.date]
    if span is None or group.dates.get(m.article, m.date) != m.date:
        return False
    if corpus.sentences[i] in group.sentences:
        return False
    spans = corpus.spans
    return sim >= NEAR or fits(span, [spans[v] for v in group.values])


def fits(span: Span | None, others: Iterable[Span | None]) -> bool:
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
