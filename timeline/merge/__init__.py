"""Event mentions across sources -> events.

Two mentions report the same event when their dates are compatible (one period lies
inside the other: "Friday" inside "later this week"), their content is similar (TF-IDF
cosine over content lemmas and named entities, IDF over the corpus) and the evidence
says they share the happening: an act, participants who do not conflict, their own
dates rather than a background clause's (`timeline.merge.evidence`). A shared date or
theme alone never merges anything, and each merged event records why it was joined.

The result is a function of the set of mentions: input order does not matter, every
mention lands in exactly one event, and event ids hash the date and the mentions'
provenance. Comparisons are blocked by date (`timeline.merge.candidates`), so cost grows
with the busiest day, not the square of the corpus.

Modules: `corpus` (what is read of each mention), `candidates` (which pairs are
compared), `evidence` (whether a pair is one happening), `groups` (growing events),
`build` (events from groups), `entities` (one canonical entity per name), `wire` and
`shingles` (wire copies), `tfidf`, `unionfind`, `lexicon` (English data).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

from timeline.merge.build import build_event
from timeline.merge.candidates import similar_pairs
from timeline.merge.corpus import build_corpus, features
from timeline.merge.groups import cluster
from timeline.merge.wire import source_groups
from timeline.types import Article, Event, EventMention, date_order, mention_order

__all__ = [
    "features",
    "merge_mentions",
    "source_groups",
]


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
        published = {k: a.published.date for k, a in articles.items()}
        corpus = build_corpus(ordered, sources, published)
        events = [build_event(corpus, group) for group in cluster(corpus, similar_pairs(corpus))]
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
