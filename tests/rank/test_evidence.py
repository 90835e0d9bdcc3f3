"""Day evidence: sources published on a day, and later sources naming it by its date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from builders import make_article

from timeline.merge.wire import source_groups
from timeline.rank.evidence import (
    READER_PARTS,
    DayEvidence,
    day_evidence,
    day_of,
    names_day,
    reported_timexes,
)
from timeline.types import ArticleResult, SetAside, Status, Timex

D = dt.date.fromisoformat


def result(aid: str, published: str, *dated: tuple[str, str], text: str = "") -> ArticleResult:
    """An article published on `published` whose expressions (`said`, value) date things."""
    body = text or f"An article of its own, number {aid}, {aid * 5}."
    timexes = tuple(
        Timex(start=0, end=len(said), text=said, type="DATE", value=value) for said, value in dated
    )
    return ArticleResult(article=make_article(aid, body, D(published)), timexes=timexes)


def by_day(evidence: tuple[DayEvidence, ...]) -> dict[str, DayEvidence]:
    return {e.date.isoformat(): e for e in evidence}


def test_published_and_named_count_sources() -> None:
    results = [
        result("a", "2010-04-20"),
        result("b", "2010-04-20", ("today", "2010-04-20")),
        result("c", "2010-05-02", ("April 20", "2010-04-20")),
        result("d", "2010-05-03", ("20 April 2010", "2010-04-20"), ("May 20", "2010-05-20")),
    ]
    days = by_day(day_evidence(results, sources={}))
    april = days["2010-04-20"]
    assert (april.published, april.named, april.attested) == (2, 2, 4)
    # a date named ahead of the day is a plan, not a landmark
    assert (days["2010-05-20"].named, days["2010-05-20"].attested) == (0, 1)
    assert list(days) == sorted(days)


@pytest.mark.parametrize(
    "said",
    ["yesterday", "on Tuesday", "last week's Tuesday", "the day before"],
)
def test_relative_references_attest_but_do_not_name(said: str) -> None:
    day = by_day(day_evidence([result("a", "2010-04-21", (said, "2010-04-20"))], sources={}))[
        "2010-04-20"
    ]
    assert (day.named, day.attested, day.published) == (0, 1, 0)


def test_coarse_and_unresolved_values_are_not_days() -> None:
    results = [
        result(
            "a",
            "2010-06-01",
            ("April", "2010-04"),
            ("that week", "2010-W17"),
            ("now", "PRESENT_REF"),
            ("three days", "P3D"),
            ("", ""),
        )
    ]
    assert [e.date for e in day_evidence(results, sources={})] == [D("2010-06-01")]


def test_wire_copies_are_one_source() -> None:
    story = " ".join(f"word{i}" for i in range(120))
    results = [
        result("x", "2010-05-01", ("April 20", "2010-04-20"), text=story),
        result("y", "2010-05-01", ("April 20", "2010-04-20"), text=story),
    ]
    sources = source_groups({r.article.id: r.article for r in results})
    days = by_day(day_evidence(results, sources=sources))
    assert (days["2010-04-20"].named, days["2010-05-01"].published) == (1, 1)
    apart = by_day(day_evidence(results, sources={}))  # not known as copies: two sources
    assert (apart["2010-04-20"].named, apart["2010-05-01"].published) == (2, 2)


def test_span_limits_the_days_not_the_witnesses() -> None:
    results = [
        result("a", "2010-03-01"),
        result("b", "2010-06-01", ("April 20", "2010-04-20"), ("March 1", "2010-03-01")),
    ]
    days = by_day(day_evidence(results, sources={}, start=D("2010-04-01"), end=D("2010-04-30")))
    assert list(days) == ["2010-04-20"]
    assert days["2010-04-20"].named == 1


def test_skipped_articles_and_undated_ones_are_no_evidence() -> None:
    read = result("s", "2010-04-20", ("April 19", "2010-04-19"))
    skipped = replace(read, article=replace(read.article, status=Status.SKIPPED))
    undated = ArticleResult(
        article=make_article("u", "no date", None),
        timexes=(Timex(start=0, end=8, text="April 19", type="DATE", value="2010-04-19"),),
    )
    assert day_evidence([skipped, undated], sources={}) == ()


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("May 20", True),
        ("20 May 2010", True),
        ("Sept. 3rd", True),
        ("the 4th of July", True),
        ("Sunday, Oct. 12, 2008", True),
        ("yesterday", False),
        ("on Tuesday", False),
        ("May", False),
        ("2010-05-20", False),
        ("", False),
    ],
)
def test_names_day(said: str, named: bool) -> None:
    timex = Timex(start=0, end=len(said), text=said, type="DATE", value="2010-05-20")
    assert names_day(timex) is named


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2010-05-20", D("2010-05-20")),
        ("2010-05-20T10:00", D("2010-05-20")),
        ("2010-05", None),
        ("2010-W20", None),
        ("PRESENT_REF", None),
        ("2010-02-30", None),
    ],
)
def test_day_of(value: str, day: dt.date | None) -> None:
    assert day_of(value) == day


@pytest.mark.parametrize("part", ["comment", "unmarked comment", "reader"])
def test_reader_comments_are_not_evidence_but_set_aside_reporting_is(part: str) -> None:
    """A reader naming a day is no source; a caption or aside of the reporting still is."""
    text = "The rig burned on April 20. Photo of the rig, April 20\nComments\nI knew on April 20"
    said = [("April 20", text.index("April 20")), ("April 20", text.index("April 20", 30))]
    said.append(("April 20", text.rindex("April 20")))
    timexes = tuple(
        Timex(start=at, end=at + len(words), text=words, type="DATE", value="2010-04-20")
        for words, at in said
    )
    caption, comment = (
        (text.index("Photo"), text.index("\nComments")),
        (text.index("I knew"), len(text)),
    )
    aside = (
        SetAside(start=caption[0], end=caption[1], part="caption", reason="a caption"),
        SetAside(start=comment[0], end=comment[1], part=part, reason="a reader wrote it"),
    )
    base = ArticleResult(article=make_article("a", text, D("2010-05-01")), timexes=timexes)
    reporting_only = replace(base, timexes=timexes[:2])
    assert day_evidence([replace(base, set_aside=aside)], sources={}) == day_evidence(
        [reporting_only], sources={}
    )
    assert len(reported_timexes(replace(base, set_aside=aside))) == 2
    readers_only = replace(base, timexes=timexes[2:], set_aside=aside)
    assert "2010-04-20" not in by_day(day_evidence([readers_only], sources={}))
    assert (
        by_day(day_evidence([replace(readers_only, set_aside=())], sources={}))["2010-04-20"].named
        == 1
    )


def test_reader_parts_are_parts_the_event_layer_sets_aside() -> None:
    from timeline.events.parts import REASONS

    assert set(REASONS) >= READER_PARTS
