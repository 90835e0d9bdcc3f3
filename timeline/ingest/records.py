"""JSON and JSON Lines exports: one article per record.

A .json file holds one record or a list of them; a .jsonl file one record per line.
Field names are configurable (`IngestOptions.fields`). A record that cannot be used
(invalid JSON, nested too deeply for the parser, not an object, no text) yields a skipped
article of its own, so the other records of the file are still read and the report shows
exactly which line failed. A .json list is read record by record for the same reason; a
break in it costs only the records after the break. A number longer than Python converts
(4,300 digits) is kept as its digits rather than failing its record.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from timeline.ingest.decode import decode
from timeline.ingest.draft import Draft, prose_draft
from timeline.ingest.metadata import fields_from_mapping
from timeline.ingest.options import RecordFields

__all__ = ["read_records"]


_SPACE = re.compile(r"[ \t\n\r]*")
_TOO_DEEP = "is nested too deeply to read (thousands of levels of [ or {{); {fix}"


def _number(digits: str) -> int | str:
    """An integer, or its digits when it is longer than Python converts (4,300 digits):
    such a number cannot be a field timeline uses, and must not cost the record."""
    try:
        return int(digits)
    except ValueError:
        return digits


_DECODER = json.JSONDecoder(parse_int=_number)


def _decode(text: str, position: int) -> tuple[Any, int]:
    """One JSON value at `position` (after spaces), and where it ends. Raises ValueError
    for invalid JSON and RecursionError for nesting deeper than the parser's stack."""
    return _DECODER.raw_decode(text, _SPACE.match(text, position).end())  # type: ignore[union-attr]


def _skip_value(text: str, position: int) -> int | None:
    """Where the (deeply nested) array or object at `position` ends, counting brackets
    outside strings; None when the text ends first."""
    depth, inside, escaped = 0, False, False
    for index in range(position, len(text)):
        char = text[index]
        if inside:
            inside = escaped or char != '"'
            escaped = not escaped and char == "\\"
        elif char == '"':
            inside = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
    return None


def _json_kind(value: object) -> str:
    """What a JSON value is, in JSON's own words."""
    if value is None:
        return "JSON null"
    if isinstance(value, bool):
        return "a JSON true/false value"
    if isinstance(value, int | float):
        return "a JSON number"
    if isinstance(value, str):  # also a number too long to convert, read as its digits
        return "a JSON string" if not value.isdigit() else "a JSON number"
    return "a JSON array" if isinstance(value, list) else "a JSON object"


def _invalid(exc: json.JSONDecodeError) -> str:
    return f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"


def _list_items(text: str, start: int) -> Iterator[tuple[str, int, Any, str | None]]:
    """The records of a top-level list one by one, so a record too deep to read costs only
    itself, and a break in the file only the records after it."""
    position, number = start + 1, 0
    while True:
        position = _SPACE.match(text, position).end()  # type: ignore[union-attr]
        if text.startswith("]", position) and number == 0:
            return
        number += 1
        label = f"record {number}"
        try:
            item, position = _decode(text, position)
            yield label, number, item, None
        except RecursionError:
            end = _skip_value(text, _SPACE.match(text, position).end())  # type: ignore[union-attr]
            yield label, number, None, _TOO_DEEP.format(fix="fix or remove that record")
            if end is None:
                return
            position = end
        except json.JSONDecodeError as exc:
            yield label, number, None, f"{_invalid(exc)}; this and later records were not read"
            return
        position = _SPACE.match(text, position).end()  # type: ignore[union-attr]
        if text.startswith(",", position):
            position += 1
        elif text.startswith("]", position) and not text[position + 1 :].strip():
            return
        else:
            line = text.count("\n", 0, position) + 1
            yield (
                f"record {number + 1}",
                number + 1,
                None,
                f"is not valid JSON (expected ',' or ']' at line {line}); "
                "the records after it were not read",
            )
            return


def _records(text: str, *, lines: bool) -> Iterator[tuple[str, int, Any, str | None]]:
    """Yield (label, number, record, problem) for every record in the file."""
    if not lines:
        start = _SPACE.match(text).end()  # type: ignore[union-attr]
        if text.startswith("[", start):
            yield from _list_items(text, start)
            return
        try:
            record, end = _decode(text, start)
            if text[end:].strip():
                raise json.JSONDecodeError("Extra data", text, end)
        except json.JSONDecodeError as exc:
            fix = "fix it, or use .jsonl for one record per line"
            yield "", 1, None, f"{_invalid(exc)}; {fix}"
            return
        except RecursionError:
            yield "", 1, None, _TOO_DEEP.format(fix="fix the file")
            return
        yield "", 1, record, None
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        label = f"line {number}"
        try:
            record, end = _decode(line, 0)
            if line[end:].strip():
                raise json.JSONDecodeError("Extra data", line, end)
        except json.JSONDecodeError as exc:
            fix = "fix or remove that line"
            yield label, number, None, f"is not valid JSON ({exc.msg} at column {exc.colno}); {fix}"
        except RecursionError:
            yield label, number, None, _TOO_DEEP.format(fix="fix or remove that line")
        else:
            yield label, number, record, None


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
            problem = f"is {_json_kind(record)}, not an object with a text field"
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
