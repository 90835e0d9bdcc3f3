"""Reader comments with no header: the informal writing of a comment section.

Many pages show their readers' comments with no "X wrote:" header to tell them from the
article, but they read differently from edited news: a paragraph that opens in lower case,
repeats its punctuation ("!!", "??", "too.."), or shouts (several words in capitals). One
such paragraph may be a quoted tweet or a slip; where they crowd together (`AT_LEAST` of
the paragraphs within `REACH` either side), the stretch is a comment section, and its
paragraphs, with those between two informal ones, are set aside as reader comments.
Transcript lines ("PARKER: ...") speak in capitals by convention and are not counted.
"""

from __future__ import annotations

import re

from timeline.events.english import INFORMAL_CAPS, INFORMAL_PUNCTUATION, SPEAKER_LABEL

REACH = 3
AT_LEAST = 2
_SHOUTED_WORDS = 2  # words in capitals that make a paragraph shout
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
_LOWER_START = re.compile(r"[\"“'(\s-]*[a-z]")


def comment_stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs of `text` that read as reader comments."""
    paragraphs = [(m.start(), m.end(), m.group()) for m in _PARAGRAPH.finditer(text)]
    informal = [_informal(p) for _, _, p in paragraphs]
    found = []
    for i, (start, end, _) in enumerate(paragraphs):
        before, after = informal[max(0, i - REACH) : i], informal[i + 1 : i + REACH + 1]
        if before.count(True) + after.count(True) + informal[i] < AT_LEAST:
            continue
        if informal[i] or (any(before) and any(after)):
            found.append((start, end))
    return found


def _informal(paragraph: str) -> bool:
    if SPEAKER_LABEL.match(paragraph):
        return False
    return bool(
        _LOWER_START.match(paragraph)
        or INFORMAL_PUNCTUATION.search(paragraph)
        or len(INFORMAL_CAPS.findall(paragraph)) >= _SHOUTED_WORDS
    )
