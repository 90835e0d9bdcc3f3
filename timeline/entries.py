"""Cache entries on disk: JSON that carries its key and a checksum of its body, written
atomically (temp file + rename) so a killed build never leaves half an entry, and read
back only when both still match; anything else is reported and treated as absent."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger("timeline.cache")


def read_entry(path: Path, key: str) -> Any | None:
    """The body stored for key at path, or None when absent, damaged or another key's."""
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        body = entry["body"]
        if entry.get("key") != key or entry.get("sha256") != _digest(body):
            raise ValueError("key or checksum mismatch")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("cache: ignoring damaged entry %s (%s); recomputing", path, exc)
        return None
    return body


def write_entry(path: Path, key: str, body: Any) -> None:
    """Store body for key; a read-only or full cache folder only costs speed."""
    entry = {"key": key, "sha256": _digest(body), "body": body}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(entry, handle, ensure_ascii=False)
        Path(tmp).replace(path)
    except OSError as exc:
        log.warning("cache: cannot write %s (%s); continuing without it", path, exc)


def _digest(body: Any) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
