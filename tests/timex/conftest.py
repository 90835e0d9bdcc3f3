"""The spaCy pipeline, loaded once per session, and a tagging helper for the timex tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language

from timeline.types import Timex

Tagger = Callable[[str, str | None], tuple[Timex, ...]]


@pytest.fixture(scope="session")
def nlp() -> Language:
    from timeline.nlp.load import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def tag(nlp: Language) -> Tagger:
    """Tag a text against an ISO publication date (or None)."""
    from timeline.timex import tag_text

    def run(text: str, dct: str | None) -> tuple[Timex, ...]:
        return tag_text(text, dt.date.fromisoformat(dct) if dct else None, nlp)

    return run


def values_by_text(found: tuple[Timex, ...]) -> dict[str, list[str]]:
    """The values found for each expression's text, in text order."""
    values: dict[str, list[str]] = {}
    for t in found:
        values.setdefault(t.text, []).append(t.value)
    return values
