"""Temporal expressions: find them in a parsed article and resolve them to TIMEX3 values.

`tag_doc` runs detection over the text once, then resolves the spans in reading order
so that anaphoric expressions ("the following day") can use the last date before them.

Each expression is resolved on its own: should a rule fail on one (a fault in the rules,
never in the text), that expression is left out and reported as a `TagFailure`, and the
others are kept. Every value given out is checked to be a well-formed TIMEX3 value.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from timeline.timex import absolute as ab
from timeline.timex import amounts as am
from timeline.timex import clock as ck
from timeline.timex import compound as co
from timeline.timex import periods as pe
from timeline.timex import relative as rel
from timeline.timex import stamps as st
from timeline.timex.detect import Candidate, detect
from timeline.timex.resolve import Anchors, Context, Reading, Resolver
from timeline.timex.values import well_formed
from timeline.types import DateValue, Timex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Scan", "TagFailure", "Tagging", "explain", "scan", "tag", "tag_doc", "tag_text"]

log = logging.getLogger(__name__)

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
    "year_era": ab.year_era,
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
    "year_end": pe.year_end,
    "year_earlier": pe.year_earlier,
    "reference": rel.reference,
    "quarter_code": co.quarter_code,
    "weekday_of_week": co.weekday_of_week,
    "weekday_around": co.weekday_around,
    "this_time": co.this_time,
    "ordinal_day": co.ordinal_day,
    "part_of_story": co.part_of_story,
}


@dataclass(frozen=True, slots=True)
class TagFailure:
    """An expression a rule failed on: left out of the result, and reported."""

    text: str
    start: int
    end: int
    rule: str
    problem: str

    def describe(self) -> str:
        return (
            f"the date expression {self.text!r} (characters {self.start}-{self.end}, rule "
            f"{self.rule}) could not be read: {self.problem}"
        )


@dataclass(frozen=True, slots=True)
class Tagging:
    """The expressions of a text, and those a rule failed on (normally none)."""

    timexes: tuple[Timex, ...]
    failures: tuple[TagFailure, ...] = ()


def tag_doc(doc: Doc, dct: dt.date | None) -> tuple[Timex, ...]:
    """All temporal expressions of a parsed doc, char offsets into doc.text, sorted by start."""
    return tag(doc, dct).timexes


@dataclass(frozen=True, slots=True)
class Scan:
    """A doc's text and its detected spans: what tagging it against any date starts from."""

    doc: Doc
    text: str
    candidates: tuple[Candidate, ...]


def scan(doc: Doc) -> Scan:
    text = doc.text  # spaCy joins the tokens again on every access: once is enough
    return Scan(doc=doc, text=text, candidates=tuple(detect(text)))


def tag(doc: Doc | Scan, dct: dt.date | None) -> Tagging:
    """`tag_doc`, with the expressions a rule failed on (see the module docstring).

    A `Scan` of the doc saves detecting again when tagging one doc against many dates.
    """
    scanned = doc if isinstance(doc, Scan) else scan(doc)
    found, failures, latest = _pass(scanned, dct, None)
    if dct is not None and latest is not None and latest > dct:
        # the page was still written after its publication date: read it again knowing so
        found, failures, _ = _pass(scanned, dct, latest)
    return Tagging(timexes=tuple(found), failures=tuple(failures))


