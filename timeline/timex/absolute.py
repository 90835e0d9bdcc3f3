"""Resolvers for calendar expressions: dates, months, years, decades, seasons, holidays.

A missing year is filled from the publication date using the tense (`calendar.pick`);
everything else in these expressions is written in the text itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from timeline.timex import calendar as cal
from timeline.timex.detect import Candidate
from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.resolve import (
    NONE,
    Context,
    Reading,
    day_option,
    deictic,
    earliest_after,
    month_number,
    month_option,
    weekday_number,
    year_options,
)
from timeline.timex.tense import Tense, modifies_noun
from timeline.types import DateValue

_MONTH_CONTEXT = LEX.context["month"]
_SEASON_CONTEXT = _MONTH_CONTEXT - LEX.context["not_before_season"]
_AMBIGUOUS_MONTHS = LEX.ambiguous_months | {m.upper() for m in LEX.ambiguous_months}
_AFTER_HOLIDAY = LEX.not_dates["after_holiday"]


def absolute(value: str, rule: str, kind: str = "DATE") -> Reading:
    return Reading(kind, value, NONE, None, rule)


def _year(text: str) -> int:
    return int(text)


def iso(ctx: Context) -> Reading:
    value = f"{ctx.g('y')}-{ctx.g('m')}-{ctx.g('d')}"
    if cal.safe_date(int(ctx.g("y")), int(ctx.g("m")), int(ctx.g("d"))) is None:
        return absolute("", "iso-date")
    if ctx.g("hh"):
        return absolute(f"{value}T{ctx.g('hh')}:{ctx.g('mm')}", "iso-date", "TIME")
    return absolute(value, "iso-date")


def numeric(ctx: Context) -> Reading | None:
    year, month, day = int(ctx.g("y")), int(ctx.g("m")), int(ctx.g("d"))
    if year >= 100:
        d = cal.safe_date(year, month, day)
        return absolute(d.isoformat(), "numeric-date") if d else None
    if cal.safe_date(2000, month, day) is None:
        return None
    if ctx.dct is None:
        full = year + (1900 if year >= 50 else 2000)
        d = cal.safe_date(full, month, day)
        return absolute(d.isoformat(), "numeric-date/short-year") if d else None

    def value(dct: dt.date) -> str:
        # the century that puts the year at most ten years after publication
        years = [c + year for c in (1800, 1900, 2000, 2100) if c + year <= dct.year + 10]
        d = cal.safe_date(max(years), month, day) if years else None
        return cal.day_value(d)

    return deictic(ctx, value, "numeric-date/short-year")


def month_day(ctx: Context) -> Reading | None:
    month, day = month_number(ctx.g("month")), int(ctx.g("d").rstrip("stndrh"))
    stated = _stated_year(ctx)
    if stated is not None:
        d = cal.safe_date(stated, month, day)
        return absolute(d.isoformat(), "month-day-year") if d else None
    if ctx.dct is None:
        return absolute("", "month-day")
    if cal.safe_date(2000, month, day) is None:
        return None
    options = year_options(ctx.dct, lambda y: day_option(y, month, day))
    if ctx.g("wd"):
        weekday = weekday_number(ctx.g("wd"))
        matching = [o for o in options if o[0].weekday() == weekday]
        options = matching or options
    tense = _direction(ctx) or ctx.tense()
    return deictic(ctx, lambda dct: cal.pick(options, dct, tense), f"month-day/{tense}")


def _direction(ctx: Context) -> Tense | None:
    """ "last Oct. 23" and "next March 5" say which way to look, whatever the verb."""
    word = ctx.before(6).split()[-1:]
    return {"last": Tense.PAST, "next": Tense.FUTURE}.get(word[0]) if word else None


def week_of(ctx: Context) -> Reading | None:
    """ "the week of March 6": the ISO week containing that day."""
    reading = month_day(ctx)
    if reading is None or not reading.value:
        return reading
    day = dt.date.fromisoformat(reading.value)
    return replace(reading, value=cal.week_value(day), rule=f"week-of/{reading.rule}")


def month_year(ctx: Context) -> Reading | None:
    year = _given_year(ctx)
    if year is None:
        return month(ctx) if ctx.g("yx") else None  # "in June 3000 people marched"
    value = cal.month_value(year, month_number(ctx.g("month")))
    return absolute(value, "month-year") if value else None


def month_rel_year(ctx: Context) -> Reading:
    shift = {"last": -1, "this": 0, "next": 1}[ctx.g("rel").lower()]
    month = month_number(ctx.g("month"))
    return deictic(ctx, lambda d: cal.month_value(d.year + shift, month), "month-relative-year")


def month(ctx: Context) -> Reading | None:
    word = ctx.g("month")
    if word in _AMBIGUOUS_MONTHS:
        before = ctx.before(16).split()
        if not before or before[-1].strip("-") not in _MONTH_CONTEXT:
            return None
    if word in LEX.given_names and _as_person(ctx):
        return None  # "June tells the host about ..."
    number = month_number(word)
    if ctx.dct is None:
        return absolute("", "month")
    tense = ctx.tense()
    # Next month named for an event noun in a past sentence is next month ("announced a
    # cutback in September" in August): news would write "last September" for the other.
    if (
        tense is Tense.PAST
        and number == ctx.dct.month % 12 + 1
        and modifies_noun(ctx.doc, ctx.cand.start, ctx.cand.end)
    ):
        tense = Tense.LIMIT
    options = year_options(ctx.dct, lambda y: month_option(y, number))
    return deictic(ctx, lambda dct: cal.pick(options, dct, tense), f"month/{tense}")


def _as_person(ctx: Context) -> bool:
    """A month that is also a first name, used as one: named as a person, the subject of a
    verb people do ("tells", "says"), or followed by a surname."""
    span = ctx.doc.char_span(ctx.cand.core, ctx.cand.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    if token.ent_type_ in LEX.entities["people"]:
        return True
    if token.dep_ in LEX.labels["subject"] and token.head.lemma_.lower() in LEX.person_verbs:
        return True
    after = ctx.doc[token.i + 1] if token.i + 1 < len(ctx.doc) else None
    return after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()


def year(ctx: Context) -> Reading | None:
    span = ctx.doc.char_span(ctx.cand.core, ctx.cand.end, alignment_mode="expand")
    if span is not None and not ctx.g("fiscal"):
        token = span[-1]
        head = token.head
        if (
            token.dep_ in LEX.labels["number_modifier"]
            and head.tag_ in LEX.tags["plural_nouns"]
            and head.i > token.i
        ):
            previous = ctx.doc[token.i - 1] if token.i > 0 else None
            if previous is None or previous.tag_ not in LEX.tags["determiners"]:
                return None
    if ctx.after(14).lstrip().startswith(_CLOCK_AFTER):
        return None  # a clock time: "at 1800 yesterday"
    return absolute(ctx.g("y"), "year")


def year_range_parts(cand: Candidate) -> tuple[int, int]:
    """Both years of "2009-2010" or "1998-99"."""
    first = _year(cand.group("y") or "0")
    second = cand.group("y2") or ""
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return first, last


def decade(ctx: Context) -> Reading:
    if ctx.g("dy"):
        if ctx.g("dy").endswith("0") and ctx.g("dy") < "200":
            # "the 1700s" are the century of years 1700-1799, as TIMEX3 writes it: 17
            return absolute(ctx.g("dy")[:2], "decade/century")
        return absolute(ctx.g("dy"), "decade")
    digit = int(ctx.g("ds")) if ctx.g("ds") else LEX.decades[ctx.g("dw").lower()]
    if ctx.dct is None:
        return absolute(f"19{digit}", "decade/short")

    def value(dct: dt.date) -> str:
        century = dct.year // 100  # the latest such decade that has begun
        if century * 100 + digit * 10 > dct.year:
            century -= 1
        return cal.decade_value(century * 10 + digit)

    return deictic(ctx, value, "decade/short")


def century(ctx: Context) -> Reading | None:
    number = cal.parse_ordinal(ctx.g("c"))
    before_era = ctx.g("era").replace(".", "").startswith("B")
    if number is None or not 1 <= number <= (99 if before_era else 21):
        return None
    if before_era:  # the fourth century BC (400-301 BC) is BC03, as TIMEX3 writes it
        return absolute(f"BC{number - 1:02d}", "century-bc")
    return absolute(f"{number - 1:02d}", "century")


def year_era(ctx: Context) -> Reading | None:
    """ "44 BC" is BC0044 in TIMEX3; "AD 70" is the year 0070. There is no year 0."""
    number = int(ctx.g("y") or ctx.g("ya"))
    if number == 0:
        return None
    if ctx.g("era").replace(".", "").startswith("B"):
        return absolute(f"BC{number:04d}", "year-bc")
    return absolute(f"{number:04d}", "year-ad")


def season(ctx: Context) -> Reading | None:
    code = LEX.seasons[ctx.g("season").lower()]
    rel = " ".join(ctx.g("rel").lower().split())
    given = _given_year(ctx)
    if given is not None:
        return absolute(f"{given:04d}-{code}", "season-year")
    if not rel:
        before = ctx.before(10).split()
        if ctx.cand.mod is None and (not before or before[-1] not in _SEASON_CONTEXT):
            return None
    if ctx.dct is None:
        return absolute("", "season")

    def option(y: int) -> tuple[dt.date, dt.date, str] | None:
        period = DateValue.parse(f"{y:04d}-{code}")
        return (period.first, period.last, period.value) if period is not None else None

    # A winter runs into the next year: in January, last winter began two years back.
    options = year_options(ctx.dct, option, back=2)
    dct = ctx.dct
    if rel in ("last", "past", "previous", "this past"):
        ended = [o for o in options if o[1] < dct]
        return deictic(ctx, lambda _: max(ended, default=(dct, dct, ""))[2], "season/last")
    if rel in ("next", "coming", "this coming", "the coming"):
        return deictic(ctx, lambda _: earliest_after(options, dct), "season/next")
    tense = Tense.NONE if rel == "this" else ctx.tense()
    near = [o for o in options if o[0].year >= dct.year - 1]  # last, this and next year's
    return deictic(ctx, lambda d: cal.pick(near, d, tense), f"season/{tense}")


def holiday(ctx: Context) -> Reading | None:
    name = " ".join(ctx.g("h").lower().replace("’", "'").split())
    following = ctx.after(20).split()[:1]
    if not ctx.g("y") and following and following[0].strip(".,;:") in _AFTER_HOLIDAY:
        return None  # a thing named for the day: "the Christmas card list"

    def date_in(y: int) -> dt.date:
        return cal.holiday_date(LEX.holiday_names[name], y)

    def value_in(y: int) -> str:  # "Christmas week" is the (ISO) week the day falls in
        day = date_in(y)
        return cal.week_value(day) if ctx.g("wk") else day.isoformat()

    if ctx.g("y"):
        return absolute(value_in(_year(ctx.g("y"))), "holiday-year")
    if ctx.dct is None:
        return absolute("", "holiday")
    tense = ctx.tense()
    options = year_options(
        ctx.dct, lambda y: (*_days_of(date_in(y), bool(ctx.g("wk"))), value_in(y))
    )
    return deictic(ctx, lambda d: cal.pick(options, d, tense), f"holiday/{tense}")


def _days_of(day: dt.date, week: bool) -> tuple[dt.date, dt.date]:
    """The first and last day of a holiday, or of the Monday-to-Sunday week it falls in."""
    if not week:
        return day, day
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def spoken_year(ctx: Context) -> Reading | None:
    value = spoken_value(ctx.g("sy"))
    return absolute(str(value), "spoken-year") if value is not None else None


def spoken_value(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and two" -> 2002."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = cal.parse_number(" ".join(w for w in words[2:] if w != "and")) if words[2:] else 0
        return 2000 + int(rest or 0) if rest is not None else None
    head = LEX.numbers[words[0]]
    tail = cal.parse_number(" ".join(words[1:]))
    if tail is None:
        return None
    return head * 100 + (0 if tail == 100 else int(tail))


def _given_year(ctx: Context) -> int | None:
    """The year written with the expression, in digits or in words."""
    if ctx.g("y"):
        return int(ctx.g("y"))
    if ctx.g("yx"):
        return _stated_year(ctx)
    return spoken_value(ctx.g("sy")) if ctx.g("sy") else None


def _stated_year(ctx: Context) -> int | None:
    """The year after a day and month: a usual one, or any four digits that do not count
    the common noun after them ("on March 5 2500 soldiers" counts soldiers)."""
    if ctx.g("y"):
        return int(ctx.g("y"))
    if not ctx.g("yx"):
        return None
    start, end = ctx.cand.match.span("yx")
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is not None and span.end < len(ctx.doc) and ctx.doc[span.end].tag_ in _COMMON:
        return None
    return int(ctx.g("yx"))


_COMMON = LEX.tags["common_nouns"]
_CLOCK_AFTER = ("local", "gmt", "utc", "bst", "hours", "hrs", "yesterday", "today")


def set_(ctx: Context) -> Reading | None:
    if ctx.g("adv"):
        return absolute(LEX.sets[ctx.g("adv").lower()], "set/adverb", "SET")
    every = 2 if ctx.g("other") else 1
    if ctx.g("unit"):
        unit = ctx.g("unit").lower().rstrip("s").replace("centurie", "century")
        if unit in ("second", "minute") and ctx.cand.match.group(0).lower().startswith("per"):
            return None  # a speed: "15 million instructions per second"
        spec = LEX.units[unit]
        amount = cal.format_amount(every * spec.size, spec.code, time=spec.time)
        return absolute(amount, "set/every", "SET")
    if ctx.g("wd"):
        return absolute(f"XXXX-WXX-{weekday_number(ctx.g('wd')) + 1}", "set/weekday", "SET")
    return absolute(f"XXXX-{month_number(ctx.g('month')):02d}", "set/month", "SET")
