"""Event mentions: which sentences become events, dated how, headed by what."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from builders import make_article
from spacy.language import Language

from timeline.events import extract_mentions
from timeline.types import Article, EventMention, Timex

PUBLISHED = dt.date(2015, 12, 16)


def article(text: str, published: dt.date | None = PUBLISHED, aid: str = "a") -> Article:
    return make_article(aid, text, published)


@dataclass(frozen=True)
class T:
    """A hand-made timex: the phrase, its value and type; `nth` picks a repeated phrase."""

    phrase: str
    value: str
    type: str = "DATE"
    nth: int = 0
    anchor: str = "publication"


def timexes(text: str, specs: tuple[T, ...]) -> tuple[Timex, ...]:
    out = []
    for spec in specs:
        starts = [m.start() for m in re.finditer(re.escape(spec.phrase), text)]
        start = starts[spec.nth]
        out.append(
            Timex(
                start=start,
                end=start + len(spec.phrase),
                text=spec.phrase,
                type=spec.type,
                value=spec.value,
                anchor=spec.anchor,
            )
        )
    return tuple(out)


def mentions(nlp: Language, text: str, *specs: T) -> tuple[EventMention, ...]:
    art = article(text)
    return extract_mentions(art, nlp(text), timexes(text, specs))


# (id, text, timexes, expected (date, date_source, headline prefix) per mention)
CASES = [
    (
        "past-event-with-day",
        "Russia began a campaign of airstrikes on September 30 in Syria.",
        (T("September 30", "2015-09-30"),),
        [("2015-09-30", "timex", "Russia began a campaign of airstrikes")],
    ),
    (
        "two-statements-in-one-sentence",
        "Talks on Syria in Vienna in November set a January 1 date for dialogue to begin "
        "between the Syrian government and opposition groups.",
        (T("November", "2015-11"), T("January 1", "2016-01-01")),
        [
            ("2015-11", "timex", "Talks on Syria in Vienna in November set a January 1 date"),
            ("2016-01-01", "timex", "Dialogue to begin between the Syrian government"),
        ],
    ),
    (
        "quoted-today-is-speech",
        'Mr Kerry said: "I hope today we can find some common ground."',
        (T("today", "2015-12-16"),),
        [],
    ),
    (
        "duration-is-not-an-event",
        "The fighting in Syria has lasted five years and shows no sign of ending.",
        (T("five years", "P5Y", type="DURATION"),),
        [],
    ),
    (
        "set-is-not-an-event",
        "Today's news headlines, directly to your inbox every morning.",
        (T("Today", "2015-12-16"), T("every morning", "XXXX-XX-XXTMO", type="SET")),
        [],
    ),
    (
        "unresolved-value",
        "The ministers met on a date nobody would confirm.",
        (T("a date nobody would confirm", ""),),
        [],
    ),
    (
        "decade-when-nothing-else",
        "The two countries fought a proxy war in the 1980s over Afghanistan.",
        (T("the 1980s", "198"),),
        [("198", "timex", "The two countries fought a proxy war")],
    ),
    (
        "decade-gives-way-to-a-finer-date",
        "Russia, at war in Afghanistan in the 1980s, began airstrikes in Syria on September 30.",
        (T("the 1980s", "198"), T("September 30", "2015-09-30")),
        [("2015-09-30", "timex", "Russia")],
    ),
    (
        "this-year-frames-the-sentence",
        "Mr Kerry's second visit to Russia this year comes as the US seeks to use a meeting "
        "on Friday in New York to pursue a ceasefire.",
        (T("this year", "2015"), T("Friday", "2015-12-18")),
        [("2015-12-18", "timex", "The US seeks to use a meeting on Friday in New York")],
    ),
    (
        "present-lead-takes-publication-date",
        "US Secretary of State John Kerry is in Moscow for talks with Russia.",
        (),
        [("2015-12-16", "publication", "US Secretary of State John Kerry is in Moscow")],
    ),
    (
        "present-ref-is-publication-date",
        "Kerry arrived on Monday. He is now in talks with Foreign Minister Sergei Lavrov.",
        (T("Monday", "2015-12-14"), T("now", "PRESENT_REF", anchor="none")),
        [
            ("2015-12-14", "timex", "Kerry arrived"),
            ("2015-12-16", "publication", "He is in talks with Foreign Minister Sergei Lavrov"),
        ],
    ),
    (
        "undated-background-is-skipped",
        "Kerry arrived on Monday. The US wants Mr Assad to stand down.",
        (T("Monday", "2015-12-14"),),
        [("2015-12-14", "timex", "Kerry arrived")],
    ),
    (
        "attribution-is-dropped",
        "The talks in Vienna on Monday ended without agreement, officials said.",
        (T("Monday", "2015-12-14"),),
        [("2015-12-14", "timex", "The talks in Vienna on Monday ended without agreement")],
    ),
    (
        "headline-glued-to-lead-is-parsed-alone",
        "Kerry meets Putin in Kremlin for talks on Syria\n\nRussian President Vladimir Putin "
        "met John Kerry for talks in the Kremlin yesterday.",
        (T("yesterday", "2015-12-15"),),
        [("2015-12-15", "timex", "Russian President Vladimir Putin met John Kerry")],
    ),
]


@pytest.mark.parametrize(
    ("text", "specs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_mentions(
    nlp: Language, text: str, specs: tuple[T, ...], expected: list[tuple[str, str, str]]
) -> None:
    found = mentions(nlp, text, *specs)
    got = [(m.date, m.date_source, m.headline) for m in found]
    assert len(got) == len(expected), got
    for (date, source, headline), (want_date, want_source, prefix) in zip(
        got, expected, strict=True
    ):
        assert (date, source) == (want_date, want_source)
        assert headline.startswith(prefix), headline


def test_provenance_offsets_round_trip(nlp: Language) -> None:
    text = "Kerry arrived on Monday.\n\nRussia began airstrikes on September 30 in Syria."
    art = article(text)
    specs = (T("Monday", "2015-12-14"), T("September 30", "2015-09-30"))
    tx = timexes(text, specs)
    found = extract_mentions(art, nlp(text), tx)
    assert [m.timex for m in found] == list(tx)
    for m in found:
        assert text[m.start : m.end] == m.sentence
        assert m.article == "a"
        assert m.timex is not None
        assert m.start <= m.timex.start < m.timex.end <= m.end


def test_entities_take_the_longest_form_in_the_article(nlp: Language) -> None:
    text = (
        "John Kerry met Sergei Lavrov on Monday in Moscow. "
        "Mr Kerry flew to New York on Tuesday to meet Mr Lavrov again."
    )
    found = mentions(nlp, text, T("Monday", "2015-12-14"), T("Tuesday", "2015-12-15"))
    second = found[1]
    names = {e.text for e in second.entities if e.label == "PERSON"}
    assert names == {"John Kerry", "Sergei Lavrov"}


def test_lemmas_are_content_words_without_dates(nlp: Language) -> None:
    (m,) = mentions(
        nlp,
        "Russia began a campaign of airstrikes on September 30 in Syria.",
        T("September 30", "2015-09-30"),
    )
    assert {"begin", "campaign", "airstrike"} <= set(m.lemmas)
    assert "september" not in m.lemmas
    assert "on" not in m.lemmas


def test_no_publication_date_no_present_fallback(nlp: Language) -> None:
    text = "US Secretary of State John Kerry is in Moscow for talks with Russia."
    assert extract_mentions(article(text, published=None), nlp(text), ()) == ()


def test_headlines_are_made_of_the_sentence_words(nlp: Language, repo_root: Path) -> None:
    """Headlines keep whole words of their sentence, in order: nothing is cut mid-word."""
    text = (repo_root / "seeds" / "000_08ab4ab08aafe7b6.txt").read_text(encoding="utf-8")
    specs = (
        T("yesterday", "2015-12-15"),
        T("Friday", "2015-12-18"),
        T("September 30", "2015-09-30"),
        T("November", "2015-11"),
        T("January 1", "2016-01-01"),
        T("last Friday", "2015-12-11"),
    )
    found = extract_mentions(article(text), nlp(text), timexes(text, specs))
    assert len(found) >= 5
    for m in found:
        words = re.findall(r"\w+", m.sentence.lower())
        it = iter(words)
        assert all(w in it for w in re.findall(r"\w+", m.headline.lower())), m.headline
