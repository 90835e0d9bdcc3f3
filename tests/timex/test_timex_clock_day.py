"""Which day a time of day falls on: the day a passage names, or none when the article
names no day at all (a piece on an inquiry's findings is not about its publication day)."""

from __future__ import annotations

import pytest

from tests.timex.conftest import Tagger


def _value(tag: Tagger, text: str, dct: str, words: str) -> str:
    found = {t.text: t for t in tag(text, dct)}
    assert words in found, sorted(found)
    return found[words].value


def test_a_time_in_an_article_naming_no_day_has_no_day(tag: Tagger) -> None:
    text = (
        "The inquiry's report blames the crew and the contractor.\n"
        "Gauges showed gas rising in the shaft at 21:38 hours, but no one raised the alarm.\n"
    )
    assert _value(tag, text, "2012-05-09", "21:38 hours") == "XXXX-XX-XXT21:38"


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # a day named anywhere in the article: the time is read as before
        (
            "Shares fell at 10:30 a.m. The index closed lower on Friday.",
            "10:30 a.m.",
            "2012-05-09T10:30",
        ),
        # a plan is on the day of writing
        ("The minister will speak at 3 p.m.", "3 p.m.", "2012-05-09T15:00"),
        # a live blog's stamp is the day of writing
        ("1540: The crowd reaches the square.", "1540", "2012-05-09T15:40"),
    ],
)
def test_a_time_with_a_day_in_reach_keeps_it(
    tag: Tagger, text: str, words: str, value: str
) -> None:
    assert _value(tag, text, "2012-05-09", words) == value


def test_a_time_told_after_a_named_day_is_on_that_day(tag: Tagger) -> None:
    text = "On Monday the mayor resigned. Her deputy took the oath at 4 p.m. in the town hall."
    assert _value(tag, text, "2012-05-09", "4 p.m.") == "2012-05-07T16:00"
