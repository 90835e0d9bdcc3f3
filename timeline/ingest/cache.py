"""The articles read from each input file, kept between builds.

Reading, cleaning and language-checking a thousand articles costs more than everything
else a rebuild does when nothing new needs parsing. What a file yields depends only on
its bytes, the name it is shown under, its manifest entry, the reading options and the
ingest code, so that is the key (the code is hashed, as for the extraction cache).
Entries carry their key and a checksum of their payload: a damaged or stale entry is
read again from the file, never trusted.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from timeline.store.code_hash import code_digest, module_closure, package_modules
from timeline.store.entry import read_entry, write_entry
from timeline.store.serialize import article_from_dict, article_to_dict
from timeline.types import Article
from timeline.version import __version__

log = logging.getLogger(__name__)
FORMAT = 1


def ingest_sources() -> tuple[Path, ...]:
    """The code that turns files into articles: every module of this package (readers load
    on use, so all of them) and every timeline module they import."""
    return module_closure(package_modules("timeline.ingest"))


@cache
def ingest_version() -> str:
    """A digest of that code, of the time zone names declared zones are checked against
    (the tzdata package) and of the dateparser that reads declared dates."""
    code = code_digest(ingest_sources())
    versions = f"tzdata-{metadata.version('tzdata')}/dateparser-{metadata.version('dateparser')}"
    return f"{__version__}/{versions}/{code}"


@dataclass(frozen=True, slots=True)
class IngestCache:
    """A folder of JSON entries, one per input file version."""

    directory: Path

    def key(self, data: bytes, context: str) -> str:
        """`context`: everything besides the bytes that shapes the articles (name,
        manifest entry, options), as a stable string."""
        digest = hashlib.sha256(f"{FORMAT}\0{ingest_version()}\0{context}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[Article, ...] | None:
        body = read_entry(self._path(key), key)
        if body is None:
            return None
        try:
            return tuple(article_from_dict(a) for a in body)
        except (ValueError, KeyError, TypeError) as error:
            log.warning("ingest cache: ignoring damaged entry %s (%s)", self._path(key), error)
            return None

    def put(self, key: str, articles: tuple[Article, ...]) -> None:
        write_entry(
            self._path(key), key, [{**article_to_dict(a), "text": a.text} for a in articles]
        )
