"""Parts of the story's day, spans of the past and plans told after the fact: each rule
with invented sentences, including the readings it must leave alone."""

from __future__ import annotations

import pytest

from tests.timex.conftest import Tagger

CASES = [
    # "later in the day": the day the passage is about, else the day of writing
    ("2016-03-11", "Later in the day, the president flew home.", "the day", "2016-03-11"),
    ("2016-03-11", "The vote was on Tuesday. Early in the afternoon the count began.",
     "the afternoon", "2016-03-08TAF"),
    # a bare "in the morning" right after a named day is that day's morning
    ("2016-03-11", "Markets fell on Wednesday. Traders sold heavily in the morning.",
     "the morning", "2016-03-09TMO"),
    ("2016-03-11", "By mid afternoon the rebels held the airport.", "mid afternoon",
     "2016-03-11TAF"),
    # "over the past decade" is a span; "in the last decade" the decade before this one
    ("2016-03-11", "Rents have doubled over the past decade.", "the past decade", "P10Y"),
    ("2016-03-11", "The church has stood there for the last century.", "the last century",
     "P100Y"),
    ("2016-03-11", "Wages fell in the last decade.", "the last decade", "200"),
    # a bare plural unit before "ago" counts nothing: the past, not a date
    ("2016-03-11", "The firm, which just months ago was near collapse, has recovered.",
     "months ago", "PAST_REF"),
    ("2016-03-11", "Two years ago the mill closed.", "Two years ago", "2014"),
    # a holiday's week is the Monday-to-Sunday week the day falls in, begun or not
    ("2016-03-21", "Crowds gathered on Monday as Easter week began.", "Easter week",
     "2016-W12"),
    ("2016-03-11", "Shops were busy during Christmas week 2015.", "Christmas week 2015",
     "2015-W52"),
    # a plan told after the fact: the nearest such day, here the one just gone
    ("2016-03-13", "A vigil planned for Saturday was called off after the storm.", "Saturday",
     "2016-03-12"),
    ("2016-03-13", "A vigil planned for Saturday will go ahead despite the storm.", "Saturday",
     "2016-03-19"),
]  # fmt: skip


@pytest.mark.parametrize(("dct", "text", "words", "value"), CASES, ids=[c[2] for c in CASES])
def test_reading(tag: Tagger, dct: str, text: str, words: str, value: str) -> None:
    found = {t.text: t.value for t in tag(text, dct)}
    assert found.get(words) == value, found


@pytest.mark.parametrize(
    "text",
    ["I always run in the morning before work.", "She works in the evening as a nurse."],
)
def test_a_habit_is_not_a_day(tag: Tagger, text: str) -> None:
    assert [t.text for t in tag(text, "2016-03-11")] == []


def test_a_holiday_weekend_is_not_its_week(tag: Tagger) -> None:
    found = [t.text for t in tag("Traffic was heavy over the Christmas weekend.", "2016-03-11")]
    assert "Christmas week" not in found, found
