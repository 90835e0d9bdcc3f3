"""Which date an event takes: its main statement's, never that of a noun's modifier, of a
clause recalled in passing or of a "since" phrase. Sentences invented for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import make_article
from spacy.language import Language
from spacy.tokens import Doc

from timeline.events import extract_mentions
from timeline.events.clauses import attachment
from timeline.types import Timex

PUBLISHED = dt.date(2015, 12, 16)  # a Wednesday


def _timex(text: str, phrase: str, value: str, kind: str = "DATE") -> Timex:
    start = text.index(phrase)
    return Timex(start=start, end=start + len(phrase), text=phrase, type=kind, value=value,
                 anchor="publication")  # fmt: skip


# (id, sentence, its dates (phrase, value), the dates of the mentions it yields)
CASES = [
    (
        "a-period-naming-what-is-cancelled-dates-nothing",
        "The bank said it would scrap the previously declared third-quarter bonus promised "
        "to its staff.",
        (("third-quarter", "2015-Q3"),),
        [],
    ),
    (
        "a-relative-clause-on-the-noun-is-not-its-plan",
        "The city opened the 2016 festival season, which organisers expect to be the busiest "
        "in a decade.",
        (("2016", "2016"),),
        [],
    ),
    (
        "a-date-that-is-the-start-of-something-dates-it",
        "To make matters worse, Monday was the official start of the winter flu season.",
        (("Monday", "2015-12-14"),),
        ["2015-12-14"],
    ),
    (
        "a-date-that-is-only-a-day-is-no-event",
        "Monday was a cold and grey day in the capital.",
        (("Monday", "2015-12-14"),),
        [],
    ),
    (
        "a-verb-joined-to-an-after-clause-is-recalled-in-passing",
        "Six weeks after the dam cracked and collapsed on November 2, the regional "
        "authority's flood plan was condemned by an engineers' group.",
        (("November 2", "2015-11-02"),),
        [],
    ),
    (
        "a-subjects-date-does-not-date-what-it-prompted",
        "The November 2 dam collapse prompted the new rules, the minister said.",
        (("November 2", "2015-11-02"),),
        [],
    ),
    (
        "a-subjects-date-still-dates-what-it-did",
        "The November 2 dam collapse killed 14 people in the valley.",
        (("November 2", "2015-11-02"),),
        ["2015-11-02"],
    ),
]


@pytest.mark.parametrize(
    ("text", "dates", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_event_takes_the_date_of_its_main_statement(
    nlp: Language, text: str, dates: tuple[tuple[str, ...], ...], expected: list[str]
) -> None:
    found = tuple(_timex(text, *d) for d in dates)
    mentions = extract_mentions(make_article("a", text, PUBLISHED), nlp(text), found)
    assert [m.date for m in mentions] == expected


def test_a_time_inside_a_since_phrase_dates_nothing_however_it_was_parsed(
    nlp: Language,
) -> None:
    # the parser may hang the time of a "since" phrase on the main verb: "Divers found a raft
    # missing since the storm about 10 p.m. Monday", with "Monday" a bare adverbial of "found"
    rows = [
        ("Divers", "NOUN", "NNS", "nsubj", 1), ("found", "VERB", "VBD", "ROOT", 1),
        ("a", "DET", "DT", "det", 3), ("raft", "NOUN", "NN", "dobj", 1),
        ("missing", "VERB", "VBG", "acl", 3), ("since", "SCONJ", "IN", "prep", 4),
        ("the", "DET", "DT", "det", 7), ("storm", "NOUN", "NN", "pobj", 5),
        ("about", "ADV", "RB", "advmod", 9), ("10", "NUM", "CD", "nummod", 10),
        ("p.m.", "NOUN", "NN", "compound", 11), ("Monday", "PROPN", "NNP", "npadvmod", 1),
        (".", "PUNCT", ".", "punct", 1),
    ]  # fmt: skip
    words, pos, tags, deps, heads = (list(column) for column in zip(*rows, strict=True))
    doc = Doc(nlp.vocab, words=words, pos=pos, tags=tags, deps=deps, heads=heads)
    assert attachment(doc[9:12]) == (None, "state")
    plain = Doc(nlp.vocab, words=[r[0] for r in rows[:4]] + ["at", "10", "p.m.", "Monday", "."],
                pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "NUM", "NOUN", "PROPN", "PUNCT"],
                tags=["NNS", "VBD", "DT", "NN", "IN", "CD", "NN", "NNP", "."],
                deps=["nsubj", "ROOT", "det", "dobj", "prep", "nummod", "compound", "npadvmod",
                      "punct"],
                heads=[1, 1, 3, 1, 1, 6, 7, 1, 1])  # fmt: skip
    verb, how = attachment(plain[5:8])
    assert (verb is not None and verb.text, how) == ("found", "verb")
