"""The search index is written from the timeline data: each event once, at its anchor."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

from timeline.site import attribution, context, pages
from timeline.site.pages import inert_title
from timeline.types import Timeline


def _docs(site: Path) -> list[dict[str, Any]]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs: list[dict[str, Any]] = index["docs"]
    return docs


def test_each_event_is_indexed_once_with_its_date_sources_and_entities(
    site: Path, timeline: Timeline
) -> None:
    docs = _docs(site)
    by_location = {d["location"]: d for d in docs}
    for event in timeline.events:
        entry = by_location[f"index.html#{event.id}"]
        assert inert_title(event.headline) in entry["title"]
        for mention in event.mentions:
            first_words = inert_title(" ".join(mention.sentence.split()[:4]))
            assert first_words in entry["title"] + entry["text"], (event.id, first_words)
            holders = [d["location"] for d in docs if first_words in d["title"] + d["text"]]
            assert all(h.startswith("index.html#") for h in holders), holders


def test_sources_and_entities_are_found_by_name(site: Path) -> None:
    docs = _docs(site)
    pages = {d["location"]: d for d in docs if "#" not in d["location"]}
    built = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    built -= {"search.html", "404.html"}  # the theme's own pages, not the timeline's
    assert set(pages) == built, "every generated page has exactly one page entry"
    sources = [d for loc, d in pages.items() if loc.startswith("sources/") and "index" not in loc]
    entities = [d for loc, d in pages.items() if loc.startswith("entities/") and "index" not in loc]
    assert sources and entities
    assert all(d["title"] and "event" in d["text"] for d in sources + entities)
    assert any(d["title"] == "John Kerry" and d["text"].startswith("person:") for d in entities)


def test_index_text_is_inert(site: Path) -> None:
    raw = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw
    for doc in _docs(site):
        assert "<" not in doc["title"] + doc["text"]


def _words(text: str) -> set[str]:
    """The terms lunr makes of a field: split at the index's separator, trimmed of
    punctuation at either end (lunr's trimmer), in lower case."""
    words = (w.strip("()[]{}.,;:!?\"'“”‘’…").lower() for w in re.split(r"[\s\-]+", text))
    return {w for w in words if w}


def test_an_event_is_found_by_every_word_of_its_sentences_names_and_sources(
    timeline: Timeline,
) -> None:
    views = list(context.event_views(timeline))
    # most events of a real story have the sentence as headline: the case the text leaves out
    first = views[0]
    views.append(dataclasses.replace(first, id="same", headline=first.sentence))
    for view in views:
        entry = pages._event_entries([view])[0]
        found = _words(entry.title + " " + entry.text)
        wanted = " ".join(
            [
                view.headline,
                view.label,
                view.sentence,
                *(s for c in view.citations for s in c.sentences),
                *(e.text for e in view.entities),
                *(c.title for c in view.citations),
                *(c.publisher for c in view.citations if c.publisher_known),
            ]
        )
        assert _words(inert_title(wanted)) <= found, view.id
        # the text does not say the headline again, nor "Unknown publisher"
        assert " ".join(view.headline.split()) not in entry.text or view.quote
        assert attribution.UNKNOWN_PUBLISHER not in entry.text
