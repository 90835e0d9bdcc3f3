"""Statements of an article: sentences, also broken at line ends and where a caption or a
page heading is glued to the next sentence, each with a time stamp or dateline at its start
set apart from the words it reports.

Work grows linearly with the article: a "sentence" longer than `MAX_SEGMENT_TOKENS` (a list
or a table run together, never prose) is cut into pieces at commas and semicolons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.english import (
    BARE_CLOCK,
    CHRONOLOGY_PREFIX,
    CREDIT,
    DATELINE,
    GLUED_STARTERS,
    LABELS,
    LINE_CONTINUED,
    LIST_MARK,
    LOWER_CONTINUES,
    MONTH_ABBREVIATIONS,
    SUBHEADING,
    SUBJECTS,
    TAGS,
    TICKER,
    TICKER_BROKEN,
    TICKER_SPACED,
    TIME_STAMP,
    TITLE_ABBREVIATIONS,
    VERB_TAGS,
)

if TYPE_CHECKING:  # spaCy is imported where a text is parsed, not on a cached build
    from spacy.tokens import Doc, Span, Token

MAX_SEGMENT_TOKENS = 400
_CUTS = frozenset({",", ";", ":"})
# words a sentence cannot end on: a capitalised word after one is a name, not a new start
_NEEDS_MORE = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "AUX", "PART"})
_CLOSE_WITHIN = 12
_ITEM_DATE_CHARS = 40  # "Wednesday, September 14, 2008 --" and no longer
_HEADLINE_WORDS = 5  # a headline, and the lead after it, have at least this many tokens
_NOUN_PARTS, _COMPOUND = LABELS["noun_phrase_parts"], LABELS["compound"]
_NEEDS_MORE_LABELS = LABELS["needs_more"]
_FINITE = TAGS["past"] | TAGS["present"]
_AUXILIARY = LABELS["auxiliaries"]
_NOUN_PHRASE = frozenset({"DET", "NUM", "ADJ", "NOUN", "PROPN"})
_NOUN_PHRASE_REACH = 8  # tokens in which the glued sentence's subject reaches its verb
_TERMINAL = (".", "!", '"', "”")  # tokens after a break inside parentheses in which they must close


@dataclass(frozen=True, slots=True)
class Segment:
    """One statement: its tokens, and what was set apart from its start ("time stamp",
    "list mark", "credit", "dateline", "heading" or None) from `prefix_start` on. `span` is
    empty when nothing but the stamp was there."""

    span: Span
    start: int
    end: int
    prefix: str | None = None
    prefix_start: int | None = None

    @property
    def text(self) -> str:
        return doc_slice(self.span.doc, self.start, self.end)


def segments(doc: Doc) -> list[Span]:
    """Sentences, also broken at line ends (news text has one sentence or paragraph a
    line) and before a sentence glued to a caption; none longer than `MAX_SEGMENT_TOKENS`."""
    spans: list[Span] = []
    kept = _kept_line_ends(doc.text)  # "(BP.\nL)" is no line end
    for sent in _sentences(doc):
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text and tok.idx + tok.text.index("\n") not in kept:
                spans.extend(_bounded(doc[start : tok.i]))
                start = tok.i + 1
            elif tok.i > start and _glued(tok):
                spans.extend(_bounded(doc[start : tok.i]))
                start = tok.i
        spans.extend(_bounded(doc[start : sent.end]))
    found = [s for s in (_strip(s) for s in spans) if s is not None]
    if found and (cut := _headline_cut(found[0])) is not None:  # the page's own headline
        found[:1] = [doc[found[0].start : cut], doc[cut : found[0].end]]
    return found


def _kept_line_ends(text: str) -> set[int]:
    """Line ends inside a broken stock ticker ("(BP.\n\nL)") or before a line that opens
    with a comma ("(D-La.)\n\n, who said"): no statement ends there."""
    kept = set()
    for m in TICKER_BROKEN.finditer(text):
        kept.add(m.start("line") if m.start("line") >= 0 else m.start("paragraph"))
    kept.update(m.start("line") for m in LINE_CONTINUED.finditer(text))
    return kept


def _sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, joined again where it broke after an abbreviation that
    cannot end a sentence there ("Gov. | Bobby Jindal", "Mar. | 3", "the U.S. | military"),
    after the date a chronology's item opens with ("Sept. 14: | The Fed ..."), at a stock
    ticker ("BP (BP. | L) said", "Repsol REP. | N prepares") or before a line that opens
    with a comma."""
    text = doc.text
    tickers = [(m.start(), m.end()) for m in TICKER.finditer(text)]
    # a sentence starts neither in one nor at its parenthesis: "(BP.\n\nL) | (BP.\n\nN), who"
    tickers += [(m.start() - 1, m.end()) for m in TICKER_BROKEN.finditer(text)]
    tickers += [(m.start(), m.end()) for m in TICKER_SPACED.finditer(text)]
    # from the line's last character on: the parser may break right at the line end
    tickers += [(m.start() - 1, m.end()) for m in LINE_CONTINUED.finditer(text)]
    joined: list[Span] = []
    for sent in doc.sents:
        if joined and _continues(joined[-1], sent, tickers):
            joined[-1] = doc[joined[-1].start : sent.end]
        else:
            joined.append(sent)
    return joined


