"""Where a long article's page is cut into parts, so that no page reaches a megabyte.

An article of half a million characters (a transcript, an archive pasted as one article)
with a highlighted date every few lines makes a page of megabytes. Its text is cut at
paragraph ends, else sentence ends, into parts of at most PART_BYTES (estimated: the text,
and each highlight with its explanation); part 1 keeps the article's address and part n
is `sources/<page>.part<n>.html`. Article ids never hold a dot, so no part's name is
another article's. Pure functions of the text and its temporal expressions.
"""

from __future__ import annotations

import bisect
import itertools
import re

from timeline.types import Timex

PART_BYTES = 400_000
"""Estimated bytes of an article's text per page; with the list of its events (on part 1)
and the page around them, a page stays under 1 MB."""
TIMEX_BYTES = 450  # a highlight: <mark> with its explanation twice (title and spoken)
TEXT_BYTES = 1.1  # bytes of HTML per character of text (escapes, paragraph tags)

_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])\s+"))


def _cost(start: int, end: int, timex_starts: list[int]) -> float:
    n = bisect.bisect_left(timex_starts, end) - bisect.bisect_left(timex_starts, start)
    return (end - start) * TEXT_BYTES + n * TIMEX_BYTES


def part_starts(text: str, timexes: tuple[Timex, ...], budget: int = PART_BYTES) -> tuple[int, ...]:
    """The offsets where the parts of the article's page start: (0,) for one page."""
    starts = sorted(t.start for t in timexes)
    if _cost(0, len(text), starts) <= budget:
        return (0,)
    spans = sorted((t.start, t.end) for t in timexes)
    span_starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # furthest end so far

    def in_a_timex(cut: int) -> bool:
        i = bisect.bisect_left(span_starts, cut) - 1
        return i >= 0 and reach[i] > cut

    cuts: set[int] = set()
    for pattern in _CUTS:
        cuts |= {m.end() for m in pattern.finditer(text) if not in_a_timex(m.end())}
        if len(cuts) * budget >= len(text) * TEXT_BYTES * 4:
            break  # enough places to cut: keep the coarser ones
    result = [0]
    last_fit: int | None = None
    for cut in [*sorted(cuts), len(text)]:
        if cut <= result[-1]:
            continue
        if _cost(result[-1], cut, starts) <= budget:
            last_fit = cut
            continue
        # the text since the last part start no longer fits: cut where it last did, or
        # here when not even one paragraph or sentence fits (a part holds one at least)
        result.append(last_fit if last_fit is not None and last_fit > result[-1] else cut)
        last_fit = cut if _cost(result[-1], cut, starts) <= budget else None
    return tuple(s for s in result if s < len(text))


def part_page(page: str, part: int) -> str:
    """`sources/42.md` for part 1, `sources/42.part2.md` for part 2."""
    return page if part == 1 else page.removesuffix(".md") + f".part{part}.md"


def part_of(starts: tuple[int, ...], offset: int) -> int:
    """The part (from 1) that holds `offset`."""
    return max(1, bisect.bisect_right(starts, offset))
