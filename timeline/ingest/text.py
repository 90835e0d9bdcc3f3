"""Plain-text articles: the whole file is the body; cleaning finds the headline."""

from __future__ import annotations

from timeline.ingest.decode import decode
from timeline.ingest.draft import Draft, prose_draft

__all__ = ["read_text"]


def read_text(data: bytes, *, stem: str) -> tuple[Draft, ...]:
    decoded = decode(data)
    warnings = (decoded.warning,) if decoded.warning else ()
    return (prose_draft(decoded.text, fallback_id=stem, messages=warnings),)
