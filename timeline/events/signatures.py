"""Comment threads found by their structure, whatever the comment system.

A comment thread is where a page turns into a run of short texts, each signed: a line that
names a commenter (or only stamps the comment) with a full time stamp, a date and a clock
time, as a header before each comment ("sam wrote:", "sam said...", "sam | date time") or a
footer after it ("Posted by: sam | date time"). One signature may be the page's own byline;
a thread repeats one form of signature, comment after comment, by more than one person.
So a thread is `AT_LEAST` signatures of one form (`WITH_FURNITURE` when the page also
shows a comment system's furniture: "Reply", "Report abuse", "12 comments"), each within
`MAX_COMMENT` characters of the one before. It starts at its first header; a footer closes
the comment above it, so a thread of footers starts at the comment before its first
signature, back to the line that ends the article above it (the comment system's
furniture, or a line with a stamp of its own), never further: when no such line is near,
only the first signature's own line is taken. A wrong guess here would hide reporting,
so every doubt keeps the text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

from timeline.events.english import (
    COMMENT_FURNITURE,
    COMMENT_STAMP,
    DATELINE,
    NOT_A_HANDLE,
    SIGNATURE_BAR_AFTER,
    SIGNATURE_BAR_BEFORE,
    SIGNATURE_LABEL_BEFORE,
    SIGNATURE_NAME_ONLY,
    SIGNATURE_VERB_AFTER,
    SIGNATURE_VERB_BEFORE,
    STAMP_LEAD,
    STAMP_VARIES,
)

AT_LEAST = 3
WITH_FURNITURE = 2
MAX_COMMENT = 3000  # characters from one signature to the next within a thread
MEDIAN_COMMENT = 1500  # ... and half of them no further apart than this: comments are short
_REACH = 80  # characters either side of a stamp in which its signature's words stand
_NAME_LINE = 60  # a line this short next to a stamp's own line may hold its signature
_BOUNDARY_LINES = 8  # lines above a thread of footers searched for the article's end
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Signature:
    """One signed stamp: `start` where the signature begins (its name, or its stamp),
    `form` its shape with names and figures left out, `footer` whether it closes a comment."""

    start: int
    end: int
    line_start: int
    form: str
    name: str
    footer: bool


def thread_start(text: str) -> int | None:
    """Where the page's comment thread begins, if its signatures make one."""
    starts = [_start(text, run) for run in _runs(text)]
    return min(starts) if starts else None


def signatures(text: str) -> list[Signature]:
    """Every signed stamp of `text`, in text order."""
    found = []
    for stamp in COMMENT_STAMP.finditer(text):
        signature = _signature(text, stamp)
        if signature is not None:
            found.append(signature)
    return found


def _signature(text: str, stamp: re.Match[str]) -> Signature | None:
    line_start = text.rfind("\n", 0, stamp.start()) + 1
    line_end = text.find("\n", stamp.end())
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, stamp.start() - _REACH) : stamp.start()]
    after = own = text[stamp.end() : min(line_end, stamp.end() + _REACH)]
    if not before.strip() and line_start > 0:  # a stamp that opens its line: a name above?
        above = text.rfind("\n", 0, line_start - 1) + 1
        if line_start - 1 - above <= _NAME_LINE:
            before = text[above : stamp.start()]
    if not after.strip() and line_end < len(text):  # one that closes it: a header below?
        below = text.find("\n", line_end + 1)
        below = len(text) if below < 0 else below
        if below - line_end - 1 <= _NAME_LINE:
            after = text[stamp.end() : below]
    signed = _cue(before, after, own)
    if signed is None or DATELINE.match(text[stamp.end() : line_end].lstrip()):
        return None  # "WASHINGTON | Tue Apr 28, 2009 6:32 pm EDT WASHINGTON (Reuters) - ..."
    found, start, footer = signed
    name = found.groupdict().get("name")
    cue = found.group() if name is None else _cut(found, "name")
    return Signature(
        start=stamp.start() - len(before) + start,
        end=stamp.end(),
        line_start=line_start,
        form=f"{_shape(cue)} {_shape(STAMP_VARIES.sub('W', stamp.group()))}",
        name=_handle(name),
        footer=footer,
    )


