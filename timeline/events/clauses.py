"""Which clause a date belongs to, and which clauses a sentence asserts.

An event takes the date of its main predicate: a date reaching the verb through a noun
("Tuesday's earthquake", "X, a champion in 1965, ...") or a relative clause ("whose son was
killed in 2001") modifies that noun, and "since D" makes a state that began at D, so
neither dates the statement. Two constructions do carry their own statement: a noun
holding a planned happening ("a January 1 date for dialogue to begin") and a participle
clause with a subject of its own ("with the State Department last Friday calling it ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.english import (
    ARGUMENT_ROLES,
    AUXILIARIES,
    CLAUSAL,
    COMPARISON_WORDS,
    CONSEQUENCE_VERBS,
    DAY_OF_NOUNS,
    FIRST_SECOND_PERSON,
    LABELS,
    NOMINALS,
    NOT_TIME_ROLES,
    NOUN_MODIFIERS,
    PARTICIPLE_ROLES,
    PLANNED_NOUNS,
    PLANNING_VERBS,
    RELATIVE_TAGS,
    REPORTING_VERBS,
    SEQUENCE_MARKERS,
    STATE_PREPOSITIONS,
    SUBJECTS,
    TAGS,
    TEMPORAL_MARKERS,
    VERB_TAGS,
)

if TYPE_CHECKING:  # spaCy is imported where a text is parsed, not on a cached build
    from spacy.tokens import Span, Token

_ARGUMENT_STEPS = 4  # how far up a noun's argument chain its verb may be
_COMPLEMENT, _CHAINED = LABELS["clausal_complement"], LABELS["chained_clauses"]
_ADVERBIAL, _NOUN_CLAUSE = LABELS["adverbial_clause"], LABELS["noun_clause"]
_MARKER, _ADVERB, _WH_ADVERB = LABELS["marker"], LABELS["adverb"], TAGS["wh_adverb"]
_PREPOSITION, _NOUN_ADVERBIAL = LABELS["preposition"], LABELS["noun_adverbial"]
_NOMINAL_SUBJECTS, _DESCRIPTIONS = LABELS["nominal_subjects"], LABELS["copula_descriptions"]
_GERUND, _PARTICIPLE, _PRESENT, _MODAL = (
    TAGS["gerund"], TAGS["past_participle"], TAGS["present"], TAGS["modal"]
)  # fmt: skip
_TO, _CONJUNCT = TAGS["infinitive_marker"], LABELS["conjunct"]
_PREPOSITION_OR_MARKER = _PREPOSITION | _MARKER
_PLANNING_CLAUSES = _NOUN_CLAUSE | _ADVERBIAL  # "a meeting [mooted] for later this week"
_ON_A_PLANNED_NOUN = _PREPOSITION | _NOUN_ADVERBIAL  # "a meeting [on] Friday"


def root_of(seg: Span) -> Token:
    """The sentence's root: the largest verbal subtree whose head lies outside it."""
    roots = [t for t in seg if t.head.i == t.i or not seg.start <= t.head.i < seg.end]
    root = max(roots, key=lambda t: (t.pos_ in VERB_TAGS, len(list(t.subtree)), -t.i))
    if root.pos_ in VERB_TAGS:
        return root
    # a parse rooted at a preposition or a noun ("On Tuesday, the club called ..."):
    # the verb nearest the root states the sentence
    verbs = [t for t in root.subtree if t.pos_ == "VERB" and seg.start <= t.i < seg.end]
    return min(verbs, key=lambda t: (_depth(t), t.i)) if verbs else root


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def main_predicate(seg: Span) -> Token:
    """The clause a sentence asserts; attributions ("..., he said") pass to their content."""
    root = root_of(seg)
    if root.lemma_ in REPORTING_VERBS:
        content = [c for c in root.children if c.dep_ in _COMPLEMENT]
        if content:
            return content[0]
    return root


def asserted(seg: Span) -> dict[int, Token]:
    """The clauses whose date is the date of a statement the sentence makes: the main
    predicate and its attribution, their chains of complements ("plans to start"),
    coordinated verbs, and temporal clauses ("as the talks began")."""
    main, root = main_predicate(seg), root_of(seg)
    found: dict[int, Token] = {}
    stack = [main, root] if root.i != main.i else [main]
    while stack:
        verb = stack.pop()
        if verb.i in found or not seg.start <= verb.i < seg.end:
            continue
        found[verb.i] = verb
        for child in verb.children:
            if child.pos_ not in VERB_TAGS:
                continue
            if child.dep_ in _CHAINED or (
                child.dep_ in _ADVERBIAL and _marker(child) in TEMPORAL_MARKERS
            ):
                stack.append(child)
    return found


def in_sequence(verb: Token) -> bool:
    """A clause saying what the statement came after or before ("after the well ruptured on
    April 20"), or a verb joined to one ("after the rig blew out and sank on April 20"): its
    date is another time than the statement's."""
    while verb.dep_ in _CONJUNCT and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in _ADVERBIAL and _marker(verb) in SEQUENCE_MARKERS


