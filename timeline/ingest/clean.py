"""Boilerplate and noise removal for plain-text articles.

Saved web pages carry page furniture around the story: a banner date, the headline
twice, photo captions and bylines before the first sentence; promoted links, newsletter
promos, the outlet's name and phone numbers after the last. Later stages take character
offsets into the cleaned text, so cleaning must be deterministic and idempotent, and it
must never drop a sentence of the story. Hence the zones: only the header (before the
first real sentence) and the footer (after the last) are cleared wholesale; inside the
body only unambiguous furniture (`BODY_PATTERNS`) goes. Every dropped line is recorded in
`CleanedText.removed` with its reason, so nothing disappears unexplained.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from timeline.ingest.invisible import strip_invisible
from timeline.timex.lang import ENGLISH, alternation

__all__ = ["DATE_LINE", "CleanedText", "Pattern", "clean_text", "is_sentence"]

_WEEKDAY = rf"(?:{alternation(ENGLISH.weekdays)})\.?"
_MONTH = rf"(?:{alternation(ENGLISH.months)})\.?"
_TIME = r"(?:[\s,|·-]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,5}\)?)?)?"

#: A line that is only a date, such as a site banner ("Sunday 17 December 2017") or a
#: dateline of its own ("Tuesday, December 15, 2015 10:30 GMT"). Named groups feed
#: `timeline.ingest.published`.
DATE_LINE = re.compile(
    rf"^(?:(?:updated|published|posted|last updated)\s*:?\s*)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
    rf"{_TIME}$",
    re.IGNORECASE,
)

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]\s]*$")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|(?:de|da|van|von|al|bin|la|le|du|of)|[A-Z]\.)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Pattern:
    """One kind of page furniture: a reason, a regex over a whole line, and an example."""

    reason: str
    regex: re.Pattern[str]
    example: str


def _p(reason: str, regex: str, example: str) -> Pattern:
    return Pattern(reason=reason, regex=re.compile(regex, re.IGNORECASE), example=example)


#: Furniture that is never part of a story, so it goes wherever it appears.
BODY_PATTERNS: tuple[Pattern, ...] = (
    _p(
        "advertisement",
        r"^(?:advertisement|advertising|sponsored(?: content)?|ad|adverts?)$",
        "Advertisement",
    ),
    _p(
        "promoted links",
        r"^(?:promoted (?:links|stories|content)|recommended(?: for you| stories)?"
        r"|you (?:may|might) also like|related (?:articles|stories|links|content|topics)"
        r"|read more|more on this story|editors'? choice|editor's (?:choice|picks)"
        r"|also in [\w &'-]{1,40}|most (?:read|popular|viewed)|trending(?: now)?"
        r"|more from [\w &'.-]{1,40}|top stories|latest news|don'?t miss)$",
        "Promoted Links",
    ),
    _p(
        "phone-number footer",
        r"^(?:connect with us|call us|contact us)\b.*\d{3}.*$"
        r"|^(?:[^\d\n]*\+?\d[\d ()-]{6,}\d\s*[|/,;]\s*){2,}.*$",
        "Connect With Us : 0242202447 | 0551484843 | 0266361755 |",
    ),
    _p(
        "social links",
        r"^(?:follow us|like us|share (?:this|on)|share|tweet|email|print|whatsapp|facebook"
        r"|twitter|linkedin)(?: on [\w ,&]+| this (?:article|story))?\W*$",
        "Share this article",
    ),
)

#: Furniture that looks like prose, so it only goes in the header or footer zone.
EDGE_PATTERNS: tuple[Pattern, ...] = (
    _p(
        "newsletter promo",
        r"^(?=.{0,160}$)(?:.*\b(?:sign up|subscribe (?:to|now|for|here|today)|(?:to|in) your "
        r"inbox|get (?:our|the) .{0,30}newsletter|our newsletters?)\b.*|newsletters?\W*)$",
        "Today's news headlines, directly to your inbox every morning.",
    ),
    _p(
        "copyright notice",
        r"^(?:©|\(c\)|copyright\b).{0,160}$|^.{0,120}all rights reserved\.?$",
        "© 2015 Reuters. All rights reserved.",
    ),
    _p(
        "image credit",
        r"^(?:photo|picture|image|file photo)\s*:.{0,120}$|^.{0,80}\((?:reuters|"
        r"ap|afp|getty(?: images)?|epa|pa)(?: photo)?\)$",
        "Photo: Reuters",
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanedText:
    """Cleaned body (paragraphs joined by a blank line), detected title, dropped lines."""

    text: str
    title: str | None
    removed: tuple[str, ...]


def is_sentence(line: str) -> bool:
    """A line of story prose: ends like a sentence with 4+ words, or runs 15+ words."""
    words = len(_WORD.findall(line))
    return words >= 15 or (words >= 4 and bool(_SENTENCE_END.search(line)))


def _normalize(line: str) -> str:
    """Invisible characters out (see `timeline.ingest.invisible`), runs of spaces made one."""
    return " ".join(strip_invisible(line).split())


@dataclass(frozen=True, slots=True)
class _Furniture:
    """Patterns tried in order, behind one combined regex: most lines match none of them."""

    patterns: tuple[Pattern, ...]
    any: re.Pattern[str]

    @classmethod
    def of(cls, patterns: tuple[Pattern, ...]) -> _Furniture:
        combined = "|".join(f"(?:{p.regex.pattern})" for p in patterns)
        return cls(patterns, re.compile(combined, re.IGNORECASE))


_BODY = _Furniture.of(BODY_PATTERNS)
_ANYWHERE = _Furniture.of(BODY_PATTERNS + EDGE_PATTERNS)


def _match(line: str, furniture: _Furniture) -> str | None:
    if furniture.any.match(line) is None:
        return None
    return next((p.reason for p in furniture.patterns if p.regex.match(line)), None)


def _is_name(line: str) -> bool:
    """Two to five capitalised words: a caption, byline or the outlet's name."""
    words = line.removeprefix("By ").removeprefix("by ").split()
    return 1 <= len(words) <= 5 and len(line) <= 60 and all(_NAME_WORD.match(w) for w in words)


