"""Merging mentions across sources: same event, compatible dates, stable and order-free."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from builders import make_article
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from timeline.merge import merge_mentions
from timeline.merge.wire import source_groups
from timeline.shingles import text_shingles
from timeline.types import (
    Article,
    DateValue,
    Entity,
    Event,
    EventMention,
    event_id,
)


def art(aid: str, text: str = "", day: dt.date | None = dt.date(2015, 12, 16)) -> Article:
    return make_article(
        aid, text or f"Distinct body of article {aid} with its own words {aid * 3}.", day
    )


def mention(
    aid: str, start: int, date: str, words: str, people: tuple[str, ...] = ()
) -> EventMention:
    return EventMention(
        article=aid,
        sentence=words,
        start=start,
        end=start + len(words),
        date=date,
        headline=words,
        entities=tuple(Entity(text=p, label="PERSON") for p in people),
        lemmas=tuple(words.lower().split()),
    )


KERRY_MOSCOW = ("John Kerry", "Sergei Lavrov")
ARTICLES = {a: art(a) for a in ("a", "b", "c", "d")}


def by_article(events: tuple[Event, ...]) -> list[tuple[str, tuple[str, ...]]]:
    return [(e.date, e.articles) for e in events]


def test_same_event_across_sources_merges_to_the_finest_date() -> None:
    events = merge_mentions(
        [
            mention("a", 0, "2015-12-18", "meeting in new york on syria ceasefire", KERRY_MOSCOW),
            mention("b", 0, "2015-W51", "international meeting on syria ceasefire", KERRY_MOSCOW),
        ],
        ARTICLES,
    )
    assert by_article(events) == [("2015-12-18", ("a", "b"))]
    assert not events[0].conflict


def test_same_day_different_events_stay_apart() -> None:
    events = merge_mentions(
        [
            mention("a", 0, "2015-12-15", "kerry talks kremlin putin syria", KERRY_MOSCOW),
            mention("b", 0, "2015-12-15", "earthquake strikes haiti capital hundreds dead"),
        ],
        ARTICLES,
    )
    assert len(events) == 2


def test_incompatible_dates_of_similar_mentions_stay_apart() -> None:
    events = merge_mentions(
        [
            mention("a", 0, "2015-12-15", "kerry lavrov talks moscow political process"),
            mention("b", 0, "2015-12-18", "kerry lavrov talks new york ceasefire"),
        ],
        ARTICLES,
    )
    assert len(events) == 2


def test_clear_same_event_with_disagreeing_dates_is_a_conflict() -> None:
    words = "russia began campaign airstrikes syria support assad against isil militants"
    events = merge_mentions(
        [
            mention("a", 0, "2015-09-30", words),
            mention("b", 0, "2015-09-30", words),
            mention("c", 0, "2015-10-01", words),
        ],
        ARTICLES,
    )
    (event,) = events
    assert event.date == "2015-09-30"
    assert event.conflict
    assert event.conflict_dates == ("2015-10-01",)


def test_one_sentence_two_statements_never_merge() -> None:
    events = merge_mentions(
        [
            mention("a", 0, "2015-11", "talks syria vienna dialogue government opposition"),
            mention("a", 0, "2015-11-05", "talks syria vienna dialogue government opposition"),
        ],
        ARTICLES,
    )
    assert len(events) == 2


def test_one_article_dating_two_statements_differently_tells_two_events() -> None:
    events = merge_mentions(
        [
            mention("a", 0, "2015-12-15", "kerry moscow talks try ground", KERRY_MOSCOW),
            mention("a", 90, "2015-W51", "kerry try prepare ground meeting", KERRY_MOSCOW),
        ],
        ARTICLES,
    )
    assert len(events) == 2


def test_unparsable_dates_are_kept_alone() -> None:
    events = merge_mentions(
        [mention("a", 0, "PAST_REF", "x y z"), mention("b", 0, "PAST_REF", "x y z")], ARTICLES
    )
    assert len(events) == 2
    assert all(e.date == "PAST_REF" for e in events)


def test_sorted_by_date_then_id() -> None:
    events = merge_mentions(
        [
            mention("a", 0, "2015-12-18", "alpha beta gamma"),
            mention("b", 0, "2015-12", "delta epsilon zeta"),
            mention("c", 0, "2015-09-30", "eta theta iota"),
            mention("d", 0, "2015-12-18", "kappa lambda mu"),
        ],
        ARTICLES,
    )
    firsts = [DateValue.parse(e.date) for e in events]
    assert [f.first for f in firsts if f] == sorted(f.first for f in firsts if f)
    same_day = [e.id for e in events if e.date == "2015-12-18"]
    assert same_day == sorted(same_day)


def test_ids_hash_date_and_provenance_only() -> None:
    one = mention("a", 10, "2015-12-15", "kerry in moscow")
    renamed = EventMention(
        article="a", sentence="?", start=10, end=25, date="2015-12-15", headline="other"
    )
    assert event_id("2015-12-15", [one]) == event_id("2015-12-15", [renamed])
    assert event_id("2015-12-15", [one]) != event_id("2015-12-16", [one])


def test_wire_copies_are_one_source() -> None:
    story = " ".join(f"word{i}" for i in range(200))
    groups = source_groups(
        {"x": art("x", story), "y": art("y", "Advertisement " + story), "z": art("z")}
    )
    assert groups["x"] == groups["y"] == "x"
    assert groups["z"] == "z"


def test_cached_fingerprints_group_as_the_texts_do() -> None:
    story = " ".join(f"word{i}" for i in range(200))
    articles = {"x": art("x", story), "y": art("y", "Advertisement " + story), "z": art("z")}
    known = {"x": text_shingles(articles["x"].text), "z": text_shingles(articles["z"].text)}
    assert source_groups(articles, known) == source_groups(articles)
    # the fingerprint given is the one used: a stale one would change the grouping
    stale = {"y": text_shingles(articles["z"].text)}
    assert source_groups(articles, stale)["y"] == "y"


def test_wire_copies_do_not_outvote_an_independent_source() -> None:
    story = " ".join(f"word{i}" for i in range(200))
    articles = {"x": art("x", story), "y": art("y", story), "z": art("z")}
    words = "russia began campaign airstrikes syria support assad against isil militants"
    events = merge_mentions(
        [
            mention("x", 0, "2015-10-01", words),
            mention("y", 0, "2015-10-01", words),
            mention("z", 0, "2015-09-30", words),
        ],
        articles,
    )
    (event,) = events
    # one source each: the tie goes to the earlier day, not to the copied story
    assert event.date == "2015-09-30"
    assert event.conflict_dates == ("2015-10-01",)


_DATES = ["2015-12-14", "2015-12-15", "2015-12-18", "2015-W51", "2015-12", "2015-11", "2016-01"]
_WORDS = ["kerry", "putin", "moscow", "talks", "syria", "meeting", "ceasefire", "vienna"]
_mentions = st.lists(
    st.builds(
        mention,
        aid=st.sampled_from(["a", "b", "c", "d"]),
        start=st.integers(0, 5).map(lambda i: i * 100),
        date=st.sampled_from(_DATES),
        words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(mentions=_mentions, data=st.data())
def test_order_independent_and_lossless(mentions: list[EventMention], data: st.DataObject) -> None:
    events = merge_mentions(mentions, ARTICLES)
    shuffled = data.draw(st.permutations(mentions))
    assert merge_mentions(shuffled, ARTICLES) == events
    kept = Counter(m for e in events for m in e.mentions)
    assert kept == Counter(mentions)
    for e in events:
        assert e.id == event_id(e.date, e.mentions)
        values = [DateValue.parse(m.date) for m in e.mentions]
        chosen = DateValue.parse(e.date)
        assert chosen is not None
        if not e.conflict:
            assert all(v is not None and chosen.compatible(v) for v in values)


# --- the seed articles, with the real tagger -----------------------------------------------


@pytest.fixture(scope="module")
def seed_events(nlp: Language, repo_root: Path) -> tuple[Event, ...]:
    timex = pytest.importorskip("timeline.timex")
    ingest = pytest.importorskip("timeline.ingest")
    from timeline.events import extract_mentions

    articles = [a for a in ingest.read_inputs([repo_root / "seeds"]) if a.text]
    if timex.tag_doc(nlp("Russia began airstrikes on September 30."), dt.date(2015, 12, 16)) == ():
        pytest.skip("the temporal tagger is not available yet")
    facts = {a.id[:3]: a.published.date for a in articles}
    assert facts == {"000": dt.date(2015, 12, 16), "002": dt.date(2015, 12, 15)}
    found = []
    for a in articles:
        doc = nlp(a.text)
        found.extend(extract_mentions(a, doc, timex.tag_doc(doc, a.published.date)))
    return merge_mentions(found, {a.id: a for a in articles})


def _event_with(events: tuple[Event, ...], *needles: str) -> Event:
    hits = [e for e in events if any(n in m.sentence for m in e.mentions for n in needles)]
    assert len(hits) == 1, [(e.date, e.headline) for e in hits]
    return hits[0]


def _sources(event: Event) -> set[str]:
    return {a[:3] for a in event.articles}


def test_seed_moscow_talks_are_one_event(seed_events: tuple[Event, ...]) -> None:
    event = _event_with(seed_events, "talks in the Kremlin yesterday", "is in Moscow for talks")
    assert event.date == "2015-12-15"
    assert _sources(event) == {"000", "002"}
    assert any("is now in talks" in m.sentence for m in event.mentions)


def test_seed_new_york_meeting_is_one_event(seed_events: tuple[Event, ...]) -> None:
    event = _event_with(seed_events, "meeting on Friday in New York", "later this week")
    assert event.date == "2015-12-18"
    assert _sources(event) == {"000", "002"}


def test_seed_january_talks_are_one_event(seed_events: tuple[Event, ...]) -> None:
    event = _event_with(seed_events, "scheduled for January next year")
    assert event.date == "2016-01-01"
    assert _sources(event) == {"000", "002"}
    assert any("January 1 date" in m.sentence for m in event.mentions)


def test_seed_target_date_call_is_its_own_event_of_that_friday(
    seed_events: tuple[Event, ...],
) -> None:
    """ "That goal now looks in doubt, with the State Department last Friday calling it a
    target date": the call is an event of last Friday, not of the publication day."""
    event = _event_with(seed_events, "calling it a")
    assert event.date == "2015-12-11"
    assert {m.predicate for m in event.mentions} == {"calling"}


def test_seed_airstrikes_began_on_september_30(seed_events: tuple[Event, ...]) -> None:
    event = _event_with(seed_events, "campaign of airstrikes")
    assert event.date == "2015-09-30"


def test_seed_no_event_from_page_furniture(seed_events: tuple[Event, ...]) -> None:
    sentences = [m.sentence for e in seed_events for m in e.mentions]
    for furniture in ("Promoted Links", "news headlines", "Connect With Us", "December 2017"):
        assert not any(furniture in s for s in sentences)
    assert all(e.date.startswith(("2014", "2015", "2016")) for e in seed_events)
