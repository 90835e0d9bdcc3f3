"""Detection rules for calendar expressions: dates, months, years, decades, centuries,
seasons, quarters and halves, each with the phrases it is meant to find."""

from __future__ import annotations

from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.lang import alternation
from timeline.timex.patterns import (
    DATED_WEEKDAY,
    DAY,
    ERA,
    MONTH,
    MONTH_AFTER_DAY,
    ORD,
    REL,
    SEASON,
    SPOKEN_YEAR,
    WEEKDAY,
    WIDE_YEAR,
    YEAR,
    Rule,
    rule,
)

CALENDAR_RULES: tuple[Rule, ...] = (
    rule(
        "iso-date",
        "iso",
        r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?",
        "2015-12-15",
        "2015-12-15T10:30",
    ),
    rule(
        "numeric-date",
        "numeric",
        r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})",
        "12/15/2015",
        "3/4/98",
    ),
    rule(
        "week-of",
        "week_of",
        rf"the\s+week\s+of\s+(?P<month>{MONTH})\s*(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
        "the week of March 6",
    ),
    rule(
        "month-day",
        "month_day",
        rf"(?:(?P<wd>{DATED_WEEKDAY}),?\s+)?(?P<month>{MONTH})\s*(?P<d>{DAY})"
        rf"(?:\s*[-–]\s*(?P<d2>{DAY}))?(?:,?\s+(?:(?P<y>{YEAR})|(?P<yx>{WIDE_YEAR})))?",
        "September 30",
        "June 17-21",
        "Sept. 30, 2015",
        "Monday, Oct. 26",
        "Jan 1",
        "December 31, 9999",
    ),
    rule(
        "day-month",
        "month_day",
        rf"(?:(?P<wd>{DATED_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<month>{MONTH_AFTER_DAY})"
        rf"(?:,?\s+(?:(?P<y>{YEAR})|(?P<yx>{WIDE_YEAR})))?",
        "30 September 2015",
        "the 1st of May",
        "31 December 9999",
    ),
    rule(
        "month-year",
        "month_year",
        rf"(?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<sy>{SPOKEN_YEAR})|(?P<yx>{WIDE_YEAR}))",
        "September 2014",
        "May, 2010",
        "January nineteen ninety-seven",
        "December 9999",
    ),
    rule(
        "month-relative-year",
        "month_rel_year",
        rf"(?P<month>{MONTH}),?\s+(?P<rel>this|last|next)\s+year",
        "January next year",
        "June last year",
    ),
    rule("month-name", "month", rf"(?P<month>{MONTH})", "November", "Dec."),
    rule(
        "day-range",
        "day_range",
        rf"(?:(?P<wd1>{WEEKDAY})\s+)?(?P<d1>{DAY})\s*(?:to|and|until|till|[-–])\s*"
        rf"(?:(?P<wd>{WEEKDAY})\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}))?"
        rf"|(?P<month2>{MONTH})\s*(?P<d3>{DAY})\s+(?:to|and|until|till)\s+(?P<d4>{DAY})"
        rf"(?:,?\s+(?P<y2>{YEAR}))?",
        "Monday 20 to Friday 24 September",
        "3 and 4 March 2015",
        "April 24 and 25",
    ),
    rule(
        "stamp",
        "clock",
        r"(?m:^)(?P<clock>(?:[01]\d|2[0-3])[.:]?[0-5]\d)"
        rf"(?=:\s|\s+(?-i:{alternation(LEX.not_dates['stamp_followers'])})\b)",
        "1626",
        "0930",
        after=": The minister arrives",
    ),
    rule(
        "year", "year", rf"(?P<fiscal>fiscal\s+(?:year\s+)?)?(?P<y>{YEAR})", "2014", "fiscal 1989"
    ),
    rule(
        "year-range",
        "year_range",
        r"(?P<y>(?:1[5-9]|20)\d\d)\s*[-–]\s*(?P<y2>(?:1[5-9]|20)\d\d|\d\d)",
        "2009-2010",
        "1998-99",
    ),
    rule(
        "decade",
        "decade",
        r"(?:the\s+)?(?:(?P<dy>1[5-9]\d|20\d)0'?s|'(?P<ds>\d)0s"
        rf"|(?P<dw>{alternation(LEX.decades)}))",
        "the 1990s",
        "'80s",
        "the nineties",
    ),
    rule(
        "century",
        "century",
        rf"(?:the\s+)?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|{ORD})[\s-]+century(?:\s+(?P<era>{ERA}))?",
        "the 20th century",
        "eleventh century",
        "the fourth century BC",
    ),
    rule(
        "year-era-range",
        "era_range",
        rf"(?P<y>\d{{1,4}})\s*(?:[-–]|(?P<word>{alternation(LEX.context['series'])}))\s*"
        rf"(?P<y2>\d{{1,4}})\s*(?P<era>{ERA})",
        "200 and 100 BC",
        "44-43 BC",
    ),
    rule(
        "year-era",
        "year_era",
        rf"(?:(?P<ad>(?-i:AD|A\.D\.))\s*(?P<ya>\d{{1,4}})|(?P<y>\d{{1,4}})\s*(?P<era>{ERA}))",
        "44 BC",
        "753 B.C.",
        "AD 70",
        "1066 AD",
    ),
    rule(
        "season",
        "season",
        rf"(?:(?P<rel>{REL}|the)\s+)?(?P<season>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<sy>{SPOKEN_YEAR})))?",
        "last fall",
        "the winter of nineteen ninety-four",
        "the summer of 2014",
        "this summer",
    ),
    rule(
        "quarter",
        "quarter",
        rf"(?:the\s+)?(?:(?P<rel>{REL}|that|this\s+year's|last\s+year's|next\s+year's|(?P<yq>{YEAR}))\s+)?"
        rf"(?:(?P<fq>fiscal)[\s-]+)?(?:(?P<cmp>comparable|corresponding)\s+)?"
        r"(?:(?P<ago>year-ago|year-earlier)\s+(?=\S+[\s-]+(?:fiscal[\s-]+)?(?:quarter|period)))?"
        rf"(?:(?P<q>{ORD}|final|latest|current|year-ago|year-earlier"
        r"|same|comparable|corresponding)[\s-]+)?(?P<fq2>fiscal[\s-]+)?(?P<qw>quarter|period)"
        rf"(?:\s+of\s+(?P<y>{YEAR})|\s+(?P<ly>last\s+year|a\s+year\s+(?:ago|earlier)))?",
        "the third quarter",
        "third-quarter",
        "the latest quarter",
        "the quarter",
        "the fourth quarter of 2014",
        "the 1988 second quarter",
        "that quarter",
        "the latest period",
        "the year-ago third quarter",
        "the comparable year-ago quarter",
        "the corresponding period last year",
        "the quarter a year ago",
    ),
    rule(
        "quarter-code",
        "quarter_code",
        rf"(?:(?P<y1>{YEAR})\s+)?(?-i:Q(?P<qc>[1-4]))(?:\s+(?:of\s+)?(?P<y>{YEAR}))?",
        "Q3",
        "Q4 2015",
        "2015 Q1",
    ),
    rule(
        "half",
        "half",
        rf"(?:the\s+)?(?P<h>first|second|last|latter)\s+half(?!\s+(?:an?\s+)?(?:hour|dozen|point))(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year|the\s+year))?(?!\s+of\b)",
        "the first half of 2015",
        "the second half",
        "the last half of 1989",
    ),
)
