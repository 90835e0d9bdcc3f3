"""English words for merging and entities, read from `lang/en.toml`: no logic here.

Everything language-specific that merging and the entity rules read is spelled once, in
the data file, so another language is another data file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from timeline.timex.lang.lexicon import load_lexicon

_DATA: dict[str, Any] = tomllib.loads(
    (Path(__file__).parent / "lang" / "en.toml").read_text(encoding="utf-8")
)


def _words(section: str, key: str) -> frozenset[str]:
    value = _DATA[section][key]
    return frozenset(value.split() if isinstance(value, str) else value)


PREDICATE_EQUIVALENTS: Mapping[str, str] = MappingProxyType(
    {str(word): str(lemma) for lemma, words in _DATA["equivalents"].items() for word in words}
)
"""Lemma -> the lemma it is counted as, for predicates that name one kind of act."""
PREDICATES = (
    frozenset(PREDICATE_EQUIVALENTS)
    | frozenset(PREDICATE_EQUIVALENTS.values())
    | _words("acts", "words")
)
"""Content words that name an act: sharing one is sharing what happened."""

LIGHT_VERBS = _words("predicates", "light")
"""Verbs that name no act of their own ("is in Moscow for talks", "held talks")."""
SPEECH_VERBS = _words("predicates", "speech")
"""Verbs of speech: the happening reported is the statement."""
IRREGULAR_FORMS: Mapping[str, str] = MappingProxyType(
    dict(pair.split("=") for pair in _DATA["predicates"]["irregular"].split())
)
"""Verb forms that do not show their verb ("struck" -> "strike")."""
VERB_ENDINGS: tuple[tuple[str, str], ...] = tuple(
    (ending, replacement)
    for ending, _, replacement in (p.partition("=") for p in _DATA["predicates"]["endings"].split())
)
"""Inflectional endings and what replaces them, longest first ("ies" -> "y")."""
KEPT_BEFORE: Mapping[str, frozenset[str]] = MappingProxyType(
    {ending: frozenset(letters.split()) for ending, letters in _DATA["predicates"]["kept"].items()}
)
"""Per ending, the letters right before which it is part of the verb ("focus", "need")."""

MAGNITUDES = _words("figures", "magnitudes")
"""Abbreviated magnitudes written right after a figure ("$1m", "2.5bn")."""

BACKGROUND_BEFORE = _words("background", "before")
DETERMINERS = _words("background", "determiners")
BACKGROUND_CLAUSE = _words("background", "relative")
SUBORDINATORS = _words("background", "subordinators")
TEMPORAL_LINKS = _words("background", "links")
POSSESSIVES = tuple(_DATA["background"]["possessives"])

ENTITY_STOPWORDS = _words("entities", "common")
TITLES = _words("entities", "titles")
INSTITUTIONS = _words("entities", "institutions")
HONORIFICS = _words("entities", "honorifics")
SUFFIXES = _words("entities", "suffixes")
COMPANY_SUFFIXES = _words("entities", "companies")
CONNECTORS = _words("entities", "connectors")
TIME_ZONES = _words("entities", "time_zones")
_CALENDAR = load_lexicon("en")
DATELINE_WORDS = _words("entities", "datelines") | frozenset(
    word.lower()
    for names in (*_CALENDAR.month_abbreviations, *_CALENDAR.weekday_abbreviations)
    for word in names
)
"""Words of datelines and time stamps (with the calendar's month and weekday
abbreviations): a name holding one is furniture, not an entity ("Thu Apr")."""
VESSEL_PREFIXES = _words("entities", "vessels")

# The model's named-entity labels, by meaning, from the language's syntax data.
_LABELS = _CALENDAR.entities
PERSON_LABELS = frozenset(_LABELS["people"])
PLACE_LABELS = frozenset(_LABELS["places"])
PARTICIPANT_LABELS = frozenset(_LABELS["participants"])
"""Labels of who takes part in a happening (people, organisations)."""
PERSON, ORGANISATION, PRODUCT = (_LABELS[m][0] for m in ("people", "organisations", "products"))
"""The label a name is given when it is voted, or taken for, a person, a company, a ship."""
LABEL_PREFERENCE: tuple[str, ...] = _LABELS["preference"]
"""Label priority among equal votes: the kinds that get pages first, in a fixed order."""
