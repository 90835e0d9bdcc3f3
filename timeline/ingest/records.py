"""JSON and JSON Lines exports: one article per record.

A .json file holds one record or a list of them; a .jsonl file one record per line.
Field names are configurable (`IngestOptions.fields`). A record that cannot be used
(invalid JSON, not an object, no text) yields a skipped article of its own, so the other
records of the file are still read and the report shows exactly which line failed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from timeline.ingest.decode import decode
from timeline.ingest.draft import Draft, prose_draft
from timeline.ingest.metadata import fields_from_mapping
from timeline.ingest.options import RecordFields

__all__ = ["read_records"]


def _records(text: str, *, lines: bool) -> Iterator[tuple[str, int, Any, str | None]]:
    """Yield (label, number, record, problem) for every record in the file."""
    if not lines:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield (
                "",
                1,
                None,
                f"is not valid JSON ({exc}); fix it, or use .jsonl for one record per line",
            )
            return
        items = data if isinstance(data, list) else [data]
        for number, item in enumerate(items, 1):
            yield (f"record {number}" if isinstance(data, list) else ""), number, item, None
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield f"line {number}", number, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield (
                f"line {number}",
                number,
                None,
                (f"is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove that line"),
            )


def read_records(data: bytes, *, stem: str, lines: bool, fields: RecordFields) -> tuple[Draft, ...]:
    decoded = decode(data)
    encoding_note = (decoded.warning,) if decoded.warning else ()
    names = fields.as_mapping()
    drafts: list[Draft] = []
    for label, number, record, bad_json in _records(
        decoded.text.removeprefix("\ufeff"), lines=lines
    ):
        multi = lines or bool(label)
        fallback = f"{stem}-{number}" if multi else stem
        problem = bad_json
        if problem is None and not isinstance(record, dict):
            problem = f"is a JSON {type(record).__name__}, not an object with a text field"
        if problem is not None:
            drafts.append(Draft(fallback_id=fallback, label=label, multi=multi, skip=problem))
            continue
        meta, messages = fields_from_mapping(
            record, origin="JSON record", names=names, report_unknown=False
        )
        text_key = next((k for k in fields.text if isinstance(record.get(k), str)), None)
        if text_key is None:
            skip = f"has no text (looked for {', '.join(fields.text)}); add it or map the field"
            drafts.append(
                Draft(fallback_id=fallback, label=label, multi=multi, meta=meta, skip=skip)
            )
            continue
        drafts.append(
            prose_draft(
                record[text_key],
                fallback_id=fallback,
                label=label,
                multi=multi,
                meta=meta,
                messages=encoding_note + messages,
            )
        )
    if not drafts:
        drafts.append(Draft(fallback_id=stem, skip="holds no records"))
    return tuple(drafts)
