"""Live blogs run over several days under one publication date: what an update says is
read from the day its stamp names, and a stamp without a day takes the nearest one."""

from __future__ import annotations

from spacy.language import Language

from tests.timex.conftest import Tagger, values_by_text
from timeline.timex.stamps import is_stamp

# Published on Monday 7 March 2016, newest update first, running into Wednesday.
BLOG = (
    "Harbour strike: live updates\n"
    "(Update 1:20 a.m. Wednesday in Lisbon, 8:20 p.m. ET Tuesday) The union said Tuesday "
    "night's vote was final, and talks will resume Thursday.\n"
    "(Update 11:50 p.m. Lisbon, 6:50 p.m. ET) Dockers marched past the port gates.\n"
    "(Update 10:05 p.m. Lisbon, 5:05 p.m. ET) The minister spoke on Monday and again today.\n"
)


def test_weekdays_in_an_update_are_read_from_its_stamp_day(tag: Tagger) -> None:
    values = values_by_text(tag(BLOG, "2016-03-07"))
    assert values["1:20 a.m. Wednesday"] == ["2016-03-09T01:20"]
    assert values["8:20 p.m. ET Tuesday"] == ["2016-03-08T20:20"]
    # written on Tuesday: "Tuesday night" is that day, not the one before publication
    assert values["Tuesday night"] == ["2016-03-08"]
    assert values["Thursday"] == ["2016-03-10"]


def test_a_stamp_without_a_day_is_nearest_the_stamp_before_it(tag: Tagger) -> None:
    found = tag(BLOG, "2016-03-07")
    values = values_by_text(found)
    # 11:50 p.m. after 1:20 a.m. Wednesday, written backwards: late on Tuesday
    assert values["11:50 p.m."] == ["2016-03-08T23:50"]
    assert values["10:05 p.m."] == ["2016-03-08T22:05"]
    assert values["today"] == ["2016-03-08"]
    assert values["Monday"] == ["2016-03-07"]
    today = next(t for t in found if t.text == "today")
    assert (today.anchor, today.anchor_value) == ("update", "2016-03-08")


def test_forward_blog_steps_ahead_across_midnight(tag: Tagger) -> None:
    text = (
        "Election night as it happened\n"
        "2240: Polls close in the east.\n"
        "2355: The first seat is declared.\n"
        "0015: Turnout is up on the last election.\n"
        "0130: The leader concedes and says he will speak again on Friday.\n"
    )
    values = values_by_text(tag(text, "2017-06-08"))
    assert values["2240"] == ["2017-06-08T22:40"]
    assert values["0015"] == ["2017-06-09T00:15"]
    assert values["Friday"] == ["2017-06-09"]


def test_an_article_without_stamps_reads_from_publication(tag: Tagger) -> None:
    text = "The council met on Tuesday.\nAt 10:30 a.m. on Wednesday the mayor resigned."
    found = tag(text, "2016-03-10")
    assert all(t.anchor in ("publication", "previous", "none") for t in found)
    assert values_by_text(found)["Tuesday"] == ["2016-03-08"]


def test_only_a_time_opening_its_line_is_a_stamp(nlp: Language, tag: Tagger) -> None:
    text = "(Updated 9:15 a.m. Friday) The mayor left at 10:30 a.m. Friday.\n"
    found = tag(text, "2016-03-10")
    stamps = [t.text for t in found if is_stamp(text, t)]
    assert stamps == ["9:15 a.m. Friday"]
