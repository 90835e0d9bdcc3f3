"""Read a folder of news articles into `Article`s, one per input, never failing on one.

Formats: .txt, .md/.markdown (YAML front matter), .html/.htm, .json/.jsonl, and
.xml/.atom/.rss feeds; a `manifest.yaml` per folder adds metadata without editing files
(see `timeline.ingest.manifest`). A file that cannot be used still yields an Article,
status SKIPPED, whose message names the file, the problem and the fix: every input
shows up in the build report.
"""

from __future__ import annotations

import difflib
import stat
from collections.abc import Sequence
from pathlib import Path

from timeline.errors import InputError
from timeline.ingest.assemble import build_article, dedupe_ids, skipped_article
from timeline.ingest.cache import IngestCache
from timeline.ingest.decode import sniff_binary
from timeline.ingest.discovery import SUPPORTED, Source, discover
from timeline.ingest.manifest import Manifest, load_manifest
from timeline.ingest.metadata import Fields
from timeline.ingest.options import DEFAULT_OPTIONS, IngestOptions, RecordFields, megabytes
from timeline.ingest.readers import read_source
from timeline.types import Article, Status

__all__ = ["DEFAULT_INPUT", "SUPPORTED", "IngestOptions", "RecordFields", "read_inputs"]

#: What to read when no path is given: the articles the project ships with.
DEFAULT_INPUT = Path("seeds")


def _load_bytes(source: Source, max_bytes: int) -> bytes | str:
    """The file's bytes, or a problem description."""
    over = f"over the {megabytes(max_bytes)} limit; split it or raise max_file_mb in timeline.toml"
    try:
        info = source.path.stat()
        if not stat.S_ISREG(info.st_mode):
            return "is not a regular file"
        if info.st_size > max_bytes:
            return f"is {megabytes(info.st_size)}, {over}"
        with source.path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc}); check that it exists and is readable"
    if len(data) > max_bytes:
        return f"is {over}"
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        return "is empty; add the article text or remove the file"
    return sniff_binary(data) or data


def _manifest_for(
    source: Source, manifests: dict[Path, Manifest | None]
) -> tuple[Fields | None, list[str]]:
    """The nearest manifest entry for a file, and messages about the manifests consulted."""
    notes: list[str] = []
    for folder in source.manifest_folders:
        manifest = manifests.get(folder)
        if manifest is None:
            continue
        if manifest.problem:
            notes.append(f"{manifest.problem}; its metadata was not applied, fix that file")
            continue
        key = source.path.relative_to(folder).as_posix()
        if key in manifest.entries:
            notes.extend(manifest.entry_messages.get(key, ()))
            return manifest.entries[key], notes
        missing = [k for k in manifest.entries if not (folder / k).exists()]
        close = difflib.get_close_matches(key, missing, n=1, cutoff=0.8)
        if close:
            notes.append(
                f"no manifest entry for this file, but there is one for '{close[0]}', "
                "which does not exist; check the spelling"
            )
    return None, notes


def _read_source(
    source: Source,
    manifests: dict[Path, Manifest | None],
    options: IngestOptions,
    cache: IngestCache | None,
) -> tuple[Article, ...]:
    stem = source.path.stem if source.path.suffix else source.path.name
    if source.problem:
        return (
            skipped_article(
                name=source.name, fallback_id=stem, messages=(f"{source.name}: {source.problem}",)
            ),
        )
    loaded = _load_bytes(source, options.max_bytes)
    if isinstance(loaded, str):
        return (
            skipped_article(
                name=source.name, fallback_id=stem, messages=(f"{source.name}: {loaded}",)
            ),
        )
    kind = SUPPORTED[source.path.suffix.lower()]
    entry, notes = _manifest_for(source, manifests)
    key = None
    if cache is not None:
        key = cache.key(loaded, repr((source.name, stem, kind, entry, notes, options)))
        if (hit := cache.get(key)) is not None:
            return hit
    drafts = read_source(kind, loaded, stem=stem, options=options)
    articles = tuple(
        build_article(
            draft, name=source.name, manifest=entry, manifest_messages=notes, options=options
        )
        for draft in drafts
    )
    if cache is not None and key is not None:
        cache.put(key, articles)
    return articles


def read_inputs(
    paths: Sequence[Path],
    options: IngestOptions = DEFAULT_OPTIONS,
    cache: IngestCache | None = None,
    *,
    exclude: Sequence[Path] = (),
) -> tuple[Article, ...]:
    """Every input, one Article each (a .json/.jsonl/feed file yields one per record).

    Order is deterministic: sorted by path, then record order. Files that cannot be used
    yield status SKIPPED, empty text, and a message naming the file, the problem and the
    fix. Never raises for a bad file; with `options.strict`, raises InputError listing
    every skipped or warned input once all have been read. Folders in `exclude` (the
    build's own output and cache, when they sit inside an input folder) are not read.
    """
    cwd = Path.cwd()
    sources = discover(paths, cwd=cwd, manifest_name=options.manifest_name, exclude=exclude)
    # Each folder's manifest is judged from the outermost input folder that holds it.
    roots: dict[Path, Path] = {}
    for source in sources:
        for folder in source.manifest_folders:
            root = source.manifest_folders[-1]
            if folder not in roots or len(root.parts) < len(roots[folder].parts):
                roots[folder] = root
    manifests = {
        folder: load_manifest(
            folder, name=options.manifest_name, max_bytes=options.max_bytes, root=root
        )
        for folder, root in sorted(roots.items())
    }
    articles: list[Article] = []
    for source in sources:
        try:
            articles.extend(_read_source(source, manifests, options, cache))
        except Exception as exc:
            problem = (
                f"could not be read ({type(exc).__name__}: {exc}); this is a bug in "
                "timeline, please report it with the file"
            )
            articles.append(
                skipped_article(
                    name=source.name,
                    fallback_id=source.path.stem,
                    messages=(f"{source.name}: {problem}",),
                )
            )
    result = dedupe_ids(articles)
    if options.strict:
        problems = [m for a in result if a.status is not Status.OK for m in a.messages]
        if problems:
            raise InputError("strict mode: inputs with problems:\n" + "\n".join(problems))
    return result
