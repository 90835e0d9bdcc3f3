"""Which dated statements are events, and the text they are shown with: happenings, not
states, scenes or forecasts; quotations shown closed up. Sentences invented for the tests."""

from __future__ import annotations

import datetime as dt

from builders import make_article
from spacy.language import Language

from timeline.events import extract_events
from timeline.events.segments import shown_text
from timeline.types import Timex

PUBLISHED = dt.date(2015, 12, 16)


def _timex(text: str, phrase: str, value: str) -> Timex:
    start = text.index(phrase)
    return Timex(start=start, end=start + len(phrase), text=phrase, type="DATE", value=value,
                 anchor="publication")  # fmt: skip


def _headlines(nlp: Language, text: str, *dates: tuple[str, str]) -> list[str]:
    found = extract_events(
        make_article("a", text, PUBLISHED), nlp(text), [_timex(text, p, v) for p, v in dates]
    )
    return [m.headline for m in found.mentions]


def test_spaced_quotation_marks_are_shown_closed_up() -> None:
    assert (
        shown_text('The mayor pledges " every available truck, " including the army\'s.')
        == 'The mayor pledges "every available truck," including the army\'s.'
    )
    assert shown_text('" We rebuild, " the mayor said.') == '"We rebuild," the mayor said.'
    # a statement that starts inside a quotation: its first mark closes it
    assert shown_text('is to rebuild, " he said, " and soon.', inside_quote=True) == (
        'is to rebuild," he said, "and soon.'
    )
    # marks already against their words are left as they are
    assert shown_text('He called it "a disgrace" today.') == 'He called it "a disgrace" today.'


def test_a_statement_inside_a_paragraphs_quotation_is_shown_closed_up(nlp: Language) -> None:
    text = (
        'The harbour master spoke on Tuesday.\n\n" The port is closed. '
        'The coast guard reopened the ferry on Monday, " he said.'
    )
    found = _headlines(nlp, text, ("Monday", "2015-12-14"))
    assert found == ['The coast guard reopened the ferry on Monday," he said.']
