"""Built pages kept between builds, so a rebuild renders only the pages whose data changed.

A page's key is a digest of everything its HTML is made from: the site-wide settings,
theme and rendering code (`salt`), and the page's own path, title, template and data.
Pages are stored by the SHA-256 of their bytes (like git objects) and listed in an index
of key -> digest; an entry is used only when its bytes still hash to that digest, checked
each time it is used, so a damaged or edited entry is rendered again, never published.
(Size and modification time prove nothing: a tool can restore both after changing the
bytes. Hashing every stored page of a 1,000-article site, about 56 MB, takes a fifth of a
second.) The index keeps the keys of the latest build only, and stored pages nothing
refers to any more are removed: only files named as this store names them
(`xx/<digest>.html`), so a cache folder pointed at someone's files costs them nothing.

Pages are hard-linked between the store and the site when both are on one file system,
which makes placing thousands of unchanged pages (and later deleting the old site) cheap.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import operator
import os
import re
import shutil
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from timeline.site.fragments import FragmentCache

log = logging.getLogger(__name__)

INDEX = "index.json"
_FORMAT = 5
_OBJECT = re.compile(r"([0-9a-f]{2})[0-9a-f]{62}\.html")  # a stored page's file name


_SCALARS = frozenset({str, int, float, bool, type(None), dt.date})


def _plain(hint: Any) -> bool:
    """A scalar, or a tuple of scalars: its repr (made in C) describes it completely."""
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    if all(option in _SCALARS for option in options):
        return True
    if typing.get_origin(hint) is tuple:
        return all(arg in _SCALARS or arg is Ellipsis for arg in typing.get_args(hint))
    return False


@dataclasses.dataclass(frozen=True, slots=True)
class _Plan:
    """How to digest instances of one dataclass: its plain fields in one C-level call,
    the others (nested dataclasses, tuples of them) one by one."""

    plain: Callable[[Any], tuple[Any, ...]]
    nested: tuple[str, ...]


def _plan(kind: type) -> _Plan:
    try:
        hints = typing.get_type_hints(kind)
    except (NameError, TypeError):
        hints = {}
    names = [f.name for f in dataclasses.fields(kind)]
    plain = [n for n in names if n in hints and _plain(hints[n])]
    nested = tuple(n for n in names if n not in plain)
    if len(plain) > 1:
        return _Plan(plain=operator.attrgetter(*plain), nested=nested)
    return _Plan(plain=lambda value: tuple(getattr(value, n) for n in plain), nested=nested)


def _shown(kind: type, plan: _Plan, value: Any) -> bytes:
    return kind.__qualname__.encode() + repr(plan.plain(value)).encode("utf-8", "surrogatepass")


def fingerprinter() -> Callable[[Any], bytes]:
    """A function giving stable bytes for plain data (str, numbers, tuples, dicts and
    dataclasses of them). Dataclass instances with nested data are digested once per
    build: the same event appears on the timeline, its sources' pages and its entities'
    pages."""
    memo: dict[int, tuple[object, bytes]] = {}
    plans: dict[type, _Plan] = {}

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
        if kind in _SCALARS:
            return repr(value).encode() + b"\0"
        plan = plans.get(kind)
        if plan is None:
            if not dataclasses.is_dataclass(value):
                raise TypeError(f"cannot fingerprint {kind.__name__} page data")
            plan = plans[kind] = _plan(kind)
        if not plan.nested:
            return b"r" + _shown(kind, plan, value) + b"\0"
        hit = memo.get(id(value))
        if hit is None:
            shown = _shown(kind, plan, value)
            nested = [fingerprint(getattr(value, name)) for name in plan.nested]
            digest = hashlib.sha1(shown + b"".join(nested)).digest()
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
        self._known, self._known_pieces = self._read_index()
        self._used: dict[str, str] = {}
        self._intact: set[str] = set()  # digests whose files were checked in this build
        self._pieces: dict[str, list[str]] = {}  # page key -> its fragments, when it has any
        self._folders: set[Path] = set()  # site folders made so far

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
        if digest not in self._intact:
            try:
                intact = _digest(stored) == digest
            except OSError:
                intact = False
            if not intact:
                log.warning("page cache: %s is damaged; rendering the page again", stored)
                return None
            self._intact.add(digest)
        self._used[key] = digest
        pieces = self._known_pieces.get(key)
        if pieces:
            self.fragments.carry(pieces)
            self._pieces[key] = pieces
        return stored

    def place(self, stored: Path, target: Path) -> None:
        """Put a stored page into the site being built."""
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        _link_or_copy(stored, target)

    def keep(self, key: str, built: Path, pieces: Iterable[str] = ()) -> None:
        """Store a freshly built page (its bytes as written into the site) and the keys of
        the fragments it was rendered with."""
        digest = _digest(built)
        stored = self._object(digest)
        if not stored.is_file():
            stored.parent.mkdir(parents=True, exist_ok=True)
            temporary = stored.with_suffix(".tmp")
            _link_or_copy(built, temporary)
            temporary.replace(stored)
        self._used[key] = digest
        if pieces := list(pieces):
            self._pieces[key] = pieces

    def commit(self) -> None:
        """Write the index of this build's pages and drop pages nothing refers to."""
        self.directory.mkdir(parents=True, exist_ok=True)
        self.fragments.commit()
        index = self.directory / INDEX
        temporary = index.with_suffix(".tmp")
        payload = {
            "format": _FORMAT,
            "salt": self.salt,
            "pages": dict(sorted(self._used.items())),
            "fragments": dict(sorted(self._pieces.items())),
        }
        temporary.write_text(json.dumps(payload), encoding="utf-8")
        temporary.replace(index)
        live = {f"{digest}.html" for digest in self._used.values()}
        for stored in _objects(self.directory):
            if stored.name not in live:
                Path(stored.path).unlink(missing_ok=True)

    def _object(self, digest: str) -> Path:
        return self.directory / digest[:2] / f"{digest}.html"

    def _read_index(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Page key -> stored digest, page key -> its fragment keys."""
        try:
            payload = json.loads((self.directory / INDEX).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}, {}
        except (OSError, ValueError) as error:
            log.warning("page cache: unreadable index (%s); rendering every page", error)
            return {}, {}
        if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
            return {}, {}
        pages, pieces = payload.get("pages"), payload.get("fragments")
        if not (isinstance(pages, dict) and isinstance(pieces, dict)):
            return {}, {}
        known = {
            k: v
            for k, v in pages.items()
            if isinstance(k, str) and isinstance(v, str) and _OBJECT.fullmatch(f"{v}.html")
        }
        held = {
            k: [p for p in v if isinstance(p, str)]
            for k, v in pieces.items()
            if k in known and isinstance(v, list)
        }
        return known, held


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _objects(directory: Path) -> Iterator[os.DirEntry[str]]:
    """The stored pages, listed without a `stat` per file (thousands of them): files named
    `<digest>.html` in the folder named by the digest's first two characters, as `_object`
    names them, and nothing else."""
    with os.scandir(directory) as folders:
        for folder in folders:
            if len(folder.name) == 2 and folder.is_dir(follow_symlinks=False):
                with os.scandir(folder.path) as entries:
                    yield from (
                        e
                        for e in entries
                        if (name := _OBJECT.fullmatch(e.name))
                        and name[1] == folder.name
                        and e.is_file(follow_symlinks=False)
                    )


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, target)
