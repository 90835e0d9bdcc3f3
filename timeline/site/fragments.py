"""Rendered pieces of pages kept between builds: one event's entry in a list of events.

The timeline page lists every event, so it changes whenever any article lands and the
page cache cannot reuse it; most of its entries have not changed, though. The same holds
for the pages of busy entities and sources. A piece's key is a digest of the site salt
(settings, theme, site code), the folder the page's links are relative to, the macro's
name and its arguments, so a cached piece is exactly what the macro would render now,
and an event listed on several entity pages is rendered once. A cached macro must depend
on its arguments and the page's links only, which holds for the event macros.

A piece is kept while some page of the page cache was rendered with it: pages reused
whole carry their pieces over (`carry`), so a page that changes after many builds still
finds them. All pieces live in one checked entry (`store.entry`): a damaged store is
ignored whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from timeline.store.entry import read_entry, write_entry

STORE = "fragments.json"
Macro = Callable[..., str]


class FragmentCache:
    """The pieces of one build; `commit` keeps the ones this build's pages hold."""

    def __init__(self, directory: Path, salt: str, fingerprint: Callable[[Any], bytes]) -> None:
        self._path = directory / STORE
        self._entry_key = hashlib.sha256(f"fragments/2\0{salt}".encode()).hexdigest()
        self._fingerprint = fingerprint
        stored = read_entry(self._path, self._entry_key)
        self._known: dict[str, str] = stored if isinstance(stored, dict) else {}
        self._used: dict[str, str] = {}
        self._by_page: dict[str, list[str]] = {}
        self.calls = 0
        self.rendered = 0

    def render(self, page: str, base: str, macro: Macro, *args: Any) -> Markup:
        """`macro(*args)` as rendered on `page`, whose links are relative to the folder
        `base`; from the store (or this build) when it holds it."""
        name = getattr(macro, "name", None)
        if not isinstance(name, str):
            raise TypeError("only template macros can be cached")
        digest = hashlib.sha256(self._entry_key.encode())
        digest.update(self._fingerprint((base, name)))
        digest.update(self._fingerprint(args))
        key = digest.hexdigest()[:32]
        self.calls += 1
        html = self._used.get(key)
        if html is None:
            html = self._known.get(key)
            if not isinstance(html, str):
                html = str(macro(*args))
                self.rendered += 1
            self._used[key] = html
        self._by_page.setdefault(page, []).append(key)
        return Markup(html)

    def keys_of(self, page: str) -> tuple[str, ...]:
        """The pieces `page` was rendered with in this build, for the page cache to record."""
        return tuple(dict.fromkeys(self._by_page.get(page, ())))

    def carry(self, keys: Iterable[str]) -> None:
        """Keep the pieces of a page reused whole (those still in the store)."""
        for key in keys:
            html = self._known.get(key)
            if isinstance(html, str):
                self._used.setdefault(key, html)

    def commit(self) -> None:
        """Store the pieces this build's pages hold, unless they are exactly the stored ones."""
        if self._used.keys() != self._known.keys():
            write_entry(self._path, self._entry_key, dict(sorted(self._used.items())))
