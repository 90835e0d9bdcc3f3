"""The articles read from each input file, kept between builds.

Reading, cleaning and language-checking a thousand articles costs more than everything
else a rebuild does when nothing new needs parsing. What a file yields depends only on
its bytes, the name it is shown under, its manifest entry, the reading options and the
ingest code, so that is the key (the code is hashed, as for the extraction cache).
Entries carry their key and a checksum of their payload: a damaged or stale entry is
read again from the file, never trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from timeline import __version__
from timeline.model import Article, DateSource, Published, Status
from timeline.serialize import article_to_dict

log = logging.getLogger(__name__)
FORMAT = 1


@cache
def ingest_version() -> str:
    """A digest of the code that turns files into articles."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(__version__.encode())
    for source in (*sorted((package / "ingest").glob("*.py")), package / "clean.py"):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


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
        path = self._path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            body = entry["body"]
            if entry.get("key") != key or entry.get("sha256") != _digest(body):
                raise ValueError("key or checksum mismatch")
            return tuple(article_from_dict(a) for a in body)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("ingest cache: ignoring damaged entry %s (%s)", path, error)
            return None

    def put(self, key: str, articles: tuple[Article, ...]) -> None:
        body = [{**article_to_dict(a), "text": a.text} for a in articles]
        entry = {"key": key, "sha256": _digest(body), "body": body}
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(entry, out, ensure_ascii=False)
            Path(temporary).replace(path)
        except OSError as error:  # a read-only or full cache folder only costs speed
            log.warning("ingest cache: cannot write %s (%s)", path, error)


def _digest(body: Any) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def article_from_dict(data: dict[str, Any]) -> Article:
    """The inverse of `article_to_dict` plus the text."""
    published = data["published"]
    return Article(
        id=data["id"],
        path=data["path"],
        title=data["title"],
        publisher=data["publisher"],
        url=data["url"],
        published=Published(
            date=dt.date.fromisoformat(published) if published else None,
            source=DateSource(data["published_source"]),
            timezone=data["timezone"],
            detail=data["published_detail"],
        ),
        text=data["text"],
        status=Status(data["status"]),
        messages=tuple(data["messages"]),
        removed=tuple(data["removed"]),
        language=data["language"],
    )
