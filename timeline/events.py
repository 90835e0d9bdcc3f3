"""Dated sentences -> event mentions: one mention per dated statement.

A sentence yields a mention for the date its main clause is about, not for every
date it contains. Rules, in the order they apply:

- Page furniture is skipped: a sentence needs a verb and at least four words.
- Only calendar dates anchor events: DURATION and SET timexes and unresolved values
  are ignored, decades and centuries count only when the sentence has no finer date;
  `PRESENT_REF` ("now") means the publication date.
- A timex inside quotation marks is speech, not narration ("I hope today we can ..."),
  and never anchors an event.
- A deictic "this year" hanging off a noun frames the sentence ("second visit to Russia
  this year") rather than dating it, so it is dropped.
- Each remaining timex is attached to the clause it modifies (up the dependency tree).
  The main clause's date wins; a timex attached to another clause yields a second mention
  only when its date is incompatible with the first (two separate statements).
- A lead sentence in the present tense with no date of its own ("Kerry is in Moscow for
  talks") is about the publication day. Other undated sentences are background.

Work grows linearly with the article: a "sentence" longer than `MAX_SEGMENT_TOKENS` (a
list or a table run together, never prose) is cut into pieces at commas and semicolons,
each parsed as a sentence of its own, and nothing compares every date or word of a
sentence with every other.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from timeline.nlp.load import load_pipeline
from timeline.types import Article, DateValue, Entity, EventMention, Granularity, Timex

_EVENT_TYPES = frozenset({"DATE", "TIME"})
_COARSE = frozenset({Granularity.CENTURY, Granularity.DECADE})
_QUOTES = frozenset('"“”')
_MIN_WORDS = 4
_LEAD_SENTENCES = 1
MAX_SEGMENT_TOKENS = 400


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A timex that can date an event, with its resolved value and clause."""

    timex: Timex
    value: str
    granularity: Granularity
    predicate: Token
    root: Token
    deictic_now: bool


def extract_mentions(
    article: Article, doc: Doc, timexes: Sequence[Timex]
) -> tuple[EventMention, ...]:
    """Event mentions of one article, in text order.

    `doc` is the parse of `article.text`; timex offsets index the same text.
    """
    published = article.published.date
    canon = article_entities(doc)
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    starts = [t.start for t in ordered]
    quotes = _Quotes(doc.text)
    mentions: list[EventMention] = []
    lead_seen = 0
    for line in segments(doc):
        if not _is_statement(line):
            continue
        seg, offset = _self_contained(line)
        first = bisect.bisect_left(starts, line.start_char)
        last = bisect.bisect_left(starts, line.end_char)
        inside = [t for t in ordered[first:last] if t.end <= line.end_char]
        anchors = _anchors(seg, offset, inside, published, quotes)
        main = main_predicate(seg)
        found = [_dated(seg, anchor, main) for anchor in _choose(anchors, main)]
        lead = not inside and lead_seen < _LEAD_SENTENCES and _ends_sentence(seg)
        if lead and published is not None and is_present(main):
            found.append((_words(headline(main, seg), seg), published.isoformat(), None, seg))
        if found:  # shared by the sentence's mentions, made once
            sentence, entities = seg.text, entities_in(seg, canon)
            whole = content_lemmas(seg)
        for words, date, anchor, context in found:
            mentions.append(
                EventMention(
                    article=article.id,
                    sentence=sentence,
                    start=seg.start_char + offset,
                    end=seg.end_char + offset,
                    date=date,
                    headline=render(words),
                    timex=anchor.timex if anchor else None,
                    date_source="timex" if anchor and not anchor.deictic_now else "publication",
                    entities=entities,
                    lemmas=content_lemmas(words)
                    + (whole if context is seg else content_lemmas(context)),
                )
            )
        lead_seen += _ends_sentence(seg)
    return tuple(mentions)


class _Quotes:
    """Where the quotation marks of a text are, to count those before a point in O(log n)."""

    def __init__(self, text: str) -> None:
        self.offsets = [i for i, c in enumerate(text) if c in _QUOTES]

    def between(self, start: int, end: int) -> int:
        return bisect.bisect_left(self.offsets, end) - bisect.bisect_left(self.offsets, start)


