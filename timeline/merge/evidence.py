"""Evidence that two mentions report one happening, and the record of it.

Similar words and compatible dates are not enough: a council vote and "the league, which
in March asked the council to act" share a month and a theme, not a happening. A pair
whose cosine is at least `SIMILAR` is joined only when it also shares the happening:

- Reports stamped with different clock times are different events (programmes aired at
  9pm and 11pm), and so are reports of different figures ("65 people had died" / "72
  people had died"), however alike their words.
- Near-identical statements (cosine >= `NEAR`: a wire copy, a reused paragraph) are one.
- Otherwise their people must not conflict (each names people and none in common: a
  surname alone matches its full name, "Hillary Clinton" is not "Bill Clinton"); they
  must report one act (`acts`: the verb their date belongs to, or an act word such as
  "talks" that a light verb carries; equivalents counted as one) unless both report
  speech or they are close to one text (`DIFFERENT_ACTS`); they must share several
  content words (`MIN_SHARED_TERMS`, names and titles aside), or a name and an act or
  two words; a
  coarser date joins a finer one only on strong evidence (`_contained`); and a mention
  whose date belongs to a background clause ("since Tuesday's earthquake", "which began
  on 20 April") joins only a near-identical report (`BACKGROUND`).

Each join yields a `MergeLink`, kept with the event so an editor can see why its
mentions were joined.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from timeline.merge.acts import Acts, Predicate, act
from timeline.merge.lexicon import (
    BACKGROUND_BEFORE,
    BACKGROUND_CLAUSE,
    DETERMINERS,
    MAGNITUDES,
    PARTICIPANT_LABELS,
    PERSON_LABELS,
    POSSESSIVES,
    PREDICATE_EQUIVALENTS,
    PREDICATES,
    SUBORDINATORS,
    TEMPORAL_LINKS,
    TITLES,
)
from timeline.types import DateValue, EventMention, Granularity, MergeLink

SIMILAR = 0.2
"""Least cosine for two differently worded statements to be compared further."""
NEAR = 0.8
"""Cosine above which two statements are one text (a wire copy, a reused paragraph)."""
CONTAINER = 0.4
"""Least cosine for a coarse date ("in March") to join a finer one ("March 3"), which
also needs `MIN_SHARED_TERMS` - 1 shared content words besides the names."""
BACKGROUND = 0.6
"""Least cosine for a mention dated by a background clause to join another: only when the
two are nearly one text (a reused paragraph with its background clause)."""
SAME_ACT_CONTAINER = 0.3
"""Least cosine for a month to join a day when both verbs name one act: lower than
`CONTAINER`, as a look back ("a month ago a rig exploded") is worded afresh."""
YEAR_CONTAINER = 0.6
"""Least cosine for a year or a coarser period ("this year") to join a finer date."""
MIN_SHARED_TERMS = 3
"""Content words two statements share when they share no name."""
DIFFERENT_ACTS = 0.6
"""Least cosine for two statements that report no act in common to be one happening:
only when they are close to one text ("shares slid" and "the shutdown raised concern"
the same day share a theme, not a happening)."""

_CLOCK = re.compile(r"T\d\d:\d\d")
_MAGNITUDE = "|".join(sorted(map(re.escape, MAGNITUDES), key=len, reverse=True))
_NUMBER = re.compile(rf"(?<![\w.])\d[\d,]*(?:\.\d+)?(?:{_MAGNITUDE})?(?![\w])", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_WEEK, _YEAR_RANK = Granularity.WEEK.rank, Granularity.YEAR.rank
_MONTH = Granularity.MONTH.rank
_WORD = re.compile(r"[\w'\u2019]+")
_CLAUSE_BREAK = re.compile(r"[,;:\u2014()\"\u201c\u201d]")


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules read of one mention, worked out once."""

    terms: frozenset[str]  # content words that are not part of a name or a title
    acts: Acts  # the act its verb names and the act words of its sentence
    speech: bool  # its verb is one of speech ("said"): the statement is the happening
    verb_known: bool  # it records its verb (`EventMention.predicate`)
    verb_act: str | None  # the act its verb names, if any
    entities: frozenset[str]  # every name, lower case
    distinct: frozenset[str]  # the names that are not common in the corpus
    names: frozenset[str]  # the distinct names, and people also by surname
    people: frozenset[str]
    participants: frozenset[str]  # people and organisations
    clock: str | None
    rank: int  # the date's granularity (`Granularity.rank`; a clock time one finer)


_EQUIVALENT = dict(PREDICATE_EQUIVALENTS)  # a plain dict: looked up millions of times


def canonical_lemmas(lemmas: Sequence[str]) -> list[str]:
    """Each lemma as the lemma it is counted as (`lexicon.PREDICATE_EQUIVALENTS`)."""
    return list(map(_EQUIVALENT.get, lemmas, lemmas))


