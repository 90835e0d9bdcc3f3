"""What happened, as merging compares it: the act a mention's verb names.

A mention records the verb its date belongs to (`EventMention.predicate`, as written:
"struck", "questioned"). Two reports of one happening use the same verb or equivalent
ones ("struck" / "attacked", "voted" / "approved"); reports of the same day and theme
with different verbs ("shares slid" / "the shutdown raised concern") are two happenings.
Verbs are compared by stem (irregular forms first mapped to their verb, then
inflectional endings stripped), so no parser is needed to compare them. A light verb
("is in Moscow for talks", "held talks", "started trickling") names no act of its own;
a verb of speech ("said", "told") makes the statement the happening. The English forms
are data (`lang/en.toml`, `[predicates]`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from timeline.merge.lexicon import (
    IRREGULAR_FORMS,
    KEPT_BEFORE,
    LIGHT_VERBS,
    PREDICATE_EQUIVALENTS,
    SPEECH_VERBS,
    VERB_ENDINGS,
)

_VOWELS = frozenset("aeiouy")


def stem(word: str) -> str:
    """The stem two forms of one verb share: "raised", "raising", "raises" and "raise" are
    "rais"; "struck" is "strik" as "strike" is; "carried" is "carry"; "bring" keeps its
    "ing" (no stem without a vowel is left)."""
    word = word.lower()
    word = IRREGULAR_FORMS.get(word, word)
    for ending, replacement in VERB_ENDINGS:
        if not word.endswith(ending) or len(word) <= len(ending):
            continue
        rest = word[: len(word) - len(ending)]
        if rest[-1] in KEPT_BEFORE.get(ending, ()):
            break
        rest += replacement
        if len(rest) >= 2 and not _VOWELS.isdisjoint(rest):
            word = rest
        break
    while len(word) > 2 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in _VOWELS:
        word = word[:-1]
    return word


def _equivalent_stems(equivalents: Mapping[str, str]) -> dict[str, str]:
    found = {stem(lemma): stem(lemma) for lemma in equivalents.values()}
    found.update({stem(word): stem(lemma) for word, lemma in equivalents.items()})
    return found


_ACT_OF_STEM = _equivalent_stems(PREDICATE_EQUIVALENTS)
_LIGHT = frozenset(map(stem, LIGHT_VERBS))
_SPEECH = frozenset(map(stem, SPEECH_VERBS))


def act(word: str) -> str:
    """The act a word names, as a stem, equivalents counted as one ("struck" and
    "attacked" are one act)."""
    found = stem(word)
    return _ACT_OF_STEM.get(found, found)


@dataclass(frozen=True, slots=True)
class Predicate:
    """What a mention's verb says of its happening: the act it names (None for a light
    verb or a verb of speech), whether it is speech, and whether it is known at all (a
    mention made without its verb is compared by its other words only)."""

    act: str | None
    speech: bool
    known: bool


def predicate(verb: str) -> Predicate:
    """How merging reads a mention's verb (`EventMention.predicate`)."""
    if not verb.strip():
        return Predicate(act=None, speech=False, known=False)
    found = stem(verb)
    if found in _SPEECH:
        return Predicate(act=None, speech=True, known=True)
    if found in _LIGHT:
        return Predicate(act=None, speech=False, known=True)
    return Predicate(act=act(verb), speech=False, known=True)


@dataclass(frozen=True, slots=True)
class Acts:
    """The acts a mention reports: the one its verb names (None when its verb names none:
    a light verb, a verb of planning or of speech), and the act words of its sentence
    (`lexicon.PREDICATES`), as act stems; `distinct` are those of its act words that are
    not common in the corpus (the story's theme: "earthquake" in a story of one)."""

    verb: str | None
    words: frozenset[str]
    distinct: frozenset[str]

    @staticmethod
    def of(verb: Predicate, act_words: Iterable[str], common: Iterable[str] = ()) -> Acts:
        """The acts of a mention whose verb reads as `verb` (`predicate`), with `act_words`
        as act stems already, `common` those of them common in the corpus."""
        words = frozenset(act_words)
        return Acts(verb=verb.act, words=words, distinct=words.difference(common))

    def shared(self, other: Acts) -> frozenset[str]:
        """The acts both report. A verb's act is matched by the other's verb or by an act
        word of the other's sentence ("the rig exploded" / "the explosion killed 11");
        act words alone are matched only when neither verb names an act ("is in Moscow for
        talks" / "talks scheduled for January"), and only when they are not the story's
        theme (two reports that mention "the quake" share no act by it). Beside a verb of
        its own, an act word belongs to another clause ("search and rescue specialists
        landed" reports a landing, not a rescue)."""
        mine, theirs = self.verb, other.verb
        if mine is None and theirs is None:
            return self.distinct & other.distinct
        found = {mine} if mine is not None and mine == theirs else set()
        if mine is not None and mine in other.words:
            found.add(mine)
        if theirs is not None and theirs in self.words:
            found.add(theirs)
        return frozenset(found)
