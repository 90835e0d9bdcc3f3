"""A dependency-free English check: the share of common English function words.

News prose in English runs at 35-50% function words; other languages using the Latin
alphabet share few of them ("a", "in", "die" and "of" overlap a little), and non-Latin
scripts share none. Short texts are not judged: too few words to tell.
"""

from __future__ import annotations

import re

__all__ = ["english_share", "language_problem"]

_STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "more",
        "most",
        "no",
        "not",
        "of",
        "on",
        "one",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "she",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS = 30
_MIN_SHARE = 0.15


def english_share(text: str) -> tuple[float, int]:
    """Share of English function words among the words of `text`, and the word count."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0
    return sum(w in _STOP_WORDS for w in words) / len(words), len(words)


def language_problem(
    text: str, declared: str | None, accepted: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """Return (language, problem). A declared language is trusted over the word check."""
    if declared:
        primary = declared.strip().lower().replace("_", "-").split("-")[0]
        if primary in accepted:
            return primary, None
        return primary, (
            f"declared language '{declared}' is not one the timeline reads "
            f"({', '.join(accepted)}); remove the file or translate it"
        )
    share, count = english_share(text)
    if count < _MIN_WORDS or "en" not in accepted:
        return None, None
    if share < _MIN_SHARE:
        return None, (
            f"text does not look like English ({share:.0%} common English words, "
            f"expected {_MIN_SHARE:.0%}+); remove the file or translate it, or declare "
            "'language: en' in its metadata if it is English"
        )
    return "en", None
