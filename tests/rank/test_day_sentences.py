"""The sentences that tell a key day: echoed by other sources, reported at the time."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from builders import make_article

from timeline.rank.day_sentences import Candidates, candidates, day_sentences, named_in_passing
from timeline.types import Article, ArticleResult, EventMention, Timex

D = dt.date.fromisoformat
DAY = D("2010-04-20")


def mention(aid: str, words: str, start: int = 0, date: str = "2010-04-20") -> EventMention:
    return EventMention(
        article=aid,
        sentence=words,
        start=start,
        end=start + len(words),
        date=date,
        headline=words,
        lemmas=tuple(words.lower().split()),
    )


def found(
    mentions: list[EventMention],
    published: dict[str, str],
    sources: dict[str, str] | None = None,
) -> Candidates:
    articles: dict[str, Article] = {
        aid: make_article(aid, f"text of {aid}", D(day)) for aid, day in published.items()
    }
    return candidates(mentions, articles, sources or {aid: aid for aid in published})


def sentences(best: tuple[EventMention, ...]) -> list[str]:
    return [m.sentence for m in best]


def test_what_other_sources_echo_beats_one_source_repeating_itself() -> None:
    pool = [
        mention("a", "shares of the company rose sharply in trading", 0),
        mention("a", "shares of the company rose sharply in early trading", 100),
        mention("a", "shares of the company rose sharply in late trading", 200),
        mention("b", "the rig exploded in the gulf and workers are missing"),
        mention("c", "workers are missing after the rig exploded"),
        mention("d", "the gulf rig exploded overnight"),
    ]
    days = dict.fromkeys("abcd", "2010-04-21")
    (best,) = day_sentences(found(pool, days), DAY, 1)
    assert "rig exploded" in best.sentence


def test_wire_copies_do_not_echo_each_other() -> None:
    pool = [
        mention("w1", "officials announced a moratorium on deep water drilling"),
        mention("w2", "officials announced a moratorium on deep water drilling"),
        mention("x", "the burning rig sank in the gulf"),
        mention("y", "the rig sank after burning for two days in the gulf"),
    ]
    days = dict.fromkeys(["w1", "w2", "x", "y"], "2010-04-21")
    as_one = {"w1": "w1", "w2": "w1", "x": "x", "y": "y"}
    (best,) = day_sentences(found(pool, days, as_one), DAY, 1)
    assert "sank" in best.sentence
    (copied,) = day_sentences(found(pool, days), DAY, 1)  # as two sources they echo
    assert "moratorium" in copied.sentence


def test_the_report_at_the_time_beats_a_later_aside() -> None:
    pool = [
        mention("later", "the rig exploded in the gulf killing eleven workers"),
        mention("then", "the rig exploded in the gulf killing eleven workers"),
        mention("echo", "eleven workers were killed when the rig exploded"),
    ]
    days = {"later": "2010-06-01", "then": "2010-04-21", "echo": "2010-04-22"}
    best = day_sentences(found(pool, days), DAY, 2)
    assert best[0].article == "then"
    assert len(best) == 2 and best[1].article == "echo", "the aside repeats the first"


def test_a_day_one_source_reported_ranks_by_centrality() -> None:
    pool = [
        mention("a", "crews fought the fire on the rig", 0),
        mention("a", "crews fought the fire on the burning rig all night", 100),
        mention("a", "the weather was mild", 200),
    ]
    (best,) = day_sentences(found(pool, {"a": "2010-04-21"}), DAY, 1)
    assert "fire" in best.sentence


def test_count_caps_near_repeats_are_skipped_and_other_days_ignored() -> None:
    pool = [
        mention("a", "the rig exploded in the gulf"),
        mention("b", "the rig exploded in the gulf"),
        mention("c", "the rig exploded in the gulf today"),
        mention("d", "coast guard searched for missing workers"),
        mention("e", "coast guard searched for the workers", date="2010-04-21"),
        mention("f", "a week of trouble for the company", date="2010-W16"),
    ]
    days = dict.fromkeys("abcdef", "2010-04-21")
    best = day_sentences(found(pool, days), DAY, 5)
    assert sentences(best)[0].startswith("the rig exploded")
    assert len(best) == 2, "three tellings of the explosion are one sentence"
    assert all(m.date == "2010-04-20" for m in best)
    assert day_sentences(found(pool, days), D("2010-04-25"), 3) == ()


def test_one_sentence_seen_twice_is_one_candidate() -> None:
    twice = [mention("a", "the rig exploded"), mention("a", "the rig exploded")]
    assert len(day_sentences(found(twice, {"a": "2010-04-21"}), DAY, 3)) == 1


def test_span_limits_the_candidates() -> None:
    pool = [mention("a", "the rig exploded"), mention("a", "the rig sank", 50, "2010-04-22")]
    window = candidates(
        pool,
        {"a": make_article("a", "text", D("2010-04-22"))},
        {"a": "a"},
        start=D("2010-04-21"),
    )
    assert list(window.by_day) == [D("2010-04-22")]


def test_the_weight_of_a_report_at_the_time_can_be_varied() -> None:
    """A comparison may weigh reports at the time differently: at 1 the most echoed
    sentence wins whenever it was written; within 0 days a next-day report is an aside."""
    pool = [
        mention("later", "the rig exploded in the gulf and eleven workers were killed"),
        mention("then", "the rig exploded in the gulf"),
        mention("echo", "eleven workers were killed when the rig exploded in the gulf"),
    ]
    days = {"later": "2010-06-01", "then": "2010-04-21", "echo": "2010-06-02"}
    (shipped,) = day_sentences(found(pool, days), DAY, 1)
    assert shipped.article == "then"
    (echoed,) = day_sentences(found(pool, days), DAY, 1, own_report=1.0)
    assert echoed.article == "later"
    (same_day,) = day_sentences(found(pool, days), DAY, 1, report_days=0)
    assert same_day.article == "later"


def passing_result(aid: str, published: str, words: str, *dated: tuple[str, str]) -> ArticleResult:
    """One statement dated to the first of `dated` (what it says, TIMEX3 value) that names
    the others in passing."""
    timexes = tuple(
        Timex(start=words.index(said), end=words.index(said) + len(said), text=said, type="DATE",
              value=value)
        for said, value in dated
    )  # fmt: skip
    own = mention(aid, words, date=dated[0][1])
    return ArticleResult(
        article=make_article(aid, words, D(published)),
        timexes=timexes,
        mentions=(replace(own, timex=timexes[0]),),
    )


def test_a_day_named_in_passing_is_told_by_that_sentence() -> None:
    said = "shares, which fell on 15 September, rose on Tuesday"
    result = passing_result(
        "a", "2008-09-17", said, ("Tuesday", "2008-09-16"), ("15 September", "2008-09-15")
    )
    (aside,) = named_in_passing(
        replace(result, mentions=(replace(result.mentions[0], date_source="publication"),))
    )
    assert (aside.date, aside.sentence, aside.timex and aside.timex.text) == (
        "2008-09-15",
        said,
        "15 September",
    )
    assert aside.date_source == "timex"  # dated by the expression, whatever dated the statement
    articles = {"a": result.article}
    told = candidates(result.mentions, articles, {"a": "a"}, asides=named_in_passing(result))
    assert told.told == {D("2008-09-15"), D("2008-09-16")}
    assert sentences(day_sentences(told, D("2008-09-15"), 2)) == [said]
    assert candidates(result.mentions, articles, {"a": "a"}).told == {D("2008-09-16")}


def test_a_day_with_its_own_statement_is_not_told_by_asides() -> None:
    aside = passing_result(
        "a", "2008-09-17", "shares, which fell on 15 September, rose on Tuesday",
        ("Tuesday", "2008-09-16"), ("15 September", "2008-09-15"),
    )  # fmt: skip
    own = mention("b", "the bank filed for bankruptcy on Monday", date="2008-09-15")
    articles = {"a": aside.article, "b": make_article("b", own.sentence, D("2008-09-16"))}
    told = candidates(
        [*aside.mentions, own], articles, {"a": "a", "b": "b"}, asides=named_in_passing(aside)
    )
    assert sentences(day_sentences(told, D("2008-09-15"), 2)) == [own.sentence]


def test_only_days_are_named_in_passing() -> None:
    said = "profits, down since 2007 and last week, rose on Tuesday"
    result = passing_result(
        "a",
        "2008-09-17",
        said,
        ("Tuesday", "2008-09-16"),
        ("2007", "2007"),
        ("last week", "2008-W37"),
    )
    assert named_in_passing(result) == ()
