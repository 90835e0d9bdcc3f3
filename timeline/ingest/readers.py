"""Dispatch by format: each reader turns a file's bytes into drafts."""

from __future__ import annotations

from timeline.ingest.draft import Draft
from timeline.ingest.markdown import read_markdown
from timeline.ingest.options import IngestOptions
from timeline.ingest.text import read_text

__all__ = ["read_source"]


def read_source(kind: str, data: bytes, *, stem: str, options: IngestOptions) -> tuple[Draft, ...]:
    """Read one file of a supported kind (see `discovery.SUPPORTED`)."""
    if kind == "text":
        return read_text(data, stem=stem)
    if kind == "markdown":
        return read_markdown(data, stem=stem)
    if kind == "html":
        from timeline.ingest.html import read_html

        return read_html(data, stem=stem)
    if kind in {"json", "jsonl"}:
        from timeline.ingest.records import read_records

        return read_records(data, stem=stem, lines=kind == "jsonl", fields=options.fields)
    from timeline.ingest.feed import read_feed

    return read_feed(data, stem=stem)