def _self_contained(seg: Span) -> tuple[Span, int]:
    """The sentence with a parse of its own, and the offset of its text in the article.

    A parse that ran across a line break (a headline glued to the lead) is redone on
    the line alone, so clauses never borrow words from another line.
    """
    if all(seg.start <= t.head.i < seg.end for t in seg if not (t.is_punct or t.is_space)):
        return seg, 0
    sub = load_pipeline()(seg.text)
    return sub[0 : len(sub)], seg.start_char


def _is_statement(seg: Span) -> bool:
    """Sentences, not page furniture: a verb and a few words."""
    words = sum(1 for t in seg if t.is_alpha)
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in seg)
    return words >= _MIN_WORDS and has_verb


def _short(words: Sequence[Token]) -> bool:
    """Too few words to tell anything ("It needs it", "Following")."""
    return sum(1 for t in words if t.is_alpha) < _MIN_WORDS


def _ends_sentence(seg: Span) -> bool:
    """Headlines and captions carry no full stop; a lead sentence does."""
    return seg.text.rstrip().endswith((".", '"', "”", "'"))


def _quoted(seg: Span, offset: int, start: int, quotes: _Quotes) -> bool:
    """True after an odd number of quote marks in the sentence: speech, even when the
    closing mark was split off into the next sentence. (`seg` is at `offset` in the
    article, `start` an offset in the article.)"""
    return quotes.between(seg.start_char + offset, start) % 2 == 1


