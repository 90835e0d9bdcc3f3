"""Event mentions: which sentences become events, dated how, headed by what."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from builders import make_article
from spacy.language import Language

from timeline.events import extract_events, extract_mentions
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
            ("2016-01-01", "timex", "Talks on Syria in Vienna in November set a January 1 date"),
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
        "a-decade-long-past-is-background",
        "The two countries fought a proxy war in the 1980s over Afghanistan.",
        (T("the 1980s", "198"),),
        [],
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
        [("2015-12-18", "timex", "Mr Kerry's second visit to Russia this year comes as the US")],
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
            ("2015-12-16", "publication", "He is now in talks with Foreign Minister Sergei Lavrov"),
        ],
    ),
    (
        "undated-background-is-skipped",
        "Kerry arrived on Monday. The US wants Mr Assad to stand down.",
        (T("Monday", "2015-12-14"),),
        [("2015-12-14", "timex", "Kerry arrived")],
    ),
    (
        "attribution-is-kept",
        "The talks in Vienna on Monday ended without agreement, officials said.",
        (T("Monday", "2015-12-14"),),
        [
            (
                "2015-12-14",
                "timex",
                "The talks in Vienna on Monday ended without agreement, officials said.",
            )
        ],
    ),
    (
        "headline-above-the-lead-is-its-own-line",
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


# --- the date of the main statement ------------------------------------------------------

DATE_CASES = [
    (
        "since-makes-a-state",
        "Since March 31, the alliance has flown 700 sorties over the northern provinces.",
        (T("March 31", "2015-03-31"),),
        [],
    ),
    (
        "apposition-date-is-not-the-event",
        "Borg, a champion in 1965, was honoured by the club on Tuesday.",
        (T("1965", "1965"), T("Tuesday", "2015-12-15")),
        [("2015-12-15", "timex", "Borg, a champion in 1965, was honoured")],
    ),
    (
        "possessive-date-modifies-its-noun",
        "The charity launched an appeal for the victims of Tuesday's flood in the valley.",
        (T("Tuesday", "2015-12-15"),),
        [],
    ),
    (
        "relative-clause-date-is-background",
        "Jack Moore, whose brother was killed in 2014, criticised the plan at the hearing.",
        (T("2014", "2014"),),
        [],
    ),
    (
        "participle-clause-is-its-own-event",
        'The deal now looks fragile, with the ministry last Friday calling it a "draft".',
        (T("now", "PRESENT_REF", anchor="none"), T("last Friday", "2015-12-11")),
        [("2015-12-11", "timex", "The deal now looks fragile, with the ministry last Friday")],
    ),
    (
        "copula-saying-how-things-are-is-no-happening",
        "The situation at the border is now worse than it was in the summer.",
        (T("now", "PRESENT_REF", anchor="none"),),
        [],
    ),
    (
        "sentence-opening-now-is-a-discourse-marker",
        "Now, the lorries wait for hours at the border crossing.",
        (T("Now", "PRESENT_REF", anchor="none"),),
        [],
    ),
    (
        "years-before-the-story-are-background",
        "Five years ago the old bridge over the river collapsed in a storm.",
        (T("Five years ago", "2010"),),
        [],
    ),
    (
        "last-year-in-this-years-article-is-background",
        "Sales of the group's vaccines last year grew nearly 10 percent to 2.9 billion euros.",
        (T("last year", "2014"),),
        [],
    ),
    (
        "a-planned-meeting-is-dated-by-its-own-phrase",
        "The envoy will prepare the ground for a summit on the crisis mooted for next week.",
        (T("next week", "2015-W52"),),
        [("2015-W52", "timex", "The envoy will prepare the ground for a summit")],
    ),
    (
        "reporting-verb-dates-the-statement",
        "The airport's commander said on Sunday there had been 600 landings in a week.",
        (T("Sunday", "2015-12-13"),),
        [("2015-12-13", "timex", "The airport's commander said on Sunday there had been 600")],
    ),
]


@pytest.mark.parametrize(
    ("text", "specs", "expected"),
    [c[1:] for c in DATE_CASES],
    ids=[c[0] for c in DATE_CASES],
)
def test_the_date_of_the_main_statement(
    nlp: Language, text: str, specs: tuple[T, ...], expected: list[tuple[str, str, str]]
) -> None:
    found = mentions(nlp, text, *specs)
    got = [(m.date, m.date_source, m.headline) for m in found]
    assert len(got) == len(expected), got
    for (date, source, headline), (want_date, want_source, prefix) in zip(
        sorted(got), sorted(expected), strict=True
    ):
        assert (date, source) == (want_date, want_source)
        assert headline.startswith(prefix), headline


def test_the_text_is_the_whole_sentence_with_its_date_phrase_inside(nlp: Language) -> None:
    text = (
        "The ministers, meeting in Geneva, did not sign the accord on Monday, "
        "a spokesman said, and will try again in the spring."
    )
    (m,) = mentions(nlp, text, T("Monday", "2015-12-14"))
    assert m.headline == text
    assert m.timex is not None and text[m.timex.start : m.timex.end] == "Monday"
    assert m.predicate == "sign"


# --- page parts that are not reporting -------------------------------------------------------

PART_CASES = [
    (
        "comment-thread",
        "The mayor opened the new bridge on Monday.\n\nAt 2:54 pm on 15 Dec 2015, riverfan wrote:"
        "\n\nThe council wasted our money on Monday, as usual.",
        (T("Monday", "2015-12-14"), T("Monday", "2015-12-14", nth=1)),
        ["2015-12-14"],
        ["comment"],
    ),
    (
        "listing",
        "The documentary is being screened again on BBC Two from 2100 GMT on Saturday.",
        (T("Saturday", "2015-12-19"),),
        [],
        ["listing"],
    ),
    (
        "sharing-prompt",
        "Share this story with your friends before the vote on Friday.",
        (T("Friday", "2015-12-18"),),
        [],
        ["prompt"],
    ),
    (
        "live-blog-housekeeping",
        "Sorry for the delays to the live blog this morning, our system went down for a while.",
        (T("this morning", "2015-12-16"),),
        [],
        ["housekeeping"],
    ),
    (
        "live-blog-colleague",
        "My colleague Ann Reed is following the minister's press conference today.",
        (T("today", "2015-12-16"),),
        [],
        ["housekeeping"],
    ),
    (
        "question",
        "Where were the rescue teams on Monday when the second tremor struck?",
        (T("Monday", "2015-12-14"),),
        [],
        ["question"],
    ),
    (
        "first-person-chatter",
        "I visited the camp on Monday and it was heartbreaking to see.",
        (T("Monday", "2015-12-14"),),
        [],
        ["chatter"],
    ),
    (
        "caption-without-a-sentence-ending",
        "Rescue workers search the rubble of the school on Wednesday",
        (T("Wednesday", "2015-12-16"),),
        [],
        ["caption"],
    ),
    (
        "author-bio",
        "Anna Berg is a freelance writer who has covered the region since 2009.",
        (T("2009", "2009"),),
        [],
        ["bio"],
    ),
    (
        "author-bio-writes-for",
        "Tom Hill has written for the Review since 2012 and blogs about ports.",
        (T("2012", "2012"),),
        [],
        ["bio"],
    ),
    (
        "author-bio-former-post",
        "Ann Reed, a former envoy to the region from 2004 to 2008, is a senior fellow at the "
        "Harbour Institute.",
        (T("from 2004 to 2008", "2004"),),
        [],
        ["bio"],
    ),
    (
        "reader-email",
        "Tom Hill in Leeds e-mails: The charity shop collected 300 parcels on Monday.",
        (T("Monday", "2015-12-14"),),
        [],
        ["reader"],
    ),
]


@pytest.mark.parametrize(
    ("text", "specs", "dates", "parts"),
    [c[1:] for c in PART_CASES],
    ids=[c[0] for c in PART_CASES],
)
def test_page_parts_are_set_aside_with_a_reason(
    nlp: Language, text: str, specs: tuple[T, ...], dates: list[str], parts: list[str]
) -> None:
    found = extract_events(article(text), nlp(text), timexes(text, specs))
    assert [m.date for m in found.mentions] == dates
    assert [p.part for p in found.set_aside] == parts
    for part in found.set_aside:
        assert part.reason
        assert 0 <= part.start < part.end <= len(text)


def test_a_named_speaker_may_speak_in_the_first_person(nlp: Language) -> None:
    text = "The minister told reporters on Monday that we will rebuild every school."
    (m,) = mentions(nlp, text, T("Monday", "2015-12-14"))
    assert m.date == "2015-12-14"


# --- segmentation: stamps, datelines, glued captions ------------------------------------------


def test_live_blog_time_stamps_are_not_dates_and_not_text(nlp: Language) -> None:
    text = (
        "1528 The prime minister says the public response has been extraordinary.\n\n"
        "1545 The aid agency pledges 100,000 pounds to the relief effort.\n\n"
        "1602 Engineers reopen the main road to the port."
    )
    specs = (T("1528", "1528"), T("1545", "1545"), T("1602", "1602"))
    found = extract_mentions(article(text), nlp(text), timexes(text, specs))
    assert [m.date for m in found] == ["2015-12-16"] * 3
    assert [m.date_source for m in found] == ["publication"] * 3
    assert found[0].headline.startswith("The prime minister says")
    for m in found:
        assert text[m.start : m.end] == m.sentence
        assert not m.headline[:1].isdigit()


def test_a_live_blog_entry_is_dated_by_its_stamp_day(nlp: Language) -> None:
    """A blog published on the 16th that runs into the 17th: each entry is of its stamp's day."""
    from timeline.timex import tag_doc

    text = (
        "(Update 1:05 a.m. Thursday) Engineers reopen the main road to the port.\n\n"
        "(Update 11:40 p.m.) The aid agency pledges 100,000 pounds to the relief effort.\n\n"
        "(Update 9:10 p.m.) The prime minister says the response has been extraordinary."
    )
    doc = nlp(text)
    found = extract_mentions(article(text), doc, tag_doc(doc, PUBLISHED))
    assert [m.date for m in found] == ["2015-12-17", "2015-12-16", "2015-12-16"]
    assert found[0].headline.startswith("Engineers reopen")


