"""Options for reading inputs; every field has a default that suits a folder of news."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = [
    "DEFAULT_OPTIONS",
    "MANIFEST_NAME",
    "MEGABYTE",
    "IngestOptions",
    "RecordFields",
    "megabytes",
]

MANIFEST_NAME = "manifest.yaml"

#: The unit of the `max_file_mb` setting.
MEGABYTE = 1024 * 1024


def megabytes(size: int) -> str:
    """A size in the unit of the `max_file_mb` setting, for messages."""
    return f"{size / MEGABYTE:.1f} MB"


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordFields:
    """Which JSON keys hold each field; the first key present in a record wins."""

    id: tuple[str, ...] = ("id", "guid", "uuid")
    text: tuple[str, ...] = ("text", "body", "content", "article")
    title: tuple[str, ...] = ("title", "headline")
    published: tuple[str, ...] = ("published", "date", "published_at", "pubdate", "datePublished")
    url: tuple[str, ...] = ("url", "link", "canonical_url")
    publisher: tuple[str, ...] = ("publisher", "source", "site", "outlet")
    language: tuple[str, ...] = ("language", "lang")
    timezone: tuple[str, ...] = ("timezone",)

    def as_mapping(self) -> dict[str, tuple[str, ...]]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "publisher": self.publisher,
            "language": self.language,
            "timezone": self.timezone,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """How inputs are read.

    `build_date` only serves the "published after the build" warning: dates are never
    taken from the clock. `strict` makes `read_inputs` raise InputError listing every
    input that was skipped or warned about, after reading them all.
    """

    max_bytes: int = 5 * MEGABYTE
    fields: RecordFields = field(default_factory=RecordFields)
    build_date: dt.date | None = None
    strict: bool = False
    languages: tuple[str, ...] = ("en",)
    manifest_name: str = MANIFEST_NAME
    # how an all-numeric publication date is read ("DMY", "MDY", "YMD"); None: such a
    # date is used only when it reads the same every way
    date_order: str | None = None


DEFAULT_OPTIONS = IngestOptions()
