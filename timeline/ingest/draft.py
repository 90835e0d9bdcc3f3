"""What a format reader hands over: one record's text and declared metadata.

Readers know their format, not the rules for ids, precedence or languages; those live
in `timeline.ingest.assemble` so every format obeys them alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.ingest.clean import clean_text
from timeline.ingest.metadata import Fields

__all__ = ["Draft", "prose_draft"]

_HEAD_CHARS = 2000


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """One record as read. `front` outranks the manifest; `meta` ranks below it.

    `label` locates a record inside a multi-record file ("line 3"); `head` is the raw
    start of the text, kept for dateline detection (cleaning drops banner dates).
    """

    fallback_id: str
    label: str = ""
    multi: bool = False
    front: Fields = field(default_factory=Fields)
    meta: Fields = field(default_factory=Fields)
    title_guess: str | None = None
    text: str = ""
    head: str = ""
    removed: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()
    skip: str | None = None


def prose_draft(
    body: str,
    *,
    fallback_id: str,
    label: str = "",
    multi: bool = False,
    front: Fields | None = None,
    meta: Fields | None = None,
    messages: tuple[str, ...] = (),
) -> Draft:
    """Clean `body` and wrap it with its metadata; no text left means skipped."""
    cleaned = clean_text(body)
    skip = None
    if not cleaned.text.strip():
        skip = (
            "has no article text"
            if not body.strip()
            else "has no article text left after removing page furniture"
        )
    return Draft(
        fallback_id=fallback_id,
        label=label,
        multi=multi,
        front=front or Fields(),
        meta=meta or Fields(),
        title_guess=cleaned.title,
        text=cleaned.text,
        head=body[:_HEAD_CHARS],
        removed=cleaned.removed,
        messages=messages,
        skip=skip,
    )
