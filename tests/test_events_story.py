"""Statements off the story: the other news of a page set aside, the story's own kept.

The corpus is invented: reports of a dam failure in a valley, and one page of the day's
news that carries a single item about the dam among items about other things."""

from __future__ import annotations

import datetime as dt

from builders import make_article

from timeline.events.story import MIN_ARTICLES, PART, keep_to_the_story, story_of
from timeline.types import ArticleResult, EventMention

_LEADS = (
    "Engineers warned on {d} that the cracked dam above the Varna valley could fail within days.",
    "Villagers below the Varna dam were moved to higher ground as the reservoir kept rising.",
    "Floodwater from the broken dam reached the market town of Orsk late on {d}.",
    "The regional governor blamed years of neglect for the collapse of the Varna dam.",
)
_QUIET = (
    "Rescue teams worked through the night with boats borrowed from fishermen upriver.",
    "A school gymnasium has become a shelter for about two hundred families.",
    "Her sister arrived on a tractor with bread, blankets and a camping stove.",
    "The road to the capital reopened in the afternoon after the water fell back.",
)


def _report(n: int) -> str:
    lead = _LEADS[n % len(_LEADS)].format(d=f"day {n}")
    middle = [f"{q} Report {n}." for q in _QUIET]
    return "\n\n".join(
        [lead, *middle, "Officials said the dam had not been inspected for a decade."]
    )


def _mention(aid: str, text: str, sentence: str) -> EventMention:
    start = text.index(sentence)
    return EventMention(
        article=aid,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        date="2015-03-02",
        headline=sentence,
    )


def _result(aid: str, text: str, *dated: str) -> ArticleResult:
    article = make_article(aid, text, dt.date(2015, 3, 2))
    return ArticleResult(article=article, mentions=tuple(_mention(aid, text, s) for s in dated))


_DAY_PAGE = "\n\n".join(
    [
        "Here are the stories we are following today.",
        "A winter storm closed schools across the northern provinces on Monday morning.",
        "A ferry ran aground near the harbour mouth, and its passengers were taken off safely.",
        "The central bank raised its main interest rate by a quarter point on Monday.",
        "Shares in the national airline fell six percent after the pilots' strike began.",
        "The football league fined two clubs for crowd trouble at the weekend.",
        "The opera house announced its new season, opening with a premiere in May.",
        "Police arrested three men after a jewellery shop was robbed in the old town.",
        "Engineers said on Monday the cracked Varna dam was holding after the water fell.",
    ]
)


def _corpus() -> list[ArticleResult]:
    reports = [_result(f"r{n}", _report(n)) for n in range(MIN_ARTICLES)]
    quiet = _QUIET[2] + " Report 7."
    reports[7] = _result("r7", _report(7), quiet)
    storm = "A winter storm closed schools across the northern provinces on Monday morning."
    ferry = "A ferry ran aground near the harbour mouth, and its passengers were taken off safely."
    police = "Police arrested three men after a jewellery shop was robbed in the old town."
    dam = "Engineers said on Monday the cracked Varna dam was holding after the water fell."
    return [*reports, _result("page", _DAY_PAGE, storm, ferry, police, dam)]


def test_the_story_is_what_the_articles_lead_with() -> None:
    story = story_of([r.article.text for r in _corpus()])
    assert story is not None
    assert {"dam", "varna"} <= story.words
    assert not {"said", "officials", "day", "monday"} & story.words


def test_other_news_on_a_page_is_set_aside_and_the_storys_own_item_kept() -> None:
    """Paragraphs next to the story's item are given the benefit of the doubt."""
    results = keep_to_the_story(_corpus())
    page = results[-1]
    assert [m.sentence for m in page.mentions] == [
        "Police arrested three men after a jewellery shop was robbed in the old town.",
        "Engineers said on Monday the cracked Varna dam was holding after the water fell.",
    ]
    aside = [(page.article.text[p.start : p.end], p.part) for p in page.set_aside]
    assert aside == [
        ("A winter storm closed schools across the northern provinces on Monday morning.", PART),
        (
            "A ferry ran aground near the harbour mouth, and its passengers were taken off safely.",
            PART,
        ),
    ]
    assert all(p.reason for p in page.set_aside)


def test_a_quiet_paragraph_of_a_report_on_the_story_is_kept() -> None:
    results = keep_to_the_story(_corpus())
    (kept,) = results[7].mentions
    assert kept.sentence.startswith("Her sister arrived on a tractor")
    assert results[7].set_aside == ()


def test_a_small_corpus_keeps_every_statement() -> None:
    few = [*_corpus()[: MIN_ARTICLES // 3], _corpus()[-1]]
    assert keep_to_the_story(few) == tuple(few)


def test_a_sidebar_repeated_on_every_page_does_not_become_the_story() -> None:
    sidebar = "Two men were charged over the theft of a racehorse from a stable near Orsk."
    corpus = [
        _result(r.article.id, sidebar + "\n\n" + r.article.text, *[m.sentence for m in r.mentions])
        for r in _corpus()
    ]
    story = story_of([r.article.text for r in corpus])
    assert story is not None
    assert "racehorse" not in story.words
