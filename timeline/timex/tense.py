"""Tense of the clause a temporal expression belongs to, from spaCy's parse.

An underspecified date ("Friday", "September 30") points back or forward from the
publication date depending on the governing verb: "said on Friday" is the last Friday,
"will meet on Friday" the next one. This is the single place that reads the parse.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING

from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.lang import alternation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class Tense(StrEnum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    NONE = "none"
    # past unless the next occurrence is only days away: a past verb with a limit
    # ("extended to Nov. 20", "the year to March 31") or a date naming an event
    LIMIT = "limit"
    # a plan told in the past ("was due to start on Thursday", "faced a deadline of
    # Saturday"): it may have happened or be days away, so the nearest occurrence
    NEAR = "near"


# The cues are language data (`lang/<code>/calendar.toml`, section `tense`).
_CUES = LEX.tense
_FUTURE_AUX = _CUES["future_auxiliaries"]
_MODAL_AUX = _CUES["modal_auxiliaries"]
_PAST_AUX = _CUES["past_auxiliaries"]
_PERFECT_AUX = _CUES["perfect_auxiliaries"]
_PRESENT_AUX = _CUES["present_auxiliaries"]
_PLANNING = _CUES["planning"]
_FUTURE_NOUNS = _CUES["future_nouns"]
_DEADLINE_NOUNS = _CUES["deadline_nouns"]
_SINCE = _CUES["since"]
_LIMIT = _CUES["limit"]
_DUE = _CUES["due"]
_RESCHEDULING = _CUES["rescheduling"]
_INFINITIVE = _CUES["infinitive"]
_UNCERTAIN_AUX = _CUES["uncertain_auxiliaries"]
_MODAL_PERFECT = _CUES["modal_perfect"]
_PAST_PERFECT = _CUES["past_perfect"]
_COPULA = _CUES["copula"]
_EARLIEST = re.compile(rf"\b(?:{alternation(_CUES['earliest'])})\s+$", re.I)
# What the parse's tags and labels mean (`lang/<code>/syntax.toml`).
_TAGS, _LABELS = LEX.tags, LEX.labels
_PAST, _PARTICIPLE, _PRESENT = _TAGS["past"], _TAGS["past_participle"], _TAGS["present"]
_MODAL, _BASE, _GERUND = _TAGS["modal"], _TAGS["base_form"], _TAGS["gerund"]
_INFINITIVE_TAG = _TAGS["infinitive_marker"]
_FINITE = _PAST | _PARTICIPLE | _PRESENT | _MODAL
_AUX = _LABELS["auxiliaries"]
_IMPENDING = _CUES["impending"]
_PLANNED = _CUES["planned"]
_DEADLINE_PREPOSITIONS = _CUES["deadline_prepositions"]
_MAX_STEPS = 8


def tense_at(doc: Doc, start: int, end: int, text: str | None = None) -> Tense:
    """Tense governing the characters `start:end` of `doc`; NONE when no verb governs them."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Tense.NONE
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _SINCE:
        return Tense.PAST
    if before in _DUE:
        return Tense.NONE
    tense = _governing(span.root)
    # A limit may lie ahead of a past verb: "extended the offer to Nov. 20".
    if before in _LIMIT and tense is Tense.PAST:
        return Tense.LIMIT
    # A deadline in a present sentence lies ahead: "is offering odds on his exit by Dec. 31",
    # and so does one of a possibility: "oil could reach the island by Wednesday".
    if before in _DEADLINE_PREPOSITIONS and (
        tense is Tense.PRESENT or (tense is Tense.NONE and _possible(span.root))
    ):
        return Tense.FUTURE
    # "could arrive as early as Tuesday": the earliest of possible times to come
    if tense in (Tense.NONE, Tense.PRESENT) and _EARLIEST.search(
        (doc.text if text is None else text)[max(0, start - 20) : start]
    ):
        return Tense.FUTURE
    return tense


