"""Word lists of the temporal tagger: names, numbers, units and modifiers as plain data.

Kept apart from the patterns in `rules` so that resolvers can read the meaning of a
word (a month's number, a unit's TIMEX3 letter) without importing the regexes.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "thousand": 1000, "couple": 2, "single": 1,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
# TIMEX3 duration letters; decades and centuries are written in years, as TimeBank does.
UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1),
    "night": ("D", 1), "week": ("W", 1), "fortnight": ("W", 2), "month": ("M", 1),
    "quarter": ("Q", 1), "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100),
    "weekend": ("WE", 1),
}  # fmt: skip
TIME_UNITS = frozenset({"second", "minute", "hour"})
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "tonight": "NI", "midday": "MI", "mid-afternoon": "AF", "mid-morning": "MO",
}  # fmt: skip
SETS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "biweekly": "P2W", "monthly": "P1M",
    "yearly": "P1Y",
}  # fmt: skip
REFS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "recently": "PAST_REF",

    "lately": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "a later date": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}  # fmt: skip
# Holidays with a fixed month and day; Easter and Thanksgiving are computed.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
}  # fmt: skip
# Prefixes that set a TIMEX3 `mod` on dates; matched just before a detected span.
DATE_MODS: dict[str, str] = {
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the first half of": "START", "the last half of": "END", "mid": "MID", "mid-": "MID",
    "the middle of": "MID",
    "late": "END", "the end of": "END", "the close of": "END", "the second half of": "END",
    "the latter part of": "END", "earlier": "", "later": "", "the early": "START",
    "the mid": "MID", "the mid-": "MID", "the late": "END", "sometime": "", "around": "APPROX",
}  # fmt: skip
# Prefixes that qualify an amount of time (durations and "N units ago").
AMOUNT_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "upwards of": "MORE_THAN",
}  # fmt: skip
