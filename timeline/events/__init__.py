"""Dated statements -> event mentions: one mention per dated statement a reader can trust.

An article is read statement by statement (`segments.py`): sentences, broken at line ends
and where a caption is glued to a sentence, with a time stamp or dateline at their start
set apart. Statements of page parts that are not reporting (`parts.py`: comment threads,
listings, prompts, captions, chatter) are set aside with their reason. A statement yields a
mention for each separate statement it dates (`anchors.py`, `clauses.py`): the date of its
main predicate, not of a modifier, an apposition or a "since" clause. A lead sentence in the
present tense with no date of its own ("Kerry is in Moscow for talks"), and a live blog's
entry under its time stamp, are about the publication day. The mention's text is the whole
statement, whitespace made plain: a shorter headline could drop the subject, a negation or
the speaker.

The parse is the one the pipeline made; nothing is parsed again here.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.anchors import Anchor, Quotes, anchors, choose, stamp_anchor
from timeline.events.clauses import is_present, is_state, main_predicate, root_of
from timeline.events.comments import comment_stretches
from timeline.events.entities import article_entities, content_lemmas, entities_in
from timeline.events.happening import not_a_happening
from timeline.events.parts import REASONS, page_part, thread_start
from timeline.events.segments import Segment, doc_slice, segments, shown_text, statements
from timeline.types import Article, DateValue, EventMention, Granularity, SetAside, Timex

if TYPE_CHECKING:  # spaCy is imported where a text is parsed, not on a cached build
    from spacy.tokens import Doc, Token

__all__ = [
    "EventsFound",
    "extract_events",
    "extract_mentions",
    "main_predicate",
    "segments",
    "statements",
]

_MIN_WORDS = 4
_LEAD_SENTENCES = 1
_ENDINGS = (".", '"', "”", "'")


@dataclass(frozen=True, slots=True)
class EventsFound:
    mentions: tuple[EventMention, ...]
    set_aside: tuple[SetAside, ...]


def extract_mentions(
    article: Article, doc: Doc, timexes: Sequence[Timex]
) -> tuple[EventMention, ...]:
    """Event mentions of one article, in text order (see `extract_events`)."""
    return extract_events(article, doc, timexes).mentions


def extract_events(article: Article, doc: Doc, timexes: Sequence[Timex]) -> EventsFound:
    """Event mentions of one article and the dated statements set aside, in text order.

    `doc` is the parse of `article.text`; timex offsets index the same text.
    """
    published = article.published.date
    canon = article_entities(doc)
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    starts = [t.start for t in ordered]
    text = doc.text
    quotes = Quotes(text)
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    thread = thread_start(text)
    unmarked = comment_stretches(doc.text)
    mentions: list[EventMention] = []
    set_aside: list[SetAside] = []
    lead_seen = 0
    for seg in statements(doc):
        first = bisect.bisect_left(starts, seg.start)
        last = bisect.bisect_left(starts, seg.end)
        inside = [t for t in ordered[first:last] if t.end <= seg.end]
        dated = any(t.type in {"DATE", "TIME"} and t.value for t in inside)
        part = page_part(seg, thread, unmarked)
        if part is not None:
            if dated:
                set_aside.append(SetAside(start=seg.start, end=seg.end, part=part,
                                          reason=REASONS[part]))  # fmt: skip
            continue
        if not _is_statement(seg):
            continue
        span = seg.span
        main = main_predicate(span)
        chosen = choose(anchors(span, seg.start, inside, published, quotes), main)
        lead = not inside and lead_seen < _LEAD_SENTENCES and seg.text.rstrip().endswith(_ENDINGS)
        found: list[tuple[str, Anchor | None, Token]] = [(a.value, a, a.predicate) for a in chosen]
        if not found and seg.prefix == "time stamp" and seg.prefix_start is not None:
            low, high = bisect.bisect_left(starts, seg.prefix_start), first
            stamp = [t for t in ordered[low:high] if t.end <= seg.start]
            if (at := stamp_anchor(stamp, main, published)) is not None:
                found.append((at.value, at, main))  # a live blog's entry under its stamp
        if (
            published is not None
            and not found
            and ((lead and is_present(main) and not is_state(main)) or seg.prefix == "time stamp")
        ):  # the news of the day, or a live blog's entry of the day its stamp names
            day = _stamp_day(ordered, first, seg) if seg.prefix == "time stamp" else None
            found.append((day or published.isoformat(), None, main))
        clauses = [predicate for _, _, predicate in found]
        if found and (part := not_a_happening(main, root_of(span), clauses)) is not None:
            set_aside.append(SetAside(start=seg.start, end=seg.end, part=part,
                                      reason=REASONS[part]))  # fmt: skip
        elif found:
            quoted = quotes.between(_line_start(breaks, seg.start), seg.start) % 2 == 1
            mentions.extend(_mentions(article.id, seg, found, canon, main, inside_quote=quoted))
        lead_seen += seg.text.rstrip().endswith(_ENDINGS)
    return EventsFound(tuple(mentions), tuple(set_aside))


def _mentions(
    article: str,
    seg: Segment,
    found: list[tuple[str, Anchor | None, Token]],
    canon: dict[str, str],
    main: Token,
    *,
    inside_quote: bool,
) -> list[EventMention]:
    text = shown_text(seg.text, inside_quote)
    entities = entities_in(seg.span, canon)
    whole = content_lemmas(seg.span)
    made = []
    for date, anchor, predicate in found:
        own = () if predicate.i == main.i else content_lemmas(predicate.subtree)
        made.append(
            EventMention(
                article=article,
                sentence=seg.text,
                start=seg.start,
                end=seg.end,
                date=date,
                headline=text,
                timex=anchor.timex if anchor else None,
                date_source="timex" if anchor and not anchor.deictic_now else "publication",
                entities=entities,
                lemmas=tuple(dict.fromkeys(own + whole)),
                predicate=predicate.text,
            )
        )
    return made


def _line_start(breaks: Sequence[int], at: int) -> int:
    """Where the line holding offset `at` starts, from the offsets of the text's line ends."""
    before = bisect.bisect_left(breaks, at)
    return breaks[before - 1] + 1 if before else 0


def _stamp_day(ordered: Sequence[Timex], first: int, seg: Segment) -> str | None:
    """The day of the stamp a live blog's entry opens with: a blog runs over several days
    under one publication date, and each entry was written on its stamp's day."""
    if first == 0:
        return None
    stamp = ordered[first - 1]
    line = doc_slice(seg.span.doc, stamp.end, seg.start) if stamp.end <= seg.start else "\n"
    parsed = DateValue.parse(stamp.value.split("T")[0]) if stamp.type == "TIME" else None
    if "\n" in line or parsed is None or parsed.granularity is not Granularity.DAY:
        return None
    return parsed.value


def _is_statement(seg: Segment) -> bool:
    """Sentences, not page furniture: a verb and a few words."""
    words = sum(1 for t in seg.span if t.is_alpha)
    return words >= _MIN_WORDS and any(t.pos_ in {"VERB", "AUX"} for t in seg.span)
