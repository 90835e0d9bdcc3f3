"""Built pages kept between builds, so a rebuild renders only the pages whose data changed.

A page's key is a digest of everything its HTML is made from: the site-wide settings,
theme and rendering code (`salt`), and the page's own path, title, template and data.
Pages are stored by the SHA-256 of their bytes (like git objects) and listed in an index
of key -> digest; an entry is used only when its bytes still hash to that digest, so a
damaged or edited entry is rendered again, never trusted. The index keeps the keys of the
latest build only, and stored pages nothing refers to any more are removed.

Pages are hard-linked between the store and the site when both are on one file system,
which makes placing thousands of unchanged pages (and later deleting the old site) cheap.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import types
import typing
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from timeline.site.fragments import FragmentCache

log = logging.getLogger(__name__)

INDEX = "index.json"
_FORMAT = 1


_SCALARS = frozenset({str, int, float, bool, type(None), dt.date})


def _is_flat(kind: type) -> bool:
    """A dataclass whose fields are all scalars (by their type hints) and all in its repr:
    its repr is then a complete, stable description, and far cheaper than walking it."""
    try:
        hints = typing.get_type_hints(kind)
    except (NameError, TypeError):
        return False
    for field in dataclasses.fields(kind):
        hint = hints.get(field.name)
        options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        if not field.repr or not all(option in _SCALARS for option in options):
            return False
    return True


def fingerprinter() -> Callable[[Any], bytes]:
    """A function giving stable bytes for plain data (str, numbers, tuples, dicts and
    dataclasses of them). Dataclass instances are digested once per build: the same event
    appears on the timeline, its sources' pages and its entities' pages."""
    memo: dict[int, tuple[object, bytes]] = {}
    names: dict[type, tuple[str, ...] | None] = {}  # None: flat, use the repr

    def fingerprint(value: Any) -> bytes:
        kind = type(value)
        if kind is str:
            text: str = value
            return b"s" + text.encode("utf-8", "surrogatepass") + b"\0"
        if kind is tuple or kind is list:
            return b"(" + b"".join([fingerprint(v) for v in value]) + b")"
        if kind is dict:
            return (
                b"{" + b"".join([fingerprint(k) + fingerprint(v) for k, v in value.items()]) + b"}"
            )
        if kind not in names:
            if not dataclasses.is_dataclass(value):
                if kind in _SCALARS:
                    return repr(value).encode() + b"\0"
                raise TypeError(f"cannot fingerprint {kind.__name__} page data")
            flat = _is_flat(kind)
            names[kind] = None if flat else tuple(f.name for f in dataclasses.fields(value))
        fields = names[kind]
        if fields is None:
            return b"r" + repr(value).encode("utf-8", "surrogatepass") + b"\0"
        hit = memo.get(id(value))
        if hit is None:
            parts = [fingerprint(getattr(value, name)) for name in fields]
            digest = hashlib.sha1(kind.__qualname__.encode() + b"".join(parts)).digest()
            hit = memo[id(value)] = (value, b"d" + digest)  # keeps value alive: ids stay unique
        return hit[1]

    return fingerprint


class PageCache:
    """The page store of one cache folder, for one build."""

    def __init__(self, directory: Path, salt: str) -> None:
        self.directory = directory
        self.salt = salt
        self._fingerprint = fingerprinter()
        self.fragments = FragmentCache(directory, salt, self._fingerprint)
        self._known = self._read_index()
        self._used: dict[str, str] = {}

    def key(self, path: str, title: str, template: str, data: Any) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in (path, title, template):
            digest.update(self._fingerprint(part))
        digest.update(self._fingerprint(data))
        return digest.hexdigest()

    def lookup(self, key: str) -> Path | None:
        """The stored page for key, if it is there and intact."""
        digest = self._known.get(key)
        if digest is None:
            return None
        stored = self._object(digest)
        try:
            intact = hashlib.sha256(stored.read_bytes()).hexdigest() == digest
        except OSError:
            intact = False
        if not intact:
            log.warning("page cache: %s is damaged; rendering the page again", stored)
            return None
        self._used[key] = digest
        return stored

    def place(self, stored: Path, target: Path) -> None:
        """Put a stored page into the site being built."""
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(stored, target)

    def keep(self, key: str, built: Path) -> None:
        """Store a freshly built page (its bytes as written into the site)."""
        digest = hashlib.sha256(built.read_bytes()).hexdigest()
        stored = self._object(digest)
        if not stored.is_file():
            stored.parent.mkdir(parents=True, exist_ok=True)
            temporary = stored.with_suffix(".tmp")
            _link_or_copy(built, temporary)
            temporary.replace(stored)
        self._used[key] = digest

    def commit(self) -> None:
        """Write the index of this build's pages and drop pages nothing refers to."""
        self.directory.mkdir(parents=True, exist_ok=True)
        self.fragments.commit()
        index = self.directory / INDEX
        temporary = index.with_suffix(".tmp")
        payload = {"format": _FORMAT, "salt": self.salt, "pages": dict(sorted(self._used.items()))}
        temporary.write_text(json.dumps(payload), encoding="utf-8")
        temporary.replace(index)
        live = set(self._used.values())
        for stored in _objects(self.directory):
            if stored.stem not in live:
                stored.unlink(missing_ok=True)

    def _object(self, digest: str) -> Path:
        return self.directory / digest[:2] / f"{digest}.html"

    def _read_index(self) -> dict[str, str]:
        try:
            payload = json.loads((self.directory / INDEX).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("page cache: unreadable index (%s); rendering every page", error)
            return {}
        if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
            return {}
        pages = payload.get("pages")
        if not isinstance(pages, dict):
            return {}
        return {k: v for k, v in pages.items() if isinstance(k, str) and isinstance(v, str)}


def _objects(directory: Path) -> Iterable[Path]:
    return (p for p in directory.glob("??/*.html") if p.is_file())


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, target)
