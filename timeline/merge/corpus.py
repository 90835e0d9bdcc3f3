"""The corpus merging works on: mentions in a canonical order and what is read of each.

Everything merging compares is worked out here once per corpus (date spans, TF-IDF
vectors of content lemmas and names, sources, sentence ids) and kept as parallel lists:
one object per corpus rather than one per mention.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from timeline.merge.evidence import Evidence, canonical_lemmas
from timeline.merge.tfidf import Matrix, Rows, tfidf_matrix
from timeline.types import DateValue, EventMention

Span = tuple[int, int]
"""A period's first and last day, as ordinals."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """Mentions in canonical order and what merging reads of each, as parallel lists:
    one object per corpus rather than one per mention."""

    mentions: list[EventMention]
    values: list[DateValue | None]
    vectors: Rows
    sources: list[str]
    sentences: list[int]  # mentions of one sentence (article and start) share an id
    spans: dict[str, Span | None]  # date value -> its first and last day
    matrix: Matrix
    evidence: Evidence


def build_corpus(ordered: list[EventMention], sources: Mapping[str, str]) -> Corpus:
    """The corpus of `ordered` mentions (in `types.mention_order`); `sources` maps article
    ids to their source (wire copies share one)."""
    parsed = {d: DateValue.parse(d) for d in {m.date for m in ordered}}
    matrix = tfidf_matrix([bag(m) for m in ordered])
    values = [parsed[m.date] for m in ordered]
    return Corpus(
        mentions=ordered,
        values=values,
        evidence=Evidence(ordered, values),
        vectors=Rows.of(matrix),
        sources=[sources.get(m.article, m.article) for m in ordered],
        sentences=_sentence_ids(ordered),
        spans={d: None if v is None else _span(v) for d, v in parsed.items()},
        matrix=matrix,
    )


def _sentence_ids(mentions: Sequence[EventMention]) -> list[int]:
    first: dict[tuple[str, int], int] = {}
    return [first.setdefault((m.article, m.start), k) for k, m in enumerate(mentions)]


def _span(value: DateValue) -> Span:
    return value.first.toordinal(), value.last.toordinal()


def features(m: EventMention) -> Counter[str]:
    """Bag of content lemmas and entities (people also by surname: "Kerry" = "John Kerry")."""
    return Counter(bag(m))


def bag(m: EventMention) -> dict[str, int]:
    """`features` as a plain dict, which is cheaper to build than a Counter."""
    found = canonical_lemmas(m.lemmas)
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
