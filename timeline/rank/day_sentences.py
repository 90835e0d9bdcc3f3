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
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import mul

from timeline.merge import features
from timeline.merge.tfidf import Rows, Vector, tfidf_matrix
from timeline.rank.evidence import day_of
from timeline.types import Article, EventMention, mention_order

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
    rows: Rows  # TF-IDF vector of each sentence, IDF over every sentence of the corpus
    sources: Mapping[str, str]  # article id -> its source (wire copies share one)
    published: Mapping[str, dt.date | None]  # article id -> publication date


def candidates(
    mentions: Iterable[EventMention],
    articles: Mapping[str, Article],
    sources: Mapping[str, str],
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Candidates:
    """Index `mentions` by the day they are dated to (days between `start` and `end`).

    A sentence is one candidate per day it tells ("the rig that exploded on April 20
    sank on Thursday" tells both days) and one row of the TF-IDF matrix.
    """
    rows: dict[tuple[str, int], int] = {}
    bags: list[Counter[str]] = []
    by_day: dict[dt.date, dict[int, EventMention]] = defaultdict(dict)
    for mention in sorted(mentions, key=mention_order):
        row = rows.setdefault((mention.article, mention.start), len(bags))
        if row == len(bags):
            bags.append(features(mention))
        day = day_of(mention.date)
        if day is not None and (start is None or day >= start) and (end is None or day <= end):
            by_day[day].setdefault(row, mention)
    return Candidates(
        by_day={day: tuple(told.items()) for day, told in by_day.items()},
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
    pool = found.by_day.get(day, ())
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