def test_a_dateline_glued_to_the_lead_is_not_part_of_the_text(nlp: Language) -> None:
    text = "KINGSTON, Jamaica (CNN) -- The central bank cut its main rate on Tuesday."
    (m,) = mentions(nlp, text, T("Tuesday", "2015-12-15"))
    assert m.headline == "The central bank cut its main rate on Tuesday."
    assert text[m.start : m.end] == m.sentence == m.headline


def test_a_dateline_with_its_time_stamp_is_not_part_of_the_text(nlp: Language) -> None:
    text = "May 18, 2015 1:35 pm IST MUMBAI (Reuters) - The central bank cut its rate on Tuesday."
    (m,) = mentions(nlp, text, T("Tuesday", "2015-12-15"))
    assert m.headline == "The central bank cut its rate on Tuesday."


def test_a_caption_glued_to_the_sentence_is_cut_off(nlp: Language) -> None:
    text = "Survivors queue for water The agency launched its appeal for the region on Tuesday."
    (m,) = mentions(nlp, text, T("Tuesday", "2015-12-15"))
    assert m.headline == "The agency launched its appeal for the region on Tuesday."


def test_the_parse_is_the_pipelines_own(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """Events read the doc they are given: no sentence is parsed again."""
    import timeline.nlp.load

    text = "Kerry meets Putin in Kremlin\n\nPutin met Kerry for talks in the Kremlin yesterday."
    doc = nlp(text)
    monkeypatch.setattr(timeline.nlp.load, "load_pipeline", lambda *_: pytest.fail("parsed"))
    (m,) = extract_mentions(article(text), doc, timexes(text, (T("yesterday", "2015-12-15"),)))
    assert m.headline == "Putin met Kerry for talks in the Kremlin yesterday."


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Gov.", "Bobby Jindal said on Monday that the state would sue the operator."),
        ("The spill reached the coast on Mar.", "3 and the fishing grounds closed on Monday."),
        ("Shares in the oil company (BP.", "L) fell sharply on Monday in London trading."),
        ("The U.S.", "military said on Monday it would send two more ships."),
    ],
)
def test_a_sentence_broken_after_an_abbreviation_is_one_statement(
    nlp: Language, first: str, second: str
) -> None:
    """However the parser broke it (here: two parses joined), the statement is whole."""
    from spacy.tokens import Doc

    glued = first.endswith(".") and second[:2] == "L)"  # a ticker is written without a space
    doc = Doc.from_docs([nlp(first), nlp(second)], ensure_whitespace=not glued)
    assert len(list(doc.sents)) >= 2
    text = doc.text
    (m,) = extract_mentions(article(text), doc, timexes(text, (T("Monday", "2015-12-14"),)))
    assert m.headline == " ".join(text.split())


