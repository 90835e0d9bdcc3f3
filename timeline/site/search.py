"""mkdocs' search index with a constant-time heading lookup.

The stock index scans a page's whole table of contents for every heading it indexes: on a
timeline page with thousands of events (one heading each) that is quadratic, and it
dominated rebuilds of large archives. The entries written are the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.contrib.search import SearchPlugin
from mkdocs.contrib.search.search_index import SearchIndex
from mkdocs.structure.toc import AnchorLink


class IndexedSearchIndex(SearchIndex):
    """Same entries as `SearchIndex`; headings found through a per-page dictionary."""

    def __init__(self, **config: Any) -> None:
        super().__init__(**config)
        # keyed by id() of the toc; the toc is kept alive beside its table so ids stay unique
        self._tables: dict[int, tuple[object, dict[str | None, AnchorLink]]] = {}

    def _find_toc_by_id(self, toc: Any, id_: str | None) -> AnchorLink | None:
        entry = self._tables.get(id(toc))
        if entry is None:
            table: dict[str | None, AnchorLink] = {}
            _preorder(toc, table)
            entry = (toc, table)
            self._tables[id(toc)] = entry
        return entry[1].get(id_)


def _preorder(items: Iterable[AnchorLink], table: dict[str | None, AnchorLink]) -> None:
    """First match in depth-first order wins, as in the stock lookup."""
    for item in items:
        table.setdefault(item.id, item)
        _preorder(item.children, table)


def speed_up(plugin: object) -> None:
    """Swap the search plugin's fresh index for the indexed one (called after its pre-build)."""
    if isinstance(plugin, SearchPlugin) and type(plugin.search_index) is SearchIndex:
        plugin.search_index = IndexedSearchIndex(**plugin.search_index.config)