def _continues(before: Span, after: Span, tickers: list[tuple[int, int]]) -> bool:
    last, first = before[-1], after[0]
    cut = after.start_char
    if any(start < cut <= end for start, end in tickers):
        return True  # "BP (BP. | L) said", "BP Plc (BP.\n | L) said"
    if first.text in {",", ";"}:
        return True  # no sentence opens with a comma: "BP Plc (BP.\n\nL) | , which said"
    if first.is_space or "\n" in doc_between(before, after):
        return False
    nxt = first.text[:1]
    if _inside_item_date(before, after):
        return True  # "Sept. 14: | The Fed broadens ...", "14 | November: The ..."
    if (
        last.text in TITLE_ABBREVIATIONS
        or (last.text in MONTH_ABBREVIATIONS and nxt.isdigit())
        or (last.text in LOWER_CONTINUES and (nxt.islower() or nxt.isdigit() or nxt in ",;)"))
    ):
        return True
    # "(Update 6:19 p.m. | Cairo, 11:19 a.m. | ET) The Brotherhood ..."
    return _open_parenthesis(before) and _closes_soon(after)


def _inside_item_date(before: Span, after: Span) -> bool:
    """Whether the parser broke inside or right after the date a chronology's item opens
    with: the line up to the break is all date, and the date runs to the break or past it."""
    line = before.text.rsplit("\n", 1)[-1]
    if len(line) > _ITEM_DATE_CHARS:
        return False
    item = CHRONOLOGY_PREFIX.match(line + doc_between(before, after) + after[:8].text)
    return item is not None and item.end() >= len(line)


def _closes_soon(after: Span) -> bool:
    """A closing parenthesis within a few tokens of `after`, on its line (the parser may
    have broken the stretch more than once)."""
    for tok in after.doc[after.start : after.start + _CLOSE_WITHIN]:
        if tok.text == ")":
            return True
        if "\n" in tok.text:
            return False
    return False


def _open_parenthesis(span: Span) -> bool:
    """Whether `span` ends inside parentheses: no sentence ends there."""
    depth = 0
    for tok in span:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")" and depth:
            depth -= 1
    return depth > 0


def doc_between(before: Span, after: Span) -> str:
    return doc_slice(before.doc, before.end_char, after.start_char)


def doc_slice(doc: Doc, start: int, end: int) -> str:
    """`doc.text[start:end]` without `doc.text`, which spaCy joins from every token on each
    access: read per statement, it made a long article's events quadratic. The doc's text is
    its tokens' text with whitespace, so the slice is read off the few tokens it covers."""
    if start >= end:
        return ""
    lo, hi = 0, len(doc)
    while lo < hi:  # the first token ending after `start`
        mid = (lo + hi) // 2
        token = doc[mid]
        if token.idx + len(token.text_with_ws) <= start:
            lo = mid + 1
        else:
            hi = mid
    if lo == len(doc):
        return ""
    base = doc[lo].idx
    parts, reach, i = [], base, lo
    while i < len(doc) and reach < end:
        piece = doc[i].text_with_ws
        parts.append(piece)
        reach += len(piece)
        i += 1
    return "".join(parts)[start - base : end - base]


def statements(doc: Doc) -> list[Segment]:
    """`segments` with a time stamp, a photo credit or a dateline at their start set apart."""
    clock_page = len(BARE_CLOCK.findall(doc.text)) >= 2
    found: list[Segment] = []
    stamped = False  # the last span was a time stamp or credit alone, on this line
    for span in segments(doc):
        text = span.text
        stamp = TIME_STAMP.match(text + " A") or (
            BARE_CLOCK.match(text + " A") if clock_page else None
        )
        kind = "time stamp"
        if stamp and LIST_MARK.fullmatch(stamp.group()):
            kind = "list mark"
        elif stamp and CREDIT.search(stamp.group()):
            kind = "credit"
        # "1528 | The minister says ...", "* | December 12 - The coast guard ...": what a
        # stamp alone on this line before it set apart belongs to this statement
        carried = None
        if stamped and "\n" not in doc_slice(doc, found[-1].end, span.start_char):
            carried = found.pop()
        stamped = False
        prefix = carried.prefix if carried else None
        if stamp and prefix in {None, "list mark"}:
            prefix = kind  # "* | December 12 - ...": the label dates, the mark does not
        begins = carried.prefix_start if carried else span.start_char
        cut = 0
        if stamp and stamp.end() >= len(text):
            stamped = True
            found.append(Segment(span[0:0], span.end_char, span.end_char, prefix, begins))
            continue
        if stamp:
            cut = stamp.end()
            # "* Port reopens * Ferries resume MIAMI (Reuters) - ...": a wire story's bulleted
            # summary runs into its dateline; the lead starts after the dateline
            if kind == "list mark" and (dateline := DATELINE.match(text[cut:])):
                prefix, cut = "dateline", cut + dateline.end()
        elif dateline := DATELINE.match(text):
            prefix, cut = "dateline", dateline.end()
        elif heading := SUBHEADING.match(text):
            prefix, cut = "heading", heading.end()
        if cut:
            first = span.start
            while first < span.end and span.doc[first].idx < span.start_char + cut:
                first += 1
            rest = span.doc[first : span.end]
            start = rest.start_char if len(rest) else span.end_char
            found.append(Segment(rest, start, span.end_char, prefix, begins))
        elif prefix:
            found.append(Segment(span, span.start_char, span.end_char, prefix, begins))
        else:
            found.append(Segment(span, span.start_char, span.end_char))
    return found