class Evidence:
    """Pairwise evidence over a corpus of mentions. What the rules read of a mention is
    worked out on first use, the costly parts (figures, background clauses) only for
    the pairs that pass the cheap tests; the order of the tests never changes a verdict."""

    def __init__(
        self,
        mentions: Sequence[EventMention],
        values: Sequence[DateValue | None],
        verbs: Mapping[str, Predicate],
        common: frozenset[str] = frozenset(),
    ):
        self._mentions = mentions
        self._values = values
        self._verbs = verbs  # each mention's verb as read (`acts.predicate`)
        self._read = _Reading(name_words={}, act_of={}, common=common)
        self._facts: dict[int, Facts] = {}
        self._numbers: dict[int, frozenset[str]] = {}
        self._background: dict[int, bool] = {}

    def facts(self, i: int) -> Facts:
        found = self._facts.get(i)
        if found is None:
            m = self._mentions[i]
            found = _facts_of(m, self._values[i], self._verbs[m.predicate], self._read)
            self._facts[i] = found
        return found

    def numbers(self, i: int) -> frozenset[str]:
        found = self._numbers.get(i)
        if found is None:
            found = self._numbers[i] = _numbers(self._mentions[i])
        return found

    def background(self, i: int) -> bool:
        found = self._background.get(i)
        if found is None:
            found = self._background[i] = background_date(self._mentions[i])
        return found

    def supports(self, i: int, j: int, sim: float) -> bool:
        """True when mentions i and j may be one happening (see the module docstring)."""
        a, b = self.facts(i), self.facts(j)
        if a.clock is not None and b.clock is not None and a.clock != b.clock:
            return False
        if sim >= NEAR:
            return not self._other_figures(i, j)
        if sim < SIMILAR or (a.people and b.people and not _same_person(a.people, b.people)):
            return False
        terms = a.terms & b.terms
        acts = a.acts.shared(b.acts)
        if not (acts or sim >= DIFFERENT_ACTS or (a.speech and b.speech)) and (
            a.verb_known and b.verb_known
        ):
            return False
        named = _shared_names(a, b)
        if not (len(terms) >= MIN_SHARED_TERMS or (named > 0 and (bool(acts) or len(terms) > 1))):
            return False
        if a.rank != b.rank and not _contained(a, b, sim, terms, acts):
            return False
        if self._other_figures(i, j):
            return False
        return sim >= BACKGROUND or not (self.background(i) or self.background(j))

    def conflict(self, i: int, j: int) -> bool:
        """Mentions i and j name different people, figures or clock times: never one
        happening, however alike their words (checked across a whole group)."""
        a, b = self.facts(i), self.facts(j)
        if a.clock is not None and b.clock is not None and a.clock != b.clock:
            return True
        if a.people and b.people and not _same_person(a.people, b.people):
            return True
        return self._other_figures(i, j)

    def _other_figures(self, i: int, j: int) -> bool:
        """Both report figures and none in common: "65 people had died" / "72 people had
        died" are two releases of figures."""
        a, b = self.numbers(i), self.numbers(j)
        return bool(a and b and a.isdisjoint(b))

    def link(self, i: int, j: int, sim: float) -> MergeLink:
        """The record of why mentions i and j were joined."""
        a, b = self._mentions[i], self._mentions[j]
        fa, fb = self.facts(i), self.facts(j)
        va, vb = self._values[i], self._values[j]
        if a.date == b.date:
            dates = "same date"
        elif va is not None and vb is not None and va.compatible(vb):
            dates = "one inside the other"
        else:
            dates = "conflicting dates"
        both = fa.entities & fb.entities
        return MergeLink(
            first=(a.article, a.start),
            second=(b.article, b.start),
            similarity=round(sim, 3),
            shared_terms=tuple(sorted(fa.terms & fb.terms)),
            shared_entities=tuple(sorted({e.text for e in a.entities if e.text.lower() in both})),
            dates=dates,
            same_text=sim >= NEAR,
        )


def _contained(a: Facts, b: Facts, sim: float, terms: frozenset[str], acts: frozenset[str]) -> bool:
    """Strong enough evidence for a coarser date to join a finer one: a year only when
    the statements are close to one text; a week also when they name one participant and
    one act ("a meeting on Friday" / "a meeting later this week"); a month when both verbs
    name one act, their participants do not differ (`differ`), they share two more
    content words and they are fairly alike (`SAME_ACT_CONTAINER`): "a month ago a rig exploded,
    killing 11 workers" / "the rig exploded on April 20, killing 11 workers"."""
    coarser = min(a.rank, b.rank)
    if coarser <= _YEAR_RANK:
        return sim >= YEAR_CONTAINER
    if coarser == _WEEK and acts and not a.participants.isdisjoint(b.participants):
        return True
    if coarser == _MONTH and a.verb_act is not None and a.verb_act == b.verb_act:
        return not differ(a, b) and sim >= SAME_ACT_CONTAINER and len(terms - acts) >= 2
    return sim >= CONTAINER and len(terms) >= MIN_SHARED_TERMS - 1


def differ(a: Facts, b: Facts) -> bool:
    """Whether two mentions name different participants: each names some and neither
    names one of the other's under any type (a name tagged an organisation in one sentence
    and a place in another is one name). A participant missing from one is no difference."""
    if not (a.participants and b.participants):
        return False
    return a.participants.isdisjoint(b.entities) and b.participants.isdisjoint(a.entities)


