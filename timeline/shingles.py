"""A text's fingerprint for finding wire copies: hashes of its word 5-grams, sampled.

CRC-32 is fast and the same in every process, so fingerprints can be cached and compared
across builds; the sample is deterministic (the hashes divisible by four). Fingerprints
are made with each article's extraction and cached with it, so this module is extraction
code and stays outside `timeline.merge` (which groups the copies, `merge.wire`): an edit
of merging must not invalidate the extraction cache.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

_WORD_RE = re.compile(r"\w+")
_SHINGLE = 5


def text_shingles(text: str) -> frozenset[int]:  # CRC-32: fast and the same in every process
    """Hashes of word 5-grams, one in four kept (a deterministic sample; all if that is none)."""
    words = _WORD_RE.findall(text.lower())
    if len(words) < _SHINGLE:
        grams: Iterable[str] = [" ".join(words)]
    else:
        grams = map(" ".join, zip(*(words[k:] for k in range(_SHINGLE)), strict=False))
    hashes = frozenset(map(zlib.crc32, map(str.encode, grams)))
    return frozenset(h for h in hashes if h % 4 == 0) or hashes