def _possible(token: Token) -> bool:
    """The clause of `token` says what could happen ("could reach"), not what could have or
    could not ("could not be reached by Monday" is as often told after the fact)."""
    for _ in range(_MAX_STEPS):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in _AUX:
            auxes = [c.lower_ for c in token.children if c.dep_ in _AUX]
            negated = any(c.dep_ in _LABELS["negation"] for c in token.children)
            return any(a in _UNCERTAIN_AUX for a in auxes) and not (
                negated or any(a in _MODAL_PERFECT for a in auxes)
            )
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def modifies_noun(doc: Doc, start: int, end: int) -> bool:
    """Whether the phrase at `start:end` dates a noun ("a cutback in September", "a summit
    set for April") rather than the clause's verb: the noun's event has its own time."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root.head
    if head.dep_ in _LABELS["preposition"] and head.head.i != head.i:
        head = head.head
    return head.pos_ in ("NOUN", "PROPN") or (
        head.tag_ in _PARTICIPLE and head.dep_ in _LABELS["noun_clause"]
    )


def _governing(token: Token) -> Tense:
    start_i = token.i
    if token.dep_ in _LABELS["noun_modifiers"] and token.head.i > token.i:
        # a date naming an event ("the April 20 blowout") is past unless days away when
        # told in the past; otherwise the nearer one ("key issues in November elections")
        return Tense.LIMIT if _told_in_past(token.head) else Tense.NEAR
    for _ in range(_MAX_STEPS):
        head = token.head
        if head.i == token.i:
            return Tense.NONE
        if head.pos_ in ("NOUN", "PROPN") and (_looks_ahead(head) or _will_happen(head)):
            return Tense.NEAR if _told_in_past(head) else Tense.FUTURE
        if head.lemma_.lower() in _IMPENDING:
            return Tense.FUTURE  # "elections looming in November"
        if (
            head.tag_ in _PARTICIPLE
            and head.dep_ in _LABELS["noun_clause"]
            and head.lemma_.lower() in _PLANNED
        ):
            # "a meeting expected on June 10"; told in the past, the nearest such day
            return Tense.NEAR if _told_in_past(head.head) else Tense.FUTURE
        if head.pos_ in ("VERB", "AUX") or head.tag_ in _FINITE:
            if head.lemma_.lower() in _RESCHEDULING and start_i > head.i:
                # "postponed the hearing until Monday"; but "On Friday, it planned ..."
                # dates the planning itself
                if (
                    head.dep_ in _LABELS["noun_clause"]
                    and head.tag_ in _PARTICIPLE
                    and _told_in_past(head.head)
                ):
                    return Tense.NEAR  # "a vigil planned for Saturday was called off"
                return Tense.FUTURE
            return verb_tense(head)
        token = head
    return Tense.NONE


def _looks_ahead(noun: Token) -> bool:
    """A noun modified by an infinitive ("a date for talks to begin") or a planning noun
    ("the deadline") points to the future whatever the main verb's tense."""
    if noun.lemma_.lower() in _FUTURE_NOUNS and any(
        c.dep_ in _LABELS["clauses_of_a_noun"] and _is_infinitive(c) for c in noun.children
    ):
        return True
    return noun.lemma_.lower() in _DEADLINE_NOUNS


def _will_happen(noun: Token) -> bool:
    """A noun whose relative clause is in the future: "a hearing on June 17 that will
    focus on safety" is ahead whatever the main verb's tense."""
    return any(
        c.dep_ in _LABELS["relative_clause"] and verb_tense(c) is Tense.FUTURE
        for c in noun.children
    )


def _was(word: Token) -> bool:
    """ "was due", "were expected", "was scheduled": the word or its copula in the past."""
    complement = word.dep_ in _LABELS["adjective_complement"]
    holder = word.head if complement else word
    if holder.tag_ in _PAST and holder.lemma_ in _COPULA:
        return True
    return any(c.tag_ in _PAST and c.dep_ in _AUX for c in holder.children) or (
        not complement and word.tag_ in _PAST
    )


