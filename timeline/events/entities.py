"""Named entities of a statement, each under its longest form in the article, and the
content words that tell statements apart when merging."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from timeline.events.english import (
    CONTENT_POS,
    ENTITY_LABELS,
    HONORIFICS,
    NOT_CONTENT_ENTS,
    PERSON_LABELS,
    REPORTING_VERBS,
)
from timeline.types import Entity

if TYPE_CHECKING:  # spaCy is imported where a text is parsed, not on a cached build
    from spacy.tokens import Doc, Span, Token


def _surface(ent: Span) -> str:
    words = ent.text.replace("’", "'").split()
    if words and words[0].lower() in {"the", *HONORIFICS}:
        words = words[1:]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return " ".join(w for w in words if w)


def article_entities(doc: Doc) -> dict[str, str]:
    """Map each entity surface to its full form in the article ("Kerry" -> "John Kerry").

    People match on trailing words (a surname), and only when one person of the article
    ends so; other names only on their own text.
    """
    people = sorted(
        {_surface(e) for e in doc.ents if e.label_ in PERSON_LABELS and "\n" not in e.text} - {""}
    )
    by_ending: dict[tuple[str, ...], list[str]] = {}
    for person in people:
        words = tuple(person.split())
        for n in range(1, len(words)):
            by_ending.setdefault(words[-n:], []).append(person)
    canon: dict[str, str] = {}
    for name in people:
        longer = by_ending.get(tuple(name.split()), [])
        # only an unambiguous partial name links: with two Watsons it stays "Watson"
        full = max(longer, key=lambda p: (len(p.split()), len(p), p)) if longer else name
        canon[name] = full if all(full.endswith(p) for p in longer) else name
    return canon


def _entity_spans(seg: Span) -> list[Span]:
    """The statement's named entities, read off the tokens (cheaper than `Doc.ents`)."""
    from spacy.tokens import Span

    doc, spans, i = seg.doc, [], seg.start
    while i < seg.end:
        tok = doc[i]
        j = i + 1
        if tok.ent_iob_ == "B":
            while j < seg.end and doc[j].ent_iob_ == "I":
                j += 1
            spans.append(Span(doc, i, j, label=tok.ent_type_))
        i = j
    return spans


def entities_in(seg: Span, canon: dict[str, str]) -> tuple[Entity, ...]:
    """Named entities of a statement, normalised to their longest form, each once."""
    found: dict[tuple[str, str], None] = {}
    for ent in _entity_spans(seg):
        if ent.label_ not in ENTITY_LABELS:
            continue
        text = _surface(ent)
        if text:
            found.setdefault((canon.get(text, text), ent.label_), None)
    return tuple(Entity(text=text, label=label) for text, label in found)


def content_lemmas(tokens: Iterable[Token]) -> tuple[str, ...]:
    """Lower-cased lemmas of content words, dates and numbers excluded, in text order."""
    seen: dict[str, None] = {}
    for tok in tokens:
        if (
            tok.pos_ in CONTENT_POS
            and tok.is_alpha
            and not tok.is_stop
            and len(tok.text) > 1
            and tok.ent_type_ not in NOT_CONTENT_ENTS
            and tok.lemma_.lower() not in REPORTING_VERBS
        ):
            seen.setdefault(tok.lemma_.lower(), None)
    return tuple(seen)