def _anchors(
    seg: Span,
    offset: int,
    timexes: Sequence[Timex],
    published: dt.date | None,
    quotes: _Quotes,
) -> list[_Anchor]:
    """The timexes of one sentence that can date an event (see the module rules)."""
    found: list[_Anchor] = []
    for timex in timexes:
        if (
            timex.type not in _EVENT_TYPES
            or not timex.value
            or _quoted(seg, offset, timex.start, quotes)
        ):
            continue
        now = timex.value == "PRESENT_REF"
        # a time of day dates its day: "Thursday night" is an event of that Thursday
        value = published.isoformat() if now and published else timex.value.split("T")[0]
        parsed = DateValue.parse(value)
        if parsed is None:
            continue
        span = seg.doc.char_span(timex.start - offset, timex.end - offset, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        found.append(
            _Anchor(
                timex=timex,
                value=value,
                granularity=parsed.granularity,
                predicate=predicate_of(span.root),
                root=span.root,
                deictic_now=now,
            )
        )
    if any(a.granularity not in _COARSE for a in found):
        found = [a for a in found if a.granularity not in _COARSE]
    finer = any(a.granularity.rank > Granularity.YEAR.rank for a in found)
    return [a for a in found if not _is_frame(a, finer, published)]


def _is_frame(anchor: _Anchor, finer: bool, published: dt.date | None) -> bool:
    """A year hanging off a noun ("visit to Russia this year") frames, not dates."""
    if anchor.granularity.rank > Granularity.YEAR.rank:
        return False
    head = anchor.root.head
    on_noun = head.pos_ in {"NOUN", "PROPN"} and head.i != anchor.root.i
    this_year = anchor.timex.anchor == "publication" and (
        published is not None and anchor.value == str(published.year)
    )
    return on_noun and (finer or this_year)


def _choose(anchors: list[_Anchor], main: Token) -> list[_Anchor]:
    """One anchor per separate statement: the main clause's date, then incompatible others."""
    by_clause: dict[int, list[_Anchor]] = {}
    for anchor in anchors:
        by_clause.setdefault(anchor.predicate.i, []).append(anchor)
    order = sorted(by_clause, key=lambda i: (i != main.i, min(a.timex.start for a in by_clause[i])))
    chosen: list[_Anchor] = []
    values: list[DateValue] = []
    for clause in order:
        best = _best(by_clause[clause], is_present(by_clause[clause][0].predicate))
        value = DateValue.parse(best.value)
        if value is None:
            continue
        if all(not value.compatible(other) for other in values):
            chosen.append(best)
            values.append(value)
    return chosen


def _best(anchors: list[_Anchor], present: bool) -> _Anchor:
    """The finest date of a clause; "now" wins in the present tense, loses in the past."""
    return min(
        anchors,
        key=lambda a: (a.deictic_now != present, -a.granularity.rank, a.timex.start),
    )


def _dated(
    seg: Span, anchor: _Anchor, main: Token
) -> tuple[list[Token], str, _Anchor | None, Iterable[Token]]:
    """Headline words, date, anchor and similarity context of one dated statement."""
    clause = anchor.predicate
    if clause.dep_ == "advcl" and clause.head.i == main.i:
        clause = main  # "As the talks began on Monday, Kerry said ...": the main event
    if anchor.root.dep_ == "poss" and anchor.root.head.pos_ == "NOUN":
        # "Tuesday's earthquake": the noun is the event the date belongs to
        inside = range(seg.start, seg.end)
        words = [seg.doc[i] for i in sorted(noun_phrase(anchor.root.head)) if i in inside]
    else:
        words = headline(clause, seg)
    if _short(words):
        words = headline(main, seg)
    context = seg if clause.i == main.i else clause.subtree
    return _words(words, seg), anchor.value, anchor, context


def _words(words: list[Token], seg: Span) -> list[Token]:
    """The headline words, or the whole sentence when they are too few to tell anything."""
    return list(seg) if _short(words) else words


# --- sentences and clauses -------------------------------------------------------------

_VERBS = frozenset({"VERB", "AUX"})
_NOMINALS = frozenset({"NOUN", "PROPN"})
_REPORTING = frozenset(
    {"say", "tell", "add", "state", "claim", "note", "explain", "insist", "report", "write"}
)
_NOUN_MODIFIERS = frozenset({"nmod", "compound", "amod", "nummod", "npadvmod", "poss"})
_CLAUSAL = frozenset({"acl", "relcl", "advcl"})
# verbs in these roles are adjectives or prepositions ("following", "including"), not clauses
_NOT_CLAUSES = frozenset(
    {"amod", "compound", "prep", "pobj", "dobj", "nsubj", "npadvmod", "advmod"}
)
_NP_PARTS = frozenset({"det", "amod", "compound", "nummod", "poss"})
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
_HEAD_KEEP = frozenset(
    {
        "nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "aux", "auxpass", "neg", "prt",
        "dobj", "attr", "acomp", "oprd", "dative", "xcomp", "agent", "prep", "ccomp",
    }
)  # fmt: skip
_INNER_DROP = frozenset({"relcl", "appos", "advcl", "parataxis", "mark", "cc"})
_OPTIONAL = frozenset({"prep", "agent", "ccomp", "xcomp", "npadvmod", "advmod", "acl"})
_MAX_HEADLINE_TOKENS = 22


def segments(doc: Doc) -> list[Span]:
    """Sentences, also broken at line ends: news text has one sentence or paragraph a line;
    and no longer than `MAX_SEGMENT_TOKENS`."""
    spans: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                spans.extend(_bounded(doc[start : tok.i]))
                start = tok.i + 1
        spans.extend(_bounded(doc[start : sent.end]))
    return [s for s in (_strip(s) for s in spans) if s is not None]


_CUTS = frozenset({",", ";", ":"})


def _bounded(span: Span, limit: int = MAX_SEGMENT_TOKENS) -> list[Span]:
    """A span cut into pieces of at most `limit` tokens, each after the last comma,
    semicolon or colon of its second half where there is one."""
    doc, pieces, start = span.doc, [], span.start
    while span.end - start > limit:
        end = start + limit
        cut = next(
            (i + 1 for i in range(end - 1, start + limit // 2, -1) if doc[i].text in _CUTS), end
        )
        pieces.append(doc[start:cut])
        start = cut
    pieces.append(doc[start : span.end])
    return pieces


def _strip(span: Span) -> Span | None:
    toks = [t for t in span if not t.is_space]
    if not toks:
        return None
    return span.doc[toks[0].i : toks[-1].i + 1]


def main_predicate(seg: Span) -> Token:
    """The clause a sentence asserts; attributions ("..., he said") pass to their content."""
    roots = [t for t in seg if t.head.i == t.i or not seg.start <= t.head.i < seg.end]
    root = max(roots, key=lambda t: (t.pos_ in _VERBS, len(list(t.subtree)), -t.i))
    if root.lemma_ in _REPORTING:
        content = [c for c in root.children if c.dep_ == "ccomp"]
        if content:
            return content[0]
    return root


def predicate_of(token: Token) -> Token:
    """The verb a timex dates: up the tree, through nouns with a clause of their own.

    "a January 1 date for dialogue to begin" dates the beginning, not the setting.
    """
    current = token
    while True:
        if current.pos_ in _VERBS and current.dep_ not in _NOT_CLAUSES:
            return current
        head = current.head
        if head.i == current.i:
            return current
        if head.pos_ in _NOMINALS and current.dep_ in _NOUN_MODIFIERS:
            for child in head.children:
                if child.dep_ in _CLAUSAL and child.pos_ in _VERBS:
                    return child
        current = head


def is_present(verb: Token) -> bool:
    """Simple or progressive present ("is in Moscow", "is holding up"), not future or perfect."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VBG" and any(a.tag_ in {"VBZ", "VBP"} and a.lemma_ == "be" for a in auxes)


def headline(clause: Token, seg: Span) -> list[Token]:
    """A readable clause: subject, verb and complements, minus attributions and asides.

    Whole subtrees are kept or dropped, so the result never stops mid-phrase; trailing
    prepositional phrases go first when it is too long.
    """
    while clause.dep_ == "xcomp" and not _has_subject(clause) and clause.head.i != clause.i:
        clause = clause.head  # "seeks to use a meeting": the subject is the seeker
    inside = range(seg.start, seg.end)
    keep = {clause.i}
    for child in clause.children:
        if (
            child.dep_ in _HEAD_KEEP
            and not _is_speech(child, clause)
            and child.tag_ not in _RELATIVE
        ):
            keep |= _trimmed(child)
    if clause.dep_ in {"acl", "relcl"} and (
        not _has_subject(clause) or any(c.tag_ in _RELATIVE for c in clause.children)
    ):  # "the quake, which struck on Tuesday": the quake struck
        keep |= noun_phrase(clause.head, before=clause.i)
    keep = {i for i in keep if i in inside}
    doc = seg.doc
    words = _word_count(doc, keep)
    if words > _MAX_HEADLINE_TOKENS:  # drop phrases, shallowest first
        depth = _depths(clause, keep)
        droppable = sorted(
            (t for t in (doc[i] for i in keep) if t.i != clause.i and _droppable(t, clause)),
            key=lambda t: (depth[t.i], -t.i),
        )
        for tok in droppable:
            if words <= _MAX_HEADLINE_TOKENS:
                break
            if tok.i in keep:
                gone = {t.i for t in tok.subtree} & keep
                words -= _word_count(doc, gone)
                keep -= gone
    return [doc[i] for i in sorted(keep)]


def noun_phrase(noun: Token, before: int | None = None) -> set[int]:
    """A noun with its determiners, modifiers and (earlier) prepositional phrases."""
    keep = {noun.i}
    for c in noun.children:
        if c.dep_ in _NP_PARTS or (c.dep_ == "prep" and (before is None or c.i < before)):
            keep |= _trimmed(c)
    return keep


def _droppable(token: Token, clause: Token) -> bool:
    """Phrases a long headline may lose: adjuncts anywhere, complements only deep down."""
    return token.dep_ in {"prep", "agent"} or (token.dep_ in _OPTIONAL and token.head.i != clause.i)


def _depths(top: Token, keep: set[int]) -> dict[int, int]:
    """Steps from each kept token up to `top` (or to the root, for tokens outside its
    subtree), each step walked once."""
    depth: dict[int, int] = {top.i: 0}
    for i in keep:
        path, token = [], top.doc[i]
        while token.i not in depth and token.head.i != token.i:
            path.append(token)
            token = token.head
        known = depth.get(token.i, 0)
        for step, walked in enumerate(reversed(path), start=1):
            depth[walked.i] = known + step
    return depth


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children)


def _is_speech(child: Token, clause: Token) -> bool:
    """A reported-speech complement of a reporting verb stays out of the headline."""
    return child.dep_ == "ccomp" and clause.lemma_ in _REPORTING


def _trimmed(token: Token) -> set[int]:
    """A subtree minus relative clauses, appositions and other asides (walked with a
    stack: a parse may be deeper than Python's recursion limit)."""
    keep: set[int] = set()
    stack = [token]
    while stack:
        current = stack.pop()
        keep.add(current.i)
        for child in current.children:
            if child.dep_ in _INNER_DROP and child.dep_ != "cc":
                continue
            if child.dep_ == "punct" and child.tag_ != "HYPH":
                continue
            if child.dep_ == "conj" and child.pos_ in _VERBS:
                continue
            stack.append(child)
            if child.dep_ == "conj":
                keep |= {c.i for c in current.children if c.dep_ == "cc"}
    return keep


def _word_count(doc: Doc, keep: set[int]) -> int:
    return sum(1 for i in keep if not doc[i].is_punct)


def render(tokens: Sequence[Token]) -> str:
    """Tokens in text order as a sentence-cased string with balanced quotes."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or toks[0].dep_ in {"cc", "mark"}):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    parts: list[str] = []
    for tok, nxt in zip(toks, [*toks[1:], None], strict=True):
        parts.append(tok.text)
        if nxt is None:
            break
        if nxt.i == tok.i + 1:
            parts.append(tok.whitespace_)
        elif nxt.tag_ != "POS" and not (nxt.is_punct and nxt.tag_ != "``"):
            parts.append(" ")
    text = "".join(parts).strip()
    if sum(text.count(q) for q in _QUOTES) % 2:
        text = "".join(c for c in text if c not in _QUOTES).replace("  ", " ")
    return text[:1].upper() + text[1:]


def content_lemmas(tokens: Iterable[Token]) -> tuple[str, ...]:
    """Lower-cased lemmas of content words, dates and numbers excluded, in text order."""
    seen: dict[str, None] = {}
    for tok in tokens:
        if (
            tok.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"}
            and tok.is_alpha
            and not tok.is_stop
            and len(tok.text) > 1
            and tok.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}
            and tok.lemma_.lower() not in _REPORTING
        ):
            seen.setdefault(tok.lemma_.lower(), None)
    return tuple(seen)


# --- entities ----------------------------------------------------------------------------

_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "mr.", "mrs.", "ms.", "dr."})


def _surface(ent: Span) -> str:
    words = ent.text.replace("’", "'").split()
    if words and words[0].lower() in {"the", *_HONORIFICS}:
        words = words[1:]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return " ".join(w for w in words if w)


def article_entities(doc: Doc) -> dict[str, str]:
    """Map each entity surface to its full form in the article ("Kerry" -> "John Kerry").

    People match on trailing words (a surname), and only when one person of the article
    ends so; other names only on their own text.
    """
    people = sorted(
        {_surface(e) for e in doc.ents if e.label_ == "PERSON" and "\n" not in e.text} - {""}
    )
    # each name under its trailing words: "John Kerry" under ("Kerry",)
    by_ending: dict[tuple[str, ...], list[str]] = {}
    for person in people:
        words = tuple(person.split())
        for n in range(1, len(words)):
            by_ending.setdefault(words[-n:], []).append(person)
    canon: dict[str, str] = {}
    for name in people:
        longer = by_ending.get(tuple(name.split()), [])
        # only an unambiguous partial name links: with two Watsons it stays "Watson"
        full = max(longer, key=lambda p: (len(p.split()), len(p), p)) if longer else name
        canon[name] = full if all(full.endswith(p) for p in longer) else name
    return canon


def _entity_spans(seg: Span) -> list[Span]:
    """The sentence's named entities, read off the tokens (cheaper than `Doc.ents`)."""
    doc, spans, i = seg.doc, [], seg.start
    while i < seg.end:
        tok = doc[i]
        j = i + 1
        if tok.ent_iob_ == "B":
            while j < seg.end and doc[j].ent_iob_ == "I":
                j += 1
            spans.append(Span(doc, i, j, label=tok.ent_type_))
        i = j
    return spans


def entities_in(seg: Span, canon: dict[str, str]) -> tuple[Entity, ...]:
    """Named entities of a sentence, normalised to their longest form, each once."""
    found: dict[tuple[str, str], None] = {}
    for ent in _entity_spans(seg):
        if ent.label_ not in _ENTITY_LABELS:
            continue
        text = _surface(ent)
        if text:
            found.setdefault((canon.get(text, text), ent.label_), None)
    return tuple(Entity(text=text, label=label) for text, label in found)
