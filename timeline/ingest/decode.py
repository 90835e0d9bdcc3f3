"""Bytes to text: refuse what is not text, decode what is, and say when it guessed.

UTF-8 (with or without a byte-order mark) and UTF-16 with a mark are read silently;
anything else is read as Windows-1252 (a superset of Latin-1 for printable text, and what
most legacy news exports use) with a warning, since a wrong guess garbles quotes and
accents. No charset sniffing library: the result must not depend on optional packages.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "decode", "sniff_binary"]

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document; convert it to text or HTML first"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.epub); unpack or export it as text first"),
    (b"\x89PNG", "a PNG image; only article text can be read"),
    (b"\xff\xd8\xff", "a JPEG image; only article text can be read"),
    (b"GIF8", "a GIF image; only article text can be read"),
    (b"\x1f\x8b", "a gzip archive; decompress it first"),
    (b"{\\rtf", "an RTF document; save it as plain text first"),
    (b"\xd0\xcf\x11\xe0", "an old Office document; save it as plain text first"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def sniff_binary(data: bytes) -> str | None:
    """Describe a binary file (so the message can say what to do), or None for text."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, description in _SIGNATURES:
        if data.startswith(magic):
            return f"binary file: {description}"
    head = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or (head and controls / len(head) > 0.1):
        return "binary file (not text); only text, Markdown, HTML, JSON and feeds are read"
    return None


def decode(data: bytes, *, html: bool = False) -> Decoded:
    """Decode text bytes; HTML may name its charset in a meta tag."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(text=data.decode(encoding), encoding=encoding)
            except UnicodeDecodeError:
                break
    try:
        return Decoded(text=data.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError as exc:
        position = exc.start
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace")
            try:
                return Decoded(text=data.decode(name), encoding=codecs.lookup(name).name)
            except (LookupError, UnicodeDecodeError):
                pass
    fallback = "cp1252"
    try:
        text = data.decode(fallback)
    except UnicodeDecodeError:
        fallback = "latin-1"
        text = data.decode(fallback)
    return Decoded(
        text=text,
        encoding=fallback,
        warning=f"not valid UTF-8 (first bad byte at offset {position}); read as {fallback}, "
        "check quotes and accents or re-save the file as UTF-8",
    )