def shown_text(text: str, inside_quote: bool = False) -> str:
    """A statement as a reader is shown it: whitespace made plain, and the space some wires
    put inside straight quotation marks (`pledges " every single resource, " to`) closed up.
    A mark spaced on both sides opens or closes by how many came before it in its
    paragraph; `inside_quote` says the statement starts inside a quotation. The article's
    text and offsets are not touched."""
    pieces = " ".join(text.split()).split('"')
    inside = inside_quote
    for k in range(len(pieces) - 1):
        before, after = pieces[k], pieces[k + 1]
        spaced = (not before or before.endswith(" ")) and (not after or after.startswith(" "))
        if spaced and inside:
            pieces[k] = before.rstrip()
        elif spaced:
            pieces[k + 1] = after.lstrip()
        inside = not inside
    return '"'.join(pieces)


def _glued(tok: Token) -> bool:
    """A capitalised sentence opener right after a word, with no punctuation between
    ("... for Haiti's displaced The airport ..."): a caption glued to the sentence after it."""
    if tok.text not in GLUED_STARTERS or tok.ent_type_ or tok.i + 1 >= len(tok.doc):
        return False
    prev, nxt = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    if not (prev.whitespace_ and (prev.is_alpha or prev.like_num) and nxt.is_alpha):
        return False
    if prev.pos_ == "ADP":  # "... so the aid agencies can go in | The nine volunteers picked"
        return _subject_of_a_bare_verb(tok)
    # "including The Answer", "and The Beat Poets": a name, not a new start
    return not (prev.pos_ in _NEEDS_MORE or prev.dep_ in _NEEDS_MORE_LABELS)


def _subject_of_a_bare_verb(tok: Token) -> bool:
    """Whether the noun phrase `tok` opens is followed by a finite verb that has no subject
    of its own: the phrase is that subject, and a new sentence starts at `tok` even after a
    preposition ("remain unaccounted for | The United Nations has held ...")."""
    doc = tok.doc
    for word in doc[tok.i + 1 : min(len(doc), tok.i + _NOUN_PHRASE_REACH)]:
        if word.pos_ in VERB_TAGS:
            verb = word.head if word.dep_ in _AUXILIARY else word
            return word.tag_ in _FINITE and not any(c.dep_ in SUBJECTS for c in verb.children)
        if word.pos_ not in _NOUN_PHRASE:
            return False
    return False


def _headline_cut(span: Span) -> int | None:
    """Where the page's lead sentence begins when its headline (and standfirst) run into
    it: "Mariah Carey joins line-up for charity single | Mariah Carey is the latest ...",
    "... clean-up Movie star has developed ... | Hollywood star Kevin Costner yesterday
    unveiled ...". The lead's subject opens in capitals right after a word in lower case, is
    named in the headline already, and the lead is a whole sentence."""
    doc = span.doc
    if not span.text.rstrip().endswith(_TERMINAL) or len(span) < 2 * _HEADLINE_WORDS:
        return None
    for tok in reversed(span[_HEADLINE_WORDS : len(span) - _HEADLINE_WORDS]):
        prev = doc[tok.i - 1]
        if not (tok.text[:1].isupper() and prev.is_lower and prev.is_alpha):
            continue
        if prev.pos_ in _NEEDS_MORE or not prev.whitespace_:
            continue
        subject = tok
        while subject.dep_ in _NOUN_PARTS and subject.head.i > subject.i:
            subject = subject.head
        verb = subject.head
        if subject.dep_ not in SUBJECTS or verb.pos_ not in VERB_TAGS or verb.i < tok.i:
            continue
        cut = tok.i  # with the words compounded into the subject: "Hollywood star Kevin ..."
        while cut - 1 > span.start + _HEADLINE_WORDS and doc[cut - 1].dep_ in _COMPOUND:
            if not cut - 1 < doc[cut - 1].head.i <= subject.i:
                break
            cut -= 1
        if not doc[cut - 1].is_lower:
            cut = tok.i
        named = {t.lower_ for t in doc[span.start : cut]}
        if subject.lower_ in named:
            return cut
    return None


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
