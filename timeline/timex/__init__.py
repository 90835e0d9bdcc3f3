"""Temporal expressions: find them in a parsed article and resolve them to TIMEX3 values.

`tag_doc` runs detection over the text once, then resolves the spans in reading order
so that anaphoric expressions ("the following day") can use the last date before them.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from timeline.model import DateValue, Timex
from timeline.timex import absolute as ab
from timeline.timex import amounts as am
from timeline.timex import clock as ck
from timeline.timex import periods as pe
from timeline.timex import relative as rel
from timeline.timex.detect import Candidate, detect
from timeline.timex.resolve import Anchors, Context, Reading, Resolver

__all__ = ["explain", "tag_doc", "tag_text"]

_RESOLVERS: dict[str, Resolver] = {
    "iso": ab.iso,
    "numeric": ab.numeric,
    "month_day": ab.month_day,
    "week_of": ab.week_of,
    "month_year": ab.month_year,
    "month_rel_year": ab.month_rel_year,
    "month": ab.month,
    "year": ab.year,
    "decade": ab.decade,
    "century": ab.century,
    "season": ab.season,
    "quarter": pe.quarter,
    "half": pe.half,
    "holiday": ab.holiday,
    "spoken_year": ab.spoken_year,
    "set": ab.set_,
    "clock": ck.clock,
    "deictic_day": rel.deictic_day,
    "part_of_day": rel.part_of_day,
    "relative_unit": rel.relative_unit,
    "relative_month": rel.relative_month,
    "weekday": rel.weekday,
    "ago": rel.ago,
    "anaphoric": rel.anaphoric_unit,
    "day_before": rel.day_before,
    "duration": am.duration,
    "bare_units": am.bare_units,
    "the_unit": rel.the_unit,
    "year_end": rel.year_end,
    "year_earlier": rel.year_earlier,
    "reference": rel.reference,
}


def tag_doc(doc: Doc, dct: dt.date | None) -> tuple[Timex, ...]:
    """All temporal expressions of a parsed doc, char offsets into doc.text, sorted by start."""
    text = doc.text
    previous: DateValue | None = None
    previous_end = -1
    found: list[Timex] = []
    for cand in detect(text):
        if cand.rule.kind == "year_range":
            found.extend(_year_range(text, cand))
            continue
        if cand.rule.kind in _NAME_PRONE and _inside_name(doc, text, cand):
            continue
        anchors = Anchors(dct, previous, previous_end)
        reading = _RESOLVERS[cand.rule.kind](Context(cand, anchors, doc, text))
        if reading is None:
            continue
        timex = _timex(text, cand, reading)
        found.append(timex)
        if timex.type in ("DATE", "TIME") and reading.sets_anchor:
            parsed = DateValue.parse(timex.value)
            if parsed is not None:
                previous, previous_end = parsed, timex.end
    return tuple(found)


# Common words that start names when capitalised mid-sentence: "Democracy Now", "This Week".
_NAME_PRONE = frozenset({"reference", "set", "deictic_day", "relative_unit", "the_unit"})


def _inside_name(doc: Doc, text: str, cand: Candidate) -> bool:
    if not text[cand.start].isupper():
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.is_quote and len(span) > 1 and span[-1].text.istitle():
        return True  # a quoted title: ABC's "This Week"
    if span[0].is_sent_start:
        return False
    return not (before.is_punct or before.is_quote or before.is_space)


def tag_text(text: str, dct: dt.date | None, nlp: Language) -> tuple[Timex, ...]:
    """Parse `text` with `nlp` and tag it; prefer `tag_doc` when a Doc already exists."""
    return tag_doc(nlp(text), dct)


def explain(timex: Timex) -> str:
    """One line saying what was found and why it means what it means."""
    value = timex.value or "(unresolved)"
    mod = f" mod={timex.mod}" if timex.mod else ""
    if timex.value.endswith("_REF"):
        anchor = "relative to the time of writing"
    elif timex.type in ("DURATION", "SET"):
        anchor = "an amount of time" if timex.type == "DURATION" else "a recurrence"
    elif timex.anchor == "none":
        anchor = "absolute" if timex.value else "no anchor (no publication date)"
    else:
        anchor = f"from the {timex.anchor} date {timex.anchor_value}"
    return (
        f"{timex.text!r} [{timex.start}:{timex.end}] {timex.type} {value}{mod}, "
        f"{anchor}, rule {timex.rule}"
    )


def _timex(text: str, cand: Candidate, reading: Reading) -> Timex:
    return Timex(
        start=cand.start,
        end=cand.end,
        text=text[cand.start : cand.end],
        type=reading.type,
        value=reading.value,
        mod=reading.mod or (cand.mod if reading.type != "DURATION" else None) or None,
        anchor=reading.anchor,
        anchor_value=reading.anchor_value,
        rule=reading.rule,
    )


def _year_range(text: str, cand: Candidate) -> list[Timex]:
    """ "2009-2010" and "1998-99" are two dates, tagged separately as TimeML does."""
    first, last = ab.year_range_parts(cand)
    if last <= first:
        return []
    spans = ((cand.match.start("y"), cand.match.end("y"), first),
             (cand.match.start("y2"), cand.match.end("y2"), last))  # fmt: skip
    return [
        Timex(start=s, end=e, text=text[s:e], type="DATE", value=f"{y:04d}", rule="year-range")
        for s, e, y in spans
    ]
