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
    kind = "TIME" if "T" in value else "DATE"
    return Timex(start=start, end=start + len(phrase), text=phrase, type=kind, value=value,
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


def _set_aside(nlp: Language, text: str, *dates: tuple[str, str]) -> list[str]:
    found = extract_events(
        make_article("a", text, PUBLISHED), nlp(text), [_timex(text, p, v) for p, v in dates]
    )
    return [p.part for p in found.set_aside]


def test_a_description_is_set_aside_as_a_state(nlp: Language) -> None:
    text = (
        "9.10am: The road to the port is practically deserted.\n\n"
        "9.20am: The riot police look like soldiers.\n\n"
        "9.30am: The leak continues to foul the beaches.\n\n"
        "9.40am: The coast guard has closed the port."
    )
    stamps = [(f"9.{m}0am", f"2015-12-16T09:{m}0") for m in "1234"]
    assert _headlines(nlp, text, *stamps) == ["The coast guard has closed the port."]
    assert _set_aside(nlp, text, *stamps) == ["state", "state", "state"]


def test_a_reporters_scene_is_set_aside_but_a_happening_they_report_is_kept(
    nlp: Language,
) -> None:
    text = (
        "10.15am: The BBC's Anna Reed in Lagos says: \"The streets are quiet and empty.\n\n"
        "10.40am: The BBC's Anna Reed in Lagos says: \"Soldiers have opened fire on the crowd."
    )
    stamps = [("10.15am", "2015-12-16T10:15"), ("10.40am", "2015-12-16T10:40")]
    assert _headlines(nlp, text, *stamps) == [
        "The BBC's Anna Reed in Lagos says: \"Soldiers have opened fire on the crowd."
    ]
    assert _set_aside(nlp, text, *stamps) == ["state"]


def test_what_could_or_might_be_is_set_aside_as_speculation(nlp: Language) -> None:
    text = (
        "The cost of the clean-up could top 3 billion dollars this year.\n\n"
        "The slick might reach the coast by Friday.\n\n"
        "Gunfire could be heard near the palace on Monday.\n\n"
        "The divers could not find the wreck on Tuesday.\n\n"
        "On Wednesday the minister said the port may reopen.\n\n"
        "The ferries could run again by Sunday, the harbour master said."
    )
    found = _headlines(
        nlp, text, ("this year", "2015"), ("Friday", "2015-12-18"), ("Monday", "2015-12-14"),
        ("Tuesday", "2015-12-15"), ("Wednesday", "2015-12-16"), ("Sunday", "2015-12-20"),
    )  # fmt: skip
    assert found == [
        "Gunfire could be heard near the palace on Monday.",
        "The divers could not find the wreck on Tuesday.",
        "On Wednesday the minister said the port may reopen.",
        "The ferries could run again by Sunday, the harbour master said.",
    ]
    assert _set_aside(nlp, text, ("this year", "2015"), ("Friday", "2015-12-18")) == [
        "speculation",
        "speculation",
    ]


def test_a_sentence_glued_after_a_closing_preposition_starts_anew(nlp: Language) -> None:
    text = (
        '"We must clear the road so the trucks can get in The nine volunteers searched the '
        "ruined school with their dogs on Thursday.\n\n"
        "The mayor spoke in The Hague on Friday."
    )
    found = _headlines(nlp, text, ("Thursday", "2015-12-10"), ("Friday", "2015-12-11"))
    assert found == [
        "The nine volunteers searched the ruined school with their dogs on Thursday.",
        "The mayor spoke in The Hague on Friday.",
    ]


def test_a_source_giving_no_answer_is_set_aside(nlp: Language) -> None:
    text = (
        "A spokesman for the airline declined to comment on the crash on Monday.\n\n"
        "The airline's owners could not be reached for comment on Tuesday.\n\n"
        "The airline had not reached its sales target by Wednesday.\n\n"
        "The airline commented on the crash on Thursday."
    )
    days = [("Monday", "2015-12-14"), ("Tuesday", "2015-12-15")]
    days += [("Wednesday", "2015-12-16"), ("Thursday", "2015-12-17")]
    assert _headlines(nlp, text, *days) == [
        "The airline had not reached its sales target by Wednesday.",
        "The airline commented on the crash on Thursday.",
    ]
    assert _set_aside(nlp, text, *days) == ["no answer", "no answer"]
