"""The site's search entries, written from the timeline data instead of parsed from HTML.

mkdocs' stock index parses every built page and indexes all of its text, so an event
was indexed once on the timeline and again on each source and entity page that shows it,
and parsing thousands of pages dominated rebuilds of large archives. Here each event is
indexed once, at its anchor on the timeline page, with its date, sentences, entities
and sources; every other generated page gets one entry (its title and a one-line
summary) so sources and entities can be found by name. Pages that are not ours (an
existing mkdocs site using the plugin) are still indexed the stock way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mkdocs.contrib.search import SearchPlugin
from mkdocs.contrib.search.search_index import SearchIndex

from timeline.site.context import EventView


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchEntry:
    """One search result: a page (`anchor` empty) or a place on it."""

    anchor: str
    title: str
    text: str


def event_text(view: EventView) -> str:
    """What an event is found by, beside its title (the headline and the date): what its
    sources say, who is involved, and who reported it. A sentence that only repeats the
    headline, and the "Unknown publisher" stand-in, are left out: search finds the same
    events by the same words, from an index a third smaller."""
    told = " ".join(view.headline.split())
    said = dict.fromkeys([view.sentence, *(s for c in view.citations for s in c.sentences)])
    sentences = [s for s in said if s and " ".join(s.split()) != told]
    names = [e.text for e in view.entities]
    sources = dict.fromkeys(
        f"{c.publisher}, {c.title}" if c.publisher_known else c.title for c in view.citations
    )
    return " ".join([*sentences, *names, *sources])


class TimelineSearchIndex(SearchIndex):
    """mkdocs' search index, taking the timeline's pages' entries from the plugin."""

    def __init__(self, **config: Any) -> None:
        super().__init__(**config)
        self._provided: set[str] = set()

    def add_page_entries(self, src_uri: str, url: str, entries: Iterable[SearchEntry]) -> None:
        """Index a generated page from its data; its HTML is then never parsed."""
        self._provided.add(src_uri)
        for entry in entries:
            location = f"{url}#{entry.anchor}" if entry.anchor else url
            self._add_entry(title=entry.title, text=entry.text, loc=location)

    def add_entry_from_context(self, page: Any) -> None:
        if page.file.src_uri not in self._provided:
            super().add_entry_from_context(page)


def use_timeline_index(plugin: object) -> TimelineSearchIndex | None:
    """Swap the search plugin's fresh index for ours (called after its pre-build);
    None when the site has no search plugin."""
    if not isinstance(plugin, SearchPlugin):
        return None
    if not isinstance(plugin.search_index, TimelineSearchIndex):
        plugin.search_index = TimelineSearchIndex(**plugin.search_index.config)
    return plugin.search_index
