"""A dated list's items ("Sept. 14: The central bank ...") stay one statement with their
date, which dates them; abbreviations before a day or a name end no sentence. Chronology
text invented for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import make_article
from spacy.language import Language

from timeline.events import extract_mentions
from timeline.events.segments import statements
from timeline.timex import tag_doc

PUBLISHED = dt.date(2009, 3, 2)

ITEMS = [
    ("Sept. 14: ", "The central bank widens the collateral it accepts from lenders.", "2008-09-14"),
    ("Sept. 21: ", "Two investment houses become bank holding companies.", "2008-09-21"),
    ("Oct. 3 - ", "Lawmakers pass the rescue plan after a second vote.", "2008-10-03"),
    ("Sept 16 — ", "The insurer receives an emergency loan from the government.", "2008-09-16"),
    ("14 November: ", "The finance ministers meet to agree a joint response.", "2008-11-14"),
    ("Monday, Sept. 15: ", "The broker files for bankruptcy protection.", "2008-09-15"),
    ("Dec. 19 -- ", "The carmakers receive emergency loans from the treasury.", "2008-12-19"),
    ("February 25 - ", "The coast guard says the damaged well is leaking.", "2009-02-25"),
]


def _chronology() -> str:
    return "Key dates of the crisis:\n" + "\n".join(label + item for label, item, _ in ITEMS)


def test_each_chronology_item_is_one_statement_with_its_date_set_apart(nlp: Language) -> None:
    text = _chronology()
    found = [s for s in statements(nlp(text)) if s.prefix == "time stamp"]
    assert [s.text for s in found] == [item for _, item, _ in ITEMS]
    assert [text[s.prefix_start : s.start] for s in found] == [label for label, _, _ in ITEMS]


def test_each_chronology_item_is_dated_by_its_date(nlp: Language) -> None:
    text = _chronology()
    doc = nlp(text)
    found = extract_mentions(make_article("a", text, PUBLISHED), doc, tag_doc(doc, PUBLISHED))
    assert [(m.date, m.headline) for m in found] == [(day, item) for _, item, day in ITEMS]
    for m in found:
        assert text[m.start : m.end] == m.sentence


@pytest.mark.parametrize(
    "text",
    [
        "Gov. Bobby Jindal asked for more booms on Tuesday.",
        "Sen. Mary Landrieu and Rep. Charlie Melancon toured the coast on Tuesday.",
        "Lt. Gen. Russel Honore arrived with Dr. Thomas Frieden on Tuesday.",
        "The troops were sent to the U.S. embassy in the capital on Tuesday.",
        "The vote came on Feb. 3 after a long debate in the chamber.",
        "The agreement was signed on Aug. 12 in the capital by both leaders.",
    ],
)
def test_an_abbreviation_before_a_name_or_a_day_ends_no_sentence(nlp: Language, text: str) -> None:
    assert [s.text for s in statements(nlp(text))] == [text]


def test_a_date_in_running_prose_is_not_set_apart(nlp: Language) -> None:
    text = "Sept. 14 was the day the central bank widened its lending to the banks."
    (found,) = statements(nlp(text))
    assert (found.prefix, found.text) == (None, text)
