"""Per-article extraction cache, so a rebuild after one new article only parses that article.

An entry is keyed by a hash of the ingested article (text and every metadata field but its
file's path, which extraction never reads: a reorganised archive is not parsed again), the
pipeline version (timeline, spaCy, model) and the options that shape extraction. Entries
carry their key and a checksum of their payload: a corrupt, truncated or stale entry is
detected, ignored and recomputed, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from timeline.store.entry import read_entry, write_entry
from timeline.store.parses import ParseCache
from timeline.store.serialize import (
    article_to_dict,
    mention_from_dict,
    mention_to_dict,
    set_aside_from_dict,
    set_aside_to_dict,
    timex_from_dict,
    timex_to_dict,
)
from timeline.types import Article, ArticleResult
from timeline.version import __version__

log = logging.getLogger(__name__)
FORMAT = 1


@dataclass(frozen=True, slots=True)
class ExtractionCache:
    """A folder of JSON entries; `None` directory means caching is off. `parses`, when
    given, is the parse cache below it: what extracting a missing entry parses."""

    directory: Path | None
    pipeline_version: str
    parses: ParseCache | None = None

    def key(self, article: Article) -> str:
        metadata = article_to_dict(article)
        del metadata["path"]
        payload = json.dumps(
            [FORMAT, __version__, self.pipeline_version, metadata, article.text],
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def get(self, article: Article) -> ArticleResult | None:
        """The cached result, or None when absent, corrupt or made by another pipeline."""
        if self.directory is None:
            return None
        key = self.key(article)
        body = read_entry(self._path(key), key)
        if body is None:
            return None
        try:
            return ArticleResult(
                article=article,
                timexes=tuple(timex_from_dict(t) for t in body["timexes"]),
                mentions=tuple(mention_from_dict(m) for m in body["mentions"]),
                set_aside=tuple(set_aside_from_dict(p) for p in body["set_aside"]),
                shingles=frozenset(map(int, body["shingles"])),
            )
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("cache: ignoring unusable entry for %s (%s); recomputing", article.id, exc)
            return None

    def put(self, result: ArticleResult) -> None:
        if self.directory is None:
            return
        key = self.key(result.article)
        body = {
            "timexes": [timex_to_dict(t) for t in result.timexes],
            "mentions": [{**mention_to_dict(m), "lemmas": list(m.lemmas)} for m in result.mentions],
            "set_aside": [set_aside_to_dict(p) for p in result.set_aside],
            "shingles": sorted(result.shingles),
        }
        write_entry(self._path(key), key, body)
