"""Cache entries on disk: a header line carrying the entry's key and the SHA-256 of the body
bytes that follow it (JSON, or raw bytes such as a stored spaCy parse), written atomically
(temp file + rename) so a killed build never leaves half an entry, and read back only when
both still match; anything else is reported and treated as absent. The checksum covers the
stored bytes themselves, so checking an entry costs one hash, not a second serialisation."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
_MAGIC = b"timeline-entry/2 "


def read_entry(path: Path, key: str) -> Any | None:
    """The JSON body stored for key at path, or None when absent, damaged or another key's."""
    body = read_bytes_entry(path, key)
    if body is None:
        return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        log.warning("cache: ignoring damaged entry %s (%s); recomputing", path, exc)
        return None


def read_bytes_entry(path: Path, key: str) -> bytes | None:
    """The body bytes stored for key at path, or None when absent, damaged or another key's."""
    try:
        data = path.read_bytes()
        header, newline, body = data.partition(b"\n")
        if not newline or not header.startswith(_MAGIC):
            raise ValueError("not a cache entry")
        stored_key, _, digest = header[len(_MAGIC) :].decode("ascii").partition(" ")
        if digest != hashlib.sha256(body).hexdigest():
            raise ValueError("checksum mismatch")
        if stored_key != key:  # made by other code or settings: stale, not damaged
            log.debug("cache: %s holds another key; recomputing", path)
            return None
        return body
    except FileNotFoundError:
        return None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        log.warning("cache: ignoring damaged entry %s (%s); recomputing", path, exc)
        return None


def write_entry(path: Path, key: str, body: Any) -> None:
    """Store the JSON of body for key; a read-only or full cache folder only costs speed."""
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    write_bytes_entry(path, key, data)


def write_bytes_entry(path: Path, key: str, data: bytes) -> None:
    """Store data for key; a read-only or full cache folder only costs speed."""
    header = _MAGIC + f"{key} {hashlib.sha256(data).hexdigest()}\n".encode("ascii")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(header + data)
        Path(tmp).replace(path)
    except OSError as exc:
        log.warning("cache: cannot write %s (%s); continuing without it", path, exc)
