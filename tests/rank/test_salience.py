"""Key days: busiest news days, lifted by later sources naming them; told by their sentences."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from builders import dated_result

from timeline.rank.evidence import DayEvidence
from timeline.rank.salience import (
    MIN_SOURCES,
    NAMED_WEIGHT,
    coverage,
    key_days,
    key_events,
    rank_dates,
    select_key_events,
)
from timeline.types import Timex, event_id

D = dt.date.fromisoformat


def evidence(day: str, published: int, named: int = 0, attested: int = 0) -> DayEvidence:
    return DayEvidence(
        date=D(day), published=published, named=named, attested=max(attested, published + named)
    )


def test_score_is_sources_published_plus_later_naming() -> None:
    ranks = rank_dates(
        [
            evidence("2010-06-01", published=5),
            evidence("2010-04-20", published=1, named=3),
            evidence("2010-05-02", published=2),
            evidence("2010-05-01", published=2),
        ]
    )
    assert [r.date.isoformat() for r in ranks] == [
        "2010-04-20",  # 1 + 3 * 2
        "2010-06-01",
        "2010-05-01",  # ties go to the earlier day
        "2010-05-02",
    ]
    assert ranks[0].score == 1 + 3 * NAMED_WEIGHT


def test_weight_zero_counts_publications_alone() -> None:
    days = [evidence("2010-04-20", published=0, named=4), evidence("2010-06-01", published=1)]
    assert [r.date for r in rank_dates(days, named_weight=0)] == [D("2010-06-01")]
    assert [r.date for r in rank_dates(days, named_weight=1)] == [D("2010-04-20"), D("2010-06-01")]


def test_a_day_one_source_names_is_no_landmark() -> None:
    lone = DayEvidence(date=D("2010-03-01"), published=0, named=1, attested=1)
    seen = DayEvidence(date=D("2010-03-02"), published=0, named=1, attested=MIN_SOURCES)
    ranks = rank_dates([lone, seen, evidence("2010-04-01", published=1)])
    assert [r.date.isoformat() for r in ranks] == ["2010-03-02", "2010-04-01"]


def test_key_days_need_a_sentence_and_never_pad() -> None:
    results = [
        dated_result("a", "2010-04-21", ("the rig exploded", "yesterday", "2010-04-20")),
        dated_result("b", "2010-04-21", ("the rig burned", "on Tuesday", "2010-04-20")),
        dated_result("c", "2010-04-22"),
        dated_result("d", "2010-04-22"),
        dated_result("e", "2010-04-22"),
    ]
    found = coverage(results)
    # 04-22 is the busiest day, but nothing is dated to it; 04-20 nobody published on
    ranked = [r.date for r in rank_dates(found.evidence)]
    assert ranked == [D("2010-04-22"), D("2010-04-21")]
    assert key_days(found, 5) == ()
    results.append(dated_result("f", "2010-04-23", ("the rig sank", "yesterday", "2010-04-22")))
    assert key_days(coverage(results), 5) == (D("2010-04-22"),)


def test_select_key_events_caps_days_and_sentences() -> None:
    results = [
        dated_result(
            "b",
            "2010-04-21",
            ("rig explodes in gulf of mexico", "yesterday", "2010-04-20"),
            ("the burning rig sinks", "tomorrow", "2010-04-22"),
        ),
        dated_result(
            "c",
            "2010-05-02",
            ("the rig exploded in the gulf of mexico", "April 20", "2010-04-20"),
            ("eleven workers died when the rig exploded", "April 20", "2010-04-20"),
            ("a week of trouble", "that week", "2010-W17"),
        ),
        dated_result("d", "2010-04-22", ("the rig sank", "today", "2010-04-22")),
        dated_result("e", "2010-04-23", ("oil leak found", "today", "2010-04-23")),
    ]
    key = select_key_events(results, top_dates=2, sentences_per_date=2)
    assert [e.date for e in key] == ["2010-04-20", "2010-04-22"]
    assert all(1 <= len(e.mentions) <= 2 for e in key)
    assert all(e.id == event_id(e.date, e.mentions) for e in key)
    assert key[0].headline == key[0].mentions[0].headline
    window = select_key_events(results, 5, 1, start=D("2010-04-22"), end=D("2010-04-30"))
    assert [e.date for e in window] == ["2010-04-22", "2010-04-23"]


def test_single_source_corpus_still_has_key_days() -> None:
    results = [
        dated_result(
            "only",
            "2010-05-05",
            ("the permit was granted", "March 10", "2010-03-10"),
            ("the survey was filed", "April 1", "2010-04-01"),
            ("the hearing opens", "today", "2010-05-05"),
        )
    ]
    key = select_key_events(results, top_dates=3, sentences_per_date=1)
    assert [e.date for e in key] == ["2010-05-05"]


def test_seed_key_event_is_the_moscow_talks(repo_root: Path) -> None:
    from timeline.config import Config
    from timeline.pipeline.stages import extract_timeline

    timeline = extract_timeline([repo_root / "seeds"], Config(use_cache=False))
    if not any(r.timexes for r in timeline.results):
        pytest.skip("the temporal tagger is not available yet")
    (top,) = select_key_events(timeline.results, 1, 2)
    assert top.date == "2015-12-15"
    assert {m.article[:3] for m in top.mentions} == {"000", "002"}


def test_a_landmark_named_only_in_passing_is_a_key_day() -> None:
    """Nobody reported the day at the time and no statement is dated to it, but two later
    sources name it by its date in statements about other days: it is told by those."""
    said = "oil, leaking since the blast of April 20, reached the coast on Friday"
    results = [
        dated_result("c", "2010-04-24", ("crews searched", "today", "2010-04-24")),
        dated_result("d", "2010-04-24", ("boats searched", "today", "2010-04-24")),
    ]
    for aid in ("a", "b"):
        own = dated_result(aid, "2010-05-01", (said, "on Friday", "2010-04-30"))
        blast = Timex(start=own.mentions[0].start + said.index("April 20"),
                      end=own.mentions[0].start + said.index("April 20") + 8,
                      text="April 20", type="DATE", value="2010-04-20")  # fmt: skip
        results.append(replace(own, timexes=(*own.timexes, blast)))
    found = coverage(results)
    assert D("2010-04-20") in key_days(found, 2)
    (event,) = [e for e in key_events(found, 3, 1) if e.date == "2010-04-20"]
    assert event.mentions[0].sentence == said
