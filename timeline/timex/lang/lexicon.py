"""Calendar words keyed by what they mean, read from each language's data file.

Each language keeps its calendar words in one data file, `lang/<code>/calendar.toml`
(months 1-12, weekdays 0-6, holidays, seasons, parts of the day, numbers, units,
modifiers, tense cues), and what its parser's tags, dependency labels and named-entity
labels mean in another, `lang/<code>/syntax.toml`; the engine, the event rules, merging,
ingest and the site read them only through the `Lexicon` built from both, so a word or a
label is spelled in one place and a new one is a data change. Loading needs nothing but
the standard library, so any layer may import this module.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from timeline.errors import TimelineError

__all__ = [
    "ENGLISH",
    "Holiday",
    "Lexicon",
    "Unit",
    "alternation",
    "load_lexicon",
    "read_data",
]

_HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True, kw_only=True)
class Holiday:
    """A named day: fixed (`month`, `day`), the first `weekday` on or after that day,
    or `easter` days after Easter Sunday."""

    id: str
    names: tuple[str, ...]
    month: int = 0
    day: int = 0
    weekday: int | None = None
    easter: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    """A unit of time as TIMEX3 writes it: its letter, its size, whether it is a time."""

    code: str
    size: int
    time: bool = False


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first (so "Sept" wins over "Sep"), with
    any run of spaces allowed between the words of a phrase."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    escaped = (re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in items)
    return "|".join(escaped)


def _words(groups: Mapping[Any, Iterable[str]], key: Any = lambda k: k) -> dict[str, Any]:
    """Invert `meaning -> words` into `word (lowercased) -> meaning`."""
    return {w.lower(): key(k) for k, words in groups.items() for w in words}


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """Every calendar word of one language and what its parse's tags and labels mean,
    read-only. Word maps are lowercased."""

    language: str
    month_names: tuple[str, ...]  # index 0 is January
    month_abbreviations: tuple[tuple[str, ...], ...]
    weekday_names: tuple[str, ...]  # index 0 is Monday
    weekday_abbreviations: tuple[tuple[str, ...], ...]
    ambiguous_months: frozenset[str]
    given_names: frozenset[str]  # months that are also first names
    person_verbs: frozenset[str]  # verbs whose subject is a person
    months: Mapping[str, int]  # every name and abbreviation -> 1..12
    weekdays: Mapping[str, int]  # -> 0..6
    holidays: tuple[Holiday, ...]
    holiday_names: Mapping[str, Holiday]
    seasons: Mapping[str, str]
    parts_of_day: Mapping[str, str]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    decades: Mapping[str, int]
    units: Mapping[str, Unit]
    sets: Mapping[str, str]
    references: Mapping[str, str]
    date_modifiers: Mapping[str, str]
    amount_modifiers: Mapping[str, str]
    direction: Mapping[str, int]
    context: Mapping[str, frozenset[str]]
    not_dates: Mapping[str, frozenset[str]]
    tense: Mapping[str, frozenset[str]]
    tags: Mapping[str, frozenset[str]]  # meaning -> the parser's fine-grained tags
    labels: Mapping[str, frozenset[str]]  # meaning -> the parser's dependency labels
    entities: Mapping[str, tuple[str, ...]]  # meaning -> the model's entity labels, in order

    @property
    def time_units(self) -> frozenset[str]:
        return frozenset(w for w, u in self.units.items() if u.time)

    def month_number(self, word: str) -> int | None:
        """1-12 for a month's name or abbreviation (a trailing period allowed)."""
        return self.months.get(word.lower().rstrip(".").strip())

    def weekday_number(self, word: str) -> int | None:
        """0-6 for a weekday's name or abbreviation ("Tue.", "Friday's")."""
        key = word.lower().rstrip(".").removesuffix("'s").removesuffix("’s").strip()
        return self.weekdays.get(key)


def _frozen(mapping: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(mapping)


def _build(language: str, data: dict[str, Any], syntax: dict[str, Any]) -> Lexicon:
    months = {int(k): v for k, v in data["months"].items()}
    weekdays = {int(k): v for k, v in data["weekdays"].items()}
    if sorted(months) != list(range(1, 13)) or sorted(weekdays) != list(range(7)):
        raise TimelineError(f"{language} calendar data: months must be 1-12, weekdays 0-6")
    holidays = tuple(
        Holiday(
            id=key,
            names=tuple(spec["names"]),
            month=spec.get("month", 0),
            day=spec.get("day", 0),
            weekday=spec.get("weekday"),
            easter=spec.get("easter"),
        )
        for key, spec in data["holidays"].items()
    )
    return Lexicon(
        language=language,
        month_names=tuple(months[m]["name"] for m in range(1, 13)),
        month_abbreviations=tuple(tuple(months[m]["abbreviations"]) for m in range(1, 13)),
        weekday_names=tuple(weekdays[d]["name"] for d in range(7)),
        weekday_abbreviations=tuple(tuple(weekdays[d]["abbreviations"]) for d in range(7)),
        ambiguous_months=frozenset(data["ambiguous"]["months"]),
        given_names=frozenset(data["ambiguous"]["given_names"]),
        person_verbs=frozenset(data["ambiguous"]["person_verbs"]),
        months=_frozen(_words({m: [s["name"], *s["abbreviations"]] for m, s in months.items()})),
        weekdays=_frozen(
            _words({d: [s["name"], *s["abbreviations"]] for d, s in weekdays.items()})
        ),
        holidays=holidays,
        holiday_names=_frozen({" ".join(n.lower().split()): h for h in holidays for n in h.names}),
        seasons=_frozen(_words(data["seasons"])),
        parts_of_day=_frozen(_words(data["parts_of_day"])),
        numbers=_frozen(_words(data["numbers"], int)),
        ordinals=_frozen(_words(data["ordinals"], int)),
        decades=_frozen(_words(data["decades"], int)),
        units=_frozen({w: Unit(**spec) for w, spec in data["units"].items()}),
        sets=_frozen(_words(data["sets"])),
        references=_frozen(_words(data["references"])),
        date_modifiers=_frozen(_words(data["date_modifiers"])),
        amount_modifiers=_frozen(_words(data["amount_modifiers"])),
        direction=_frozen(_words(data["direction"], int)),
        context=_frozen({k: frozenset(v) for k, v in data["context"].items()}),
        not_dates=_frozen({k: frozenset(v) for k, v in data["not_dates"].items()}),
        tense=_frozen({k: frozenset(v) for k, v in data["tense"].items()}),
        tags=_frozen({k: frozenset(v) for k, v in syntax["tags"].items()}),
        labels=_frozen({k: frozenset(v) for k, v in syntax["labels"].items()}),
        entities=_frozen({k: tuple(v) for k, v in syntax["entities"].items()}),
    )


def read_data(language: str, name: str = "calendar") -> dict[str, Any]:
    """The raw data file `name` (calendar, syntax) of `language` (tests check it before it
    is built)."""
    path = _HERE / language / f"{name}.toml"
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TimelineError(f"cannot read the {name} data {path}: {exc}") from exc


@functools.cache
def load_lexicon(language: str = "en") -> Lexicon:
    """The lexicon of `language`, read once per process."""
    return _build(language, read_data(language), read_data(language, "syntax"))


ENGLISH = load_lexicon("en")
