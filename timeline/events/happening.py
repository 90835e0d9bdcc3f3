"""Whether a dated statement reports a happening: what is set aside as a state, a
speculation or a source's non-answer, read off the parse of its main clause.

A timeline lists what happened, happens or is planned. A description of how things are or
look ("the road is deserted", "the police look like soldiers"), what could or might be
("the cost could top $3 billion") and a source that said nothing ("a spokesman declined to
comment") report none, however well dated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from timeline.events.clauses import is_state
from timeline.events.english import (
    ANSWERING_VERBS,
    AUXILIARIES,
    COMMENTING_VERBS,
    DAY_OF_NOUNS,
    LABELS,
    LIKENESS,
    LINKING_VERBS,
    NEGATIVE_DETERMINERS,
    ONGOING_VERBS,
    PAST_ABILITY,
    PERCEPTION_VERBS,
    REACHED,
    REFUSING_VERBS,
    REPORTING_VERBS,
    SPECULATIVE_MODALS,
    TAGS,
)

if TYPE_CHECKING:  # spaCy is imported where a text is parsed, not on a cached build
    from spacy.tokens import Token

_OPEN_COMPLEMENT, _NEGATION = LABELS["open_complement"], LABELS["negation"]
_PASSIVE_AUXILIARY, _PRESENT = LABELS["passive_auxiliary"], TAGS["present"]
_DESCRIPTIONS, _PREPOSITION = LABELS["copula_descriptions"], LABELS["preposition"]


def not_a_happening(main: Token, root: Token, dated: Sequence[Token]) -> str | None:
    """Why a dated statement reports no happening (a `parts.REASONS` key), else None.
    `main` is its main predicate, `root` its root (an attribution when they differ),
    `dated` the clauses its dates belong to. A source that gave no answer is set aside
    whatever is dated; otherwise a statement with a dated clause of its own (a coordinated
    verb) is kept. A description counts said as such or in a reporter's account of a
    scene; a speculation only with no one quoted saying it ("X said it may ..." is a
    statement made)."""
    if gives_no_answer(main):
        return "no answer"
    if any(p.i not in {main.i, root.i} for p in dated):
        return None
    if describes(main) and (root.i == main.i or reports_a_scene(root)):
        return "state"
    if speculates(main) and root.i == main.i:
        return "speculation"
    return None


def describes(verb: Token) -> bool:
    """A description, not a happening: a copula saying what something is (`is_state`), a
    linking verb with its description ("the police look like soldiers", "the road remains
    closed"), or a state said to go on ("the well continues to leak")."""
    if is_state(verb):  # but "Monday was the start of the season": it started then
        return not any(c.dep_ in _DESCRIPTIONS and c.lemma_ in DAY_OF_NOUNS for c in verb.children)
    children = list(verb.children)
    if verb.lemma_ in ONGOING_VERBS and any(c.dep_ in _OPEN_COMPLEMENT for c in children):
        return True
    return verb.lemma_ in LINKING_VERBS and any(
        c.dep_ in _DESCRIPTIONS or (c.dep_ in _PREPOSITION and c.lower_ in LIKENESS)
        for c in children
    )


def speculates(verb: Token) -> bool:
    """What may be or may happen ("the cost could top $3 billion", "the slick might reach
    the coast"), not what did; what could be heard or seen was perceived, and happened, and
    what could not be done is a past inability."""
    if verb.lemma_ in PERCEPTION_VERBS:
        return False
    children = list(verb.children)
    modals = [c.text for c in children if c.dep_ in AUXILIARIES and c.text in SPECULATIVE_MODALS]
    if not modals:
        return False
    return not (modals[0] in PAST_ABILITY and _negated(verb))


def _negated(verb: Token) -> bool:
    """ "could [not] find it", "could find [no] trace"."""
    return any(
        c.dep_ in _NEGATION or any(d.lower_ in NEGATIVE_DETERMINERS for d in c.children)
        for c in verb.children
    )


def gives_no_answer(verb: Token) -> bool:
    """A source that said nothing: "a spokesman declined to comment", "the company did not
    respond to requests", "officials could not be reached"."""
    if verb.lemma_ in REFUSING_VERBS:
        return any(
            c.dep_ in _OPEN_COMPLEMENT and c.lemma_ in COMMENTING_VERBS for c in verb.children
        )
    labels = {c.dep_ for c in verb.children}
    if not labels & _NEGATION:
        return False
    return verb.lemma_ in ANSWERING_VERBS or (
        verb.lemma_ in REACHED and bool(labels & _PASSIVE_AUXILIARY)
    )


def reports_a_scene(verb: Token) -> bool:
    """A reporter's present-tense account introduced with a colon ("The BBC's X in Y says:
    ..."): what follows tells what is seen, and is a happening only if it says one."""
    doc = verb.doc
    return (
        verb.lemma_ in REPORTING_VERBS
        and verb.tag_ in _PRESENT
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ":"
    )
