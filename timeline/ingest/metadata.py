"""Metadata fields as users write them: YAML front matter, manifest entries, JSON records.

YAML is loaded without implicit timestamps so a date stays the string the user typed:
PyYAML would otherwise turn `2015-02-30` into an exception and an offset-carrying time
into UTC, losing the outlet's local calendar date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from timeline.errors import InputError

__all__ = ["KEYS", "Fields", "fields_from_mapping", "load_yaml"]

#: Field -> the keys that may hold it in front matter and manifests (first present wins).
KEYS: Mapping[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("title",),
    "publisher": ("publisher",),
    "published": ("published", "date"),
    "url": ("url",),
    "timezone": ("timezone",),
    "language": ("language", "lang"),
}


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as strings."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """Parse YAML safely, dates kept as strings; raise InputError saying where it broke."""
    try:
        return yaml.load(text, Loader=_PlainLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"invalid YAML{where} ({problem})") from exc
    except RecursionError:
        raise InputError("invalid YAML (nested too deeply to read)") from None


@dataclass(frozen=True, slots=True, kw_only=True)
class Fields:
    """Metadata one source declares about an article; None means not declared.

    `published` stays a string for `timeline.ingest.published` to parse and judge;
    `origin` names the source in messages ("front matter", "manifest entry 'a.txt'").
    """

    origin: str = ""
    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    published_key: str = "published"
    timezone: str | None = None
    language: str | None = None


def _kind(value: object) -> str:
    """What a YAML or JSON value is, in the words of those formats."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    return "a date" if isinstance(value, dt.date) else f"a {type(value).__name__} value"


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TypeError
    text = " ".join(str(value).split())
    return text or None


def fields_from_mapping(
    data: Mapping[str, Any],
    *,
    origin: str,
    names: Mapping[str, tuple[str, ...]] | None = None,
    known: frozenset[str] = frozenset(),
    report_unknown: bool = True,
) -> tuple[Fields, tuple[str, ...]]:
    """Read the metadata fields of a mapping; bad values are dropped with a message.

    `names` maps each field to the keys that may hold it (first present wins); keys
    outside `names` and `known` are reported, since a typo would silently lose metadata.
    """
    names = names or KEYS
    messages: list[str] = []
    values: dict[str, str | None] = {}
    published_key = "published"
    used: set[str] = set()
    for field, keys in names.items():
        key = next((k for k in keys if k in data and data[k] is not None), None)
        used.update(k for k in keys if k in data)
        if key is None:
            continue
        try:
            values[field] = _text(data[key])
        except TypeError:
            messages.append(
                f"{origin}: '{key}' should be text, not {_kind(data[key])}; it was ignored"
            )
            continue
        if field == "published":
            published_key = key
    unknown = sorted(str(k) for k in data if k not in used and k not in known)
    if unknown and report_unknown:
        expected = ", ".join(sorted({k for keys in names.values() for k in keys}))
        messages.append(
            f"{origin}: unknown key(s) {', '.join(unknown)} ignored; known keys are {expected}"
        )
    fields = Fields(
        origin=origin,
        id=values.get("id"),
        title=values.get("title"),
        publisher=values.get("publisher"),
        url=values.get("url"),
        published=values.get("published"),
        published_key=published_key,
        timezone=values.get("timezone"),
        language=values.get("language"),
    )
    return fields, tuple(messages)
