"""Detection patterns, kept as data so each rule can be read with its examples.

Every `Rule` names the resolver that interprets its match (`kind`) and carries the
phrases it is meant to find; tests check that each example is matched whole. Patterns
are compiled once at import. Month names are case-sensitive (capitalised) so that the
verb "may" and "march" are not dates; everything else ignores case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.lang import alternation

_alt = alternation


_MONTH_ABBR = _alt(a for names in LEX.month_abbreviations for a in names)
# Capitalised names, abbreviations with a period (or before a day number: "Jan 1"), capitals.
MONTH = (
    rf"(?-i:(?:{_alt(LEX.month_names)})\b"
    rf"|(?:{_MONTH_ABBR})\."
    rf"|(?:{_MONTH_ABBR})\b(?=\s+\d)"
    rf"|(?:{_alt(n.upper() for n in LEX.month_names)})\b)"
)
# Names in any case; abbreviations only capitalised with a period ("Tue.").
WEEKDAY = (
    rf"(?:(?:{_alt(LEX.weekday_names)})(?!s)\b"
    rf"|(?-i:(?:{_alt(a for names in LEX.weekday_abbreviations for a in names)})\.))"
)
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d,]\d|\s*%|-\d|\.\d)"
# Any four digits after a day and month are its year ("31 December 9999"), unless the parse
# shows they count something ("on March 5 2500 soldiers"): the resolver checks.
WIDE_YEAR = r"(?:\d{4})(?![\d,]\d|\s*%|-\d|\.\d)"
# The era after a year or a century: "44 BC", "the fourth century B.C.", "AD 70".
ERA = r"(?-i:BC|B\.C\.|BCE|B\.C\.E\.|AD|A\.D\.|CE|C\.E\.)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|\s*%|\.\d)"
_NUMWORD = _alt(k for k in LEX.numbers if k not in ("a", "an", "couple", "single"))
# At most seven number words ("two hundred twenty-five thousand"): an unbounded run would
# be matched again from each of its words, which is quadratic in its length.
_AMOUNT = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|(?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD})){{0,6}}"
    r"(?:\s+and\s+a\s+half)?|a\s+few|(?:a\s+)?couple\s+of|several|many|few|a|an|a\s+single)"
)
# "two to three weeks", "12 to 18 months": the range is one expression.
NUMBER = rf"(?:{_AMOUNT}(?:\s+(?:to|or)\s+|\s*-\s*)(?=\d|{_NUMWORD}))?{_AMOUNT}"
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
SEASON = r"(?:spring|summer|autumn|winter|(?<!\w)fall(?!\w))"
PART = r"(?:morning|afternoon|evening|night|overnight)"
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)"
    r"|(?:[01]\d|2[0-3]):[0-5]\d(?:\s*(?:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|local\s+time))?"
    # military and British times: "1653 local time", "19.56 BST", "0735 GMT"
    r"|(?:[01]\d|2[0-3])[.]?[0-5]\d(?=\s+(?:local\s+time|GMT|UTC|BST|hours|hrs|yesterday|today))"
    r"|noon|midday|midnight|(?:[1-9]|1[0-2])\s+o'clock)"
)
_TZ = r"(?:\s+(?-i:ET|GMT|UTC|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|hours|hrs))?(?:\s+local\s+time)?"
ORD = _alt(LEX.ordinals)
# Years as broadcast transcripts write them: "nineteen ninety-six", "two thousand"
SPOKEN_YEAR = (
    r"(?:(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
    r"|two\s+thousand(?:\s+and\s+\w+)?)"
)
REL = r"(?:this\s+coming|this\s+past|the\s+coming|this|last|next|past|previous|coming)"


@dataclass(frozen=True, slots=True)
class Rule:
    """One detection pattern: `kind` selects the resolver, `examples` document it."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]


def _rule(name: str, kind: str, pattern: str, *examples: str) -> Rule:
    return Rule(name, kind, re.compile(rf"(?<![\w$£€]){pattern}(?![\w-])", re.I), examples)


