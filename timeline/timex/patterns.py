"""Building blocks of the detection rules (months, weekdays, days, years, numbers,
units, clock times, built from the language data so each word is spelled once) and the
`Rule` record with its constructor.
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
# After a day number any abbreviation is a month: "14 Aug".
MONTH_AFTER_DAY = rf"(?:{MONTH}|(?-i:(?:{_MONTH_ABBR})\b))"
_WEEKDAY_ABBR = _alt(a for names in LEX.weekday_abbreviations for a in names)
# Names in any case; abbreviations only capitalised with a period ("Tue.").
WEEKDAY = (
    rf"(?:(?:{_alt(LEX.weekday_names)})(?!s)\b"
    rf"|(?-i:(?:{_WEEKDAY_ABBR})\.))"
)
# Before a date, as datelines write it, an abbreviation needs no period: "Tue Mar 1, 2011".
DATED_WEEKDAY = rf"(?:{WEEKDAY}|(?-i:(?:{_WEEKDAY_ABBR})\b))"
# A time zone after four digits makes them a clock time, not a year: "19 January, 1815 GMT".
_ZONE_AFTER = r"(?!\s+(?-i:GMT|UTC|BST|CET|EST|EDT|PST|PDT)\b)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d,]\d|\s*%|-\d|\.\d)" + _ZONE_AFTER
# Any four digits after a day and month are its year ("31 December 9999"), unless the parse
# shows they count something ("on March 5 2500 soldiers"): the resolver checks.
WIDE_YEAR = r"(?:\d{4})(?![\d,]\d|\s*%|-\d|\.\d)" + _ZONE_AFTER
# The era after a year or a century: "44 BC", "the fourth century B.C.", "AD 70".
ERA = r"(?-i:BC|B\.C\.|BCE|B\.C\.E\.|AD|A\.D\.|CE|C\.E\.)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|\s*%|\.\d)"
NUMWORD = _alt(k for k in LEX.numbers if k not in ("a", "an", "couple", "single"))
# At most seven number words ("two hundred twenty-five thousand"): an unbounded run would
# be matched again from each of its words, which is quadratic in its length.
_AMOUNT = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|(?:{NUMWORD})(?:[\s-]+(?:{NUMWORD})){{0,6}}"
    r"(?:\s+and\s+a\s+half)?|a\s+few|(?:a\s+)?couple\s+of|several|many|few|a|an|a\s+single)"
)
# "two to three weeks", "12 to 18 months": the range is one expression.
NUMBER = rf"(?:{_AMOUNT}(?:\s+(?:to|or)\s+|\s*-\s*)(?=\d|{NUMWORD}))?{_AMOUNT}"
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
TZ = r"(?:\s+(?-i:ET|GMT|UTC|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|hours|hrs))?(?:\s+local\s+time)?"
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
    after: str = ""  # what follows each example for the rule to apply
    before: str = ""  # what precedes each example for the rule to apply


def rule(
    name: str, kind: str, pattern: str, *examples: str, after: str = "", before: str = ""
) -> Rule:
    # the pattern is grouped so that the boundaries hold for each of its alternatives
    compiled = re.compile(rf"(?<![\w$£€])(?:{pattern})(?![\w-])", re.I)
    return Rule(name, kind, compiled, examples, after, before)