def _marker(clause: Token) -> str:
    """The word opening a subordinate clause: its marker, or a wh-adverb the parser gave
    as an adverb ("when it is completed next month")."""
    for child in clause.children:
        if child.dep_ in _MARKER or (child.dep_ in _ADVERB and child.tag_ in _WH_ADVERB):
            return child.lower_
    return ""


def attachment(span: Span) -> tuple[Token | None, str]:
    """The verb the date phrase `span` dates, or None with why not ("state", "modifier",
    "participant"). Walks up the tree from the phrase, through prepositions only."""
    tok = span.root
    while tok.head.i != tok.i and span.start <= tok.head.i < span.end:
        tok = tok.head
    if _of_a_figure(span):
        return None, "comparison"
    if _after_state_preposition(span):
        return None, "state"
    if tok.dep_ in _NOMINAL_SUBJECTS and _names_the_day_of(tok.head):
        return tok.head, "the day of"
    participle = _absolute_participle(span)
    if participle is not None:
        return participle, "participle"
    verb, how = _climb(tok, span)
    if verb is not None and how == "verb" and verb.tag_ in _GERUND:
        if _after_with(verb):  # "with the company announcing last week it will ..."
            return verb, "participle"
        if verb.dep_ in _NOUN_CLAUSE and verb.head.dep_ in SUBJECTS:
            return verb.head.head, "verb"  # "Hafle, testifying on Friday, rejected ..."
    return verb, how


def _climb(tok: Token, span: Span) -> tuple[Token | None, str]:
    while True:
        head = tok.head
        if head.i == tok.i:
            if tok.pos_ in VERB_TAGS:
                return tok, "verb"
            if tok.pos_ == "ADP":  # a sentence the parser rooted at its opening preposition
                return root_of(span.doc[tok.i].sent), "verb"
            return None, "modifier"
        if tok.dep_ in NOT_TIME_ROLES:
            return None, "participant"
        if head.pos_ == "ADP" or head.dep_ in _PREPOSITION_OR_MARKER:
            if head.lower_ in STATE_PREPOSITIONS:
                return None, "state"
            tok = head
            continue
        if head.pos_ in VERB_TAGS:
            if head.dep_ in _PLANNING_CLAUSES and head.lemma_ in PLANNING_VERBS:
                return head, "planned"  # "a meeting mooted for later this week"
            return head, "verb"
        if head.pos_ in NOMINALS:
            if head.lemma_ in PLANNED_NOUNS and tok.dep_ in _ON_A_PLANNED_NOUN:
                return head, "planned"  # "a meeting on Friday"
            planned = _planned(head, tok)
            if planned is not None:
                return planned, "planned"
            if _event_subject(head, tok):  # "Talks in Vienna in November set a date"
                if head.head.lemma_ in CONSEQUENCE_VERBS:
                    return None, "modifier"  # "the April 20 blowout prompted the move"
                return head.head, "subject"
            if tok.dep_ in _NOUN_ADVERBIAL and (verb := _governing_verb(head)) is not None:
                return verb, "verb"  # "called off the search last Friday": no noun's date
            return None, "modifier"
        tok = head  # an adverb or adjective of time ("three years ago")


def _of_a_figure(span: Span) -> bool:
    """The date of an earlier figure the statement compares with ("1,626 cases, up from
    1,364 on Saturday", "more than 40 in March"), whatever the parser hung it on."""
    doc, at = span.doc, span.start - 1
    if at >= 0 and doc[at].pos_ == "ADP" and doc[at].lower_ not in COMPARISON_WORDS:
        at -= 1  # the date's own preposition
    if at < 1 or not doc[at].like_num:
        return False
    return doc[at - 1].lower_ in COMPARISON_WORDS


def _after_state_preposition(span: Span) -> bool:
    """A date inside a "since" or "until" phrase however the parser hung it ("missing since
    the blast about 10 p.m. Tuesday", the time given to the main verb): a state's start or
    end. Looks back over the phrase, to the nearest verb or comma."""
    doc, sent = span.doc, span.doc[span.start].sent
    for tok in reversed(doc[sent.start : span.start]):
        if tok.pos_ in VERB_TAGS or (tok.is_punct and tok.text in ",;:"):
            return False
        if tok.lower_ in STATE_PREPOSITIONS and tok.pos_ in {"ADP", "SCONJ"}:
            return True
    return False


