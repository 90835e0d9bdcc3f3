"""The manifest: metadata for files users would rather not edit.

A `manifest.yaml` in an input folder maps file names (relative to that folder, `/`
separated) to metadata::

    # seeds/manifest.yaml
    000_08ab4ab08aafe7b6.txt:
      publisher: Irish Independent
      published: 2015-12-16          # YYYY-MM-DD, or 2015-12-16T09:30:00+00:00
      timezone: Europe/Dublin        # optional: zone name or offset of the outlet
      title: Kerry meets Putin in Kremlin for talks on Syria   # optional
      url: https://www.independent.ie/...                      # optional
      id: kerry-putin-independent                              # optional

Keys per entry: id, title, publisher, published (or date), timezone, url, language.
For a file holding several records (.json, .jsonl, feeds) only `publisher` and
`language` apply, as defaults for every record. A file is looked up in the manifest of
its own folder first, then in those of the enclosing input folders.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import InputError
from timeline.ingest.discovery import OUTSIDE, link_problem
from timeline.ingest.invisible import visible
from timeline.ingest.metadata import Fields, fields_from_mapping, load_yaml
from timeline.ingest.options import MANIFEST_NAME, megabytes

__all__ = ["MANIFEST_NAME", "Manifest", "load_manifest"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Manifest:
    """Entries by relative file name, plus problems that concern the whole file."""

    folder: Path
    entries: Mapping[str, Fields] = field(default_factory=dict)
    entry_messages: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    problem: str | None = None


def load_manifest(
    folder: Path, *, name: str = MANIFEST_NAME, max_bytes: int, root: Path | None = None
) -> Manifest | None:
    """Read `folder/manifest.yaml`; None when there is none. Never raises.

    A manifest that is a link to a file outside `root` (the input folder) is refused, as
    article links out of the folder are: a folder of articles cannot pull in other files.
    """
    path = folder / name
    if path.is_symlink() and (problem := link_problem(path, root or folder)):
        if problem == OUTSIDE:
            problem += "; it was not read (copy the file into the folder instead)"
        return Manifest(folder=folder, problem=f"{name} {problem}")
    if not path.is_file():
        return None
    try:
        if path.stat().st_size > max_bytes:
            return Manifest(
                folder=folder,
                problem=f"{name} is over the {megabytes(max_bytes)} limit (max_file_mb)",
            )
        data = load_yaml(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:  # its text names the full path, which reports must not show
        return Manifest(folder=folder, problem=f"{name} could not be read ({exc.strerror})")
    except (UnicodeDecodeError, InputError) as exc:
        return Manifest(folder=folder, problem=f"{name} could not be read ({exc})")
    if data is None:
        return Manifest(folder=folder)
    if not isinstance(data, dict):
        return Manifest(folder=folder, problem=f"{name} must map file names to metadata")
    entries: dict[str, Fields] = {}
    messages: dict[str, tuple[str, ...]] = {}
    for raw_key, value in data.items():
        key = str(raw_key).strip().removeprefix("./")
        origin = f"{name} entry '{visible(key)}'"
        if value is None:
            entries[key] = Fields(origin=origin)
            continue
        if not isinstance(value, dict):
            messages[key] = (f"{origin} must be a mapping of keys to values; it was ignored",)
            continue
        fields, problems = fields_from_mapping(value, origin=origin)
        entries[key] = fields
        messages[key] = problems
    return Manifest(folder=folder, entries=entries, entry_messages=messages)
