"""A build's temporary folders, named so that a later run can tell stale ones and remove them.

A build stages the new site beside the output folder (`.site.new-…`), moves the old site
aside there (`.site.old-…`), and runs mkdocs in a work folder under the system's temporary
folder (`timeline-mkdocs-…`; `timeline serve` uses `timeline-serve-…`). Each is removed when
its build ends, failed or not; a process killed outright leaves them behind. So each run
first removes the ones a dead process left, and only those: the name must carry this
machine's tag and the id of a process that no longer runs, and the folder must hold only
what such a folder holds. Anything else is left alone, whatever its name.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

WORK_PREFIX = "timeline-mkdocs-"
SERVE_PREFIX = "timeline-serve-"
WORK_ENTRIES = frozenset({"docs", "mkdocs.yml", "site"})  # what a work folder holds


def host_tag() -> str:
    """This machine, in eight hex digits: a folder on a shared disk may be another's."""
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def folder_prefix(prefix: str) -> str:
    """The start of the name of a folder this process makes: `<prefix><host>-<pid>-`."""
    return f"{prefix}{host_tag()}-{os.getpid()}-"


def make_folder(parent: Path, prefix: str) -> Path:
    """A new, empty, private folder in parent whose name says who made it."""
    return Path(tempfile.mkdtemp(prefix=folder_prefix(prefix), dir=parent))


def running(pid: int) -> bool:
    """Whether a process with this id runs here; True when that cannot be told."""
    if os.name != "posix":  # os.kill would stop the process there, not probe it
        return True
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or not allowed to ask
        return True
    return True


def holds_only_work(folder: Path) -> bool:
    """A work folder holds the generated config and empty docs (and maybe a site)."""
    names = {entry.name for entry in os.scandir(folder)}
    return names <= WORK_ENTRIES and not any((folder / "docs").glob("*"))


def remove_stale(parent: Path, prefix: str, holds_ours: Callable[[Path], bool]) -> list[Path]:
    """Remove the folders in parent that a dead process of this machine left, named
    `<prefix><host>-<pid>-<random>` and holding what `holds_ours` accepts. Never raises."""
    pattern = re.compile(re.escape(prefix) + r"([0-9a-f]{8})-([0-9]{1,10})-[a-z0-9_]+")
    removed: list[Path] = []
    tag = host_tag()
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if found is None or found[1] != tag or running(int(found[2])):
            continue
        folder = Path(entry.path)
        try:
            if not entry.is_dir(follow_symlinks=False) or not holds_ours(folder):
                log.debug("left alone: %s is named like a stale folder but is not one", folder)
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            log.debug("removed %s, left by a build that was stopped", folder)
            removed.append(folder)
    return removed


def remove_stale_work(prefix: str = WORK_PREFIX) -> list[Path]:
    """Stale work folders in the system's temporary folder."""
    return remove_stale(Path(tempfile.gettempdir()), prefix, holds_only_work)


@contextlib.contextmanager
def work_folder(prefix: str = WORK_PREFIX) -> Iterator[Path]:
    """A fresh work folder in the system's temporary folder, removed on the way out; the
    stale ones of stopped runs are removed first."""
    remove_stale_work(prefix)
    with tempfile.TemporaryDirectory(prefix=folder_prefix(prefix)) as work:
        yield Path(work)
