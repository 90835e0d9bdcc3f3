"""Properties that hold for any text: no crash, exact offsets, tense-consistent values."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from timeline.timex import tag_doc
from timeline.types import DateValue

_WORDS = st.sampled_from(
    [
        "on",
        "in",
        "since",
        "last",
        "next",
        "the",
        "following",
        "day",
        "week",
        "month",
        "year",
        "ago",
        "later",
        "earlier",
        "Friday",
        "Monday",
        "September",
        "30",
        "1998",
        "2015",
        "Sept.",
        "5",
        ",",
        ".",
        "said",
        "will",
        "met",
        "yesterday",
        "today",
        "now",
        "two",
        "five",
        "days",
        "years",
        "decade",
        "1990s",
        "third",
        "quarter",
        "morning",
        "10:30",
        "a.m.",
        "early",
        "late",
        "mid-",
        "May",
        "March",
        "fall",
        "spring",
        "every",
        "each",
        "recently",
        "12/15/2015",
        "2009-2010",
        "-",
        "'s",
    ]
)
_TEXTS = st.one_of(st.text(max_size=80), st.lists(_WORDS, max_size=25).map(" ".join))
_DATES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2040, 12, 31))
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(text=_TEXTS, dct=st.one_of(st.none(), _DATES))
def test_offsets_round_trip(nlp: Language, text: str, dct: dt.date | None) -> None:
    timexes = tag_doc(nlp(text), dct)
    for timex in timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
    starts = [t.start for t in timexes]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(timexes))


@_SETTINGS
@given(text=_TEXTS, first=_DATES, second=_DATES)
def test_absolute_dates_ignore_publication_date(
    nlp: Language, text: str, first: dt.date, second: dt.date
) -> None:
    doc = nlp(text)
    a = {(t.start, t.end): t for t in tag_doc(doc, first) if t.anchor == "none"}
    b = {(t.start, t.end): t for t in tag_doc(doc, second) if t.anchor == "none"}
    for span in a.keys() & b.keys():
        assert a[span].value == b[span].value


@_SETTINGS
@given(
    dct=_DATES,
    expression=st.sampled_from(
        ["on Friday", "on September 30", "in November", "yesterday", "last week",
         "on Jan. 2", "in December", "last spring", "on Sunday"]
    ),
)  # fmt: skip
def test_past_tense_never_after_publication(nlp: Language, dct: dt.date, expression: str) -> None:
    for timex in tag_doc(nlp(f"The minister resigned {expression}."), dct):
        period = DateValue.parse(timex.value)
        assert period is not None, timex
        assert period.first <= dct, timex
