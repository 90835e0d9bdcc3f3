"""The exports and pages as their real clients read them: TimelineJS3 and axe-core in
Chromium, `icalendar` and `feedparser` on the calendar and the feed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from consumers import (
    axe_violations,
    chromium,
    inside,
    local_only,
    need_npm,
    render_timelinejs,
)
from site_timeline import BUILD_DATE, make_long_timeline

from timeline.site import SiteOptions, build_site
from timeline.site.context import event_views
from timeline.site.screenshot import serve
from timeline.types import Timeline

icalendar = pytest.importorskip("icalendar")


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("long") / "site"
    build_site(make_long_timeline(), out, SiteOptions(build_date=BUILD_DATE, site_name="Long"))
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


# --- calendar and feed clients ---------------------------------------------------------


def test_icalendar_reads_every_calendar_event(site: Path, timeline: Timeline) -> None:
    calendar = icalendar.Calendar.from_ical((site / "timeline.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "ev-meeting@timeline",
        "ev-talks@timeline",
        "ev-resumed@timeline",
        "ev-hostile@timeline",
    }
    meeting = events["ev-meeting@timeline"]
    assert str(meeting["SUMMARY"]) == "Kerry meets Putin in the Kremlin"
    assert meeting.decoded("DTSTART").isoformat() == "2015-12-15"
    assert meeting.decoded("DTEND").isoformat() == "2015-12-16"
    assert str(meeting["URL"]) == "https://example.org/kerry/index.html#ev-meeting"
    week = events["ev-resumed@timeline"]
    assert (week.decoded("DTEND") - week.decoded("DTSTART")).days == 7
    assert "Sources disagree on the date" in str(meeting["DESCRIPTION"])


def test_feedparser_reads_dates_ids_and_links(site: Path) -> None:
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.id.startswith("urn:uuid:")
    ids = [entry.id for entry in feed.entries]
    assert len(ids) == len(set(ids))
    by_link = {entry.link.rsplit("#", 1)[1]: entry for entry in feed.entries}
    meeting = by_link["ev-meeting"]
    assert meeting.link == "https://example.org/kerry/index.html#ev-meeting"
    # published: its first report; updated: its latest (the sources' dates, not the clock)
    assert meeting.published_parsed[:3] == (2015, 12, 15)
    assert meeting.updated_parsed[:3] == (2015, 12, 17)


def test_without_a_site_url_feed_links_resolve_from_the_feed(
    tmp_path: Path, timeline: Timeline
) -> None:
    def built(name: str, **options: Any) -> bytes:
        out = tmp_path / name
        build_site(timeline, out, SiteOptions(build_date=BUILD_DATE, **options))
        return (out / "feed.xml").read_bytes()

    local = built("a", site_name="Timeline")
    where = "http://127.0.0.1:8000/story/feed.xml"
    headers = {"content-location": where, "content-type": "application/atom+xml"}
    feed = feedparser.parse(local, response_headers=headers)
    assert not feed.bozo, feed.get("bozo_exception")
    links = {entry.link for entry in feed.entries}
    assert "http://127.0.0.1:8000/story/index.html#ev-meeting" in links
    # sites differ in their feed's id by title or URL, or by the id they are given
    other = feedparser.parse(built("b", site_name="Timeline", site_url="https://x.org/"))
    renamed = feedparser.parse(built("c", site_name="Another story"))
    given = feedparser.parse(built("d", site_name="Timeline", feed_id="tag:x.org,2026:story"))
    assert len({f.feed.id for f in (feed, other, renamed, given)}) == 4
    assert given.feed.id == "tag:x.org,2026:story"


def test_sitemap_only_with_a_site_url(site: Path, tmp_path: Path, timeline: Timeline) -> None:
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [loc.text or "" for loc in root.iter(f"{namespace}loc")]
    assert "https://example.org/kerry/index.html" in locations
    assert all(loc.startswith("https://example.org/kerry/") for loc in locations)
    assert "Sitemap: https://example.org/kerry/sitemap.xml" in (site / "robots.txt").read_text()
    build_site(timeline, tmp_path / "site", SiteOptions(build_date=BUILD_DATE))
    assert not (tmp_path / "site" / "sitemap.xml").exists()
    assert not (tmp_path / "site" / "sitemap.xml.gz").exists()
    assert "Sitemap" not in (tmp_path / "site" / "robots.txt").read_text()


# --- TimelineJS3 ------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("which", ["site", "long_site"])
def test_timelinejs_shows_every_event_with_its_navigator_on_screen(
    which: str, request: pytest.FixtureRequest, browser: Any, tmp_path: Path
) -> None:
    need_npm()
    built: Path = request.getfixturevalue(which)
    data = json.loads((built / "timeline.json").read_text(encoding="utf-8"))
    drawn = render_timelinejs(browser, built / "timeline.json", tmp_path)
    assert [p for p in drawn["problems"] if p.startswith("error")] == []
    assert drawn["slides"] == len(data["events"]) + 1  # and the title slide
    assert drawn["markers"] == len(data["events"])
    assert inside(drawn["navigator"], drawn["viewport"]), drawn["navigator"]
    assert inside(drawn["menubar"], drawn["viewport"]), drawn["menubar"]
    if which == "site":
        # the label the pages show, not TimelineJS's own rendering of a week's first day
        assert all("—" not in e["display_date"] for e in data["events"])


# --- axe-core ---------------------------------------------------------------------------

PAGE_TYPES = (
    "index.html",
    "key-events.html",
    "sources/index.html",
    "sources/guardian-2015-12-16.html",
    "sources/hostile.html",
    "entities/index.html",
    "entities/person-vladimir-putin.html",
    "attention.html",
    "404.html",
)


def _long_pages(site: Path) -> list[str]:
    """One of each page of a split timeline: the story, a year, a month, a date, a part."""
    dates = sorted(p.name for p in (site / "dates").glob("*.html"))
    picks = ["index.html", "attention.html"]
    for test in (
        lambda n: len(n) == 9,  # 2015.html
        lambda n: len(n) == 12,  # 2015-12.html
        lambda n: len(n) == 15,  # 2015-12-15.html
        lambda n: n.count("-") == 3,  # 2015-12-15-2.html
    ):
        picks.append("dates/" + next(n for n in dates if test(n)))
    return picks


def _check(browser: Any, site: Path, paths: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    with serve(site) as url:
        for path in paths:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            problems = local_only(page)
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            found[path] = axe_violations(page) + problems
            page.close()
    return found


@pytest.mark.browser
def test_axe_finds_no_violation_on_any_page_type(browser: Any, site: Path) -> None:
    need_npm()
    found = _check(browser, site, list(PAGE_TYPES))
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.browser
def test_axe_finds_no_violation_on_split_timeline_pages(browser: Any, long_site: Path) -> None:
    need_npm()
    paths = _long_pages(long_site)
    assert len(paths) == 6
    found = _check(browser, long_site, paths)
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.browser
def test_axe_on_search_results(browser: Any, site: Path) -> None:
    need_npm()
    with serve(site) as url:
        page = browser.new_page()
        problems = local_only(page)
        page.goto(url + "search.html?q=Kremlin")
        page.locator("#mkdocs-search-results article").first.wait_for(timeout=10_000)
        assert axe_violations(page) + problems == []
        page.close()


def test_long_story_pages_stay_small_and_every_event_has_a_home(long_site: Path) -> None:
    views = event_views(make_long_timeline())
    sizes = {p: p.stat().st_size for p in long_site.rglob("*.html")}
    assert max(sizes.values()) < 1_000_000, max(sizes, key=sizes.__getitem__)
    anchored: dict[str, list[str]] = {}
    for path in long_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for view in views:
            if f'id="{view.id}"' in text:
                anchored.setdefault(view.id, []).append(path.name)
    assert set(anchored) == {v.id for v in views}, "every event is listed somewhere"
    assert 'id="ev-1770"' in (long_site / "attention.html").read_text(encoding="utf-8")
    index = (long_site / "index.html").read_text(encoding="utf-8")
    assert "<svg" in index and 'class="key-list"' in index
    assert "1770" not in index.split('<nav class="years"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.browser
def test_an_old_link_to_the_story_page_reaches_the_moved_event(
    browser: Any, long_site: Path
) -> None:
    with serve(long_site) as url:
        page = browser.new_page()
        page.goto(url + "index.html#ev-0007")
        page.wait_for_url("**/dates/**#ev-0007")
        assert page.locator("#ev-0007").is_visible()
        page.close()
