"""Key events: days ranked by independent references, sentences by centrality."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import make_article
from spacy.language import Language

from timeline.merge import event_id
from timeline.model import Article, Event, EventMention, Timex
from timeline.salience import central_sentences, names_day, rank_dates, select_key_events


def art(aid: str, published: str, text: str = "") -> Article:
    own = text or f"An article of its own, number {aid}, {aid * 5}."
    return make_article(aid, own, dt.date.fromisoformat(published))


def mention(aid: str, start: int, date: str, words: str, said: str = "") -> EventMention:
    """A mention of `words`; `said` is how its date was written, if it had a timex."""
    timex = Timex(start=start, end=start + len(said), text=said, type="DATE", value=date)
    return EventMention(
        article=aid,
        sentence=words,
        start=start,
        end=start + len(words),
        date=date,
        headline=words,
        timex=timex if said else None,
        lemmas=tuple(words.lower().split()),
    )


def event(*mentions: EventMention) -> Event:
    date = mentions[0].date
    return Event(id=event_id(date, mentions), date=date, headline="", mentions=mentions)


ARTICLES = {
    "a": art("a", "2010-04-21"),
    "b": art("b", "2010-04-25"),
    "c": art("c", "2010-05-02"),
    "d": art("d", "2010-04-22"),
}


def test_later_references_from_several_sources_rank_first() -> None:
    events = [
        event(
            mention("b", 0, "2010-04-20", "rig explodes gulf", "April 20"),
            mention("c", 0, "2010-04-20", "rig exploded in the gulf", "last Tuesday"),
        ),
        event(mention("d", 0, "2010-04-22", "rig sinks")),
    ]
    ranks = rank_dates(events, ARTICLES)
    assert ranks[0].date == "2010-04-20"
    assert (ranks[0].later, ranks[0].named, ranks[0].same_day) == (2, 1, 0)
    sinks = next(r for r in ranks if r.date == "2010-04-22")
    assert (sinks.same_day, sinks.published) == (1, 1)


def test_a_day_named_by_its_date_later_outranks_busy_and_relative_days() -> None:
    articles = {
        "p1": art("p1", "2010-06-01"),
        "p2": art("p2", "2010-06-01"),
        "r1": art("r1", "2010-06-03"),
        "r2": art("r2", "2010-06-04"),
        "n1": art("n1", "2010-08-10"),
        "n2": art("n2", "2010-08-11"),
    }
    events = [
        event(
            mention("p1", 0, "2010-06-01", "talks open"), mention("p2", 0, "2010-06-01", "talks")
        ),
        event(
            mention("r1", 0, "2010-06-02", "cap fitted", "yesterday"),
            mention("r2", 0, "2010-06-02", "the cap was fitted", "on Wednesday"),
        ),
        event(
            mention("n1", 0, "2010-05-20", "the well was plugged", "20 May"),
            mention("n2", 0, "2010-05-20", "since the well was plugged", "May 20"),
        ),
    ]
    ranks = rank_dates(events, articles)
    assert ranks[0].date == "2010-05-20"
    assert {r.date for r in ranks[1:3]} == {"2010-06-01", "2010-06-02"}
    assert (ranks[0].named, ranks[0].far) == (2, 2)
    assert next(r for r in ranks if r.date == "2010-06-02").named == 0


def test_one_source_naming_a_day_is_background_not_a_landmark() -> None:
    events = [
        event(mention("c", 0, "2010-03-01", "the permit was granted", "March 1")),
        event(mention("b", 0, "2010-04-25", "hearing"), mention("c", 9, "2010-04-25", "hearing")),
    ]
    ranks = rank_dates(events, ARTICLES)
    assert ranks[0].date == "2010-04-25"
    permit = next(r for r in ranks if r.date == "2010-03-01")
    # later (0.5) and in the lead (1), but no landmark bonus
    assert (permit.named, permit.far, permit.lead, permit.score) == (1, 1, 1, 1.5)


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("May 20", True),
        ("20 May 2010", True),
        ("Sept. 3rd", True),
        ("the 4th of July", True),
        ("yesterday", False),
        ("on Tuesday", False),
        ("May", False),
        ("", False),
    ],
)
def test_names_day(said: str, named: bool) -> None:
    assert names_day(mention("a", 0, "2010-05-20", "something happened", said)) is named


def test_wire_copies_count_once() -> None:
    story = " ".join(f"word{i}" for i in range(100))
    articles = {"x": art("x", "2010-05-01", story), "y": art("y", "2010-05-01", story)}
    events = [
        event(mention("x", 0, "2010-04-20", "rig explodes"), mention("y", 0, "2010-04-20", "rig"))
    ]
    (explosion,) = [r for r in rank_dates(events, articles) if r.date == "2010-04-20"]
    assert explosion.later == 1


def test_date_filter_and_only_days() -> None:
    events = [
        event(mention("b", 0, "2010-04-20", "rig explodes")),
        event(mention("c", 0, "2010-W17", "a week of trouble")),
        event(mention("c", 50, "2010-03-01", "permit granted")),
    ]
    ranks = rank_dates(events, ARTICLES, start=dt.date(2010, 4, 1), end=dt.date(2010, 4, 30))
    assert all("2010-04-01" <= r.date <= "2010-04-30" for r in ranks)
    assert {r.date for r in ranks} >= {"2010-04-20"}


def test_select_key_events_caps_days_and_sentences() -> None:
    events = [
        event(
            mention("b", 0, "2010-04-20", "rig explodes in gulf of mexico"),
            mention("c", 0, "2010-04-20", "the rig explodes in the gulf of mexico"),
            mention("c", 90, "2010-04-20", "eleven workers missing after rig explodes"),
        ),
        event(mention("c", 200, "2010-04-22", "burning rig sinks")),
        event(mention("b", 300, "2010-04-23", "oil leak discovered")),
        event(mention("c", 400, "2010-W17", "a week of trouble")),
    ]
    key = select_key_events(events, ARTICLES, top_dates=2, sentences_per_date=2)
    assert [e.date for e in key] == sorted(e.date for e in key)
    assert len(key) == 2
    assert key[0].date == "2010-04-20"
    assert 1 <= len(key[0].mentions) <= 2
    assert all(len(e.mentions) <= 2 for e in key)
    for e in key:
        assert e.id == event_id(e.date, e.mentions)
    window = select_key_events(
        events, ARTICLES, 5, 1, start=dt.date(2010, 4, 21), end=dt.date(2010, 4, 30)
    )
    assert {e.date for e in window} <= {"2010-04-22", "2010-04-23"}


def test_central_sentences_prefer_the_common_story_and_skip_repeats() -> None:
    pool = [
        mention("a", 0, "2010-04-20", "rig explodes gulf workers missing"),
        mention("b", 0, "2010-04-20", "rig explodes gulf workers missing"),
        mention("c", 0, "2010-04-20", "rig explodes gulf coast guard search"),
        mention("d", 0, "2010-04-20", "unrelated football score"),
    ]
    best = central_sentences(pool, 2)
    assert len(best) == 2
    assert best[0].sentence.startswith("rig explodes")
    assert {m.sentence for m in best} == {
        "rig explodes gulf workers missing",
        "rig explodes gulf coast guard search",
    }


def test_seed_key_event_is_the_moscow_talks(nlp: Language, repo_root: Path) -> None:
    timex = pytest.importorskip("timeline.timex")
    ingest = pytest.importorskip("timeline.ingest")
    from timeline.events import extract_mentions
    from timeline.merge import merge_mentions

    articles = {a.id: a for a in ingest.read_inputs([repo_root / "seeds"]) if a.text}
    if timex.tag_doc(nlp("Russia began airstrikes on September 30."), dt.date(2015, 12, 16)) == ():
        pytest.skip("the temporal tagger is not available yet")
    mentions: list[EventMention] = []
    for a in articles.values():
        doc = nlp(a.text)
        mentions.extend(extract_mentions(a, doc, timex.tag_doc(doc, a.published.date)))
    (top,) = select_key_events(merge_mentions(mentions, articles), articles, 1, 2)
    assert top.date == "2015-12-15"
    assert {m.article[:3] for m in top.mentions} == {"000", "002"}


def test_days_only_one_source_speaks_of_are_not_key_days() -> None:
    articles = {
        "w1": art("w1", "2010-05-03"),
        "w2": art("w2", "2010-05-04"),
        "lone": art("lone", "2010-05-05"),
    }
    events = [
        event(
            mention("w1", 0, "2010-05-02", "the cap was fitted", "on Sunday"),
            mention("w2", 0, "2010-05-02", "a cap was fitted over the well", "May 2"),
        ),
        event(mention("lone", 0, "2010-03-10", "the permit was granted", "March 10")),
        event(mention("lone", 40, "2010-04-01", "a survey was filed", "April 1")),
    ]
    ranks = {r.date: r for r in rank_dates(events, articles)}
    assert (ranks["2010-05-02"].sources, ranks["2010-05-02"].corroborated) == (2, True)
    assert (ranks["2010-03-10"].sources, ranks["2010-03-10"].corroborated) == (1, False)
    key = select_key_events(events, articles, top_dates=3, sentences_per_date=1)
    assert [e.date for e in key] == ["2010-05-02"]


def test_without_a_corroborated_dated_day_every_dated_day_can_be_key() -> None:
    # two sources published on one day corroborate that day, but date nothing to it
    articles = {"one": art("one", "2010-05-05"), "two": art("two", "2010-05-05")}
    events = [
        event(mention("one", 0, "2010-03-10", "the permit was granted", "March 10")),
        event(mention("two", 0, "2010-04-01", "a survey was filed", "April 1")),
    ]
    key = select_key_events(events, articles, top_dates=3, sentences_per_date=1)
    assert [e.date for e in key] == ["2010-03-10", "2010-04-01"]


def test_a_day_a_later_report_leads_with_outranks_one_dated_in_passing() -> None:
    text = (
        "Judge lifts drilling ban\n"
        "A judge lifted the drilling ban on Tuesday, a day after the hearing.\n"
        "Shares fell on Monday.\n"
    )
    other = "Markets\nTraders were calm.\nThe hearing was held on Monday, and shares fell.\n"
    articles = {"x": art("x", "2010-06-23", text), "y": art("y", "2010-06-23", other)}
    ruling, hearing = text.index("A judge"), text.index("Shares")
    events = [
        event(
            mention("x", ruling, "2010-06-22", "a judge lifted the ban", "on Tuesday"),
            mention("y", other.index("The hearing"), "2010-06-22", "shares fell", "on Monday"),
        ),
        event(
            mention("x", hearing, "2010-06-21", "shares fell", "on Monday"),
            mention("y", other.index("The hearing"), "2010-06-21", "the hearing", "on Monday"),
        ),
    ]
    ranks = {r.date: r for r in rank_dates(events, articles)}
    assert (ranks["2010-06-22"].lead, ranks["2010-06-21"].lead) == (1, 0)
    assert ranks["2010-06-22"].score > ranks["2010-06-21"].score
