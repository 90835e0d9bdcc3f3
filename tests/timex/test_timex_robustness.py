"""The tagger cannot fail: every rule over every day of a span of years, at the calendar's
ends, in every tense and with every relative word of the lexicon, and on random sentences
made of the lexicon's words. No rule may raise and every value must be well-formed TIMEX3
that the later stages can read.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from timeline.timex import Tagging, scan, tag
from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.rules import RULES
from timeline.timex.values import well_formed
from timeline.types import DateValue

RELATIVE = (
    "this", "last", "next", "past", "previous", "coming", "this coming", "this past",
    "the coming", "the following", "the next", "the previous", "the preceding", "the prior",
    "that", "the same", "following", "preceding", "prior",
)  # fmt: skip
AMOUNT_MODS, DATE_MODS, HOLIDAYS = LEX.amount_modifiers, LEX.date_modifiers, LEX.holiday_names
MONTHS, WEEKDAYS, NUMBER_WORDS, ORDINALS = LEX.months, LEX.weekdays, LEX.numbers, LEX.ordinals
PARTS_OF_DAY, REFS, SEASONS, SETS, UNITS = (
    LEX.parts_of_day, LEX.references, LEX.seasons, LEX.sets, LEX.units,
)  # fmt: skip
MONTH_NAMES = LEX.month_names
WEEKDAY_NAMES = LEX.weekday_names
# Dates given in the text: the anchors anaphoric expressions read ("the following day").
GIVEN = (
    "On 29 February 2004", "On 31 December 2004", "In the week of December 27, 2004",
    "In December 2004", "In the fourth quarter of 2004", "In the winter of 2004",
    "In 2004", "In the 1990s", "On 31 December 9999", "On 1 January 0001",
    "In the fourth quarter of 9999", "In December 9999", "In 9999",
)  # fmt: skip
# Frames that give the governing verb each tense the resolvers tell apart.
FRAMES = (
    "{} the talks ended.",  # past
    "{} the talks go on.",  # present
    "{} the talks will end.",  # future
    "Since {} prices have risen.",  # since: always the past
    "The offer was extended to {}.",  # a limit ahead of a past verb
)


def expressions() -> list[str]:
    """Every relative word with every unit and name; amounts; every rule's examples."""
    found: list[str] = []
    units = [*UNITS, *PARTS_OF_DAY, *WEEKDAY_NAMES, *MONTH_NAMES, *SEASONS]
    found += [f"{rel} {unit}" for rel in RELATIVE for unit in units]
    directions = ("ago", "later", "earlier", "from now", "before", "after", "back", "hence")
    amounts = itertools.cycle(("two", "several"))
    found += [f"{next(amounts)} {u}s {d}" for u in UNITS for d in directions]
    found += [f"{n} {u} {d}" for n, u, d in (("a", "day", "earlier"), ("1.5", "year", "ago"))]
    found += [example for rule in RULES for example in rule.examples]
    found += [*HOLIDAYS, *REFS, *SETS, *(f"every {u}" for u in UNITS)]
    found += [f"{mod} {name}" for mod in DATE_MODS for name in ("2004", "December", "winter")]
    found += [f"{mod} two years" for mod in AMOUNT_MODS]
    found += [f"the {o} century BC" for o in ORDINALS]
    return found


def named() -> list[str]:
    """Expressions whose direction the tense decides: names without a year."""
    found = [*MONTH_NAMES, *WEEKDAY_NAMES, *SEASONS, *HOLIDAYS, "the third quarter"]
    found += [f"{m} {d}" for m in MONTH_NAMES for d in (29, 31)]
    return [f"in {name}" for name in found]


def documents() -> list[str]:
    """Every expression in one of the frames, and every named one in each frame, a dozen
    to a document, each document after one of the given dates."""
    phrases = expressions()
    sentences = [FRAMES[i % len(FRAMES)].format(p) for i, p in enumerate(phrases)]
    sentences += [frame.format(p) for frame in FRAMES for p in named()]
    starts = range(0, len(sentences), 12)
    return [
        f"{given} the talks began. " + " ".join(sentences[start : start + 12])
        for start, given in zip(starts, itertools.cycle(GIVEN), strict=False)
    ]


def days() -> Iterator[dt.date | None]:
    """Every day of 2004 and of the winter after it (a leap day, a year end, ISO week 53,
    winters over the new year), the first and last days of the calendar, and no date."""
    first = dt.date(2004, 1, 1)
    yield from (first + dt.timedelta(days=n) for n in range((dt.date(2005, 3, 1) - first).days))
    yield from (dt.date.min + dt.timedelta(days=n) for n in range(14))
    yield from (dt.date.max - dt.timedelta(days=n) for n in range(14))
    yield None


# Calendar values the site and merging read as periods (weekends and X-forms they skip).
_CALENDAR = re.compile(r"^\d{2,4}(?:-(?!.*(?:X|WE)).*)?$")