def _pass(
    scanned: Scan, dct: dt.date | None, latest: dt.date | None
) -> tuple[list[Timex], list[TagFailure], dt.date | None]:
    """One reading of the text in order; `latest` is the last day the page's updates run
    to (None on a first reading). Gives the timexes, the failures and that last day."""
    doc, text = scanned.doc, scanned.text
    seen: dt.date | None = None  # the last day a stamp or a heading names
    previous: DateValue | None = None
    previous_end = -1
    written = dct  # the day the text was written: a live blog's update stamps move it
    last_stamp: dt.datetime | None = None
    updated = False
    day_named = any(ck.names_a_day(c) for c in scanned.candidates)
    found: list[Timex] = []
    failures: list[TagFailure] = []
    for cand in scanned.candidates:
        try:
            anchors = Anchors(written, previous, previous_end, updated, day_named, latest)
            timexes, reading = _resolve(doc, text, cand, anchors)
            bad = next((t for t in timexes if not well_formed(t.type, t.value)), None)
            if bad is not None:
                problem = f"it was given the {bad.type} value {bad.value!r}, not a TIMEX3 value"
                failures.append(_failure(text, cand, problem))
                continue
            if len(timexes) == 1 and st.is_stamp(text, timexes[0]):
                if last_stamp is not None and timexes[0].rule == "clock":
                    timexes = [st.nearest(timexes[0], last_stamp)]
                last_stamp = st.moment(timexes[0]) or last_stamp
                written = last_stamp.date() if last_stamp is not None else written
                updated = updated or last_stamp is not None
            elif len(timexes) == 1 and st.is_heading(text, timexes[0]):
                written = st.day_of(timexes[0]) or written
                last_stamp = dt.datetime.combine(written, dt.time(12)) if written else last_stamp
                updated = True
            if len(timexes) == 1 and updated and timexes[0].start == _mark_start(text, timexes):
                day = st.day_of(timexes[0])
                seen = day if seen is None or (day is not None and day > seen) else seen
            if reading is not None and reading.sets_anchor and timexes[0].type in ("DATE", "TIME"):
                parsed = DateValue.parse(timexes[0].value)
                if parsed is not None:
                    previous, previous_end = parsed, timexes[0].end
        except Exception as error:  # a fault in a rule: that expression alone is lost
            log.debug("rule %s failed on %r", cand.rule.name, text[cand.start : cand.end],
                      exc_info=True)  # fmt: skip
            failures.append(_failure(text, cand, f"{type(error).__name__}: {error}"))
            continue
        found.extend(timexes)
    return found, failures, seen


def _mark_start(text: str, timexes: list[Timex]) -> int:
    """Where the one timex starts if it is an update's stamp or a day heading, else -1."""
    mark = st.is_stamp(text, timexes[0]) or st.is_heading(text, timexes[0])
    return timexes[0].start if mark else -1


def _resolve(
    doc: Doc, text: str, cand: Candidate, anchors: Anchors
) -> tuple[list[Timex], Reading | None]:
    """The timexes of one candidate (none, one, or the two years of a range), and the
    reading that made a single one (None for a range)."""
    if cand.rule.kind == "year_range":
        return _year_range(text, cand), None
    if cand.rule.kind == "era_range":
        return _era_range(text, cand), None
    if cand.rule.kind == "day_range":
        parts = co.day_range(Context(cand, anchors, doc, text))
        found = [_part(text, cand, start, end, reading) for start, end, reading in parts]
        return found, None
    if cand.rule.kind in _NAME_PRONE and _inside_name(doc, text, cand):
        return [], None
    reading = _RESOLVERS[cand.rule.kind](Context(cand, anchors, doc, text))
    if reading is None:
        return [], None
    return [_timex(text, cand, reading)], reading


def _failure(text: str, cand: Candidate, problem: str) -> TagFailure:
    return TagFailure(
        text=text[cand.start : cand.end],
        start=cand.start,
        end=cand.end,
        rule=cand.rule.name,
        problem=problem,
    )


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


def _part(text: str, cand: Candidate, start: int, end: int, reading: Reading) -> Timex:
    """One of the expressions a candidate holds ("Monday 20" of "Monday 20 to Friday 24
    September"); a modifier before the candidate stays with the first."""
    begin = cand.start if start == cand.core else start
    return _timex(text, replace(cand, start=begin, end=end), reading)


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


def _era_range(text: str, cand: Candidate) -> list[Timex]:
    """ "between 200 and 100 BC": the era written once is both years', each tagged apart."""
    first, last = int(cand.group("y") or 0), int(cand.group("y2") or 0)
    if not first or not last:
        return []
    bc = (cand.group("era") or "").replace(".", "").upper().startswith("B")
    spans = ((cand.match.start("y"), cand.match.end("y"), first),
             (cand.match.start("y2"), cand.end, last))  # fmt: skip
    return [
        Timex(
            start=s,
            end=e,
            text=text[s:e],
            type="DATE",
            value=f"BC{y:04d}" if bc else f"{y:04d}",
            rule="year-era-range",
        )
        for s, e, y in spans
    ]
