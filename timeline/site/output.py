"""Which folder a build may replace with a site: the one rule `build` and `check` share.

A build writes the new site beside the output folder and swaps it in, removing the old
one. That is only safe for a folder that is absent, empty, or a site this tool built: each
site carries a marker file (`SITE_MARKER`), and a folder without it is someone's files.
Whatever the marker says, the output is never the working directory or a folder above it,
the file-system root, the home folder, an input or a folder holding one, or the cache.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from timeline.errors import ConfigError

SITE_MARKER = ".timeline-site"
MARKER_TEXT = (
    "This folder is a site written by `timeline build`, which replaces it whole on the next\n"
    "build. Files kept here are lost then: keep them elsewhere.\n"
)


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _holds(folder: Path, other: Path) -> bool:
    """folder is other, or a folder above it."""
    return folder == other or folder in other.parents


def _home() -> Path | None:
    try:
        return _real(Path.home())
    except (RuntimeError, KeyError):  # no home folder known
        return None


def _occupied(folder: Path) -> bool:
    with os.scandir(folder) as entries:
        return next(entries, None) is not None


def output_problem(
    given: str | Path, *, inputs: Sequence[Path] = (), cache_dir: Path | None = None
) -> str | None:
    """Why the folder `given` must not be replaced by a site, or None when it may be."""
    if not str(given).strip():  # `output = ""` would be the working directory
        return "is empty; name a folder for the site (the default is `site`)"
    out = Path(given)
    cwd = _real(Path.cwd())
    target = _real(out)
    if target == Path(target.anchor):
        return "is the root of the file system"
    home = _home()
    if home is not None and _holds(target, home):
        return "is your home folder" if target == home else "holds your home folder"
    if _holds(target, cwd):
        return "is the working directory" if target == cwd else "holds the working directory"
    for source in inputs:
        real = _real(source)
        if _holds(target, real):
            what = "is the input" if target == real else "holds the input"
            return f"{what} {source}; write the site somewhere else"
    if cache_dir is not None and _holds(target, _real(cache_dir)):
        return f"holds the cache folder {cache_dir}; choose another output or cache folder"
    if out.is_symlink():
        return "is a symbolic link; give the folder itself"
    if not out.exists():
        return None
    if not out.is_dir():
        return "is a file, not a folder; choose a folder for the site"
    try:
        if _occupied(out) and not (out / SITE_MARKER).is_file():
            return (
                f"holds files that timeline did not write (there is no {SITE_MARKER} in it) "
                "and would be replaced; empty it, remove it, or choose another folder (a site "
                "built by a version of timeline before the marker has none: remove it once)"
            )
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    return None


def check_output(
    given: str | Path, *, inputs: Sequence[Path] = (), cache_dir: Path | None = None
) -> None:
    """Raise a ConfigError naming the folder and the problem, if it must not be replaced."""
    problem = output_problem(given, inputs=inputs, cache_dir=cache_dir)
    if problem is not None:
        raise ConfigError(f"output folder '{given}' {problem}")


def mark_site(folder: Path) -> None:
    """Say in the folder that it is a site this tool writes, so it may replace it later."""
    (folder / SITE_MARKER).write_text(MARKER_TEXT, encoding="utf-8")
