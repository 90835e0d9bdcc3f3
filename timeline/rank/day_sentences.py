"""Which sentences tell a key day: the day's own statement, as most sources put it.

The candidates of a day are the event mentions dated to it. A sentence scores by how
much of what it says other sources say too: its summed TF-IDF cosine with the day's
candidates from other sources (wire copies are one source, so a republished story does
not vote for itself). IDF is taken over every mention of the corpus, so words that
recur everywhere (the story's name, page furniture) weigh little. A report published
within `REPORT_DAYS` of the day counts `OWN_REPORT` times: the event's own statement
beats a later aside ("..., which began when the rig exploded on 20 April"), while a day
no one reported at the time is still told by the sources that looked back. The best
are taken greedily, skipping near-repeats of a sentence already chosen.

A day no statement is dated to can still be told by a sentence that names it in passing
(`named_in_passing`: "the shares, which fell on 15 September, rose today" is dated to
today, and also says what happened on 15 September). Such asides tell only the days
that have no statement of their own.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import mul

from timeline.merge import features
from timeline.merge.tfidf import Rows, Vector, tfidf_matrix
from timeline.rank.evidence import day_of
from timeline.types import Article, ArticleResult, EventMention, mention_order

OWN_REPORT = 2.0
"""Weight of a sentence reported at the time (`REPORT_DAYS`), against later ones."""
REPORT_DAYS = 2
"""Days after the event within which a report is the event's own: the same day online,
the next in print, the day after a weekend."""
REDUNDANT = 0.5
"""Cosine above which a sentence repeats one already chosen for the day."""


@dataclass(frozen=True, slots=True)
class Candidates:
    """The corpus's sentences with their vectors, and which of them tell each day."""

    # day -> (sentence row, the mention dating that sentence to the day), canonical order
    by_day: Mapping[dt.date, tuple[tuple[int, EventMention], ...]]
    # day -> sentences naming it in passing, for the days `by_day` lacks, in the same form
    asides: Mapping[dt.date, tuple[tuple[int, EventMention], ...]]
    rows: Rows  # TF-IDF vector of each sentence, IDF over every sentence of the corpus
    sources: Mapping[str, str]  # article id -> its source (wire copies share one)
    published: Mapping[str, dt.date | None]  # article id -> publication date

    @property
    def told(self) -> frozenset[dt.date]:
        """The days some sentence can tell."""
        return frozenset(self.by_day) | frozenset(self.asides)


def candidates(
    mentions: Iterable[EventMention],
    articles: Mapping[str, Article],
    sources: Mapping[str, str],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    asides: Iterable[EventMention] = (),
) -> Candidates:
    """Index `mentions` by the day they are dated to (days between `start` and `end`),
    and `asides` (`named_in_passing`) by the day they name, for the days no mention has.

    A sentence is one candidate per day it tells ("the rig that exploded on April 20
    sank on Thursday" tells both days) and one row of the TF-IDF matrix.
    """
    rows: dict[tuple[str, int], int] = {}
    bags: list[Counter[str]] = []
    by_day: dict[dt.date, dict[int, EventMention]] = defaultdict(dict)
    passing: dict[dt.date, dict[int, EventMention]] = defaultdict(dict)
    tagged = [(m, False) for m in mentions] + [(m, True) for m in asides]
    for mention, aside in sorted(tagged, key=lambda t: (t[1], mention_order(t[0]))):
        row = rows.setdefault((mention.article, mention.start), len(bags))
        if row == len(bags):
            bags.append(features(mention))
        day = day_of(mention.date)
        if day is not None and (start is None or day >= start) and (end is None or day <= end):
            if not aside:
                by_day[day].setdefault(row, mention)
            elif day not in by_day:
                passing[day].setdefault(row, mention)
    return Candidates(
        by_day={day: tuple(told.items()) for day, told in by_day.items()},
        asides={day: tuple(told.items()) for day, told in passing.items()},
        rows=Rows.of(tfidf_matrix(bags)),
        sources=sources,
        published={aid: a.published.date for aid, a in articles.items()},
    )


def day_sentences(
    found: Candidates,
    day: dt.date,
    count: int,
    *,
    own_report: float = OWN_REPORT,
    report_days: int = REPORT_DAYS,
) -> tuple[EventMention, ...]:
    """The `count` sentences that best tell `day` (fewer when it has fewer distinct ones).

    Sentences no other source echoes (a day one source reported) rank by how central
    they are among all of the day's sentences. `own_report` and `report_days` are the
    shipped weights unless a comparison asks for others.
    """
    pool = found.by_day.get(day) or found.asides.get(day, ())
    vectors = [found.rows[row] for row, _ in pool]
    articles = [m.article for _, m in pool]
    echoed = _centrality(vectors, [found.sources.get(a, a) for a in articles])
    central = _centrality(vectors, [str(k) for k in range(len(pool))])
    weight = [
        own_report if _own_report(found.published.get(a), day, report_days) else 1.0
        for a in articles
    ]
    order = sorted(
        range(len(pool)), key=lambda k: (-weight[k] * echoed[k], -weight[k] * central[k], k)
    )
    picked: list[int] = []
    for k in order:
        if len(picked) >= count:
            break
        if all(_dot(vectors[k], vectors[j]) < REDUNDANT for j in picked):
            picked.append(k)
    return tuple(pool[k][1] for k in picked)


def named_in_passing(result: ArticleResult) -> tuple[EventMention, ...]:
    """The article's statements re-dated to each other day their sentence names: a
    background clause or an aside ("since the collapse on 15 September") is no event of
    its own, but it says what happened that day."""
    found: dict[tuple[int, dt.date], EventMention] = {}
    days = ((t, day_of(t.value)) for t in result.timexes if t.type in _DATED)
    dated = sorted(((t.start, t, d) for t, d in days if d is not None), key=lambda x: x[0])
    starts = [start for start, _, _ in dated]
    for mention in result.mentions:
        own = day_of(mention.date)
        inside = dated[bisect_left(starts, mention.start) : bisect_left(starts, mention.end)]
        for _, timex, day in inside:
            if day == own:
                continue
            found.setdefault(
                (mention.start, day),
                replace(
                    mention, date=day.isoformat(), timex=timex, date_source="timex", predicate=""
                ),
            )
    return tuple(found.values())


_DATED = frozenset({"DATE", "TIME"})


def _own_report(published: dt.date | None, day: dt.date, report_days: int) -> bool:
    return published is not None and 0 <= (published - day).days <= report_days


def _centrality(vectors: Sequence[Vector], groups: Sequence[str]) -> list[float]:
    """Each vector's summed dot product with the vectors of other groups.

    Computed as v . (total - own group's total): n vector additions rather than n * n
    comparisons. A feature only the own group has cancels exactly (the same terms are
    added in the same order), so a lone group scores 0.
    """
    total: dict[str, float] = defaultdict(float)
    by_group: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for vector, group in zip(vectors, groups, strict=True):
        own = by_group[group]
        for feature, weight in vector.items():
            total[feature] += weight
            own[feature] += weight
    return [
        sum(w * (total[f] - by_group[g][f]) for f, w in vector.items())
        for vector, g in zip(vectors, groups, strict=True)
    ]


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return float(sum(map(mul, a.values(), (b.get(f, 0.0) for f in a))))
