"""The corpus merging works on: mentions in a canonical order and what is read of each.

Everything merging compares is worked out here once per corpus (date spans, TF-IDF
vectors of content lemmas and names, sources, sentence ids) and kept as parallel lists:
one object per corpus rather than one per mention.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from timeline.merge.acts import predicate
from timeline.merge.evidence import Evidence, canonical_lemmas
from timeline.merge.lexicon import PERSON_LABELS
from timeline.merge.tfidf import Matrix, Rows, tfidf_matrix
from timeline.types import DateValue, EventMention

Span = tuple[int, int]
"""A period's first and last day, as ordinals."""
COMMON_SHARE, COMMON_FLOOR = 0.005, 50
"""A feature in more mentions than this share of the corpus (and this floor) is common: the
story's theme ("earthquake" in a story of one) or its main place. It proposes no
candidates, and it is no evidence that two reports tell one happening."""


def common_limit(rows: int) -> int:
    """Mentions a feature may be in and not be common (`COMMON_SHARE`, `COMMON_FLOOR`)."""
    return max(COMMON_FLOOR, int(COMMON_SHARE * rows))


@dataclass(frozen=True, slots=True)
class Corpus:
    """Mentions in canonical order and what merging reads of each, as parallel lists:
    one object per corpus rather than one per mention."""

    mentions: list[EventMention]
    values: list[DateValue | None]
    vectors: Rows
    sources: list[str]
    published: list[int | None]  # the day each mention's article came out, as an ordinal
    sentences: list[int]  # mentions of one sentence (article and start) share an id
    spans: dict[str, Span | None]  # date value -> its first and last day
    matrix: Matrix
    evidence: Evidence


def build_corpus(
    ordered: list[EventMention],
    sources: Mapping[str, str],
    published: Mapping[str, dt.date | None] | None = None,
) -> Corpus:
    """The corpus of `ordered` mentions (in `types.mention_order`); `sources` maps article
    ids to their source (wire copies share one), `published` to their publication day."""
    days = {} if published is None else published
    parsed = {d: DateValue.parse(d) for d in {m.date for m in ordered}}
    verbs = {v: predicate(v) for v in {m.predicate for m in ordered}}  # a few per story
    matrix = tfidf_matrix([bag(m, verbs[m.predicate].act) for m in ordered])
    values = [parsed[m.date] for m in ordered]
    limit = common_limit(matrix.rows)
    counts = zip(matrix.names, matrix.df.tolist(), strict=True)
    common = frozenset(name for name, df in counts if df > limit)
    return Corpus(
        mentions=ordered,
        values=values,
        evidence=Evidence(ordered, values, verbs, common),
        vectors=Rows.of(matrix),
        sources=[sources.get(m.article, m.article) for m in ordered],
        published=[_ordinal(days.get(m.article)) for m in ordered],
        sentences=_sentence_ids(ordered),
        spans={d: None if v is None else _span(v) for d, v in parsed.items()},
        matrix=matrix,
    )


def _ordinal(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


def _sentence_ids(mentions: Sequence[EventMention]) -> list[int]:
    first: dict[tuple[str, int], int] = {}
    return [first.setdefault((m.article, m.start), k) for k, m in enumerate(mentions)]


def _span(value: DateValue) -> Span:
    return value.first.toordinal(), value.last.toordinal()


def features(m: EventMention) -> Counter[str]:
    """Bag of content lemmas and entities (people also by surname: "Kerry" = "John Kerry")."""
    return Counter(bag(m))


def bag(m: EventMention, verb_act: str | None = None) -> dict[str, int]:
    """`features` as a plain dict, which is cheaper to build than a Counter; merging adds
    the act the date's verb names (`verb_act`, as "^" and its stem: "^attack" for
    "struck"), so that reports of one act are compared."""
    found = canonical_lemmas(m.lemmas)
    if verb_act is not None:
        found.append(f"^{verb_act}")
    for ent in m.entities:
        name = ent.text.lower()
        found.append(f"@{name}")
        if ent.label in PERSON_LABELS and " " in name:
            found.append(f"@{name.rsplit(' ', 1)[1]}")
    bag = dict.fromkeys(found, 1)
    if len(bag) < len(found):
        bag = dict.fromkeys(found, 0)
        for f in found:
            bag[f] += 1
    return bag
