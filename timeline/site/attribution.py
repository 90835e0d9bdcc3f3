"""How a source is named on the pages: its title, publisher, date and link.

Inputs often lack a title or a publisher (a JSON record with only `text` and
`published`). A citation then needs something a reader can recognise: the article's
first sentence, shortened, stands in for a title, and the address it was published at
names the publisher. The extraction itself keeps what was declared (`events.json`
shows null); only what the pages show is completed here.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from timeline.site.dates import day_label
from timeline.types import Article

UNKNOWN_PUBLISHER = "Unknown publisher"
TITLE_CHARS = 90
"""A stand-in title is cut at a word before this many characters, so a citation stays
one line on a wide screen and two on a phone."""

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s|\n")
_INITIALS = re.compile(r"(?:\b[A-Z]\.){2,}$")  # "U.S.", "U.N.": no sentence ends there
_WIRE_CREDIT = re.compile(r"\([A-Z][\w&.' ]{0,30}\)\s*(?:--|-|–|—)\s+(?=[A-Z\"“‘'])")
"""A news agency's credit at the start of a story ("LONDON | Tue Apr 27, 2010 4:08 am EDT
LONDON (Reuters) - ", "Cairo, Egypt (CNN) -- "): the lead starts after it."""
WIRE_CREDIT_REACH = 600
"""How far into the text a credit is looked for: past a photo caption and a dateline."""
_HOST_PREFIXES = ("www.", "m.", "amp.")


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays text."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return url
    return None


def shorten(text: str, limit: int = TITLE_CHARS) -> str:
    """`text` on one line, cut at the last word boundary before `limit` with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def first_sentence(text: str) -> str:
    """The text up to its first sentence end or line break (the whole text if neither),
    never inside parentheses ("BP Plc (BP.\nL) failed ..." does not end at the ticker's
    dot) nor after initials ("the U.S. Gulf Coast")."""
    stripped = text.strip()
    for match in _SENTENCE_END.finditer(stripped):
        head = stripped[: match.start()]
        initials = "\n" not in match.group() and _INITIALS.search(head)
        if head.count("(") <= head.count(")") and not initials:
            return head.strip()
    return stripped


def lead(text: str) -> str:
    """The story's text from its lead on: after a wire credit near the top, which ends the
    photo captions and datelines that come before it."""
    credit = _WIRE_CREDIT.search(text[:WIRE_CREDIT_REACH])
    return text[credit.end() :] if credit else text


def publisher_from_url(url: str | None) -> str | None:
    """The host a link points to, without `www.`: `bbc.co.uk` for www.bbc.co.uk/news/..."""
    safe = safe_url(url)
    if safe is None:
        return None
    try:
        host = urlsplit(safe).hostname or ""
    except ValueError:
        return None
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
            break
    return host or None


def article_title(article: Article) -> str:
    """The declared title, else the lead's first sentence shortened, else (no text: a skipped
    record) the file's name with the record's id when the file holds several."""
    if article.title:
        return article.title
    sentence = first_sentence(lead(article.text)) or first_sentence(article.text)
    if sentence:
        return shorten(sentence)
    name = article.path.rsplit("/", 1)[-1]
    if not name:
        return article.id
    return name if name.rsplit(".", 1)[0] == article.id else f"{name}: {article.id}"


def publisher_name(article: Article | None) -> str:
    """The declared publisher, else the site its URL points to, else "Unknown publisher"."""
    if article is None:
        return UNKNOWN_PUBLISHER
    return article.publisher or publisher_from_url(article.url) or UNKNOWN_PUBLISHER


def published_label(article: Article | None) -> str:
    if article is None or article.published.date is None:
        return "date unknown"
    return day_label(article.published.date)
