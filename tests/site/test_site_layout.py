"""How a long story is laid out: the calendar, the pages and their budget, the overview
chart, and how sources are named and cited. Pure functions, no build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from site_timeline import BUILD_DATE, make_long_timeline, make_timeline

from timeline.site import (
    SiteOptions,
    attribution,
    build_site,
    chapters,
    context,
    layout,
    overview,
    parts,
)
from timeline.types import Article, DateSource, Published, Timex

WINDOW = chapters.coverage_window([dt.date(2015, 12, 15), dt.date(2015, 12, 17)])


@pytest.fixture(scope="module")
def long_views() -> tuple[context.EventView, ...]:
    return context.event_views(make_long_timeline())


def _article(**fields: object) -> Article:
    base = Article(
        id="r-1",
        path="articles.jsonl",
        title=None,
        publisher=None,
        url=None,
        published=Published(date=None, source=DateSource.NONE),
        text="Aid arrived in Port-au-Prince on Friday. More followed.",
    )
    return dataclasses.replace(base, **fields)


@pytest.mark.parametrize(
    ("fields", "title", "publisher"),
    [
        ({}, "Aid arrived in Port-au-Prince on Friday.", "Unknown publisher"),
        ({"url": "https://www.bbc.co.uk/news/world-1"}, None, "bbc.co.uk"),
        ({"url": "javascript:alert(1)"}, None, "Unknown publisher"),
        ({"title": "Aid arrives", "publisher": "BBC News"}, "Aid arrives", "BBC News"),
        ({"text": "word " * 60}, None, None),
        ({"text": ""}, "articles.jsonl: r-1", None),
        (
            {
                "text": "A worker is seen at a fuel station in London July 27, 2010.\n"
                "LONDON | Tue Jul 27, 2010 4:08 am EDT LONDON (Reuters) - Oil giant BP named "
                "a new chief. He starts in October."
            },
            "Oil giant BP named a new chief.",
            None,
        ),
        (
            {"text": 'Cairo, Egypt (CNN) -- "We stay," protesters said. Police watched.'},
            '"We stay," protesters said.',
            None,
        ),
        (
            {"text": "Shares of BP Plc (BP.\nL) fell on Tuesday. Analysts were wary."},
            "Shares of BP Plc (BP. L) fell on Tuesday.",
            None,
        ),
        (
            {"text": "Oil reached the U.S. Gulf Coast on Friday. Birds were hurt."},
            "Oil reached the U.S. Gulf Coast on Friday.",
            None,
        ),
        (
            {"text": "The Disasters Emergency Committee (DEC) - an umbrella group - appealed."},
            "The Disasters Emergency Committee (DEC) - an umbrella group - appealed.",
            None,
        ),
    ],
    ids=[
        "first-sentence",
        "domain",
        "not-a-link",
        "declared",
        "shortened",
        "no-text",
        "lead-after-caption-and-dateline",
        "lead-after-credit",
        "ticker",
        "initials",
        "parenthesis-not-a-credit",
    ],
)
def test_sources_get_a_title_and_a_publisher(
    fields: dict[str, object], title: str | None, publisher: str | None
) -> None:
    article = _article(**fields)
    shown = attribution.article_title(article)
    assert shown != "articles.jsonl"
    if title is not None:
        assert shown == title.strip()
    assert len(shown) <= attribution.TITLE_CHARS
    if title is None:
        assert shown.endswith("…") == (len(article.text) > attribution.TITLE_CHARS)
    if publisher is not None:
        assert attribution.publisher_name(article) == publisher


def test_one_citation_per_source_however_many_sentences() -> None:
    timeline = make_timeline()
    meeting = timeline.events[0]
    again = dataclasses.replace(meeting.mentions[0], start=200, sentence="They met again.")
    twice = dataclasses.replace(meeting, mentions=(*meeting.mentions, again))
    view = context.event_views(dataclasses.replace(timeline, events=(twice,)))[0]
    assert [c.article_id for c in view.citations].count("guardian-2015-12-16") == 1
    guardian = next(c for c in view.citations if c.article_id == "guardian-2015-12-16")
    assert guardian.sentences[-1] == "They met again." and len(guardian.sentences) == 2
    assert view.n_sources == 3


def test_far_dates_leave_the_calendar(long_views: tuple[context.EventView, ...]) -> None:
    cal = chapters.calendar(long_views, WINDOW)
    assert [v.id for v in cal.far] == ["ev-1770"]
    assert all(c.label != "1770" for c in cal.chapters)
    assert cal.count + len(cal.far) == len(long_views)


def test_years_of_substance(long_views: tuple[context.EventView, ...]) -> None:
    cal = chapters.calendar(long_views, WINDOW)
    labels = {c.label: cal.substantial(c) for c in cal.chapters}
    assert labels == {"2014": True, "2015": True, "2016": True}
    lonely = dataclasses.replace(long_views[0], id="ev-lonely", value="2013-05-02")
    lonely = dataclasses.replace(lonely, first="2013-05-02", last="2013-05-02")
    cal = chapters.calendar((lonely, *long_views), WINDOW)
    assert not cal.substantial(cal.chapters[0])


def test_busy_months_by_date_with_key_events_first(
    long_views: tuple[context.EventView, ...],
) -> None:
    key = frozenset({"ev-0012"})  # one of many events of 15 December 2015
    cal = chapters.calendar(long_views, WINDOW, key)
    december = next(m for c in cal.chapters for m in c.months if m.label == "December 2015")
    assert december.busy
    day = next(s for s in december.sections if s.anchor == "d2015-12-15")
    assert day.events[0].id == "ev-0012"
    sources = [v.n_sources for v in day.events[1:]]
    assert sources == sorted(sources, reverse=True)
    assert {s.anchor for s in december.sections} >= {"w2015-W50", "d2015-12-16"}


@pytest.mark.parametrize("budget", [100_000, layout.PAGE_BUDGET])
def test_pages_keep_to_the_budget_and_every_event_has_one_home(
    long_views: tuple[context.EventView, ...], budget: int
) -> None:
    cal = chapters.calendar(long_views, WINDOW)
    plan = layout.plan_pages(cal, "attention.md", budget=budget)
    assert set(plan.homes) == {v.id for v in long_views}
    for page in (plan.story, *plan.pages):
        cost = sum(layout.weight(v) for v in page.listed)
        assert cost <= budget or len(page.listed) == 1, (page.path, cost)
        listed = {v.id for v in page.listed}
        assert len(listed) == len(page.listed), f"{page.path} lists an event twice"
    homes = {p.path: {v.id for v in p.listed} for p in (plan.story, *plan.pages)}
    homes["attention.md"] = {v.id for v in cal.far}
    for event_id, home in plan.homes.items():
        assert home == "attention.md" or event_id in homes[home]
    # every event and date a page stands for but does not list is found where it points
    for page in (plan.story, *plan.pages):
        for target, ids in page.moved:
            assert target in homes
            for name in ids.split():
                assert name in homes[target] or plan.places.get(name, "").startswith(target)


def test_a_long_date_shows_its_top_events_and_links_to_all(
    long_views: tuple[context.EventView, ...],
) -> None:
    cal = chapters.calendar(long_views, WINDOW)
    plan = layout.plan_pages(cal, "attention.md")
    nodes = [n for p in plan.pages for n in _walk(p.nodes) if n.more]
    assert nodes, "the busy days of the long story have more events than their place shows"
    for node in nodes:
        assert node.more_link is not None and len(node.events) + node.more == node.count
        parts = [p for p in plan.pages if p.path.startswith(node.more_link.removesuffix(".md"))]
        assert sum(len(p.listed) for p in parts) == node.count


def _walk(nodes: tuple[layout.Node, ...]) -> list[layout.Node]:
    found = []
    for node in nodes:
        found.append(node)
        found.extend(_walk(node.children))
    return found


def test_a_small_story_is_one_page() -> None:
    views = context.event_views(make_timeline())
    plan = layout.plan_pages(chapters.calendar(views, WINDOW), "attention.md")
    assert not plan.split and len(plan.story.listed) == len(views)


def test_overview_chart(long_views: tuple[context.EventView, ...]) -> None:
    published = [dt.date(2015, 12, 15), dt.date(2015, 12, 16), dt.date(2015, 12, 17)]
    chart = overview.overview(long_views, published, {"ev-0012"}, lambda v: f"p#{v.id}")
    assert chart.unit == "day" and chart.published == "15–17 December 2015"
    by_label = {c.label: c for c in chart.columns}
    busiest = by_label["15 December 2015"]
    assert busiest.key and busiest.href and busiest.articles == 1
    assert chart.busiest is not None and chart.busiest.events == max(
        c.events for c in chart.columns
    )
    assert all(c.events == 0 or c.href for c in chart.columns)
    assert all(0 <= c.event_y <= chart.top for c in chart.columns)
    # a year of coverage is drawn a column per week
    year = [dt.date(2015, 1, 5), dt.date(2015, 12, 28)]
    assert overview.overview(long_views, year, set(), lambda _: None).unit == "week"


def _long_article() -> tuple[str, tuple[Timex, ...]]:
    sentence = "On 15 December 2015 the talks resumed in Moscow after a pause.\n"
    text = sentence * 12_000
    timexes = tuple(
        Timex(
            start=i * len(sentence) + 3,
            end=i * len(sentence) + 19,
            text="15 December 2015",
            type="DATE",
            value="2015-12-15",
            anchor="none",
            anchor_value=None,
            rule="test-rule",
        )
        for i in range(12_000)
    )
    return text, timexes


def test_a_long_article_is_cut_between_sentences_into_parts_that_fit() -> None:
    text, timexes = _long_article()
    starts = parts.part_starts(text, timexes)
    assert len(starts) > 1 and starts[0] == 0
    assert all(text[s - 1] == "\n" for s in starts[1:])  # at a line's end, never in a date
    ends = [*starts[1:], len(text)]
    for start, end in zip(starts, ends, strict=True):
        inside = sum(1 for t in timexes if start <= t.start < end)
        cost = (end - start) * parts.TEXT_BYTES + inside * parts.TIMEX_BYTES
        assert cost <= parts.PART_BYTES
    assert parts.part_of(starts, 0) == 1 and parts.part_of(starts, len(text) - 1) == len(starts)
    assert parts.part_page("sources/a.md", 1) == "sources/a.md"
    assert parts.part_page("sources/a.md", 3) == "sources/a.part3.md"
    assert parts.part_starts("short text", ()) == (0,)


@pytest.mark.slow
def test_a_long_article_page_stays_small_and_citations_reach_their_part(tmp_path: Path) -> None:
    base = make_timeline()
    text, timexes = _long_article()
    guardian = base.results[0]
    last = len(text) - len(text.splitlines()[-1]) - 1
    mention = dataclasses.replace(
        guardian.mentions[0], start=last, end=len(text) - 1, sentence=text.splitlines()[-1]
    )
    article = dataclasses.replace(guardian.article, text=text)
    result = dataclasses.replace(guardian, article=article, timexes=timexes, mentions=(mention,))
    event = dataclasses.replace(base.events[0], mentions=(mention,), conflict=False)
    timeline = dataclasses.replace(base, results=(result, *base.results[1:]), events=(event,))
    out = tmp_path / "site"
    build_site(timeline, out, SiteOptions(build_date=BUILD_DATE))
    pages = sorted((out / "sources").glob("guardian-2015-12-16*.html"))
    assert len(pages) > 1
    assert max(p.stat().st_size for p in out.rglob("*.html")) < 1_000_000
    index = (out / "index.html").read_text(encoding="utf-8")
    link = re.search(r'href="(sources/guardian-2015-12-16[^"#]*)#(s-\d+)"', index)
    assert link is not None and link.group(1) != "sources/guardian-2015-12-16.html"
    assert f'id="{link.group(2)}"' in (out / link.group(1)).read_text(encoding="utf-8")
    first = (out / "sources" / "guardian-2015-12-16.html").read_text(encoding="utf-8")
    assert "Part 2" in first and "Events taken from this article" in first


@pytest.mark.parametrize(
    ("anchor", "label", "text"),
    [
        ("d2010-04-20", "20 April 2010", "14 more on 20 April 2010"),
        ("w2010-W17", "week of 26 April 2010", "14 more in the week of 26 April 2010"),
        ("a2010-04", "Across April 2010", "14 more across April 2010"),
        ("p201-all", "the 2010s", "14 more in the 2010s"),
        ("undated-all", "Undated", "14 more undated"),
    ],
)
def test_the_rest_of_a_long_date_is_named_for_its_kind(anchor: str, label: str, text: str) -> None:
    node = layout.Node(anchor=anchor, label=label, count=20, more=14, more_link="x.md")
    assert node.more_text == text


def test_a_page_says_how_many_events_it_stands_for(
    long_views: tuple[context.EventView, ...],
) -> None:
    plan = layout.plan_pages(chapters.calendar(long_views, WINDOW), "attention.md")
    assert any(p.total > len(p.listed) for p in plan.pages)
    for page in (plan.story, *plan.pages):
        listed = len(page.listed)
        assert page.total >= listed
        hidden = sum(n.more for n in _walk(page.nodes)) + sum(
            n.count for n in _walk(page.nodes) if n.link
        )
        assert page.total == listed + hidden, page.path
