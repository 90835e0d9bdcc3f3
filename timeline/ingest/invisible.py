"""Invisible characters: taken out of article text, written as escapes in names and messages.

Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder
what a reader sees without changing what is stored: a headline can read backwards, or the
rest of a page flip direction. Zero-width spaces (U+200B), word joiners (U+2060), stray
byte-order marks (U+FEFF) and soft hyphens (U+00AD) hide inside words, so "Pu<ZWSP>tin"
matches no search and no other source. Cleaning removes all of them.

Zero-width joiners and non-joiners (U+200D, U+200C) are different: they choose how letters
join in Arabic, Persian and the Indic scripts, and build emoji sequences (a family, a flag,
a skin tone). They stay where they can do that, between two characters of a script
without letter case or of an emoji sequence, and go everywhere else (inside an English
word, at a word's edge). Marks that only set the direction of neutral characters (U+200E,
U+200F, U+061C) stay: they cannot reverse words.

Names and messages are diagnostics, not prose: there every character that is not
printable is written as an escape (`\\u202e`, `\\n`, `\\xe9` for a byte that is not UTF-8),
so a file name shows what it is and cannot reorder, hide or forge the lines around it.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["REMOVED", "strip_invisible", "visible"]

#: Always removed from article text, titles and publishers.
REMOVED = "\u00ad\u200b\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_REMOVE = dict.fromkeys(map(ord, REMOVED))
_JOINER = re.compile("[\u200c\u200d]")
# Letters of scripts without case, their marks, and the symbols and modifiers of emoji.
_SHAPING = frozenset({"Lo", "Lm", "Mn", "Mc", "So", "Sk"})
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _shapes(text: str, index: int) -> bool:
    """Whether the joiner at `index` sits between two characters it can join."""
    if index == 0 or index + 1 >= len(text):
        return False
    before, after = text[index - 1], text[index + 1]
    return unicodedata.category(before) in _SHAPING and unicodedata.category(after) in _SHAPING


def strip_invisible(text: str) -> str:
    """`text` without bidi controls and zero-width characters (joiners kept where they
    shape text). Idempotent, and never adds a character."""
    text = text.translate(_REMOVE)
    if "\u200c" not in text and "\u200d" not in text:
        return text
    return _JOINER.sub(lambda m: m[0] if _shapes(text, m.start()) else "", text)


def _escape(char: str) -> str:
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with every character that is not printable (controls, format characters,
    line breaks, unpaired surrogates, spaces other than U+0020) written as an escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)
