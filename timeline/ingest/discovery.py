"""Which files are inputs: expand folders, refuse what is unsafe, order deterministically.

A folder means every file inside it, recursively, sorted by path; hidden files and folders
and the manifest itself are left out, and unsupported files are reported as skipped (never
silently dropped). A symlink inside a folder is followed
only when it stays inside that folder, so an input folder cannot pull in arbitrary files.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from timeline.invisible import visible

__all__ = ["OUTSIDE", "SUPPORTED", "Source", "discover", "display_path", "link_problem"]

#: File suffix -> reader name (see `timeline.ingest.readers`).
SUPPORTED: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".xml": "feed",
    ".atom": "feed",
    ".rss": "feed",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One input file (or unusable path) and the folders whose manifests may describe it."""

    path: Path
    name: str  # what messages and Article.path show
    manifest_folders: tuple[Path, ...] = ()  # nearest first
    problem: str | None = None


def display_path(path: Path, cwd: Path) -> str:
    """The path relative to `cwd` when below it, else as given; `/` separated, with
    characters that could hide or reorder what is printed (a right-to-left override, a
    line break, a byte that is not UTF-8) written as escapes: see `timeline.invisible`."""
    absolute = Path(os.path.normpath(cwd / path))
    try:
        return visible(absolute.relative_to(cwd).as_posix())
    except ValueError:
        return visible(path.as_posix())


def _folders(file: Path, root: Path) -> tuple[Path, ...]:
    folders = [file.parent]
    while folders[-1] != root and root in folders[-1].parents:
        folders.append(folders[-1].parent)
    return tuple(folders)


def _inside(path: Path, root: Path) -> bool:
    target = Path(os.path.realpath(path))
    real_root = Path(os.path.realpath(root))
    return target == real_root or real_root in target.parents


OUTSIDE = "is a link to a file outside the input folder"


def link_problem(path: Path, root: Path | None) -> str | None:
    """What stops the link `path` from being followed (from inside the input folder
    `root`, when given), or None. A loop of links is not a broken link: the fix differs."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a loop of links (it leads back to itself); point it at a file or remove it"
        if isinstance(exc, FileNotFoundError):
            return "is a broken link (its target does not exist); fix or remove it"
        return f"cannot be read ({exc.strerror or exc})"
    if root is not None and not _inside(path, root):
        return OUTSIDE
    return None


def _walk(root: Path, cwd: Path, manifest_name: str) -> list[Source]:
    sources: list[Source] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for link in [d for d in dirs if (base / d).is_symlink()]:
            if not _inside(base / link, root):
                sources.append(
                    Source(
                        path=base / link,
                        name=display_path(base / link, cwd),
                        problem="is a link to a folder outside the input folder; not followed "
                        "(copy the files in, or pass that folder as an input of its own)",
                    )
                )
        for file in sorted(files):
            path = base / file
            if file.startswith(".") or file == manifest_name:
                continue
            problem = None
            if path.suffix.lower() not in SUPPORTED:
                # Reported, not silently dropped: a user who put it here expects it read.
                problem = _unsupported(path)
            elif path.is_symlink():
                problem = link_problem(path, root)
                if problem == OUTSIDE:
                    problem += "; not read (copy the file in, or pass it as an input of its own)"
            sources.append(
                Source(
                    path=path,
                    name=display_path(path, cwd),
                    manifest_folders=_folders(path, root),
                    problem=problem,
                )
            )
    if not sources:
        sources.append(
            Source(
                path=root,
                name=display_path(root, cwd),
                problem=f"folder holds no supported files ({', '.join(sorted(SUPPORTED))})",
            )
        )
    return sources


def _single(path: Path, cwd: Path) -> Source:
    name = display_path(path, cwd)
    if path.is_symlink() and (problem := link_problem(path, None)):
        return Source(path=path, name=name, problem=problem)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return Source(path=path, name=name, problem="does not exist; check the path")
    except OSError as exc:
        return Source(path=path, name=name, problem=f"cannot be read ({exc.strerror or exc})")
    if not stat.S_ISREG(mode):
        return Source(path=path, name=name, problem="is not a regular file")
    if path.suffix.lower() not in SUPPORTED:
        return Source(path=path, name=name, problem=_unsupported(path))
    return Source(path=path, name=name, manifest_folders=(path.parent,))


def _unsupported(path: Path) -> str:
    return (
        f"unsupported file type '{path.suffix or '(none)'}'; supported: "
        f"{', '.join(sorted(SUPPORTED))}. Convert it or rename it if it is one of these"
    )


def discover(paths: Sequence[Path], *, cwd: Path, manifest_name: str) -> tuple[Source, ...]:
    """All sources under `paths`, each once, sorted by displayed path."""
    found: dict[str, Source] = {}
    for path in paths:
        batch = _walk(path, cwd, manifest_name) if path.is_dir() else [_single(path, cwd)]
        for source in batch:
            key = os.path.normpath(cwd / source.path)
            found.setdefault(key, source)
    return tuple(sorted(found.values(), key=lambda s: PurePosixPath(s.name).parts))
