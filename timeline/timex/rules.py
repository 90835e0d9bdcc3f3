"""Detection patterns, kept as data so each rule can be read with its examples.

Every `Rule` names the resolver that interprets its match (`kind`) and carries the
phrases it is meant to find; tests check that each example is matched whole. Patterns
are compiled once at import. Month names are case-sensitive (capitalised) so that the
verb "may" and "march" are not dates; everything else ignores case.
"""

from __future__ import annotations

import re

from timeline.timex.calendar_rules import CALENDAR_RULES
from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.lang import alternation
from timeline.timex.patterns import (
    CLOCK,
    DAY,
    MONTH,
    NUMBER,
    NUMWORD,
    PART,
    REL,
    SPOKEN_YEAR,
    TZ,
    UNIT,
    WEEKDAY,
    YEAR,
    Rule,
    rule,
)

__all__ = ["AMOUNT_MOD_RE", "DATE_MOD_RE", "RULES", "Rule"]

# "later in the day", "early in the morning": the word before "in" stays out of the extent
_AFTER_LATER = "|".join(f"(?<=\\b{w}\\sin\\s)" for w in sorted(LEX.context["in_the_part"]))

# Calendar rules first: on a tie in length the earlier-listed rule wins.
RULES: tuple[Rule, ...] = (
    *CALENDAR_RULES,
    rule(
        "deictic-day",
        "deictic_day",
        rf"(?P<day>today|tonight|yesterday|tomorrow|(?:the\s+)?day\s+before\s+yesterday|"
        rf"(?:the\s+)?day\s+after\s+tomorrow)(?:\s+(?P<part>{PART}))?",
        "yesterday",
        "today",
        "tomorrow morning",
        "the day before yesterday",
    ),
    rule(
        "this-part",
        "part_of_day",
        rf"(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>{PART})",
        "this morning",
        "last night",
        "yesterday afternoon",
    ),
    rule(
        "part-day",
        "part_of_day",
        r"(?P<part>(?:mid-?\s?)?(?:morning|afternoon|evening))\s+(?P<rel>yesterday|today|tomorrow)",
        "mid-afternoon yesterday",
        "morning today",
    ),
    rule(
        "in-the-part",
        "part_of_story",
        rf"(?:{_AFTER_LATER})the\s+(?P<part>day|morning|afternoon|evening)\b"
        r"|(?<=\bin\s)the\s+(?P<bare>morning|afternoon|evening)\b"
        r"|(?:(?<=\bby\s)|(?<=\bat\s)|(?<=\bin\s))(?P<mid>mid-?\s?(?:morning|afternoon))\b",
        "the day",
        "the morning",
        "mid afternoon",
        "mid-morning",
        before="Later in ",
    ),
    rule(
        "relative-unit",
        "relative_unit",
        rf"(?:(?P<the>the)\s+)?(?P<rel>{REL}|following|previous|preceding)\s+"
        r"(?P<unit>week|weekend|month|year|decade|century)",
        "last week",
        "this year",
        "next month",
        "the coming weekend",
    ),
    rule(
        "relative-month",
        "relative_month",
        rf"(?P<rel>{REL})\s+(?P<month>{MONTH})(?!\s*\d)",
        "last November",
        "next January",
    ),
    rule(
        "weekday-of-week",
        "weekday_of_week",
        rf"(?P<wd>{WEEKDAY})\s+(?P<rel>last|next|this)\s+week",
        "Tuesday last week",
        "Friday next week",
    ),
    rule(
        "weekday-around",
        "weekday_around",
        rf"the\s+(?P<wd>{WEEKDAY})\s+(?P<dir>before|after)(?=\s*(?:[.,;:!?)]|$))",
        "the Friday before",
    ),
    rule(
        "this-time",
        "this_time",
        r"this\s+time\s+(?P<rel>last|next)\s+(?P<unit>year|month|week)",
        "this time last year",
    ),
    rule(
        "ordinal-day",
        "ordinal_day",
        r"the\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?=\s*(?:[.,;:!?)]|$))",
        "the 3rd",
    ),
    rule(
        "relative-weekday",
        "weekday",
        rf"(?P<rel>{REL})\s+(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?",
        "last Friday",
        "next Monday",
        "this coming Sunday",
    ),
    rule(
        "weekday",
        "weekday",
        rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?",
        "Friday",
        "Wednesday night",
    ),
    rule(
        "clock",
        "clock",
        rf"(?:(?P<clock>{CLOCK}){TZ})(?:,?\s+(?:(?P<day>today|tonight|yesterday|tomorrow)|"
        rf"(?P<wd>{WEEKDAY})|(?P<month>{MONTH})\s*(?P<d>{DAY})))?",
        "10:30 a.m.",
        "9 a.m. Tuesday",
        "noon Thursday",
        "4 a.m. EDT Thursday",
    ),
    rule(
        "ago",
        "ago",
        rf"(?P<n>{NUMBER})\s+(?P<unit>{UNIT})s?(?:\s+or\s+(?:so|two|more))?\s+(?P<dir>ago|earlier|later|from\s+now"
        r"|hence|back|(?:before|after)(?=\s*(?:[.,;:!?)]|$)))(?=\W|$)",
        "two days later",
        "a year ago",
        "five years ago",
        "a day earlier",
    ),
    rule(
        "anaphoric",
        "anaphoric",
        r"(?:(?:the|that)\s+)?(?P<rel>following|next|previous|preceding|same|that|prior)\s+"
        rf"(?P<unit>day|week|month|year|morning|afternoon|evening|night|weekend|{WEEKDAY})",
        "the following day",
        "that month",
        "the next year",
        "the same day",
    ),
    rule(
        "day-before",
        "day_before",
        r"the\s+day\s+(?P<dir>before|after)(?=\s*(?:[.,;:!?)]|$))",
        "the day before",
    ),
    rule(
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
    rule(
        "long",
        "duration",
        rf"(?:(?P<n>\d+|{NUMWORD})[\s-]+)?(?P<unit>{UNIT})(?P<pl>s)?-long",
        "day-long",
        "decades-long",
        "two-week-long",
    ),
    rule(
        "bare-units",
        "bare_units",
        rf"(?P<rel>recent|coming|the\s+coming|the\s+past|the\s+last|the\s+next|past|"
        rf"several|many|the\s+first|the(?=\s+\w+\s+ahead))?\s*(?P<unit>{UNIT})s(?:\s+ahead)?",
        "years",
        "recent years",
        "the coming months",
        "the weeks ahead",
    ),
    rule(
        "the-unit",
        "the_unit",
        r"(?P<det>the|this)\s+(?P<q>(?:full|whole|entire|current|fiscal|calendar)\s+)*"
        r"(?P<unit>week|weekend|month|year)",
        "the year",
        "the week",
        "the full year",
        "the weekend",
    ),
    rule(
        "year-end",
        "year_end",
        r"(?P<w>year|month|quarter)(?:[\s-]|'s\s+)end",
        "year-end",
        "year's end",
    ),
    rule(
        "year-earlier",
        "year_earlier",
        r"(?:the\s+)?(?P<w>year-earlier|year-ago|year\s+earlier|year\s+ago)(?:\s+(?P<unit>period|quarter|month|year))?",
        "year-earlier",
        "the year-ago quarter",
    ),
    rule(
        "reference",
        "reference",
        rf"(?P<ref>{alternation(LEX.references)})",
        "now",
        "recently",
        "the past",
    ),
    rule(
        "holiday",
        "holiday",
        rf"(?P<h>{alternation(LEX.holiday_names)})(?P<wk>\s+week)?"
        rf"(?:,?\s+(?P<y>{YEAR}))?",
        "Christmas",
        "Easter week",
        "Thanksgiving Day",
        "New Year's Day",
    ),
    rule(
        "set",
        "set",
        rf"(?P<adv>{alternation(LEX.sets)})|(?:every|each|per)\s+(?P<other>other\s+)?"
        rf"(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<month>{MONTH}))",
        "daily",
        "every day",
        "each Thursday",
        "weekly",
    ),
    rule(
        "spoken-year",
        "spoken_year",
        rf"(?:the\s+year\s+)?(?P<sy>{SPOKEN_YEAR})",
        "nineteen ninety-six",
        "the year two thousand",
    ),
)

# Checked against the text just before a span: optional modifiers that join the extent.
DATE_MOD_RE = re.compile(rf"(?<![\w-])(?P<mod>{alternation(LEX.date_modifiers)})\s*-?\s*$", re.I)
AMOUNT_MOD_RE = re.compile(rf"(?<![\w-])(?P<mod>{alternation(LEX.amount_modifiers)})\s+$", re.I)
