"""A real story, built as a user would build it: the haiti_bbc Timeline17 topic (296
records, about a thousand events) and the largest development topic, read in Chromium on
a phone, checked by axe-core and TimelineJS3. Reads ../shared/data (skipped without it);
extraction goes through the shared cache in .timeline-cache (minutes the first time)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from consumers import axe_violations, chromium, inside, local_only, need_npm, render_timelinejs

from timeline.cli import main
from timeline.site.screenshot import serve

REPO = Path(__file__).resolve().parents[2]
T17 = REPO.parent / "shared" / "data" / "t17"
MB = 1_000_000

pytestmark = [
    pytest.mark.data,
    pytest.mark.slow,
    pytest.mark.skipif(not T17.is_dir(), reason="research data in ../shared/data is absent"),
]


def _topics() -> list[str]:
    """haiti_bbc, and the development topic with the most text."""
    if not T17.is_dir():
        return ["haiti_bbc"]
    sizes = {p.parent.name: p.stat().st_size for p in T17.glob("*/articles.jsonl")}
    largest = max(sorted(sizes), key=sizes.__getitem__)
    return list(dict.fromkeys(["haiti_bbc", largest]))


@pytest.fixture(scope="module", params=_topics())
def story(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    topic = str(request.param)
    out = tmp_path_factory.mktemp(topic) / "site"
    articles = T17 / topic / "articles.jsonl"  # an absolute path, as users give them
    cache = REPO / ".timeline-cache"
    args = ["build", str(articles), "-o", str(out), "--cache-dir", str(cache), "--title", topic]
    assert main([*args, "--build-date", "2016-01-01", "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def test_no_page_reaches_a_megabyte_and_nothing_names_a_local_folder(story: Path) -> None:
    sizes = {p.relative_to(story).as_posix(): p.stat().st_size for p in story.rglob("*.html")}
    biggest = max(sizes, key=sizes.__getitem__)
    assert sizes[biggest] < MB, (biggest, sizes[biggest])
    local = str(T17).encode()
    for path in story.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".ics"}:
            assert local not in path.read_bytes(), path


def test_sources_are_named_and_counted_as_records(story: Path) -> None:
    report = json.loads((story / "report.json").read_text(encoding="utf-8"))
    sources = (story / "sources" / "index.html").read_text(encoding="utf-8")
    assert f"{report['counts']['total']} articles in 1 input file:" in sources
    home = (story / "index.html").read_text(encoding="utf-8")
    summary = re.search(r'<p class="summary">([^<]*)', home)
    assert summary and " events from " in summary[1], "the story's summary counts its events"
    assert "input file" not in summary[1], "how the articles were packed is for the sources page"
    listed = re.findall(r'<th scope="row"><a [^>]*>([^<]*)</a>', sources)
    assert len(listed) == report["counts"]["total"]
    cited = re.compile(r"<cite>(?:<a [^>]*>)?([^<]*)")
    pages = sorted((story / "dates").glob("*.html"))
    titles = [t for p in pages for t in cited.findall(p.read_text(encoding="utf-8"))]
    assert titles
    for title in (*listed, *titles):
        assert title.strip() not in ("", "articles.jsonl"), title


def test_year_buttons_only_for_years_of_substance(story: Path) -> None:
    index = (story / "index.html").read_text(encoding="utf-8")
    years = index.split('<nav class="years"', 1)[1].split('<p class="other-dates">', 1)[0]
    buttons = re.findall(r"<li><a [^>]*>(\d{4}) <span", years)
    assert 0 < len(buttons) <= 15, buttons
    assert "century" not in years


def _page_types(story: Path) -> list[str]:
    """One page of each kind: the largest source and entity page, every kind of date page."""
    kinds: dict[str, str] = {}
    for path in sorted((story / "dates").glob("*.html")):
        name = path.stem
        patterns = (
            ("day", r"\d{4}-\d\d-\d\d"),
            ("month", r"\d{4}-\d\d"),
            ("year", r"\d{4}"),
            ("part", r".+-\d"),
        )
        kind = next((k for k, pattern in patterns if re.fullmatch(pattern, name)), "other")
        kinds.setdefault(kind, f"dates/{path.name}")
    largest = [
        max(story.glob(f"{folder}/*.html"), key=lambda p: p.stat().st_size)
        for folder in ("sources", "entities")
    ]
    fixed = ["index.html", "key-events.html", "attention.html", "sources/index.html"]
    fixed += ["entities/index.html", "404.html"]
    return [*fixed, *(p.relative_to(story).as_posix() for p in largest), *kinds.values()]


@pytest.mark.browser
def test_axe_finds_no_violation(story: Path, browser: Any) -> None:
    need_npm()
    found = {}
    with serve(story) as url:
        for path in _page_types(story):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            problems = local_only(page)
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            found[path] = axe_violations(page) + problems
            page.close()
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.browser
def test_first_phone_screen_shows_title_overview_and_an_event(story: Path, browser: Any) -> None:
    with serve(story) as url:
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        page = context.new_page()
        page.goto(url + "index.html")
        page.wait_for_load_state("networkidle")
        screen = {"width": 390, "height": 844}

        def box(selector: str) -> dict[str, float] | None:
            found = page.locator(selector).first
            if found.count() == 0:
                return None
            b = found.bounding_box()
            return {
                "top": b["y"],
                "left": b["x"],
                "bottom": b["y"] + b["height"],
                "right": b["x"] + b["width"],
            }

        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways
        assert inside(box("main h1"), screen)
        assert inside(box("#overview"), screen)
        assert inside(box(".overview .key-list li a, main li.event"), screen)
        # the busiest page of dates opens on its events, its filters folded to one line
        dated = sorted((story / "dates").glob("*.html"))
        busiest = max(dated, key=lambda p: p.read_text(encoding="utf-8").count('class="event'))
        page.goto(url + f"dates/{busiest.name}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert inside(box("main h1"), screen)
        assert inside(box("main li.event .headline"), screen), busiest.name
        folded = box("details.filter-panel")
        assert folded is not None and folded["bottom"] - folded["top"] < 60
        context.close()


@pytest.mark.browser
def test_timelinejs_renders_every_event_with_its_navigator_on_screen(
    story: Path, browser: Any, tmp_path: Path
) -> None:
    need_npm()
    events = json.loads((story / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert len(events) > 300
    drawn = render_timelinejs(browser, story / "timeline.json", tmp_path)
    assert [p for p in drawn["problems"] if p.startswith("error")] == []
    assert drawn["markers"] == len(events)
    assert drawn["slides"] == len(events) + 1
    assert inside(drawn["navigator"], drawn["viewport"]), drawn["navigator"]
    assert inside(drawn["menubar"], drawn["viewport"]), drawn["menubar"]
