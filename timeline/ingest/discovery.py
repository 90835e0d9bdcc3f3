"""Which files are inputs: expand folders, refuse what is unsafe, order deterministically.

A folder means every file inside it, recursively, sorted by path; hidden files and folders,
the manifest itself and the build's own folders (`exclude`: the site and the cache) are left
out, and unsupported files are reported as skipped (never silently dropped). A symlink inside
a folder is followed only when it stays inside that folder, so an input folder cannot pull
in arbitrary files.

Each input is named relative to itself (`input_labels`), never by an absolute path: names
are published in reports and pages, and an absolute path tells where a user keeps files.
Names are written with escapes for what cannot be shown (`timeline.ingest.invisible.visible`).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from timeline.ingest.invisible import visible

__all__ = ["OUTSIDE", "SUPPORTED", "Source", "discover", "input_labels", "link_problem"]

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


def _typed(path: Path) -> str | None:
    """A relative input as typed, normalised (`./a/../b/` is `b`); None if it leaves the
    working directory or is absolute."""
    if path.is_absolute():
        return None
    normal = PurePosixPath(os.path.normpath(path.as_posix()))
    if normal.parts and normal.parts[0] == "..":
        return None
    return "" if normal == PurePosixPath(".") else normal.as_posix()


def input_labels(paths: Sequence[Path], cwd: Path) -> dict[Path, str]:
    """What the files of each input are named under (input absolute path -> label).

    A relative input inside the working directory keeps the path as typed (`articles/2015`);
    any other is named by its last folder names, as few as tell it from the other inputs
    (`news`, or `bbc/news` beside `cnn/news`), so no name shows where the inputs are kept.
    Labels are `visible`: a control, bidi or zero-width character, or a byte that is not
    UTF-8, is written as an escape, so a name cannot hide or reorder what is printed.
    """
    labels: dict[Path, str] = {}
    extend: dict[Path, tuple[str, ...]] = {}
    for path in paths:
        absolute = Path(os.path.normpath(cwd / path))
        typed = _typed(path)
        if typed is not None:
            labels.setdefault(absolute, typed)
        elif absolute not in labels:
            extend[absolute] = absolute.parts[1:]  # without the root
            labels[absolute] = "/".join(extend[absolute][-1:])
    for _ in range(max((len(parts) for parts in extend.values()), default=0)):
        seen: dict[str, list[Path]] = {}
        for absolute, label in labels.items():
            seen.setdefault(label, []).append(absolute)
        clashing = [p for group in seen.values() if len(group) > 1 for p in group if p in extend]
        if not clashing:
            break
        for absolute in clashing:
            parts = extend[absolute]
            depth = min(len(parts), labels[absolute].count("/") + 2)
            labels[absolute] = "/".join(parts[-depth:])
    return {absolute: visible(label) for absolute, label in labels.items()}


def _name(label: str, root: Path, path: Path) -> str:
    """A file's name: its input's label, then its path inside the input."""
    inner = visible(path.relative_to(root).as_posix()) if path != root else ""
    if not inner or inner == ".":
        return label or visible(path.name) or "."
    return f"{label}/{inner}" if label else inner


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


def _walk(root: Path, label: str, skip: frozenset[str], manifest_name: str) -> list[Source]:
    sources: list[Source] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if skip:
            dirs[:] = [d for d in dirs if os.path.realpath(base / d) not in skip]
        for link in [d for d in dirs if (base / d).is_symlink()]:
            if not _inside(base / link, root):
                sources.append(
                    Source(
                        path=base / link,
                        name=_name(label, root, base / link),
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
                    name=_name(label, root, path),
                    manifest_folders=_folders(path, root),
                    problem=problem,
                )
            )
    if not sources:
        sources.append(
            Source(
                path=root,
                name=_name(label, root, root),
                problem=f"folder holds no supported files ({', '.join(sorted(SUPPORTED))})",
            )
        )
    return sources


def _single(path: Path, label: str) -> Source:
    name = _name(label, path, path)
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


def discover(
    paths: Sequence[Path], *, cwd: Path, manifest_name: str, exclude: Sequence[Path] = ()
) -> tuple[Source, ...]:
    """All sources under `paths`, each once, sorted by name. Folders in `exclude` (the
    build's output and cache) are not walked into; an input that is one is still read."""
    labels = input_labels(paths, cwd)
    skip = frozenset(os.path.realpath(cwd / folder) for folder in exclude)
    found: dict[str, Source] = {}
    for path in paths:
        label = labels[Path(os.path.normpath(cwd / path))]
        walk = path.is_dir()
        batch = _walk(path, label, skip, manifest_name) if walk else [_single(path, label)]
        for source in batch:
            key = os.path.normpath(cwd / source.path)
            found.setdefault(key, source)
    return tuple(sorted(found.values(), key=lambda s: PurePosixPath(s.name).parts))
