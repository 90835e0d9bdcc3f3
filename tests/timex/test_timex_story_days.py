"""Story time: a page written over several days reads its weekdays and relative words from
the day each part was written, not from the publication date."""

from __future__ import annotations

import datetime as dt

from tests.timex.conftest import Tagger, values_by_text
from timeline.timex.stamps import later_day

# Published on Sunday 12 June 2022, newest update first, running past midnight into Monday.
LIVE = (
    "Ferry strike: latest\n"
    "Two ferries carrying stranded tourists docked Monday morning, the port authority said.\n"
    "(Update 1:40 a.m. Monday in Lisbon, 8:40 p.m. ET Sunday) Talks broke up without a deal.\n"
    "(Update 11:15 p.m. Lisbon, 6:15 p.m. ET) Unions met the minister for three hours.\n"
    "(Update 9:30 p.m. Lisbon, 4:30 p.m. ET) Crews walked off on Saturday and marched today.\n"
)

DIARY = (
    "Our reporter keeps a diary of the road north.\n"
    "14 MARCH, 2100 GMT, THE BORDER\n"
    "Today we crossed at last. Tomorrow we drive to the coast.\n"
    "13 MARCH, 0900 GMT, THE CAPITAL\n"
    "This morning the convoy left, and now the streets are quiet.\n"
)


def test_past_weekday_on_a_page_updated_after_publication_is_that_later_day(
    tag: Tagger,
) -> None:
    values = values_by_text(tag(LIVE, "2022-06-12"))
    assert values["1:40 a.m. Monday"] == ["2022-06-13T01:40"]  # the page runs into Monday
    # written on Monday: the Monday after publication, not the 6 June before it
    assert values["Monday morning"] == ["2022-06-13"]
    # an update written on Sunday keeps reading its weekdays from Sunday
    assert values["Saturday"] == ["2022-06-11"]
    assert values["today"] == ["2022-06-12"]


def test_past_weekday_on_a_page_of_one_day_stays_before_publication(tag: Tagger) -> None:
    stamp = "(Update 1:40 a.m. Monday in Lisbon, 8:40 p.m. ET Sunday) "
    one_day = LIVE.replace(stamp, "(Update 11:40 p.m.) ")
    values = values_by_text(tag(one_day, "2022-06-12"))
    assert values["Monday morning"] == ["2022-06-06"]


def test_day_headings_set_the_day_of_what_follows_them(tag: Tagger) -> None:
    found = tag(DIARY, "2022-03-15")  # published the day after the last entry
    values = values_by_text(found)
    assert values["Today"] == ["2022-03-14"]
    assert values["Tomorrow"] == ["2022-03-15"]
    assert values["This morning"] == ["2022-03-13TMO"]
    today = next(t for t in found if t.text == "Today")
    assert (today.anchor, today.anchor_value) == ("update", "2022-03-14")


def test_a_date_opening_a_sentence_is_no_heading(tag: Tagger) -> None:
    text = "Notes.\nMarch 13 was quiet, and today the talks resume.\n"
    values = values_by_text(tag(text, "2022-03-15"))
    assert values["today"] == ["2022-03-15"]


def test_later_day_looks_only_a_few_days_past_the_update() -> None:
    sunday = dt.date(2022, 6, 12)
    assert later_day(sunday, dt.date(2022, 6, 13), 0) == dt.date(2022, 6, 13)
    assert later_day(sunday, dt.date(2022, 6, 13), 1) is None  # Tuesday: not yet written
    assert later_day(sunday, dt.date(2022, 6, 30), 4) is None  # Friday: too far on
    assert later_day(sunday, None, 0) is None