def _names_the_day_of(verb: Token) -> bool:
    """ "Tuesday was the official start of the hurricane season": a copula whose subject is
    the date and whose complement is the start, end or anniversary of something states
    that it began, ended or fell on that date."""
    return verb.lemma_ == "be" and any(
        c.dep_ in _DESCRIPTIONS and c.lemma_ in DAY_OF_NOUNS for c in verb.children
    )


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is an argument of, through objects and prepositions: a bare date
    phrase ("last Friday", "yesterday") the parser hung on a noun times that verb, as a
    noun takes its date with a preposition or a possessive ("the search on Friday",
    "Friday's search"), not bare. Inside an "after", "before" or "since" phrase the date
    is the noun's own: the happening the statement came after."""
    tok = noun
    for _ in range(_ARGUMENT_STEPS):
        if tok.dep_ not in ARGUMENT_ROLES or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lower_ in SEQUENCE_MARKERS or tok.lower_ in STATE_PREPOSITIONS:
            return None  # "after a fatal explosion last month, the rig is still leaking"
        if tok.pos_ in VERB_TAGS:
            return tok
    return None


def _after_with(verb: Token) -> bool:
    """A participle with a subject of its own after "with", no comma between."""
    doc = verb.doc
    sent = verb.sent
    for tok in doc[max(sent.start, verb.i - 8) : verb.i]:
        if tok.lower_ == "with" and tok.dep_ in _PREPOSITION:
            return all(not (t.is_punct and t.text in ",;") for t in doc[tok.i : verb.i])
    return False


def _planned(noun: Token, modifier: Token) -> Token | None:
    """ "a January 1 date for dialogue to begin": the noun's own infinitive clause is what is
    dated. A participle or relative clause on the noun says something else about it ("the
    first-quarter dividend scheduled for payment on June 21", "the 2010 season, which
    forecasters expect to be active"): the date then names the thing, and dates nothing."""
    if modifier.dep_ not in NOUN_MODIFIERS:
        return None
    for child in noun.children:
        if (
            child.dep_ in CLAUSAL
            and child.pos_ in VERB_TAGS
            and child.i > modifier.i
            and any(c.tag_ in _TO for c in child.children)
            and not any(c.tag_ in RELATIVE_TAGS for c in child.children)
        ):
            return child
    return None


def _event_subject(noun: Token, modifier: Token) -> bool:
    """A date on the subject itself ("Talks in November set ...", "The 1980 earthquake
    killed ..."), not on an apposition or a clause about it, dates what the subject did."""
    return (
        modifier.dep_ in NOUN_MODIFIERS
        and noun.dep_ in _NOMINAL_SUBJECTS
        and noun.head.pos_ in VERB_TAGS
    )


def _absolute_participle(span: Span) -> Token | None:
    """ "with the State Department last Friday calling it a target date": a participle
    after "with" and a subject of its own, and the date inside that stretch."""
    doc = span.doc
    sent = doc[span.start].sent
    for tok in doc[sent.start : span.start]:
        if tok.lower_ != "with" or tok.dep_ not in _PREPOSITION:
            continue
        for verb in doc[span.end : min(sent.end, span.end + 4)]:
            if (
                verb.tag_ in _GERUND
                and verb.dep_ in PARTICIPLE_ROLES
                and all(not (t.is_punct and t.text in ",;") for t in doc[tok.i : verb.i])
            ):
                return verb
    return None


def is_present(verb: Token) -> bool:
    """Simple or progressive present ("is in Moscow", "is holding up"), not future or perfect."""
    auxes = [c for c in verb.children if c.dep_ in AUXILIARIES]
    if any(a.tag_ in _MODAL for a in auxes):
        return False
    if verb.tag_ in _PRESENT:
        return True
    return verb.tag_ in _GERUND and any(a.tag_ in _PRESENT and a.lemma_ == "be" for a in auxes)


def is_ongoing(verb: Token) -> bool:
    """What "now" can date: something under way ("are now leaving"), just done ("has now
    started") or a presence ("is now in talks"); not a modal ("can now look back") nor a
    plain present that describes ("BP now means ...")."""
    auxes = [c for c in verb.children if c.dep_ in AUXILIARIES]
    if any(a.tag_ in _MODAL for a in auxes):
        return False
    if verb.tag_ in _GERUND:
        return any(a.lemma_ == "be" and a.tag_ in _PRESENT for a in auxes)
    if verb.tag_ in _PARTICIPLE:
        return any(a.lemma_ == "have" and a.tag_ in _PRESENT for a in auxes)
    return verb.lemma_ == "be" and any(c.dep_ in _PREPOSITION for c in verb.children)


def is_state(verb: Token) -> bool:
    """A copula saying what something is ("the road is deserted", "there are no delays",
    "the situation is worse"): a description, not a happening. A copula with a place or an
    activity ("is in Moscow for talks") is kept."""
    if verb.lemma_ != "be":
        return False
    return any(c.dep_ in _DESCRIPTIONS for c in verb.children)


def subject_person(verb: Token) -> str:
    """The lower-cased subject pronoun of `verb` ("i", "we", "you"), else ""."""
    for child in verb.children:
        if child.dep_ in SUBJECTS and child.lower_ in FIRST_SECOND_PERSON:
            return child.lower_
    return ""
