"""Page parts that are not reporting: statements set aside, each with its part and reason.

A page saved from the web carries more than its story: a comment thread, programme
listings, time stamps, an author's biography, prompts to subscribe or share, captions and
headings, and chatter addressed to the reader. None of them reports a happening, so none
becomes an event; each dated one is kept as a `SetAside` with the reason, so that nothing
disappears silently (the build report counts them and the source page lists them).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.events.clauses import main_predicate, root_of, subject_person
from timeline.events.english import (
    BEFORE_CREDIT,
    COMMENT_THREAD,
    LABELS,
    PAGE_PARTS,
    REPORTING_VERBS,
)
from timeline.events.segments import Segment, doc_slice
from timeline.events.signatures import thread_start as signed_thread

if TYPE_CHECKING:  # spaCy is imported where a text is parsed, not on a cached build
    from spacy.tokens import Token

_CREDIT_REACH = 24  # characters after a statement in which a photo credit makes it a caption
_TERMINAL = (".", "!", '"', "”", "'", "’", ")")
REASONS = {
    "comment": "a reader comment (the comment thread starts here or above)",
    "unmarked comment": "a reader comment with no header (informal writing all around it)",
    "time stamp": "a time stamp with nothing else",
    "chatter": "first- or second-person chatter, not reporting",
    "question": "a question, not a statement",
    "caption": "a caption, heading or byline (no sentence ending, or a photo credit after it)",
    "state": "a description of how things are or look, not a happening",
    "speculation": "what could or might be, not what happened (an estimate, a possibility)",
    "no answer": "a source declining to comment or not reached: nothing was said",
    **{part: reason for part, reason, _ in PAGE_PARTS},
}


def thread_start(text: str) -> int | None:
    """Where the page's comment thread begins, if it has one: at its first run of signed
    comments (`signatures.thread_start`) or at a known header or notice of one, whichever
    comes first."""
    found = COMMENT_THREAD.search(text)
    starts = [s for s in (signed_thread(text), found.start() if found else None) if s is not None]
    return min(starts) if starts else None


def page_part(
    seg: Segment, thread: int | None, unmarked: Sequence[tuple[int, int]] = ()
) -> str | None:
    """The part of the page a statement belongs to when it is not reporting, else None.
    `thread` is where the comment thread begins, `unmarked` the stretches of comments
    with no header (`comments.comment_stretches`)."""
    text = seg.text
    if thread is not None and seg.end > thread:
        return "comment"
    if _inside(unmarked, seg.start):
        return "unmarked comment"
    if len(seg.span) == 0:
        return "time stamp"
    for part, _, pattern in PAGE_PARTS:
        if pattern.search(text):
            return part
    if text.rstrip().endswith("?"):
        return "question"
    if not text.rstrip().endswith(_TERMINAL) or _before_credit(seg):
        return "caption"
    if _chatter(seg):
        return "chatter"
    return None


def _inside(stretches: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of `stretches` (sorted, not overlapping)."""
    at = bisect.bisect_right([start for start, _ in stretches], offset) - 1
    return at >= 0 and offset < stretches[at][1]


def _before_credit(seg: Segment) -> bool:
    """A statement right before a photo credit ("... in Los Angeles. | Photograph: ...") is
    the photo's caption."""
    return (
        BEFORE_CREDIT.match(doc_slice(seg.span.doc, seg.end, seg.end + _CREDIT_REACH)) is not None
    )


def _chatter(seg: Segment) -> bool:
    """The writer or reader as the subject of the main statement ("I can imagine ...",
    "You know ..."), unless a named speaker is quoted saying it."""
    main, root = main_predicate(seg.span), root_of(seg.span)
    if not subject_person(main):
        return False
    return not (root.lemma_ in REPORTING_VERBS and root.i != main.i and _third_person(root))


def _third_person(verb: Token) -> bool:
    return any(c.dep_ in LABELS["subject"] and not subject_person(verb) for c in verb.children)
