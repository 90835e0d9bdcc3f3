"""The language data is complete and consistent, and it is the only place that spells the
calendar: every module reads month and weekday names from it."""

from __future__ import annotations

import calendar
import datetime as dt
import io
import tokenize
from pathlib import Path
from typing import Any

import pytest

from timeline.timex import calendar as cal
from timeline.timex.lang import ENGLISH, load_lexicon, read_data
from timeline.timex.values import well_formed

LANG_DIR = Path(__file__).parents[2] / "timeline" / "timex" / "lang"
LANGUAGES = sorted(p.name for p in LANG_DIR.iterdir() if (p / "calendar.toml").is_file())
MODS = {"START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
        "EQUAL_OR_MORE", ""}  # fmt: skip
# Sections that map a meaning to a list of words.
WORD_SECTIONS = ("seasons", "parts_of_day", "numbers", "ordinals", "decades", "sets",
                 "references", "date_modifiers", "amount_modifiers", "direction")  # fmt: skip


def test_english_is_there() -> None:
    assert "en" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_the_sections_of_english(language: str) -> None:
    english, data = read_data("en"), read_data(language)
    assert set(data) == set(english)
    for section in ("context", "not_dates", "tense", "ambiguous"):
        assert set(data[section]) == set(english[section]), section
    load_lexicon(language)  # builds without error


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_has_two_meanings_in_one_section(language: str) -> None:
    data = read_data(language)
    sections: dict[str, dict[Any, list[str]]] = {s: data[s] for s in WORD_SECTIONS}
    sections["months"] = {m: [v["name"], *v["abbreviations"]] for m, v in data["months"].items()}
    sections["weekdays"] = {
        d: [v["name"], *v["abbreviations"]] for d, v in data["weekdays"].items()
    }
    sections["holidays"] = {h: v["names"] for h, v in data["holidays"].items()}
    for name, groups in sections.items():
        words = [w.lower() for ws in groups.values() for w in ws]
        assert len(words) == len(set(words)), (name, sorted(w for w in words if words.count(w) > 1))


def test_english_names_are_the_calendars() -> None:
    assert ENGLISH.month_names == tuple(calendar.month_name[1:])
    assert ENGLISH.weekday_names == tuple(calendar.day_name)


def test_abbreviations_shorten_their_own_name() -> None:
    pairs = [*zip(ENGLISH.month_names, ENGLISH.month_abbreviations, strict=True),
             *zip(ENGLISH.weekday_names, ENGLISH.weekday_abbreviations, strict=True)]  # fmt: skip
    for name, abbreviations in pairs:
        for short in abbreviations:
            assert name.startswith(short) and len(short) < len(name), (name, short)


def test_ambiguous_months_are_months() -> None:
    assert ENGLISH.ambiguous_months <= set(ENGLISH.month_names)
    assert ENGLISH.given_names <= set(ENGLISH.month_names)


def test_values_are_timex3() -> None:
    assert set(ENGLISH.seasons.values()) <= {"SP", "SU", "FA", "WI"}
    assert set(ENGLISH.parts_of_day.values()) <= {"MO", "MI", "AF", "EV", "NI", "DT"}
    assert all(well_formed("SET", v) for v in ENGLISH.sets.values())
    assert set(ENGLISH.references.values()) == {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
    assert set(ENGLISH.date_modifiers.values()) <= MODS
    assert set(ENGLISH.amount_modifiers.values()) <= MODS
    assert {u.code for u in ENGLISH.units.values()} <= {"S", "M", "H", "D", "W", "WE", "Q", "Y"}
    assert set(ENGLISH.direction.values()) == {-1, 1}
    assert set(ENGLISH.decades.values()) == set(range(2, 10))


def test_number_words_count_up() -> None:
    assert [ENGLISH.ordinals[w] for w in ("first", "second", "twelfth")] == [1, 2, 12]
    assert cal.parse_number("twenty five") == 25
    assert cal.parse_number("three hundred") == 300


def test_every_holiday_is_a_real_day_every_year() -> None:
    for holiday in ENGLISH.holidays:
        kinds = (holiday.easter is not None, holiday.month > 0)
        assert kinds.count(True) == 1, holiday.id
        for year in range(1583, 2200):
            day = cal.holiday_date(holiday, year)
            assert day.year == year
            if holiday.weekday is not None:
                assert day.weekday() == holiday.weekday
                assert 0 <= (day - dt.date(year, holiday.month, holiday.day)).days < 7


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("thanksgiving", 2015, "2015-11-26"),
        ("election day", 2016, "2016-11-08"),
        ("easter", 2016, "2016-03-27"),
        ("christmas eve", 2015, "2015-12-24"),
    ],
)
def test_holiday_dates(name: str, year: int, expected: str) -> None:
    assert cal.holiday_date(ENGLISH.holiday_names[name], year).isoformat() == expected


def _literals(path: Path) -> list[str]:
    """The string literals of a module that are not docstrings."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline)
    skip = (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT)
    found, previous = [], ":"  # a docstring opens the module or follows a colon
    for tok in tokens:
        if tok.type == tokenize.STRING and previous != ":":
            found.append(tok.string)
        if tok.type not in skip:
            previous = tok.string
    return found


def test_no_module_spells_the_calendar_itself() -> None:
    """A module whose string literals name every month or every weekday keeps a calendar of
    its own; it must read the lexicon instead."""
    package = LANG_DIR.parents[1]
    offenders = []
    for path in sorted(package.rglob("*.py")):
        text = " ".join(_literals(path)).lower()
        months = {m for m in ENGLISH.month_names if m.lower()[:3] in text}
        weekdays = {d for d in ENGLISH.weekday_names if d.lower()[:3] in text}
        if len(months) == 12 or len(weekdays) == 7:
            offenders.append(str(path.relative_to(package)))
    assert offenders == []
