"""Presentation decisions, checked without building a site."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from site_timeline import GUARDIAN_TEXT

from timeline.site import articles, chapters, context, grouping
from timeline.types import MergeLink, Timeline, Timex


@pytest.fixture(scope="module")
def views(timeline: Timeline) -> tuple[context.EventView, ...]:
    return context.event_views(timeline)


def test_events_are_chronological_at_their_granularity(
    views: tuple[context.EventView, ...],
) -> None:
    assert [v.id for v in views] == [
        "ev-sanctions",
        "ev-resolution",
        "ev-talks",
        "ev-resumed",
        "ev-meeting",
        "ev-hostile",
    ]


def test_chapters_by_year_then_month(views: tuple[context.EventView, ...]) -> None:
    cal = chapters.calendar(views, None)
    assert [(c.anchor, c.label) for c in cal.chapters] == [("p201", "the 2010s"), ("y2015", "2015")]
    year = cal.chapters[1]
    assert year.across is not None and [e.id for e in year.across.events] == ["ev-resolution"]
    assert [(m.label, [e.id for e in m.events]) for m in year.months] == [
        ("December 2015", ["ev-talks", "ev-resumed", "ev-meeting", "ev-hostile"]),
    ]


def test_merged_event_cites_every_source_and_counts_agreement(
    views: tuple[context.EventView, ...],
) -> None:
    meeting = next(v for v in views if v.id == "ev-meeting")
    assert meeting.n_sources == 3
    assert meeting.n_agree == 2  # The Times dates it a day later
    assert meeting.conflict_labels == ("15 December 2015", "16 December 2015")
    assert [c.publisher for c in meeting.citations] == ["BBC News", "The Guardian", "The Times"]
    assert [c.differing for c in meeting.citations] == [(), (), ("16 December 2015",)]


def test_key_events_named_by_id_are_shown_in_date_order(
    views: tuple[context.EventView, ...],
) -> None:
    assert [v.id for v in grouping.key_events(views, ("ev-meeting", "ev-sanctions"))] == [
        "ev-sanctions",
        "ev-meeting",
    ]


def test_key_events_are_the_salience_ranking_key_days(repo_root: Path, tmp_path: Path) -> None:
    """The key-events page and side column show the days `extract --top-dates K` gives when
    each is told by an event dated to it, as on the seeds (a day the ranking tells only by a
    sentence naming it in passing shows that sentence's own entry: the test below)."""
    from timeline.config import Config
    from timeline.pipeline.stages import extract_timeline
    from timeline.rank.salience import select_key_events

    seeds = repo_root / "seeds"
    found = extract_timeline([seeds], Config(inputs=(str(seeds),), cache_dir=str(tmp_path)))
    views = context.event_views(found)
    for top in (1, 2, 3):
        key = context.key_event_views(found, views, top, 1)
        days = [e.date for e in select_key_events(found.results, top, 1)]
        assert [v.value for v in key] == days
        assert days, "the seeds have key days"
    ids = {v.id for v in views}
    assert all(v.id in ids for v in context.key_event_views(found, views, 3, 1)), (
        "each key day links to an event of the timeline"
    )


URLS = [
    ("https", "https://example.org/a", "https://example.org/a"),
    ("http", "http://example.org/a", "http://example.org/a"),
    ("javascript", "javascript:alert(1)", None),
    ("javascript-mixed-case", " JaVaScRiPt:alert(1)", None),
    ("data", "data:text/html,<script>", None),
    ("relative", "/local/path", None),
    ("missing", None, None),
]


@pytest.mark.parametrize(("url", "expected"), [u[1:] for u in URLS], ids=[u[0] for u in URLS])
def test_only_http_urls_become_links(url: str | None, expected: str | None) -> None:
    assert context.safe_url(url) == expected


def test_entity_slugs_do_not_depend_on_order(timeline: Timeline) -> None:
    forward = context.entity_slugs(timeline.events)
    backward = context.entity_slugs(tuple(reversed(timeline.events)))
    assert forward == backward
    assert forward[("person", "Vladimir Putin")] == "person-vladimir-putin"


def test_page_slug_keeps_safe_ids_and_hashes_others() -> None:
    assert context.page_slug("guardian-2015-12-16") == "guardian-2015-12-16"
    odd = context.page_slug("../etc/passwd")
    assert "/" not in odd and not odd.startswith(".")


def test_segments_cover_the_text_exactly_and_mark_timexes(timeline: Timeline) -> None:
    result = timeline.results[0]
    paragraphs = articles.segment_text(result.article.text, result.timexes)
    rebuilt = "\n\n".join("".join(s.text for s in p) for p in paragraphs)
    assert rebuilt == GUARDIAN_TEXT
    marked = [s.timex.value for p in paragraphs for s in p if s.timex]
    assert marked == ["2015-12-15", "2015-12", "2015-W51", "2015", "201", ""]


def test_bad_or_overlapping_offsets_are_not_highlighted() -> None:
    text = "On 1 May 2015 it rained."
    good = Timex(start=3, end=13, text="1 May 2015", type="DATE", value="2015-05-01")
    overlapping = Timex(start=5, end=13, text="May 2015", type="DATE", value="2015-05")
    outside = Timex(start=20, end=40, text="?", type="DATE", value="2015")
    paragraphs = articles.segment_text(text, (overlapping, outside, good))
    assert [s.timex.value for p in paragraphs for s in p if s.timex] == ["2015-05-01"]
    assert "".join(s.text for p in paragraphs for s in p) == text


def test_attention_lists_every_kind_of_problem(timeline: Timeline) -> None:
    views = context.event_views(timeline)
    views_by_article = articles.article_views(timeline, views)
    found = articles.attention(timeline, views_by_article, views)
    assert [a.id for a in found.undated] == ["wire-undated"]
    assert [a.id for a in found.skipped] == ["broken"]
    assert [u.text for u in found.unresolved] == ["at some point", "Friday"]
    assert [e.id for e in found.conflicts] == ["ev-meeting"]
    assert found.skipped[0].messages == ("not UTF-8 text; re-save the file as UTF-8",)


def test_undated_events_go_last_in_their_own_group(timeline: Timeline) -> None:
    from dataclasses import replace

    odd = replace(timeline.events[0], id="ev-now", date="PRESENT_REF", conflict=False)
    views = context.event_views(replace(timeline, events=(*timeline.events, odd)))
    assert views[-1].id == "ev-now"
    last = chapters.calendar(views, None).chapters[-1]
    assert last.label == "Undated" and last.across is not None
    assert [e.id for e in last.across.events] == ["ev-now"]
    assert views[-1].datetime is None and views[-1].label == "the time of publication"


def test_an_entry_quotes_its_sentence_only_when_the_headline_is_not_it(
    views: tuple[context.EventView, ...],
) -> None:
    shortened = next(v for v in views if v.id == "ev-meeting")
    assert shortened.headline != shortened.sentence
    assert shortened.quote == shortened.sentence
    spaced = "  ".join(shortened.sentence.split()) + "\n"
    same = dataclasses.replace(shortened, headline=spaced)
    assert same.quote == ""
    assert same.sentence == shortened.sentence  # the exports still tell the sentence


@pytest.mark.parametrize(
    ("publishers", "start"),
    [
        (("BBC News", "BBC News"), "two reports from BBC News: "),
        (("BBC News", None), "BBC News and an unknown publisher: "),
        ((None, "BBC News"), "An unknown publisher and BBC News: "),
        ((None, None), "two reports from unknown publishers: "),
    ],
)
def test_why_two_reports_are_one_event_names_their_publishers(
    timeline: Timeline, publishers: tuple[str | None, str | None], start: str
) -> None:
    event = next(e for e in timeline.events if len({m.article for m in e.mentions}) > 1)
    first, second = sorted({m.article for m in event.mentions})[:2]
    link = MergeLink(
        first=(first, 0),
        second=(second, 0),
        similarity=0.4,
        shared_terms=("meet",),
        shared_entities=(),
        dates="same date",
        same_text=False,
    )
    named = dict(zip((first, second), publishers, strict=True))
    results = tuple(
        dataclasses.replace(
            r,
            article=dataclasses.replace(r.article, publisher=named[r.article.id], url=None),
        )
        if r.article.id in named
        else r
        for r in timeline.results
    )
    one = dataclasses.replace(event, links=(link,))
    view = context.event_views(dataclasses.replace(timeline, results=results, events=(one,)))[0]
    assert view.reasons == (start + "same date; both say meet; wording 40% alike",)


def test_a_key_day_shows_the_entry_its_sentence_belongs_to(
    timeline: Timeline, views: tuple[context.EventView, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ranking may date a sentence to a day it names in passing and tell it in another
    wording; the key event shows the entry it links to: its own date, its own headline."""
    from timeline.rank import salience
    from timeline.types import Event

    meeting = next(e for e in timeline.events if e.id == "ev-meeting")
    aside = dataclasses.replace(
        meeting.mentions[0], date="2001-09-11", headline="A clause that names an old day."
    )
    ranked = tuple(
        Event(id=f"day-{day}", date=day, headline=aside.headline, mentions=(aside,))
        for day in ("2001-09-11", "2001-09-12")
    )
    monkeypatch.setattr(salience, "select_key_events", lambda *_a, **_k: ranked)
    shown = next(v for v in views if v.id == "ev-meeting")
    assert context.key_event_views(timeline, views, 2, 1) == (shown,)
