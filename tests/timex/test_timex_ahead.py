"""Dates that lie ahead although the sentence does not say "will": a plan named by a
participle, an event whose clause is future, an impending event, a deadline in a present
sentence and an event noun in a present sentence. Each with a reading it must not change."""

from __future__ import annotations

import pytest

from tests.timex.conftest import Tagger

CASES = [
    # a participle of planning after the noun
    ("a-meeting-expected", "2011-04-20",
     "The aim is a deal at a summit expected on May 3.", "May 3", "2011-05-03"),
    ("a-record-set", "2011-04-20",
     "The index is within 50 points of its record high set on May 3.", "May 3", "2010-05-03"),
    # the event's own clause is future, whatever the main verb
    ("relative-clause", "2011-04-20",
     "The minister was summoned to a hearing on May 2 that will examine the contract.",
     "May 2", "2011-05-02"),
    # an impending event
    ("looming", "2011-05-14",
     "Parties are nervous, with local elections looming in November.", "November", "2011-11"),
    # a deadline in a present sentence
    ("deadline", "2011-06-15",
     "Bookmakers are taking bets on his resignation by December 31.", "December 31",
     "2011-12-31"),
    ("deadline-past", "2011-06-15",
     "The firm repaid the loan by March 31.", "March 31", "2011-03-31"),
    # a deadline of what could happen (a forecast) lies ahead; of what could not, no telling
    ("deadline-possible", "2011-06-12",
     "The storm could reach the northern islands by Wednesday, forecasters said.",
     "Wednesday", "2011-06-15"),
    ("deadline-not-possible", "2011-06-12",
     "The minister could not be reached by Wednesday, his office said.",
     "Wednesday", "2011-06-08"),
    # an event noun in a present sentence: the nearer one
    ("event-noun", "2011-06-15",
     "Jobs are the main issue in the November elections.", "November", "2011-11"),
    ("event-noun-past", "2011-06-15",
     "The April 20 blast is the worst in a decade.", "April 20", "2011-04-20"),
    ("event-noun-told", "2011-06-15",
     "Jobs were the main issue in the November elections.", "November", "2010-11"),
]  # fmt: skip


@pytest.mark.parametrize(("dct", "text", "words", "value"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_reading(tag: Tagger, dct: str, text: str, words: str, value: str) -> None:
    found = {t.text: t.value for t in tag(text, dct)}
    assert found.get(words) == value, found
