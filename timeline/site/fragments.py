"""Rendered pieces of pages kept between builds: one event's entry on the timeline page.

The timeline page lists every event, so it changes whenever any article lands and the
page cache cannot reuse it; most of its entries have not changed, though. A piece's key
is a digest of the site salt (settings, theme, site code), the page it is on (links are
relative to it), the macro's name and its arguments, so a cached piece is exactly what
the macro would render now. A cached macro must depend on its arguments and the page's
links only, which holds for the event macros.

All pieces live in one checked entry (`entries.py`): a damaged store is ignored whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from timeline.entries import read_entry, write_entry

STORE = "fragments.json"
Macro = Callable[..., str]


class FragmentCache:
    """The pieces of one build; `commit` keeps the ones this build used, and only those."""

    def __init__(self, directory: Path, salt: str, fingerprint: Callable[[Any], bytes]) -> None:
        self._path = directory / STORE
        self._entry_key = hashlib.sha256(f"fragments/1\0{salt}".encode()).hexdigest()
        self._fingerprint = fingerprint
        stored = read_entry(self._path, self._entry_key)
        self._known: dict[str, str] = stored if isinstance(stored, dict) else {}
        self._used: dict[str, str] = {}
        self.reused = 0

    def render(self, page: str, macro: Macro, *args: Any) -> Markup:
        """`macro(*args)` as rendered on `page`, from the store when it holds it."""
        name = getattr(macro, "name", None)
        if not isinstance(name, str):
            raise TypeError("only template macros can be cached")
        digest = hashlib.sha256(self._entry_key.encode())
        digest.update(self._fingerprint((page, name)))
        digest.update(self._fingerprint(args))
        key = digest.hexdigest()
        html = self._known.get(key)
        if isinstance(html, str):
            self.reused += 1
        else:
            html = str(macro(*args))
        self._used[key] = html
        return Markup(html)

    @property
    def used(self) -> int:
        return len(self._used)

    def commit(self) -> None:
        """Store this build's pieces, unless they are exactly the stored ones. A build that
        rendered none (its pages all came from the page cache) leaves the store alone."""
        if self._used and self._used.keys() != self._known.keys():
            write_entry(self._path, self._entry_key, dict(sorted(self._used.items())))