def _shared_names(a: Facts, b: Facts) -> int:
    """How many entities both name; a surname alone matching a full name counts once."""
    both = a.distinct & b.distinct
    return len(both) or int(not a.names.isdisjoint(b.names))


def _same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    """Some person named in both: the same name, or a surname alone ("Clinton") and a
    full name ending with it; "Hillary Clinton" and "Bill Clinton" are two people."""
    if not a.isdisjoint(b):
        return True
    single_a = {n for n in a if " " not in n}
    single_b = {n for n in b if " " not in n}
    return any(n.rsplit(" ", 1)[-1] in single_a for n in b) or any(
        n.rsplit(" ", 1)[-1] in single_b for n in a
    )


@dataclass(frozen=True, slots=True)
class _Reading:
    """What reading mentions needs from their corpus: memos of names' words and act
    words' acts (a story repeats them), and the features common in it."""

    name_words: dict[str, list[str]]
    act_of: dict[str, str]
    common: frozenset[str]  # names ("@name") and lemmas in many of its mentions


def _facts_of(m: EventMention, value: DateValue | None, verb: Predicate, read: _Reading) -> Facts:
    """What the rules read of `m`, whose verb reads as `verb`. Names and act words common
    in the corpus (the story's main place, its theme: "earthquake" in a story of one)
    are no evidence of one happening: every other report names them too."""
    name_words, common, act_of = read.name_words, read.common, read.act_of
    people: set[str] = set()
    entities: set[str] = set()
    participants: set[str] = set()
    names: set[str] = set()
    words: set[str] = set()
    for e in m.entities:
        name = e.text.lower()
        entities.add(name)
        names.add(name)
        found = name_words.get(name)
        if found is None:
            found = name_words[name] = _WORD.findall(name.replace("-", " "))
        words.update(found)
        if e.label in PARTICIPANT_LABELS:
            participants.add(name)
        if e.label in PERSON_LABELS:
            people.add(name)
            if " " in name:
                names.add(name.rsplit(" ", 1)[1])
    tx = m.timex
    clock = None
    if tx is not None and (at := _CLOCK.search(tx.value)):
        clock = at.group()
    lemmas = [w for w in m.lemmas if w not in words and w not in TITLES]
    terms = frozenset(map(_EQUIVALENT.get, lemmas, lemmas))
    rank = -1 if value is None else value.granularity.rank
    words_acts: list[str] = []
    common_acts: list[str] = []
    for word in terms & PREDICATES:
        found_act = act_of.get(word)
        if found_act is None:
            found_act = act_of[word] = act(word)
        (common_acts if word in common else words_acts).append(found_act)
    return Facts(
        terms=terms,
        acts=Acts.of(verb, [*words_acts, *common_acts], common_acts),
        speech=verb.speech,
        verb_known=verb.known,
        verb_act=verb.act,
        entities=frozenset(entities),
        distinct=frozenset(n for n in entities if f"@{n}" not in common),
        names=frozenset(n for n in names if f"@{n}" not in common),
        people=frozenset(people),
        participants=frozenset(participants),
        clock=clock,
        rank=rank + 1 if clock is not None else rank,
    )


def _numbers(m: EventMention) -> frozenset[str]:
    """Figures in the sentence outside its date phrase ("65 people", "$2.35 bn", "$1m"): two
    reports of different figures are two releases of figures."""
    text = m.sentence
    tx = m.timex
    if tx is not None:
        at, end = tx.start - m.start, tx.end - m.start
        if 0 <= at <= end <= len(text):
            text = text[:at] + " " + text[end:]
    found = {n.replace(",", "").lower() for n in _NUMBER.findall(text)}
    return frozenset(n for n in found if not _YEAR.fullmatch(n))


def background_date(m: EventMention) -> bool:
    """True when the mention's date belongs to a background happening named inside the
    sentence rather than to the sentence's own statement: a possessive date ("Tuesday's
    earthquake"), a date after "since"/"after"/"following", or one inside a relative
    clause ("the league, which in March asked ..."). Offsets index the article text."""
    tx = m.timex
    if tx is None:
        return False
    sentence, offset = m.sentence, m.start
    at, end = tx.start - offset, tx.end - offset
    if not (0 <= at <= end <= len(sentence)) or sentence[at:end] != tx.text:
        return False  # the sentence was rewritten: no offsets to read it by
    after = sentence[end : end + 2]
    if any(after.startswith(p) for p in POSSESSIVES):
        return True
    before = _WORD.findall(sentence[:at].lower())
    if before and before[-1] in DETERMINERS:
        before = before[:-1]
    if before and before[-1] in BACKGROUND_BEFORE:
        return True
    clause = _WORD.findall(_CLAUSE_BREAK.split(sentence[:at])[-1].lower())
    if clause and clause[0] in SUBORDINATORS:
        return True  # "Since the virus was first identified two weeks ago, ..."
    if any(w in TEMPORAL_LINKS for w in clause):
        return True  # "prices have fallen since the refinery exploded on 3 March"
    return "," in sentence[:at] and any(w in BACKGROUND_CLAUSE for w in clause[:3])
