"""The one digest of source code that keys every cache.

Cache entries record the code that made them: the extraction and ingest caches a digest of
the modules their stages import (`store.code_hash` finds them), the parse cache a digest of
the `nlp` package. Both are this function, so a file is digested the same way wherever it
counts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

_ROOT = Path(__file__).resolve().parent


def code_digest(files: Iterable[Path]) -> str:
    """SHA-256 of the files' paths (inside the package) and bytes, in path order."""
    digest = hashlib.sha256()
    for source in sorted(files):
        digest.update(source.resolve().relative_to(_ROOT).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()
