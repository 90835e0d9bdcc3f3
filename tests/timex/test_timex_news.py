"""What real news pages throw at the tagger, one invented sentence per case.

Each case gives a publication date, a text, and the expressions it must yield with their
values (`None`: the words must not be tagged at all). Extents are checked exactly, so a
case also proves where an expression starts and ends.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from tests.timex.conftest import Tagger
from timeline.ingest.published import parse_date


class Case(NamedTuple):
    id: str
    dct: str
    text: str
    expect: dict[str, str | None]


CASES = [
    # Abbreviated months without a period
    Case(
        "abbr/mar",
        "2011-03-20",
        "Mar 17 - The council votes on the plan.",
        {"Mar 17": "2011-03-17"},
    ),
    Case(
        "abbr/sept",
        "2015-10-02",
        "Bids closed on Sept 30 after a long delay.",
        {"Sept 30": "2015-09-30"},
    ),
    Case(
        "abbr/wire-dateline",
        "2011-03-02",
        "Tue Mar 1, 2011 9:39 am EST",
        {"Tue Mar 1, 2011": "2011-03-01", "9:39 am EST": "2011-03-01T09:39"},
    ),
    Case(
        "abbr/oct-year",
        "2016-01-05",
        "The deal was signed Oct 12 2015 in Geneva.",
        {"Oct 12 2015": "2015-10-12"},
    ),
    Case(
        "abbr/timeline-item",
        "2014-07-01",
        "Jun 3 - Rebels seize the airport.",
        {"Jun 3": "2014-06-03"},
    ),
    Case(
        "abbr/feb-future",
        "2015-01-20",
        "The report will be published on Feb 2.",
        {"Feb 2": "2015-02-02"},
    ),
    Case(
        "abbr/aug-day-first",
        "2015-09-01",
        "It rained on 14 Aug across the region.",
        {"14 Aug": "2015-08-14"},
    ),
    Case(
        "abbr/dec-period",
        "2015-12-20",
        "Talks resumed Dec. 15 in Vienna.",
        {"Dec. 15": "2015-12-15"},
    ),
    Case(
        "abbr/not-a-verb", "2015-06-01", "Protests may mar the visit.", {"mar": None, "may": None}
    ),
    # Clock times that are not years
    Case(
        "clock/gmt-after-date",
        "1815-01-25",
        "The despatch left on 19 January, 1815 GMT, the officer wrote.",
        {"19 January": "1815-01-19", "1815 GMT": "1815-01-19T18:15"},
    ),
    Case(
        "clock/live-blog",
        "2015-06-02",
        "1626: The minister arrives at the summit.",
        {"1626": "2015-06-02T16:26"},
    ),
    Case(
        "clock/live-blog-morning",
        "2015-06-02",
        "0915: Crowds gather outside parliament.",
        {"0915": "2015-06-02T09:15"},
    ),
    Case(
        "clock/wire-stamp",
        "2015-06-02",
        "2056 Reuters reported that the vote had passed.",
        {"2056": "2015-06-02T20:56"},
    ),
    Case(
        "clock/local-time",
        "2015-06-02",
        "The quake struck on Tuesday at 0735 local time.",
        {"0735 local time": "2015-06-02T07:35"},
    ),
    Case(
        "clock/bst",
        "2015-06-02",
        "Polls closed at 2200 BST yesterday.",
        {"2200 BST yesterday": "2015-06-01T22:00"},
    ),
    Case(
        "clock/year-stays",
        "2015-06-02",
        "The bridge was built in 1826 by engineers.",
        {"1826": "1826"},
    ),
    Case(
        "clock/year-start-of-line",
        "2015-06-02",
        "1998 was the hottest year on record.",
        {"1998": "1998"},
    ),
    Case(
        "clock/time-on-date",
        "2015-06-20",
        "The vote on 18 June at 1430 GMT was close.",
        {"18 June": "2015-06-18", "1430 GMT": "2015-06-18T14:30"},
    ),
    # Words that are not dates
    Case(
        "not/june-person", "2015-06-02", "June tells the host about her new book.", {"June": None}
    ),
    Case("not/april-person", "2015-06-02", "April said she would stand again.", {"April": None}),
    Case(
        "not/august-month",
        "2015-10-02",
        "August saw the biggest rise in prices.",
        {"August": "2015-08"},
    ),
    Case("not/the-sun", "2015-06-02", "The story was first reported by The Sun.", {"Sun.": None}),
    Case(
        "not/sunday-times", "2015-06-02", "The Sunday Times printed the letter.", {"Sunday": None}
    ),
    Case(
        "not/soccer-saturday",
        "2015-06-02",
        "He appeared on Soccer Saturday last night.",
        {"Saturday": None, "last night": "2015-06-01TNI"},
    ),
    Case(
        "not/super-tuesday",
        "2016-03-10",
        "Turnout was high on Super Tuesday across the south.",
        {"Tuesday": None},
    ),
    Case(
        "not/christmas-card",
        "2015-06-02",
        "She was taken off the Christmas card list.",
        {"Christmas": None},
    ),
    Case(
        "not/easter-egg",
        "2015-06-02",
        "The Easter egg hunt drew hundreds of children.",
        {"Easter": None},
    ),
    Case(
        "not/first-half-match",
        "2015-06-02",
        "They scored twice in the first half of the match.",
        {"the first half": None},
    ),
    Case(
        "not/first-half-game",
        "2015-06-02",
        "The team scored twice in the first half.",
        {"the first half": None},
    ),
    Case(
        "not/first-half-profits",
        "2015-09-02",
        "Profits rose in the first half.",
        {"the first half": "2015-H1"},
    ),
    # Malformed values
    Case(
        "value/late-1700s",
        "2015-06-02",
        "The house was built in the late 1700s.",
        {"the late 1700s": "17"},
    ),
    Case(
        "value/1800s", "2015-06-02", "Cotton mills spread through the 1800s.", {"the 1800s": "18"}
    ),
    Case("value/2000s-decade", "2015-06-02", "Prices soared in the 2000s.", {"the 2000s": "200"}),
    Case(
        "value/fourth-century-bc",
        "2015-06-02",
        "The temple dates to the fourth century BC.",
        {"the fourth century BC": "BC03"},
    ),
    Case("value/single-day", "2015-06-02", "Rain fell for a single day.", {"a single day": "P1D"}),
    Case("value/44-bc", "2015-06-02", "Caesar was killed in 44 BC.", {"44 BC": "BC0044"}),
    # Ranges and compounds
    Case(
        "range/weekday-days-month",
        "2021-09-15",
        "Schools close from Monday 20 to Friday 24 September.",
        {"Monday 20": "2021-09-20", "Friday 24 September": "2021-09-24"},
    ),
    Case(
        "range/days-month-year",
        "2015-06-02",
        "The festival runs 3 and 4 March 2016.",
        {"3": "2016-03-03", "4 March 2016": "2016-03-04"},
    ),
    Case(
        "range/month-days",
        "1999-03-12",
        "The summit will be held on April 24 and 25.",
        {"April 24": "1999-04-24", "25": "1999-04-25"},
    ),
    Case(
        "range/hyphen-one", "2015-06-02", "The fair runs June 17-21.", {"June 17-21": "2015-06-17"}
    ),
    Case(
        "compound/tuesday-last-week",
        "2015-06-05",
        "The talks collapsed on Tuesday last week.",
        {"Tuesday last week": "2015-05-26"},
    ),
    Case(
        "compound/friday-next-week",
        "2015-06-03",
        "The vote is on Friday next week.",
        {"Friday next week": "2015-06-12"},
    ),
    Case(
        "compound/series-future",
        "2015-06-10",
        "The shops will open on Friday and Saturday.",
        {"Friday": "2015-06-12", "Saturday": "2015-06-13"},
    ),
    Case(
        "compound/series-past",
        "2015-06-10",
        "Fighting broke out on Monday and Tuesday.",
        {"Monday": "2015-06-08", "Tuesday": "2015-06-09"},
    ),
    # Future in the past
    Case(
        "plan/due-to-start",
        "2015-06-12",
        "The match was due to start on Thursday.",
        {"Thursday": "2015-06-11"},
    ),
    Case(
        "plan/was-to-arrive",
        "2015-06-11",
        "The minister was to arrive on Wednesday.",
        {"Wednesday": "2015-06-10"},
    ),
    Case(
        "plan/deadline-of",
        "2015-06-14",
        "Bidders faced a deadline of Saturday.",
        {"Saturday": "2015-06-13"},
    ),
    Case(
        "plan/was-scheduled",
        "2015-06-14",
        "The flight was scheduled to leave on Friday.",
        {"Friday": "2015-06-12"},
    ),
    Case(
        "plan/due-days-ahead",
        "2015-06-09",
        "The team was due to fly out on Thursday.",
        {"Thursday": "2015-06-11"},
    ),
    Case(
        "plan/forecast",
        "2015-06-10",
        "A storm is expected to reach the coast on Saturday.",
        {"Saturday": "2015-06-13"},
    ),
    Case("plan/will", "2015-06-10", "The council will vote on Monday.", {"Monday": "2015-06-15"}),
    Case(
        "plan/met-past",
        "2015-06-10",
        "The council met on Monday to discuss the plan.",
        {"Monday": "2015-06-08"},
    ),
    # Story time
    Case(
        "story/friday-before",
        "2015-06-12",
        "On 15 September 2008 the bank collapsed. On the Friday before, officials met.",
        {"15 September 2008": "2008-09-15", "the Friday before": "2008-09-12"},
    ),
    Case(
        "story/monday-after",
        "2015-06-12",
        "On 15 September 2008 the bank collapsed. On the Monday after, markets fell.",
        {"the Monday after": "2008-09-22"},
    ),
    Case(
        "story/on-weekday",
        "2015-06-12",
        "The storm hit on 3 March 2010 and on Friday the river burst its banks.",
        {"3 March 2010": "2010-03-03", "Friday": "2010-03-05"},
    ),
    Case(
        "story/said-today",
        "2015-06-12",
        "The storm hit on 3 March 2010, the agency said on Tuesday.",
        {"Tuesday": "2015-06-09"},
    ),
    Case(
        "story/last-night-then",
        "2015-06-12",
        "Police were called last night. Then at 9 pm the crowd dispersed.",
        {"last night": "2015-06-11TNI", "9 pm": "2015-06-11T21:00"},
    ),
    Case(
        "story/day-then-time",
        "2015-06-12",
        "He landed on Sunday and at 10 a.m. met the mayor.",
        {"Sunday": "2015-06-07", "10 a.m.": "2015-06-07T10:00"},
    ),
    Case(
        "story/following-day",
        "2015-06-12",
        "The ship sank on 2 May 2012. The following day divers arrived.",
        {"The following day": "2012-05-03"},
    ),
    # More of the calendar
    Case(
        "holiday/bastille",
        "2015-07-20",
        "The parade was held on Bastille Day.",
        {"Bastille Day": "2015-07-14"},
    ),
    Case(
        "holiday/remembrance-sunday",
        "2015-11-20",
        "Wreaths were laid on Remembrance Sunday.",
        {"Remembrance Sunday": "2015-11-08"},
    ),
    Case(
        "holiday/good-friday",
        "2015-04-10",
        "Shops closed on Good Friday.",
        {"Good Friday": "2015-04-03"},
    ),
    Case(
        "holiday/easter-monday",
        "2016-03-20",
        "The march is planned for Easter Monday.",
        {"Easter Monday": "2016-03-28"},
    ),
    Case(
        "holiday/hogmanay",
        "2015-01-05",
        "Crowds gathered for Hogmanay.",
        {"Hogmanay": "2014-12-31"},
    ),
    Case(
        "holiday/guy-fawkes",
        "2015-11-10",
        "Fireworks lit the sky on Guy Fawkes Night.",
        {"Guy Fawkes Night": "2015-11-05"},
    ),
    Case(
        "holiday/boxing-day",
        "2015-12-28",
        "Sales began on Boxing Day.",
        {"Boxing Day": "2015-12-26"},
    ),
    Case(
        "holiday/st-patricks",
        "2016-03-20",
        "The parade on St Patrick's Day drew thousands.",
        {"St Patrick's Day": "2016-03-17"},
    ),
    Case(
        "holiday/curly-apostrophe",
        "2016-01-03",
        "Fireworks marked New Year’s Eve in the capital.",
        {"New Year’s Eve": "2015-12-31"},
    ),
    Case(
        "holiday/memorial-day",
        "2015-06-01",
        "Beaches filled on Memorial Day.",
        {"Memorial Day": "2015-05-25"},
    ),
    Case(
        "holiday/thanksgiving-year",
        "2015-06-01",
        "They married on Thanksgiving 2012.",
        {"Thanksgiving 2012": "2012-11-22"},
    ),
    Case(
        "holiday/black-friday",
        "2015-12-01",
        "Stores opened early on Black Friday.",
        {"Black Friday": "2015-11-27"},
    ),
    Case(
        "ordinal/the-3rd",
        "2015-06-12",
        "The contract will end on the 3rd.",
        {"the 3rd": "2015-07-03"},
    ),
    Case(
        "ordinal/story-month",
        "2015-06-12",
        "In March 2014 the factory closed; on the 21st, workers protested.",
        {"the 21st": "2014-03-21"},
    ),
    Case("ordinal/not-battalion", "2015-06-12", "He served with the 3rd Battalion.", {"3rd": None}),
    Case(
        "ordinal/past", "2015-06-12", "The rally took place on the 2nd.", {"the 2nd": "2015-06-02"}
    ),
    Case("mid/mid-march", "2015-06-12", "Work stopped in mid-March.", {"mid-March": "2015-03"}),
    Case(
        "mid/mid-next-month", "2015-06-12", "Results are due in mid-July.", {"mid-July": "2015-07"}
    ),
    Case(
        "this-time/last-year",
        "2015-06-12",
        "Sales fell this time last year.",
        {"this time last year": "2014-06-12"},
    ),
    Case(
        "this-time/next-year",
        "2015-06-12",
        "The road will be open this time next year.",
        {"this time next year": "2016-06-12"},
    ),
    Case(
        "this-time/last-week",
        "2015-06-12",
        "Prices were higher this time last week.",
        {"this time last week": "2015-06-05"},
    ),
    Case("quarter/q3", "2015-06-12", "Profits rose in Q3.", {"Q3": "2014-Q3"}),
    Case(
        "quarter/q4-year",
        "2016-02-12",
        "Revenue in Q4 2015 beat forecasts.",
        {"Q4 2015": "2015-Q4"},
    ),
    Case(
        "quarter/year-q1", "2016-02-12", "The 2015 Q1 figures were revised.", {"2015 Q1": "2015-Q1"}
    ),
    Case("quarter/q2-future", "2015-03-12", "Profits will recover in Q2.", {"Q2": "2015-Q2"}),
]


def _check(tag: Tagger, case: Case) -> None:
    found = tag(case.text, case.dct)
    by_text = {t.text: t for t in found}
    for words, value in case.expect.items():
        if value is None:
            start = case.text.find(words)
            assert start >= 0, f"{words!r} is not in the text"
            overlapping = [t for t in found if t.start < start + len(words) and start < t.end]
            assert overlapping == [], f"{words!r} must not be a date: {overlapping}"
        else:
            assert words in by_text, f"{words!r} not found; got {[t.text for t in found]}"
            assert by_text[words].value == value, (words, by_text[words].value, by_text[words].rule)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_news_case(tag: Tagger, case: Case) -> None:
    _check(tag, case)


DECLARED = [
    ("16/12/2015", None, dt.date(2015, 12, 16)),
    ("03/04/2015", "DMY", dt.date(2015, 4, 3)),
    ("03/04/2015", "MDY", dt.date(2015, 3, 4)),
    ("Dec. 16, 2015, 10:45 a.m. ET", None, dt.date(2015, 12, 16)),
    ("Wednesday 16 December 2015 09.30 GMT", None, dt.date(2015, 12, 16)),
    ("16 décembre 2015", None, dt.date(2015, 12, 16)),
    ("16 de diciembre de 2015", None, dt.date(2015, 12, 16)),
    ("Wed, 16 Dec 2015 09:30:00 +0000", None, dt.date(2015, 12, 16)),
]


@pytest.mark.parametrize(("text", "order", "day"), DECLARED, ids=[d[0] for d in DECLARED])
def test_declared_date(text: str, order: str | None, day: dt.date) -> None:
    assert parse_date(text, order)[0] == day


def test_there_are_enough_cases() -> None:
    assert len(CASES) + len(DECLARED) >= 80
    categories = {c.id.split("/")[0] for c in CASES}
    assert categories >= {"abbr", "clock", "not", "value", "range", "compound", "plan", "story",
                          "holiday", "ordinal", "mid", "this-time", "quarter"}  # fmt: skip