def _is_headline(line: str) -> bool:
    words = _WORD.findall(line)
    return (
        3 <= len(words) <= 25
        and len(line) <= 200
        and not is_sentence(line)
        and not DATE_LINE.match(line)
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'‘“")
    )


def _paragraphs(raw: str) -> tuple[list[str], list[int]]:
    """Split into normalized paragraphs, counting the NBSP-only lines before each one.

    Plain text either has one paragraph per line or is hard-wrapped (every line under
    ~100 characters); only in the latter case are lines of a block joined. The counts
    (one more than there are paragraphs, for trailing lines) let `removed` stay in
    document order.
    """
    lines = unicodedata.normalize("NFC", raw).splitlines()
    normalized = [_normalize(ln) for ln in lines]
    longest = max((len(ln) for ln in normalized), default=0)
    long_lines = sum(len(ln) >= 50 for ln in normalized)
    wrapped = longest <= 100 and long_lines >= 3 and long_lines * 2 >= sum(map(bool, normalized))
    paragraphs: list[str] = []
    nbsp_before = [0]
    previous = ""
    for original, line in zip(lines, normalized, strict=True):
        if not line:
            previous = ""
            nbsp_before[-1] += bool(original.strip(" \t"))
            continue
        if wrapped and previous and len(previous) >= 0.6 * longest:
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
            nbsp_before.append(0)
        previous = line
    return paragraphs, nbsp_before


def _quote(reason: str, line: str) -> str:
    return f'{reason}: "{line}"'


_TITLE = "title"


def _header_reason(line: str, title: str | None) -> str:
    """Why a line before the first sentence goes; `_TITLE` for the headline itself."""
    reason = _match(line, _ANYWHERE)
    if reason is not None:
        return reason
    if DATE_LINE.match(line):
        return "banner date"
    if title is None and _is_headline(line) and not _is_name(line):
        return _TITLE
    if title is not None and line.casefold() == title.casefold():
        return "duplicated title"
    if _is_name(line):
        return "photo caption/byline"
    return "header line before the first sentence"


def _footer_reason(line: str) -> str:
    reason = _match(line, _ANYWHERE)
    if reason is None and _is_name(line):
        reason = "publisher name/credit"
    return reason or "footer line after the last sentence"


def clean_text(raw: str) -> CleanedText:
    """Remove page furniture from plain text and detect its headline.

    Idempotent: `clean_text(clean_text(x).text).text == clean_text(x).text`. Without
    any story sentence there are no zones (and no headline): only `BODY_PATTERNS` apply.
    """
    paragraphs, nbsp_before = _paragraphs(raw)
    story = [i for i, p in enumerate(paragraphs) if is_sentence(p) and _match(p, _ANYWHERE) is None]
    first, last = (story[0], story[-1]) if story else (len(paragraphs), -1)
    title: str | None = None
    kept: list[str] = []
    removed: list[str] = []
    for i, line in enumerate(paragraphs):
        removed += [_quote("blank (non-breaking space)", "\\u00a0")] * nbsp_before[i]
        reason: str | None
        if story and i < first:
            reason = _header_reason(line, title)
            if reason == _TITLE:
                title = line
                continue
        elif story and i > last:
            reason = _footer_reason(line)
        else:
            reason = _match(line, _BODY)
            if reason is None and title is not None and line.casefold() == title.casefold():
                reason = "duplicated title"
        if reason:
            removed.append(_quote(reason, line))
        else:
            kept.append(line)
    removed += [_quote("blank (non-breaking space)", "\\u00a0")] * nbsp_before[-1]
    return CleanedText(text="\n\n".join(kept), title=title, removed=tuple(removed))
