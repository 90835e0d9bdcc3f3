"""What each kind of expression resolves to, as a table: the spec of the temporal tagger."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from tests.timex.conftest import Tagger


class Case(NamedTuple):
    dct: str | None
    text: str
    extent: str  # the exact text the tagger must mark
    value: str
    type: str = "DATE"
    anchor: str | None = None


WED = "2015-12-16"  # a Wednesday
TUE = "2015-12-15"

CASES: dict[str, Case] = {
    # seed examples: an article of Wednesday 16 December 2015
    "yesterday": Case(WED, "Putin met Kerry in the Kremlin yesterday.", "yesterday",
                      "2015-12-15", anchor="publication"),
    "last-friday": Case(WED, "The State Department last Friday calling it a failure.",
                        "last Friday", "2015-12-11"),
    "month-day-past": Case(WED, "Russia began a campaign of airstrikes on September 30.",
                           "September 30", "2015-09-30"),
    "month-past-in-sentence": Case(WED, "Talks on Syria in Vienna in November set a January 1 "
                                   "date for dialogue to begin.", "November", "2015-11"),
    "month-day-future-date-for": Case(WED, "Talks on Syria in Vienna in November set a January 1 "
                                      "date for dialogue to begin.", "January 1", "2016-01-01"),
    "weekday-planning": Case(WED, "The US seeks to use a meeting on Friday in New York.",
                             "Friday", "2015-12-18"),
    "weekday-said": Case(WED, "Kerry said on Friday that talks would go on.", "Friday",
                         "2015-12-11"),
    "weekday-will": Case(WED, "The council will meet on Monday.", "Monday", "2015-12-21"),
    "weekday-same-day-past": Case(WED, "Police said Wednesday that two men were held.",
                                  "Wednesday", "2015-12-16"),
    # an article of Tuesday 15 December 2015
    "since-month-year": Case(TUE, "The war has raged since September 2014.", "September 2014",
                             "2014-09", anchor="none"),
    "later-this-week": Case(TUE, "A meeting was mooted for later this week.", "later this week",
                            "2015-W51"),
    "month-next-year": Case(TUE, "It is tentatively scheduled for January next year.",
                            "January next year", "2016-01"),
    "today": Case(TUE, "The talks resume today.", "today", "2015-12-15"),
    "now": Case(TUE, "Now the rebels hold the city.", "Now", "PRESENT_REF"),
    "this-year": Case(TUE, "This year has been the hottest.", "This year", "2015"),
    "tomorrow": Case(TUE, "He leaves tomorrow.", "tomorrow", "2015-12-16"),
    "last-week": Case(TUE, "The bill passed last week.", "last week", "2015-W50"),
    "next-month": Case(TUE, "Elections are due next month.", "next month", "2016-01"),
    "last-year": Case(TUE, "Sales fell last year.", "last year", "2014"),
    # year boundaries, both directions
    "december-in-january-past": Case("2016-01-10", "The plant closed in December.", "December",
                                     "2015-12"),
    "january-in-december-future": Case(TUE, "The plant will reopen in January.", "January",
                                       "2016-01"),
    "month-day-in-january-past": Case("2016-01-05", "He was arrested on December 28.",
                                      "December 28", "2015-12-28"),
    "month-day-future-across-year": Case(TUE, "The law takes effect on Jan. 5, officials say, "
                                         "and will be enforced.", "Jan. 5", "2016-01-05"),
    "last-november": Case("2000-01-13", "He arrived last November.", "last November", "1999-11"),
    "last-fall": Case("1998-02-06", "A surge that began last fall.", "last fall", "1997-FA"),
    # anaphoric expressions use the previous date in the text
    "following-day": Case(TUE, "He arrived on March 3, 2001. The following day he left.",
                          "The following day", "2001-03-04", anchor="previous"),
    "two-days-later": Case(TUE, "He arrived on March 3, 2001. Two days later he left.",
                           "Two days later", "2001-03-05", anchor="previous"),
    "that-month": Case(TUE, "The treaty was signed in May 1998. That month prices rose.",
                       "That month", "1998-05", anchor="previous"),
    "the-next-year": Case(TUE, "He was elected in 2004 and the next year he resigned.",
                          "the next year", "2005", anchor="previous"),
    # absolute dates
    "full-date": Case(TUE, "He was born on March 5, 1946.", "March 5, 1946", "1946-03-05",
                      anchor="none"),
    "day-month-year": Case(TUE, "It opened on 30 September 2014.", "30 September 2014",
                           "2014-09-30"),
    "weekday-date": Case(TUE, "It happened on Monday, Oct. 26, 1998.", "Monday, Oct. 26, 1998",
                         "1998-10-26"),
    "year": Case(TUE, "The company was founded in 1988.", "1988", "1988"),
    "iso": Case(TUE, "Filed 2014-03-02 by the clerk.", "2014-03-02", "2014-03-02"),
    "year-range-first": Case(TUE, "The 2009-2010 season was long.", "2009", "2009"),
    "year-range-second": Case(TUE, "The 2009-2010 season was long.", "2010", "2010"),
    "mid-year": Case(TUE, "The group fell apart in mid-1996.", "mid-1996", "1996"),
    "late-month": Case("2000-04-05", "He was rescued off Florida in late November.",
                       "late November", "1999-11"),
    # durations are never dates
    "five-years": Case(TUE, "He served five years in prison.", "five years", "P5Y", "DURATION"),
    "90-days": Case(TUE, "The visa lasts 90 days.", "90 days", "P90D", "DURATION"),
    "past-three-months": Case(TUE, "Prices rose in the past three months.",
                              "the past three months", "P3M", "DURATION"),
    "adjective-duration": Case(TUE, "A five-year plan was adopted.", "five-year", "P5Y",
                               "DURATION"),
    "hours-fraction": Case(TUE, "She spent about 5 1/2 hours in Nairobi.", "about 5 1/2 hours",
                           "PT5H30M", "DURATION"),
    "vague-duration": Case(TUE, "It took several years.", "several years", "PXY", "DURATION"),
    # decades, centuries, seasons, quarters, parts of day, times
    "decade": Case(TUE, "Prices rose in the 1990s.", "the 1990s", "199"),
    "decade-late": Case(TUE, "It happened in the late 1970s.", "the late 1970s", "197"),
    "century": Case(TUE, "A 20th century idea.", "20th century", "19"),
    "season": Case(TUE, "The fighting stopped this summer.", "this summer", "2015-SU"),
    "quarter": Case(TUE, "Profit rose in the third quarter.", "the third quarter", "2015-Q3"),
    "quarter-adjective": Case("1989-10-26", "Third-quarter sales dropped 11%.", "Third-quarter",
                              "1989-Q3"),
    "this-morning": Case(TUE, "He spoke this morning.", "this morning", "2015-12-15TMO", "TIME"),
    "last-night": Case(TUE, "The blast came last night.", "last night", "2015-12-14TNI", "TIME"),
    "clock": Case(TUE, "Today's blast came at 10:35 a.m. local time.", "10:35 a.m. local time",
                  "2015-12-15T10:35", "TIME"),
    "clock-weekday": Case("2000-04-03", "They have until 9 a.m. Tuesday to sign.",
                          "9 a.m. Tuesday", "2000-04-04T09:00", "TIME"),
    "ago": Case(TUE, "He left five years ago.", "five years ago", "2010"),
    "set-daily": Case(TUE, "Rallies are held daily.", "daily", "P1D", "SET"),
    "set-every-thursday": Case(TUE, "They march each Thursday.", "each Thursday", "XXXX-WXX-4",
                               "SET"),
    "past-ref": Case(TUE, "He recently resigned.", "recently", "PAST_REF"),
    "future-ref": Case(TUE, "Prices may rise in the future.", "the future", "FUTURE_REF"),
    "spoken-month-year": Case(TUE, "January nineteen ninety-seven. Atlanta again.",
                              "January nineteen ninety-seven", "1997-01"),
    "spoken-season-year": Case(TUE, "Prices fell to that level in the winter of nineteen "
                               "ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
    "spoken-year": Case(TUE, "The verdict came in nineteen ninety-six.", "nineteen ninety-six",
                        "1996"),
    # real-news habits
    # told in the past, with no day named: the quake may be days old, so no day is given
    "military-time": Case("2010-01-24", "The quake struck at 1653 local time.", "1653 local time",
                          "XXXX-XX-XXT16:53", "TIME"),
    "adjective-without-article": Case(TUE, "It ended the six-month moratorium.", "six-month",
                                      "P6M", "DURATION"),
    "weekday-possessive-past": Case("2010-01-18", "Aid reached victims of Tuesday's earthquake.",
                                    "Tuesday", "2010-01-12"),
    "headline-infinitive": Case("2010-01-18", "Obama to visit Haiti on Tuesday", "Tuesday",
                                "2010-01-19"),
    "limit-after-past-verb": Case("1989-11-01", "The offer was extended to Nov. 20.", "Nov. 20",
                                  "1989-11-20"),
    "rescheduled": Case(TUE, "The court postponed the hearing until Monday.", "Monday",
                        "2015-12-21"),
    "anaphoric-weekday-fallback": Case(WED, "Stocks fell 4.5% from the previous Friday.",
                                       "the previous Friday", "2015-12-11"),
    "year-earlier-compares": Case("1989-10-26", "Profit rose in the third quarter from a year "
                                  "earlier.", "a year earlier", "1988-Q3", anchor="previous"),
    "short-year": Case(TUE, "Filed 3/4/98 in Ohio.", "3/4/98", "1998-03-04", anchor="publication"),
    "decade-word": Case(TUE, "Prices rose through the nineties.", "the nineties", "199"),
    "day-range": Case(TUE, "The poll was conducted June 17-21.", "June 17-21", "2015-06-17"),
    "previous-year-is-a-year": Case(TUE, "He left in May 2010. The previous year he had won.",
                                    "The previous year", "2009", anchor="previous"),
    "clock-on-named-day": Case("2011-02-12", "They meet on Sunday morning at 10 a.m. sharp.",
                               "10 a.m.", "2011-02-13T10:00", "TIME", anchor="previous"),
    "following-as-preposition": Case(TUE, "He resigned following 18 days of protests.",
                                     "18 days", "P18D", "DURATION"),
    "date-naming-event": Case("1999-05-06", "Police searched for him after the Oct. 23 slaying.",
                              "Oct. 23", "1998-10-23"),
    "period-to-past-date": Case("2017-10-25", "It reported results for the year to March 31.",
                                "March 31", "2017-03-31"),
    "effective-date-ahead": Case("1989-11-01", "He was named chairman, effective Feb. 1.",
                                 "Feb. 1", "1990-02-01"),
    "next-decade-duration": Case(TUE, "Spending will rise over the next decade.",
                                 "the next decade", "P10Y", "DURATION"),
    # direction words and verb forms that point ahead or back
    "last-month-day": Case("1999-04-19", "He was shot to death last Oct. 23 at his home.",
                           "Oct. 23", "1998-10-23"),
    "as-early-as": Case(WED, "The father could arrive as early as Tuesday.", "Tuesday",
                        "2015-12-22"),
    "be-to-infinitive": Case(WED, "The stock is to resume trading in Paris Tuesday.", "Tuesday",
                             "2015-12-22"),
    "past-perfect-plan": Case(WED, "The offer had been scheduled to expire Friday.", "Friday",
                              "2015-12-11"),
    "errand-after-past-verb": Case("2000-01-07", "He subpoenaed the boy to testify before the "
                                   "committee on Feb. 10.", "Feb. 10", "2000-02-10"),
    "next-month-for-event-noun": Case("1990-08-16", "The ministers discussed a summit set for "
                                      "Washington in September.", "September", "1990-09"),
    "next-month-past-verb": Case("1990-08-16", "The minister resigned in September.",
                                 "September", "1989-09"),
    "date-before-planning-verb": Case(WED, "On Friday, the government planned to pay the "
                                      "families.", "Friday", "2015-12-11"),
    "possessive-weekday-present": Case("1989-10-30", "It is a 24% premium over Thursday's "
                                       "closing price.", "Thursday", "1989-10-26"),
    # parts of day
    "weekday-evening": Case(WED, "A clerk was killed Tuesday evening in a robbery.",
                            "Tuesday evening", "2015-12-15TEV", "TIME"),
    "midday": Case(TUE, "He is due in court at midday.", "midday", "2015-12-15T12:00", "TIME"),
    "part-before-yesterday": Case("1989-11-02", "In London at mid-afternoon yesterday, the shares "
                                  "were up.", "mid-afternoon yesterday", "1989-11-01TAF", "TIME"),
    "clock-conversion-then-day": Case("1998-08-08", "The blast occurred at 10:35 a.m. (0735 GMT) "
                                      "Friday.", "10:35 a.m.", "1998-08-07T10:35", "TIME"),
    # financial reporting periods
    "year-ago-numbered-quarter": Case("1989-10-30", "In the year-ago third quarter, the unit "
                                      "earned $22 million.", "the year-ago third quarter",
                                      "1988-Q3"),
    "quarter-a-year-ago": Case("1989-10-26", "It lost $226 million in the third quarter. For the "
                               "quarter a year ago, it earned $16 million.",
                               "the quarter a year ago", "1988-Q3"),
    "corresponding-period": Case("1989-11-01", "Profit fell in the third quarter from the "
                                 "corresponding period last year.",
                                 "the corresponding period last year", "1988-Q3"),
    "last-years-quarter": Case("1989-11-01", "Sales rose in the third quarter. Sales for last "
                               "year's quarter were $3 million.", "last year's quarter",
                               "1988-Q3"),
    "year-ago-quarter-no-focus": Case("1989-11-01", "Sales fell in May. In the year-ago quarter "
                                      "they were $3 million.", "the year-ago quarter", "1988-Q3"),
    "year-earlier-period-end": Case("1989-10-26", "For the six months ended Aug. 12, net rose "
                                    "to $20 million from $18 million a year earlier.",
                                    "a year earlier", "1988-08-12"),
    "indefinite-quarter-is-aside": Case("1989-11-01", "Profit rose in the third quarter. After "
                                        "a flat second quarter, sales rose from a year ago.",
                                        "a year ago", "1988-Q3"),
    "last-half-of-year": Case("1989-10-26", "Earnings will be lower for the last half of 1989.",
                              "the last half of 1989", "1989-H2"),
    "the-week-unspecified": Case("1989-10-30", "Volume rose Thursday, the week's most active "
                                 "session.", "the week", "1989-WXX"),
    "end-of-the-month": Case(TUE, "Troops will arrive by the end of the month.",
                             "the end of the month", "2015-12"),
    # vague amounts and periods
    "recent-years": Case(TUE, "Kidnappings have risen in recent years.", "recent years",
                         "PAST_REF"),
    "and-a-half": Case(TUE, "But a minute and a half later, a pilot called.", "a minute and a half",
                       "PT1M30S", "DURATION"),
    "day-long": Case(TUE, "They left their third day-long meeting.", "day-long", "P1D",
                     "DURATION"),
    "decades-long": Case(TUE, "It is a decades-long battle.", "decades-long", "PXDE",
                         "DURATION"),
    "year-earlier-months": Case(TUE, "Net for the year-earlier nine months included a gain.",
                                "the year-earlier nine months", "P9M", "DURATION"),
    "one-day-future": Case(TUE, "Islam will one day be the second largest religion here.",
                           "one day", "FUTURE_REF"),
    "short-term": Case(TUE, "The plan placates some holders in the short term.",
                       "the short term", "FUTURE_REF"),
    "later-date": Case(TUE, "It will raise the money at a later date.", "a later date",
                       "FUTURE_REF"),
    "past-few-quarters": Case(TUE, "Sales rose over the past several quarters.",
                              "the past several quarters", "PAST_REF"),
    "weeks-ahead": Case(TUE, "Funds may sell junk bonds in the weeks ahead.", "the weeks ahead",
                        "PXW", "DURATION"),
    "later-without-date": Case(TUE, "A few days later, the company reported a loss.",
                               "A few days later", "PXD", "DURATION"),
    # no publication date: relative dates stay unresolved, absolute ones do not care
    "no-dct-relative": Case(None, "He left yesterday.", "yesterday", "", anchor="none"),
    "no-dct-absolute": Case(None, "He left on March 5, 1946.", "March 5, 1946", "1946-03-05"),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_resolution(tag: Tagger, case: Case) -> None:
    timexes = tag(case.text, case.dct)
    found = {t.text: t for t in timexes}
    assert case.extent in found, f"{case.extent!r} not tagged; got {list(found)}"
    timex = found[case.extent]
    assert (timex.value, timex.type) == (case.value, case.type), timex
    if case.anchor is not None:
        assert timex.anchor == case.anchor, timex


NOT_DATES = {
    "modal-may": "Prices may rise.",
    "verb-fall": "Prices fall when supply rises.",
    "quantity": "The army sent 2000 troops.",
    "money": "It costs $1990.",
    "age": "An 8-year-old boy was found.",
    "age-years-old": "Mr. Reupke, 52 years old, resigned.",
    "rate": "It saves $500 million a year.",
    "index-level": "The index closed at 2082.1 points.",
    "fraction": "Funds hold more than a quarter of the bonds.",
    "ordinal-second": "It would be a second betrayal.",
    "generic-today": "The case matters for today's youth.",
    "generic-tomorrow": "He would have chosen the people of tomorrow.",
    "high-noon": "For Poland, high noon has come.",
    "tv-title": 'He said on CBS\'s "60 Minutes" that he would stay.',
    "quoted-title": 'Baker spoke on ABC\'s "This Week With David Brinkley."',
    "speed": "The chip runs 15 million instructions per second.",
    "quarter-to-quarter": "The quarter-to-quarter comparison was poor.",
}


@pytest.mark.parametrize("text", NOT_DATES.values(), ids=NOT_DATES.keys())
def test_not_temporal(tag: Tagger, text: str) -> None:
    assert tag(text, TUE) == ()


def test_offsets_are_exact(tag: Tagger) -> None:
    text = "On Friday, Oct. 23, the board met; since 1998 it has met in the following year."
    for timex in tag(text, TUE):
        assert text[timex.start : timex.end] == timex.text
    assert [t.text for t in tag(text, TUE)] == ["Friday, Oct. 23", "1998", "the following year"]


def test_sorted_by_start(tag: Tagger) -> None:
    timexes = tag("Yesterday and today, and on Friday, and in 2010.", TUE)
    assert [t.start for t in timexes] == sorted(t.start for t in timexes)


def test_explain_names_anchor_and_rule(tag: Tagger) -> None:
    from timeline.timex import explain

    (timex,) = tag("The State Department last Friday said so.", WED)
    line = explain(timex)
    assert "'last Friday'" in line
    assert "2015-12-11" in line
    assert "publication date 2015-12-16" in line
    assert timex.rule in line


def test_time_zone_conversion_is_not_a_second_time(tag: Tagger) -> None:
    text = "The blast occurred at 10:35 a.m. (0735 GMT) Friday."
    assert [t.text for t in tag(text, "1998-08-08")] == ["10:35 a.m.", "Friday"]