def problems(result: Tagging) -> list[str]:
    """Failures, ill-formed values, and calendar values the later stages cannot read."""
    found = [f.describe() for f in result.failures]
    for timex in result.timexes:
        if not well_formed(timex.type, timex.value):
            found.append(f"{timex.text!r}: {timex.type} {timex.value!r} is not TIMEX3")
        elif _CALENDAR.match(timex.value) and DateValue.parse(timex.value) is None:
            found.append(f"{timex.text!r}: {timex.value!r} cannot be read as a period")
    return found


@pytest.mark.slow
def test_every_rule_on_every_day_gives_well_formed_values(nlp: Language) -> None:
    scans = [scan(doc) for doc in nlp.pipe(documents())]
    assert sum(len(s.candidates) for s in scans) > 1400
    bad: set[str] = set()
    for dct in days():
        for scanned in scans:
            bad.update(f"{dct}: {p}" for p in problems(tag(scanned, dct)))
    assert not bad, "\n".join(sorted(bad)[:40])


_LEXICON = sorted(
    {
        *(w for key in (*MONTHS, *WEEKDAYS) for w in (key, key.capitalize())),
        *NUMBER_WORDS, *ORDINALS, *UNITS, *(f"{u}s" for u in UNITS), *PARTS_OF_DAY,
        *SEASONS, *SETS, *REFS, *HOLIDAYS, *DATE_MODS, *AMOUNT_MODS, *RELATIVE,
        "ago", "later", "earlier", "from now", "before", "after", "since", "until", "on",
        "in", "of", "the", "a", "said", "will", "met", "had", ",", ".", "-", "'s", "BC",
        "B.C.", "AD", "0001", "9999", "10000", "2004", "1998", "31", "29", "12/31/99",
        "9999-12-31", "0000-01-01", "10:30", "a.m.", "noon", "'90s", "1990s", "fiscal",
    }
)  # fmt: skip


@settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    words=st.lists(st.sampled_from(_LEXICON), min_size=1, max_size=30),
    dct=st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max])),
)
def test_random_sentences_of_the_lexicon_never_fail(
    nlp: Language, words: list[str], dct: dt.date | None
) -> None:
    assert problems(tag(nlp(" ".join(words)), dct)) == []


REGRESSIONS = {
    # a publication date inside a winter: the last winter is the one before
    "last-winter-in-january": ("2005-01-15", "It was colder last winter.", "last winter",
                               "2003-WI"),
    "next-winter-in-december": ("2004-12-20", "It will be colder next winter.", "next winter",
                                "2005-WI"),
    "yesterday-at-the-start": ("0001-01-01", "It rained yesterday.", "yesterday", ""),
    "tomorrow-at-the-start": ("0001-01-01", "It rains tomorrow.", "tomorrow", "0001-01-02"),
    "yesterday-at-the-end": ("9999-12-31", "It rained yesterday.", "yesterday", "9999-12-30"),
    "tomorrow-at-the-end": ("9999-12-31", "It rains tomorrow.", "tomorrow", ""),
    "next-year-at-the-end": ("9999-12-31", "It ends next year.", "next year", ""),
    "last-year-at-the-start": ("0001-06-01", "It ended last year.", "last year", ""),
    "century-bc": ("2015-06-01", "It was built in the 1st century BC.", "the 1st century BC",
                   "BC00"),
    "fourth-century-bc": ("2015-06-01", "It was built in the fourth century BC.",
                          "the fourth century BC", "BC03"),
    "century-ad": ("2015-06-01", "It was built in the 1st century AD.", "the 1st century AD",
                   "00"),
    "year-bc": ("2015-06-01", "Caesar died in 44 BC.", "44 BC", "BC0044"),
    "last-day-of-the-calendar": ("2015-06-01", "It ends on 31 December 9999.",
                                 "31 December 9999", "9999-12-31"),
    "december-9999": ("2015-06-01", "It ends in December 9999.", "December 9999", "9999-12"),
}  # fmt: skip


@pytest.mark.parametrize("case", REGRESSIONS.values(), ids=REGRESSIONS.keys())
def test_reported_failures(nlp: Language, case: tuple[str, str, str, str]) -> None:
    dct, text, extent, value = case
    result = tag(nlp(text), dt.date.fromisoformat(dct))
    assert result.failures == ()
    assert [(t.text, t.value) for t in result.timexes] == [(extent, value)]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("On March 5 2500 soldiers came.", "2015-03-05"),
        ("In June 3000 people marched.", "2015-06"),
        ("On 5 March 2500 troops came.", "2015-03-05"),
    ],
)
def test_four_digits_that_count_something_are_no_year(nlp: Language, text: str, dated: str) -> None:
    result = tag(nlp(text), dt.date(2015, 6, 1))
    assert [t.value for t in result.timexes] == [dated]


@pytest.mark.parametrize("text", ["It happens in the year 10000.", "In 10000 it ends."])
def test_a_year_beyond_the_calendar_is_no_date(nlp: Language, text: str) -> None:
    result = tag(nlp(text), dt.date(2015, 6, 1))
    assert result.failures == ()
    assert result.timexes == ()