RULES: tuple[Rule, ...] = (
    _rule(
        "iso-date",
        "iso",
        r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?",
        "2015-12-15",
        "2015-12-15T10:30",
    ),
    _rule(
        "numeric-date",
        "numeric",
        r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})",
        "12/15/2015",
        "3/4/98",
    ),
    _rule(
        "week-of",
        "week_of",
        rf"the\s+week\s+of\s+(?P<month>{MONTH})\s*(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
        "the week of March 6",
    ),
    _rule(
        "month-day",
        "month_day",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s*(?P<d>{DAY})"
        rf"(?:\s*[-–]\s*(?P<d2>{DAY}))?(?:,?\s+(?:(?P<y>{YEAR})|(?P<yx>{WIDE_YEAR})))?",
        "September 30",
        "June 17-21",
        "Sept. 30, 2015",
        "Monday, Oct. 26",
        "Jan 1",
        "December 31, 9999",
    ),
    _rule(
        "day-month",
        "month_day",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})"
        rf"(?:,?\s+(?:(?P<y>{YEAR})|(?P<yx>{WIDE_YEAR})))?",
        "30 September 2015",
        "the 1st of May",
        "31 December 9999",
    ),
    _rule(
        "month-year",
        "month_year",
        rf"(?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<sy>{SPOKEN_YEAR})|(?P<yx>{WIDE_YEAR}))",
        "September 2014",
        "May, 2010",
        "January nineteen ninety-seven",
        "December 9999",
    ),
    _rule(
        "month-relative-year",
        "month_rel_year",
        rf"(?P<month>{MONTH}),?\s+(?P<rel>this|last|next)\s+year",
        "January next year",
        "June last year",
    ),
    _rule("month-name", "month", rf"(?P<month>{MONTH})", "November", "Dec."),
    _rule(
        "year", "year", rf"(?P<fiscal>fiscal\s+(?:year\s+)?)?(?P<y>{YEAR})", "2014", "fiscal 1989"
    ),
    _rule(
        "year-range",
        "year_range",
        r"(?P<y>(?:1[5-9]|20)\d\d)\s*[-–]\s*(?P<y2>(?:1[5-9]|20)\d\d|\d\d)",
        "2009-2010",
        "1998-99",
    ),
    _rule(
        "decade",
        "decade",
        r"(?:the\s+)?(?:(?P<dy>1[5-9]\d|20\d)0'?s|'(?P<ds>\d)0s"
        rf"|(?P<dw>{_alt(LEX.decades)}))",
        "the 1990s",
        "'80s",
        "the nineties",
    ),
    _rule(
        "century",
        "century",
        rf"(?:the\s+)?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|{ORD})[\s-]+century(?:\s+(?P<era>{ERA}))?",
        "the 20th century",
        "eleventh century",
        "the fourth century BC",
    ),
    _rule(
        "year-era",
        "year_era",
        rf"(?:(?P<ad>(?-i:AD|A\.D\.))\s*(?P<ya>\d{{1,4}})|(?P<y>\d{{1,4}})\s*(?P<era>{ERA}))",
        "44 BC",
        "753 B.C.",
        "AD 70",
        "1066 AD",
    ),
    _rule(
        "season",
        "season",
        rf"(?:(?P<rel>{REL}|the)\s+)?(?P<season>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<sy>{SPOKEN_YEAR})))?",
        "last fall",
        "the winter of nineteen ninety-four",
        "the summer of 2014",
        "this summer",
    ),
    _rule(
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
    _rule(
        "half",
        "half",
        rf"(?:the\s+)?(?P<h>first|second|last|latter)\s+half(?!\s+(?:an?\s+)?(?:hour|dozen|point))(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year|the\s+year))?(?!\s+of\b)",
        "the first half of 2015",
        "the second half",
        "the last half of 1989",
    ),
    _rule(
        "deictic-day",
        "deictic_day",
        rf"(?P<day>today|tonight|yesterday|tomorrow|(?:the\s+)?day\s+before\s+yesterday|"
        rf"(?:the\s+)?day\s+after\s+tomorrow)(?:\s+(?P<part>{PART}))?",
        "yesterday",
        "today",
        "tomorrow morning",
        "the day before yesterday",
    ),
    _rule(
        "this-part",
        "part_of_day",
        rf"(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>{PART})",
        "this morning",
        "last night",
        "yesterday afternoon",
    ),
    _rule(
        "part-day",
        "part_of_day",
        r"(?P<part>(?:mid-?\s?)?(?:morning|afternoon|evening))\s+(?P<rel>yesterday|today|tomorrow)",
        "mid-afternoon yesterday",
        "morning today",
    ),
    _rule(
        "relative-unit",
        "relative_unit",
        rf"(?:(?P<the>the)\s+)?(?P<rel>{REL}|following|previous|preceding)\s+"
        r"(?P<unit>week|weekend|month|year|decade|century)",
        "last week",
        "this year",
        "next month",
        "the coming weekend",
    ),
    _rule(
        "relative-month",
        "relative_month",
        rf"(?P<rel>{REL})\s+(?P<month>{MONTH})(?!\s*\d)",
        "last November",
        "next January",
    ),
    _rule(
        "relative-weekday",
        "weekday",
        rf"(?P<rel>{REL})\s+(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?",
        "last Friday",
        "next Monday",
        "this coming Sunday",
    ),
    _rule(
        "weekday",
        "weekday",
        rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?",
        "Friday",
        "Wednesday night",
    ),
    _rule(
        "clock",
        "clock",
        rf"(?:(?P<clock>{CLOCK}){_TZ})(?:,?\s+(?:(?P<day>today|tonight|yesterday|tomorrow)|"
        rf"(?P<wd>{WEEKDAY})|(?P<month>{MONTH})\s*(?P<d>{DAY})))?",
        "10:30 a.m.",
        "9 a.m. Tuesday",
        "noon Thursday",
        "4 a.m. EDT Thursday",
    ),
    _rule(
        "ago",
        "ago",
        rf"(?P<n>{NUMBER})\s+(?P<unit>{UNIT})s?(?:\s+or\s+(?:so|two|more))?\s+(?P<dir>ago|earlier|later|from\s+now"
        r"|hence|back|(?:before|after)(?=\s*(?:[.,;:!?)]|$)))(?=\W|$)",
        "two days later",
        "a year ago",
        "five years ago",
        "a day earlier",
    ),
    _rule(
        "anaphoric",
        "anaphoric",
        r"(?:(?:the|that)\s+)?(?P<rel>following|next|previous|preceding|same|that|prior)\s+"
        rf"(?P<unit>day|week|month|year|morning|afternoon|evening|night|weekend|{WEEKDAY})",
        "the following day",
        "that month",
        "the next year",
        "the same day",
    ),
    _rule(
        "day-before",
        "day_before",
        r"the\s+day\s+(?P<dir>before|after)(?=\s*(?:[.,;:!?)]|$))",
        "the day before",
    ),
    _rule(
        "duration",
        "duration",
        r"(?:(?P<det>the)\s+)?"
        rf"(?:(?P<rel>past|last|next|first|coming|previous|final|following|latest|initial|"
        rf"remaining|same|full|prior|year-earlier|year-ago)\s+)?(?P<n>{NUMBER})[\s-]+(?P<more>more\s+|additional\s+)?"
        rf"(?P<unit>{UNIT})(?P<pl>s)?(?P<half>\s+and\s+a\s+half)?",
        "five years",
        "90 days",
        "the past three months",
        "five-year",
        "16-hour",
        "a minute and a half",
    ),
    _rule(
        "long",
        "duration",
        rf"(?:(?P<n>\d+|{_NUMWORD})[\s-]+)?(?P<unit>{UNIT})(?P<pl>s)?-long",
        "day-long",
        "decades-long",
        "two-week-long",
    ),
    _rule(
        "bare-units",
        "bare_units",
        rf"(?P<rel>recent|coming|the\s+coming|the\s+past|the\s+last|the\s+next|past|"
        rf"several|many|the\s+first|the(?=\s+\w+\s+ahead))?\s*(?P<unit>{UNIT})s(?:\s+ahead)?",
        "years",
        "recent years",
        "the coming months",
        "the weeks ahead",
    ),
    _rule(
        "the-unit",
        "the_unit",
        r"(?P<det>the|this)\s+(?P<q>(?:full|whole|entire|current|fiscal|calendar)\s+)*"
        r"(?P<unit>week|weekend|month|year)",
        "the year",
        "the week",
        "the full year",
        "the weekend",
    ),
    _rule(
        "year-end",
        "year_end",
        r"(?P<w>year|month|quarter)(?:[\s-]|'s\s+)end",
        "year-end",
        "year's end",
    ),
    _rule(
        "year-earlier",
        "year_earlier",
        r"(?:the\s+)?(?P<w>year-earlier|year-ago|year\s+earlier|year\s+ago)(?:\s+(?P<unit>period|quarter|month|year))?",
        "year-earlier",
        "the year-ago quarter",
    ),
    _rule(
        "reference", "reference", rf"(?P<ref>{_alt(LEX.references)})", "now", "recently", "the past"
    ),
    _rule(
        "holiday",
        "holiday",
        rf"(?P<h>{_alt(LEX.holiday_names)})"
        rf"(?:,?\s+(?P<y>{YEAR}))?",
        "Christmas",
        "Thanksgiving Day",
        "New Year's Day",
    ),
    _rule(
        "set",
        "set",
        rf"(?P<adv>{_alt(LEX.sets)})|(?:every|each|per)\s+(?P<other>other\s+)?"
        rf"(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<month>{MONTH}))",
        "daily",
        "every day",
        "each Thursday",
        "weekly",
    ),
    _rule(
        "spoken-year",
        "spoken_year",
        rf"(?:the\s+year\s+)?(?P<sy>{SPOKEN_YEAR})",
        "nineteen ninety-six",
        "the year two thousand",
    ),
)

# Checked against the text just before a span: optional modifiers that join the extent.
DATE_MOD_RE = re.compile(rf"(?<![\w-])(?P<mod>{_alt(LEX.date_modifiers)})\s*-?\s*$", re.I)
AMOUNT_MOD_RE = re.compile(rf"(?<![\w-])(?P<mod>{_alt(LEX.amount_modifiers)})\s+$", re.I)
