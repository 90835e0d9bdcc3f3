"""Wire copies: near-identical articles (one story republished by several outlets) are
one source, so they count once as evidence and merge as one voice.

Two articles are copies when they share most of the shorter one's word 5-grams; the
5-grams are hashed (CRC-32, the same in every process) and sampled, and only those found
in several articles are ever paired, so the cost follows the copies, not the corpus.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from timeline.merge.unionfind import UnionFind
from timeline.shingles import text_shingles
from timeline.types import Article

DUPLICATE = 0.8
"""Share of the shorter article's word 5-grams that makes two articles one wire story."""


def source_groups(
    articles: Mapping[str, Article], known: Mapping[str, frozenset[int]] | None = None
) -> dict[str, str]:
    """Map each article id to its source: near-identical texts (a wire story republished
    by several outlets) share one, named after the smallest id among them. `known` holds
    `text_shingles` already computed for some articles (cached with their extraction)."""
    known = known or {}
    shingles = {aid: known.get(aid) or text_shingles(a.text) for aid, a in articles.items()}
    ids = sorted(shingles)
    index = {aid: k for k, aid in enumerate(ids)}
    sets = UnionFind(len(ids))
    for (a, b), count in sorted(_shared_shingles(shingles).items()):
        smaller = min(len(shingles[a]), len(shingles[b]))
        if smaller and count / smaller >= DUPLICATE:
            ra, rb = sets.find(index[a]), sets.find(index[b])
            if ra != rb:  # the smallest id names the source
                sets.attach(max(ra, rb), min(ra, rb))
    return {aid: ids[sets.find(index[aid])] for aid in shingles}


def _shared_shingles(shingles: Mapping[str, frozenset[int]]) -> Counter[tuple[str, str]]:
    """How many shingles each pair of articles shares (ids in order), counting only
    shingles found in at most 50 articles; those found once, most of them, are set
    aside by set operations before any pair is looked at."""
    seen: set[int] = set()
    repeated: set[int] = set()
    for hashes in shingles.values():
        repeated |= hashes & seen
        seen |= hashes
    index: dict[int, list[str]] = defaultdict(list)
    for aid in sorted(shingles):
        for h in shingles[aid] & repeated:
            index[h].append(aid)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in index.values():
        if len(ids) <= 50:
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    shared[ids[x], ids[y]] += 1
    return shared