def _cue(before: str, after: str, own: str) -> tuple[re.Match[str], int, bool] | None:
    """The words that sign a stamp, where the signature starts in `before`, and whether
    it is a footer; None for a stamp nobody signed. `after` runs on to the next line when
    the stamp ends its own line, `own` does not."""
    if (found := SIGNATURE_LABEL_BEFORE.search(before)) is not None:
        return found, found.start(), _closes_line(own)
    if (found := SIGNATURE_VERB_AFTER.match(after)) is not None:
        # "At 10:32 on 12 Jan 2010, sam wrote:" heads a comment; a stamp on a line of its
        # own above the next "bob said..." closes the comment before it
        lead = STAMP_LEAD.search(before)
        return found, lead.start() if lead else len(before), not own.strip()
    for pattern in (SIGNATURE_VERB_BEFORE, SIGNATURE_BAR_BEFORE):
        if (found := pattern.search(before)) is not None:
            return found, found.start(), False
    if (found := SIGNATURE_BAR_AFTER.match(after)) is not None:
        return found, len(before), True  # "... great post. May 1, 2010 at 4:23 pm | Reply"
    found = None if own.strip() else SIGNATURE_NAME_ONLY.search(before)
    if found is not None and _handle(found.group("name")):
        return found, found.start(), False  # a stamp under a name, on a line of its own
    return None


def _closes_line(after: str) -> bool:
    """Whether a labelled stamp ends its line (but for the comment system's furniture), so
    that it signs the comment above it rather than heading the one after."""
    return not COMMENT_FURNITURE.sub("", after).strip(" \t|,.-–—")


def _cut(found: re.Match[str], group: str) -> str:
    """The match with one group's text left out (a name, so that forms compare)."""
    whole, start, end = found.group(), found.start(group), found.end(group)
    return whole[: start - found.start()] + "N" + whole[end - found.start() :]


def _handle(name: str | None) -> str:
    """The name as compared between signatures: '' when it is no name at all."""
    if not name:
        return ""
    words = name.lower().split()
    named = [w for w in words if w not in NOT_A_HANDLE and not any(c.isdigit() for c in w)]
    return " ".join(words) if named else ""


def _shape(stamp: str) -> str:
    return _SPACE.sub(" ", _DIGITS.sub("9", stamp.lower())).strip()


def _runs(text: str) -> list[list[Signature]]:
    """For each form of signature, its first run that makes a thread."""
    by_form: dict[str, list[Signature]] = defaultdict(list)
    for signature in signatures(text):
        by_form[signature.form].append(signature)
    found = []
    for same in by_form.values():
        found.extend(next(([r] for r in _split(same) if _thread(text, r)), []))
    return found


def _split(same: list[Signature]) -> list[list[Signature]]:
    """Signatures of one form in stretches, each within `MAX_COMMENT` of the one before."""
    runs: list[list[Signature]] = []
    for signature in same:
        if runs and signature.start - runs[-1][-1].end <= MAX_COMMENT:
            runs[-1].append(signature)
        else:
            runs.append([signature])
    return runs


def _thread(text: str, run: list[Signature]) -> bool:
    """Whether a run of signatures is a comment thread: enough of them, close enough on
    the whole, and from several people (signatures that name one or two people over and
    over are a blog's own posts, not its readers'); the comment system's furniture lowers
    how many it takes."""
    furnished = COMMENT_FURNITURE.search(text, run[0].line_start, run[-1].end + MAX_COMMENT)
    least = WITH_FURNITURE if furnished else AT_LEAST
    gaps = sorted(after.start - before.end for before, after in pairwise(run))
    if len(run) < least or gaps[len(gaps) // 2] > MEDIAN_COMMENT:
        return False
    names = Counter(s.name for s in run if s.name)
    if not names:
        return True  # a system that stamps its comments and prints no names
    return len(names) >= least and names.most_common(1)[0][1] * 2 <= max(len(run), 4)


def _start(text: str, run: list[Signature]) -> int:
    first = run[0]
    if not first.footer:
        return first.start
    line = first.line_start
    for _ in range(_BOUNDARY_LINES):
        if line == 0:
            return first.line_start
        above = text.rfind("\n", 0, line - 1) + 1
        content = text[above:line]
        if COMMENT_FURNITURE.search(content):
            return above
        if COMMENT_STAMP.search(content):
            return line
        line = above
    return first.line_start
