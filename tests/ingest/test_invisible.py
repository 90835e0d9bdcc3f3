"""Invisible characters: which ones cleaning removes, which joiners stay, how names show."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.ingest.invisible import REMOVED, strip_invisible, visible

ZWJ, ZWNJ = "\u200d", "\u200c"

STRIPPED = [
    ("rlo-pdf", "Kerry \u202emeets\u202c Putin", "Kerry meets Putin"),
    (
        "isolates",
        "\u2066Lavrov\u2069 and \u2067Kerry\u2069 \u2068met\u2069",
        "Lavrov and Kerry met",
    ),
    ("embeddings", "\u202aone\u202c \u202btwo\u202c \u202dthree\u202c", "one two three"),
    ("zero-width-space", "Pu\u200btin", "Putin"),
    ("word-joiner-and-bom", "Mos\u2060cow\ufeff", "Moscow"),
    ("soft-hyphen", "Syr\u00adia", "Syria"),
    ("zwj-in-a-latin-word", f"Pu{ZWJ}tin", "Putin"),
    ("zwnj-in-a-latin-word", f"Ker{ZWNJ}ry", "Kerry"),
    ("joiner-at-word-edges", f"{ZWJ}Kerry{ZWNJ} met", "Kerry met"),
    ("joiners-in-a-row", f"\u0645{ZWNJ}{ZWJ}\u0645", "\u0645\u0645"),
]

KEPT = [
    ("persian-zwnj", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),
    ("devanagari-zwj", "\u0915\u094d\u200d\u0937"),
    ("family-emoji", "\U0001f468\u200d\U0001f469\u200d\U0001f467"),
    ("rainbow-flag", "\U0001f3f3\ufe0f\u200d\U0001f308"),
    ("skin-tone-technologist", "\U0001f469\U0001f3fd\u200d\U0001f4bb"),
    ("direction-marks", "Kerry \u200f\u05e9\u05dc\u05d5\u05dd\u200e said"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in STRIPPED], ids=[s[0] for s in STRIPPED]
)
def test_removed(text: str, expected: str) -> None:
    assert strip_invisible(text) == expected


@pytest.mark.parametrize("text", [k[1] for k in KEPT], ids=[k[0] for k in KEPT])
def test_kept_where_they_shape_text(text: str) -> None:
    assert strip_invisible(text) == text


_ALPHABET = st.sampled_from(
    list(REMOVED + ZWJ + ZWNJ + "ab \u0645\u0915\u094d\U0001f468\ufe0f\u200e.")
)


@given(st.text(_ALPHABET, max_size=40))
def test_stripping_is_idempotent_and_leaves_no_stray_joiner(text: str) -> None:
    once = strip_invisible(text)
    assert strip_invisible(once) == once
    assert not set(once) & set(REMOVED)
    for i, char in enumerate(once):
        if char in (ZWJ, ZWNJ):
            assert 0 < i < len(once) - 1
            assert unicodedata.category(once[i - 1])[0] in "LMS"
            assert unicodedata.category(once[i + 1])[0] in "LMS"


VISIBLE = [
    ("plain", "articles/café.txt", "articles/café.txt"),
    ("rlo", "news\u202efdp.txt", "news\\u202efdp.txt"),
    ("newline", "a\nb\r\tc", "a\\nb\\r\\tc"),
    ("escape-sequence", "\x1b[31mred", "\\x1b[31mred"),
    ("not-utf-8", "caf\udce9.txt", "caf\\xe9.txt"),
    ("zero-width", "a\u200bb", "a\\u200bb"),
    ("nbsp", "a\u00a0b", "a\\xa0b"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [v[1:] for v in VISIBLE], ids=[v[0] for v in VISIBLE]
)
def test_visible(text: str, expected: str) -> None:
    assert visible(text) == expected
    assert visible(text).isprintable()
    visible(text).encode("utf-8")
