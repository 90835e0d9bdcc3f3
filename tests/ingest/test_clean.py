"""Cleaning: seed furniture goes with a reason, every sentence stays, and it is idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.ingest.clean import BODY_PATTERNS, EDGE_PATTERNS, clean_text, is_sentence

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = "000_08ab4ab08aafe7b6.txt"
SEED_002 = "002_dafbcb5d6c77078f.txt"
NBSP = "\u00a0"

EXPECTED_REMOVED = {
    SEED_000: (
        'banner date: "Sunday 17 December 2017"',
        'photo caption/byline: "Vladimir Putin"',
        'photo caption/byline: "Vladimir Putin"',
        'photo caption/byline: "Stepan Kravchenko"',
        'publisher name/credit: "Irish Independent"',
        'promoted links: "Promoted Links"',
        'newsletter promo: "Today\'s news headlines, directly to your inbox every morning."',
        'promoted links: "Promoted Links"',
        'promoted links: "Editors Choice"',
        'promoted links: "Also in World News"',
    ),
    SEED_002: (
        'blank (non-breaking space): "\\u00a0"',
        'blank (non-breaking space): "\\u00a0"',
        'duplicated title: "Kerry seeks to narrow divisions with Russia"',
        'advertisement: "Advertisement"',
        'phone-number footer: "Connect With Us : 0242202447 | 0551484843 | 0266361755 | '
        '059 199 7513 |"',
    ),
}
TITLES = {
    SEED_000: "Kerry meets Putin in Kremlin for talks on Syria",
    SEED_002: "Kerry seeks to narrow divisions with Russia",
}


def _raw(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [SEED_000, SEED_002])
def test_seed_furniture_is_removed_with_reasons(name: str) -> None:
    cleaned = clean_text(_raw(name))
    assert sorted(cleaned.removed) == sorted(EXPECTED_REMOVED[name])
    assert cleaned.title == TITLES[name]


@pytest.mark.parametrize("name", [SEED_000, SEED_002])
def test_every_seed_sentence_survives(name: str) -> None:
    cleaned = clean_text(_raw(name))
    paragraphs = cleaned.text.split("\n\n")
    removed_lines = {entry.split(": ", 1)[1].strip('"') for entry in cleaned.removed}
    for raw_line in _raw(name).splitlines():
        line = " ".join(raw_line.split())
        if not line or line == TITLES[name] or line in removed_lines:
            continue
        assert line in paragraphs, f"lost: {line}"
    assert sum(map(is_sentence, paragraphs)) == len(paragraphs)


@pytest.mark.parametrize("name", [SEED_000, SEED_002])
def test_seed_output_shape(name: str) -> None:
    text = clean_text(_raw(name)).text
    assert NBSP not in text
    assert TITLES[name] not in text
    assert "\n\n\n" not in text and text == text.strip()
    assert all(p == " ".join(p.split()) for p in text.split("\n\n"))


def test_leading_nbsp_kept_paragraph() -> None:
    text = clean_text(_raw(SEED_002)).text
    assert "\nA US-led coalition has been targeting IS militants" in text


@pytest.mark.parametrize(
    "pattern", [*BODY_PATTERNS, *EDGE_PATTERNS], ids=lambda p: p.reason.replace(" ", "-")
)
def test_every_pattern_matches_its_example(pattern: object) -> None:
    from timeline.ingest.clean import Pattern

    assert isinstance(pattern, Pattern)
    assert pattern.regex.match(pattern.example)


CASES = [
    pytest.param(
        "Kerry in Moscow\n\nBy Jane Doe\n\nKerry met Lavrov in Moscow on Tuesday for talks.\n",
        "Kerry met Lavrov in Moscow on Tuesday for talks.",
        id="byline-with-by",
    ),
    pytest.param(
        "Kerry met Lavrov in Moscow on Tuesday.\nAdvertisement\nThe talks lasted hours.\n",
        "Kerry met Lavrov in Moscow on Tuesday.\n\nThe talks lasted hours.",
        id="one-paragraph-per-line",
    ),
    pytest.param(
        "The newsletter went to subscribers on Friday.\nIt said the talks failed to "
        "agree.\nSign up to our newsletter\n",
        "The newsletter went to subscribers on Friday.\n\nIt said the talks failed to agree.",
        id="newsletter-word-inside-story-kept",
    ),
    pytest.param("just a few words", "just a few words", id="no-prose-kept-as-is"),
    pytest.param("", "", id="empty"),
    pytest.param(
        "US Secretary of State John Kerry arrived in Moscow on Tuesday for talks with\n"
        "Russian officials about the war in Syria and the fate of President Assad, a\n"
        "question that has divided the two powers for years.\n\n"
        "He met Foreign Minister Sergei Lavrov first and President Putin later in the\n"
        "day, officials said after the meetings had ended in the Kremlin.\n",
        "US Secretary of State John Kerry arrived in Moscow on Tuesday for talks with "
        "Russian officials about the war in Syria and the fate of President Assad, a question "
        "that has divided the two powers for years.\n\n"
        "He met Foreign Minister Sergei Lavrov first and President Putin later in the day, "
        "officials said after the meetings had ended in the Kremlin.",
        id="hard-wrapped-paragraphs-joined",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_clean_cases(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cleaning_is_idempotent_on_any_text(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once.text).text == once.text


LINES = st.sampled_from(
    [
        "Sunday 17 December 2017",
        "Kerry meets Putin",
        "Vladimir Putin",
        "Advertisement",
        NBSP,
        f"{NBSP}He said the talks went well.",
        "Promoted Links",
        "",
        "Mr Kerry met Mr Lavrov in Moscow on Tuesday.",
        "Irish Independent",
        "Today's news headlines, directly to your inbox every morning.",
        "Connect With Us : 0242202447 | 0551484843 |",
        "short line",
        "The End",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=25))
def test_cleaning_is_idempotent_on_article_like_text(lines: list[str]) -> None:
    once = clean_text("\n".join(lines))
    assert clean_text(once.text).text == once.text
    assert clean_text(once.text).title is None or not once.text


BODY = "Kerry met Lavrov in Moscow on Tuesday for talks on Syria, officials said."
REASONS = [
    pytest.param("Updated: 15 December 2015 10:30 GMT", "banner date", id="updated-banner"),
    pytest.param("By Jane Doe", "photo caption/byline", id="byline"),
    pytest.param("Photo: Reuters", "image credit", id="image-credit"),
    pytest.param("Share this article", "social links", id="share"),
    pytest.param("Sign up to our newsletter", "newsletter promo", id="newsletter"),
    pytest.param("Related articles", "promoted links", id="related"),
]


@pytest.mark.parametrize(("line", "reason"), REASONS)
def test_header_furniture_reasons(line: str, reason: str) -> None:
    cleaned = clean_text(f"{line}\n\n{BODY}")
    assert cleaned.text == BODY
    assert cleaned.removed == (f'{reason}: "{line}"',)


FOOTER = [
    pytest.param("© 2015 Reuters. All rights reserved.", "copyright notice", id="copyright"),
    pytest.param("The Daily Example", "publisher name/credit", id="publisher"),
    pytest.param("Follow us on Twitter", "social links", id="follow-us"),
    pytest.param("Call us: 0800 123 456 | 0800 654 321", "phone-number footer", id="phones"),
    pytest.param("click here", "footer line after the last sentence", id="other"),
]


@pytest.mark.parametrize(("line", "reason"), FOOTER)
def test_footer_furniture_reasons(line: str, reason: str) -> None:
    cleaned = clean_text(f"{BODY}\n\n{line}")
    assert cleaned.text == BODY
    assert cleaned.removed == (f'{reason}: "{line}"',)
