"""Event rules on news pages: live-blog entries dated by their stamp, stamps and credits set
apart, captions and unmarked reader comments set aside, and which clause a date belongs to.
Sentences invented for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import make_article
from spacy.language import Language

from timeline.events import extract_events, extract_mentions
from timeline.types import EventMention, Timex

PUBLISHED = dt.date(2015, 12, 16)


def _timex(text: str, phrase: str, value: str, kind: str = "DATE") -> Timex:
    start = text.index(phrase)
    return Timex(start=start, end=start + len(phrase), text=phrase, type=kind, value=value,
                 anchor="publication")  # fmt: skip


def _mentions(nlp: Language, text: str, *found: Timex) -> tuple[EventMention, ...]:
    return extract_mentions(make_article("a", text, PUBLISHED), nlp(text), found)


def test_an_entry_under_a_clock_stamp_is_dated_by_the_stamp(nlp: Language) -> None:
    text = (
        "2.05pm: The committee chairman opens the hearing into the collapse.\n\n"
        "2.40pm: The chief executive says the company will pay every valid claim."
    )
    stamps = (
        _timex(text, "2.05pm", "2015-12-16T14:05", "TIME"),
        _timex(text, "2.40pm", "2015-12-16T14:40", "TIME"),
    )
    found = _mentions(nlp, text, *stamps)
    assert [m.date for m in found] == ["2015-12-16", "2015-12-16"]
    assert [m.date_source for m in found] == ["timex", "timex"]
    assert [m.timex for m in found] == list(stamps)
    assert found[0].headline == "The committee chairman opens the hearing into the collapse."


def test_a_dated_stamp_gives_its_own_day_not_the_publication_day(nlp: Language) -> None:
    text = "Monday 14 December 2015 09.18 GMT The transport minister resigns over the delays."
    stamp = _timex(text, "Monday 14 December 2015 09.18", "2015-12-14T09:18", "TIME")
    (m,) = _mentions(nlp, text, stamp)
    assert (m.date, m.timex) == ("2015-12-14", stamp)
    assert m.headline == "The transport minister resigns over the delays."


def test_an_entrys_own_date_wins_over_its_stamp(nlp: Language) -> None:
    text = "11.45am: The regulator said on Monday it would review the licence."
    stamp = _timex(text, "11.45am", "2015-12-16T11:45", "TIME")
    monday = _timex(text, "Monday", "2015-12-14")
    (m,) = _mentions(nlp, text, stamp, monday)
    assert (m.date, m.timex) == ("2015-12-14", monday)


def test_a_stamp_misread_as_a_year_dates_nothing(nlp: Language) -> None:
    text = "1528 The aid agency pledges 100,000 pounds to the relief effort.\n\n1545 More news."
    (m,) = _mentions(nlp, text, _timex(text, "1528", "1528"))
    assert (m.date, m.date_source, m.timex) == ("2015-12-16", "publication", None)


def test_an_update_stamp_broken_inside_its_parentheses_is_set_apart(nlp: Language) -> None:
    text = (
        "(Update 3:35 p.m. in Lagos, 8:35 a.m. ET) Nigeria's opposition party on Friday called "
        'the statements made by the president " completely unacceptable. "\n\n'
        "(Update 6:19 p.m. Cairo, 11:19 a.m. ET) Nigerian Army Chief of Staff Musa Bello was "
        "meeting his deputies on Saturday after returning from Washington, a senior official said."
    )
    found = _mentions(
        nlp, text, _timex(text, "Friday", "2015-12-11"), _timex(text, "Saturday", "2015-12-12")
    )
    assert [m.headline[:40] for m in found] == [
        "Nigeria's opposition party on Friday cal",
        "Nigerian Army Chief of Staff Musa Bello ",
    ]


def test_a_photo_credit_with_an_escaped_slash_is_not_text(nlp: Language) -> None:
    text = "Jane Doe\\/AP Shares in the airline fell 6% today after the strike was called."
    (m,) = _mentions(nlp, text, _timex(text, "today", "2015-12-16"))
    assert m.headline.startswith("Shares in the airline fell 6% today")


def test_a_when_clause_dates_the_statement_it_times(nlp: Language) -> None:
    text = "The company will publish the findings of its inquiry when it is completed next month."
    (m,) = _mentions(nlp, text, _timex(text, "next month", "2016-01"))
    assert m.date == "2016-01"


def test_a_bare_date_the_parser_hung_on_an_object_times_the_verb(nlp: Language) -> None:
    text = (
        "The government called off the search for survivors last Friday (11 December) and is "
        "now concentrating on getting aid to people."
    )
    found = _mentions(nlp, text, _timex(text, "last Friday", "2015-12-11"))
    assert [m.date for m in found] == ["2015-12-11"]


def test_a_possessive_date_on_a_noun_still_dates_nothing(nlp: Language) -> None:
    text = "The agency has set up an appeal for the survivors of Friday's landslide."
    assert _mentions(nlp, text, _timex(text, "Friday", "2015-12-11")) == ()


def test_the_date_of_an_earlier_figure_does_not_date_the_report(nlp: Language) -> None:
    text = (
        "The agency said the ministry has reported 1,626 confirmed cases, up from 1,364 on "
        "Saturday, and repeated that 45 people have died."
    )
    assert _mentions(nlp, text, _timex(text, "Saturday", "2015-12-12")) == ()


def test_a_caption_before_its_photo_credit_is_set_aside_and_the_lead_after_kept(
    nlp: Language,
) -> None:
    text = (
        "Union leaders weigh the cost of the long strike A picket waves a flag outside the "
        "depot in Leeds on Monday.\n\nPhotograph: Jane Doe\\/AFP\\/Getty Images The union said on "
        "Tuesday that drivers would stay out until the pay offer improved."
    )
    monday, tuesday = _timex(text, "Monday", "2015-12-14"), _timex(text, "Tuesday", "2015-12-15")
    found = extract_events(make_article("a", text, PUBLISHED), nlp(text), (monday, tuesday))
    assert [m.headline for m in found.mentions] == [
        "The union said on Tuesday that drivers would stay out until the pay offer improved."
    ]
    assert [p.part for p in found.set_aside] == ["caption"]


def test_reader_comments_with_no_header_are_set_aside(nlp: Language) -> None:
    text = (
        "The council voted on Tuesday to close the old bridge to lorries.\n\n"
        "The mayor said the repairs would start in the spring.\n\n"
        "about time too, that bridge has been falling apart for YEARS!!\n\n"
        "I drove over it on Tuesday and it shook like a leaf..\n\n"
        "WHO PAYS FOR THIS?? THE TAXPAYERS AS ALWAYS.\n\n"
        "they said the same thing last year and nothing happened."
    )
    specs = [_timex(text, "Tuesday", "2015-12-15")]
    at = text.index("it on Tuesday") + len("it on ")
    specs.append(Timex(start=at, end=at + 7, text="Tuesday", type="DATE", value="2015-12-15"))
    found = extract_events(make_article("a", text, PUBLISHED), nlp(text), tuple(specs))
    assert [m.headline for m in found.mentions] == [
        "The council voted on Tuesday to close the old bridge to lorries."
    ]
    assert [p.part for p in found.set_aside] == ["unmarked comment"]


def test_a_transcript_and_a_quoted_tweet_are_not_a_comment_section(nlp: Language) -> None:
    text = (
        "ANDERSON COOPER, CNN ANCHOR: The president spoke to the nation on Tuesday.\n\n"
        "BOEHNER: Oh, no, no..\n\n"
        "One resident wrote: they looked tired and scared.\n\n"
        "The army said on Tuesday it had withdrawn from the square."
    )
    tuesdays = [i for i in range(len(text)) if text.startswith("Tuesday", i)]
    specs = tuple(
        Timex(start=i, end=i + 7, text="Tuesday", type="DATE", value="2015-12-15") for i in tuesdays
    )
    found = extract_events(make_article("a", text, PUBLISHED), nlp(text), specs)
    assert (
        found.mentions[-1].headline == "The army said on Tuesday it had withdrawn from the square."
    )
    assert not [p for p in found.set_aside if p.part == "unmarked comment"]


def test_a_ticker_broken_at_a_line_end_does_not_split_the_sentence(nlp: Language) -> None:
    text = (
        "LONDON (Reuters) - Oil major Northsea Plc (NSP.\nL) said on Tuesday it would sell its "
        "refinery.\nSwiss-based Drillco Ltd DRLN.\nN), owner of the rig, said on Tuesday it "
        "would fight the claims."
    )
    tuesdays = [i for i in range(len(text)) if text.startswith("Tuesday", i)]
    specs = tuple(
        Timex(start=i, end=i + 7, text="Tuesday", type="DATE", value="2015-12-15") for i in tuesdays
    )
    found = extract_mentions(make_article("a", text, PUBLISHED), nlp(text), specs)
    assert [m.headline for m in found] == [
        "Oil major Northsea Plc (NSP. L) said on Tuesday it would sell its refinery.",
        "Swiss-based Drillco Ltd DRLN. N), owner of the rig, said on Tuesday it would fight "
        "the claims.",
    ]


def test_a_chronology_entry_takes_the_day_of_its_label(nlp: Language) -> None:
    text = (
        "Key moments of the crisis:\n"
        "\\* December 12 - The coast guard suspends its search for the missing crew.\n"
        "May 09 - The two countries announce their first cases."
    )
    labels = (
        _timex(text, "December 12", "2015-12-12"),
        _timex(text, "May 09", "2015-05-09"),
    )
    found = _mentions(nlp, text, *labels)
    assert [(m.date, m.headline) for m in found] == [
        ("2015-12-12", "The coast guard suspends its search for the missing crew."),
        ("2015-05-09", "The two countries announce their first cases."),
    ]


def test_an_after_clause_does_not_date_the_statement(nlp: Language) -> None:
    text = (
        "The well was finally sealed, nearly five months after it ruptured on April 20, "
        "the government said."
    )
    assert _mentions(nlp, text, _timex(text, "April 20", "2015-04-20")) == ()


def test_a_comment_section_after_the_reuters_welcome_line_is_set_aside(nlp: Language) -> None:
    text = (
        "The regulator fined the bank on Monday.\n"
        "We welcome comments that advance the story through relevant opinion, anecdotes, links "
        "and data.\nOn Monday my cousin saw the whole thing happen from her office window."
    )
    specs = (
        _timex(text, "Monday", "2015-12-14"),
        Timex(start=text.index("On Monday") + 3, end=text.index("On Monday") + 9,
              text="Monday", type="DATE", value="2015-12-14"),
    )  # fmt: skip
    found = extract_events(make_article("a", text, PUBLISHED), nlp(text), specs)
    assert [m.headline for m in found.mentions] == ["The regulator fined the bank on Monday."]
    assert [p.part for p in found.set_aside] == ["comment"]


def test_photo_captions_in_the_text_are_set_aside(nlp: Language) -> None:
    text = (
        "Crew members work on the platform, in this December 2, 2015, handout file photo.\n"
        "A logo is seen at a fuel station in Leeds on December 14, 2015.\n"
        "The company said on Monday it would close the platform."
    )
    specs = (
        _timex(text, "December 2, 2015", "2015-12-02"),
        _timex(text, "December 14, 2015", "2015-12-14"),
        _timex(text, "Monday", "2015-12-14"),
    )
    found = extract_events(make_article("a", text, PUBLISHED), nlp(text), specs)
    assert [m.headline for m in found.mentions] == [
        "The company said on Monday it would close the platform."
    ]
    assert [p.part for p in found.set_aside] == ["photo caption", "photo caption"]


@pytest.mark.parametrize(
    ("caption", "phrase"),
    [
        ("Satellite image of Valparaiso, Chile taken on 3 March.", "3 March"),
        ("Aerial photo of the flooded delta taken in June 2015.", "June 2015"),
        ("Handout photo of the damaged pier taken on Monday.", "Monday"),
    ],
)
def test_a_photo_caption_with_no_verb_of_its_own_is_set_aside(
    nlp: Language, caption: str, phrase: str
) -> None:
    text = f"{caption}\nThe agency published a new image of the crater on Tuesday."
    specs = (_timex(text, phrase, "2015-12-14"), _timex(text, "Tuesday", "2015-12-15"))
    found = extract_events(make_article("a", text, PUBLISHED), nlp(text), specs)
    assert [m.headline for m in found.mentions] == [
        "The agency published a new image of the crater on Tuesday."
    ]
    assert [p.part for p in found.set_aside] == ["photo caption"]


def test_a_subheading_in_capitals_is_not_part_of_the_paragraph(nlp: Language) -> None:
    text = "WEATHER HAMPERING FIGHT AGAINST SLICK Rescue crews on Monday halted the skimming."
    (m,) = _mentions(nlp, text, _timex(text, "Monday", "2015-12-14"))
    assert m.headline == "Rescue crews on Monday halted the skimming."


def test_a_bulleted_fact_with_no_date_of_its_own_takes_none(nlp: Language) -> None:
    text = (
        "FACTBOX - Key facts about the virus\n"
        "\\* The strain is the most recent pandemic threat.\n"
        "\\* The agency has six alert stages.\n"
        "\\* The ministry confirmed two more cases on Monday."
    )
    (m,) = _mentions(nlp, text, _timex(text, "Monday", "2015-12-14"))
    assert (m.date, m.headline) == (
        "2015-12-14",
        "The ministry confirmed two more cases on Monday.",
    )


def test_a_band_named_the_after_including_does_not_break_the_sentence(nlp: Language) -> None:
    text = (
        "Over fifty acts, including The Answer, David Holmes and the Beat Poets, will perform "
        "at the benefit gig on 31st January."
    )
    (m,) = _mentions(nlp, text, _timex(text, "31st January", "2016-01-31"))
    assert m.headline == text


def test_a_headline_run_into_the_lead_is_cut_off(nlp: Language) -> None:
    text = (
        "Kate Lyle joins line-up for flood charity single Pop star Kate Lyle said on Monday "
        "she would record the charity single for the victims of the floods."
    )
    (m,) = _mentions(nlp, text, _timex(text, "Monday", "2015-12-14"))
    assert m.headline == (
        "Pop star Kate Lyle said on Monday she would record the charity single for the victims "
        "of the floods."
    )


def test_a_lead_naming_a_spokesman_is_not_cut(nlp: Language) -> None:
    text = (
        "The company said on Monday it would pay all valid claims, according to spokesman "
        "John Smith who spoke to reporters in London."
    )
    (m,) = _mentions(nlp, text, _timex(text, "Monday", "2015-12-14"))
    assert m.headline == text


def test_a_recent_after_clause_dates_the_reaction_it_prompted(nlp: Language) -> None:
    text = (
        "Such fears increased after the authorities said on Saturday that a herd of pigs "
        "had been infected by a farmer."
    )
    (m,) = _mentions(nlp, text, _timex(text, "Saturday", "2015-12-12"))
    assert m.date == "2015-12-12"