def _told_in_past(noun: Token) -> bool:
    """A deadline noun whose clause is in the past: "faced a deadline of Saturday"."""
    head = noun.head
    for _ in range(_MAX_STEPS):
        if head.pos_ in ("VERB", "AUX"):
            return verb_tense(head) is Tense.PAST
        if head.i == head.head.i:
            return False
        head = head.head
    return False


def _past_perfect(word: Token) -> bool:
    """ "had been scheduled", "had been due": the word or its copula takes "had"."""
    holder = word.head if word.dep_ in _LABELS["adjective_complement"] else word
    return any(c.lower_ in _PAST_PERFECT and c.dep_ in _AUX for c in holder.children) or (
        holder.lower_ in _PAST_PERFECT
    )


def _is_infinitive(verb: Token) -> bool:
    return any(c.tag_ in _INFINITIVE_TAG or c.lower_ in _INFINITIVE for c in verb.children)


def verb_tense(verb: Token) -> Tense:
    """Tense of one verb from its auxiliaries, its tag and, for infinitives, its governor."""
    for _ in range(_MAX_STEPS):
        auxes = [c.lower_ for c in verb.children if c.dep_ in _AUX]
        to = any(a in _INFINITIVE for a in auxes)
        if any(a in _FUTURE_AUX for a in auxes):
            return Tense.FUTURE
        if any(a in _MODAL_AUX for a in auxes):
            return Tense.PAST if any(a in _MODAL_PERFECT for a in auxes) else Tense.FUTURE
        if any(a in _UNCERTAIN_AUX for a in auxes):
            return Tense.NONE
        if to or (verb.tag_ in _BASE and not auxes):
            head = verb.head
            if head.i == verb.i:
                # a headline infinitive announces: "Obama to visit Haiti on Tuesday"
                return Tense.FUTURE if to else Tense.NONE
            if head.lemma_.lower() in _PLANNING or head.lower_ in _PLANNING:
                # "had been scheduled to expire Friday": a plan whose time has likely passed
                if _past_perfect(head):
                    return Tense.LIMIT
                # "was due to start on Thursday": told after the fact, or days ahead
                return Tense.NEAR if _was(head) else Tense.FUTURE
            if to and head.lemma_ in _COPULA and head.tag_ in _PRESENT:
                return Tense.FUTURE  # "is to resume trading Tuesday"
            if to and head.lemma_ in _COPULA and head.tag_ in _PAST:
                return Tense.NEAR  # "was to arrive on Wednesday"
            if to and head.dep_ in _LABELS["root"] and head.pos_ in ("NOUN", "PROPN"):
                return Tense.FUTURE  # headline: "Obama to visit Haiti on Tuesday"
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                if to and verb.dep_ in _LABELS["errands"] and verb_tense(head) is Tense.PAST:
                    # "invited them to testify on Feb. 10": the errand follows the past act
                    return Tense.LIMIT
                verb = head
                continue
            return Tense.NONE
        present_aux = any(a in _PRESENT_AUX for a in auxes)
        if present_aux and verb.tag_ in _PARTICIPLE:
            return Tense.FUTURE if verb.lemma_.lower() in _PLANNING else Tense.PRESENT
        if any(a in _PAST_AUX for a in auxes):
            return Tense.PAST
        if any(a in _PERFECT_AUX for a in auxes):
            return Tense.PAST
        tag = verb.tag_
        if tag in _PAST:
            return Tense.PAST
        if tag in _PRESENT:
            return Tense.PRESENT
        if tag in _MODAL:
            return Tense.FUTURE if verb.lower_ in _FUTURE_AUX else Tense.PRESENT
        if tag in _PARTICIPLE:
            return Tense.PAST
        if present_aux:
            return Tense.PRESENT
        if tag in _GERUND and verb.dep_ in _LABELS["dependent_clauses"]:
            verb = verb.head
            continue
        return Tense.NONE
    return Tense.NONE