def test_a_ticker_or_title_at_a_real_sentence_end_still_ends_it(nlp: Language) -> None:
    from spacy.tokens import Doc

    doc = Doc.from_docs([nlp("The bank met the U.S."), nlp("Officials left on Monday.")])
    segs = [m.headline for m in extract_mentions(article(doc.text), doc, ())]
    assert segs == []  # neither is dated; and the two stay apart:
    from timeline.events import segments

    assert [s.text for s in segments(doc)] == ["The bank met the U.S.", "Officials left on Monday."]


@pytest.mark.parametrize(
    "text",
    [
        "The insurer Northwind Plc (NWD.\n\nL) cut its dividend on Monday after a weak year.",
        "Traders now look to Delta Oil Plc (DLTa.\n\nL), which reports its results on Monday.",
        "The suit names Harbor Drilling Ltd HRBN.\n\nN), owner of the platform that burned.",
        "Sen. Jane Moss (D-Ore.)\n\n, who cautioned on Monday against haste, got the most money.",
        "Spanish refiner Vela (VEL. MC) VEL. N prepares to drill off the coast next year.",
        "Fearing a loss at Corvid Plc (CVD.\n\nL) (CVD.\n\nN), the minister spoke on Monday.",
    ],
    ids=[
        "paragraph-in-ticker",
        "lower-case-class",
        "no-open-parenthesis",
        "comma-line",
        "spaced",
        "two-listings",
    ],
)
def test_a_wire_ticker_broken_across_lines_keeps_the_sentence_whole(
    nlp: Language, text: str
) -> None:
    """Wire copy breaks "(BP.L)" as "(BP.\\n\\nL)" or writes "REP. N": no sentence ends there."""
    from timeline.events import segments

    assert [" ".join(s.text.split()) for s in segments(nlp(text))] == [" ".join(text.split())]


def test_a_paragraph_after_an_abbreviation_still_starts_a_sentence(nlp: Language) -> None:
    from timeline.events import segments

    text = "The group moved its office to the USA.\n\nA new director started on Monday."
    assert [s.text for s in segments(nlp(text))] == [
        "The group moved its office to the USA.",
        "A new director started on Monday.",
    ]


def test_a_wire_storys_bulleted_summary_and_dateline_are_not_part_of_its_lead(
    nlp: Language,
) -> None:
    text = (
        "\\* Port reopens after the storm \\* Ferries to resume MIAMI, May 3 (Reuters) - "
        "Harbor Lines Inc (HBL.\n\nN) said on Monday it reopened the port to cargo ships."
    )
    (m,) = mentions(nlp, text, T("Monday", "2015-12-14"))
    assert m.headline.startswith("Harbor Lines Inc (HBL.")
    assert m.headline.endswith("said on Monday it reopened the port to cargo ships.")


def test_a_former_post_in_reporting_is_no_biography(nlp: Language) -> None:
    text = "Ann Reed, 34, was a reporter for the Review when the tremor struck on Tuesday."
    (m,) = mentions(nlp, text, T("Tuesday", "2015-12-15"))
    assert m.date == "2015-12-15"
