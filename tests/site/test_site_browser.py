"""The site in real headless Chromium (Debian package) through Playwright."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from site_timeline import BUILD_DATE

from timeline.site.screenshot import CHROMIUM_ARGS, serve
from timeline.types import Timeline

# CI sets TIMELINE_REQUIRE_BROWSER=1: there a missing browser fails instead of skipping.
REQUIRED = os.environ.get("TIMELINE_REQUIRE_BROWSER") == "1"
if REQUIRED and shutil.which("chromium") is None:
    pytest.fail("TIMELINE_REQUIRE_BROWSER=1 but chromium is not installed", pytrace=False)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which("chromium") is None,
        reason="chromium is not installed (apt-get install -y chromium)",
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=list(CHROMIUM_ARGS)
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    tab.on(
        "request",
        lambda r: (
            None if r.url.startswith(("http://127.0.0.1:", "data:")) else problems.append(r.url)
        ),
    )
    tab.problems = problems
    yield tab
    context.close()
    assert problems == []


def visible_events(page: Any) -> list[str]:
    return list(
        page.eval_on_selector_all("li.event:not([hidden])", "els => els.map(e => e.dataset.id)")
    )


def test_timeline_renders_without_errors(page: Any, base_url: str) -> None:
    page.goto(base_url + "index.html")
    page.wait_for_load_state("networkidle")
    assert len(visible_events(page)) == 6
    assert page.locator("#ev-meeting").is_visible()
    assert page.locator("#timeline-filters").is_visible()


def test_on_a_phone_the_filters_fold_to_one_line_above_the_events(
    browser: Any, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(base_url + "index.html")
    tab.wait_for_load_state("networkidle")
    panel = tab.locator("details.filter-panel")
    assert panel.is_visible() and not panel.evaluate("d => d.open")
    assert not tab.locator("#timeline-filters").is_visible()
    folded = panel.bounding_box()
    assert folded is not None and folded["height"] < 60
    tab.click("details.filter-panel > summary")
    assert tab.locator("input[name=entity]").is_visible()
    # a filtered address opens the panel, so the reader sees why events are missing
    tab.goto(base_url + "index.html?source=bbc-news")
    tab.wait_for_load_state("networkidle")
    assert panel.evaluate("d => d.open")
    assert tab.locator("select[name=source]").input_value() == "bbc-news"
    context.close()


def test_filters_by_entity_source_and_date(page: Any, base_url: str) -> None:
    page.goto(base_url + "index.html")
    page.fill("input[name=entity]", "vladimir putin")  # the names are searched as typed
    assert visible_events(page) == ["ev-meeting"]
    assert "Showing 1 of 6" in page.locator(".filter-status").inner_text()
    assert not page.locator("#p201").is_visible()
    page.click("button[type=reset]")
    page.wait_for_function("document.querySelectorAll('li.event[hidden]').length === 0")
    page.select_option("select[name=source]", "bbc-news")
    assert visible_events(page) == ["ev-talks", "ev-meeting"]
    page.select_option("select[name=source]", "")
    page.fill("input[name=from]", "2015-12-16")
    page.fill("input[name=to]", "2015-12-31")
    # periods that overlap the range stay: the 2010s and 2015 may include those weeks
    assert visible_events(page) == [
        "ev-sanctions",
        "ev-resolution",
        "ev-talks",
        "ev-resumed",
        "ev-hostile",
    ]


def test_filters_are_kept_in_the_address(page: Any, base_url: str) -> None:
    page.goto(base_url + "index.html")
    page.select_option("select[name=source]", "bbc-news")
    assert page.url.endswith("index.html?source=bbc-news")
    page.fill("input[name=entity]", "Vladimir Putin")
    # the key, not the name, is kept
    page.wait_for_function("location.search.includes('entity=person-vladimir-putin')")
    page.goto(base_url + "index.html?entity=person-vladimir-putin&from=nonsense")
    assert visible_events(page) == ["ev-meeting"]
    assert page.locator("input[name=entity]").input_value() == "Vladimir Putin"


def test_an_unknown_name_filters_nothing_and_says_so(page: Any, base_url: str) -> None:
    page.goto(base_url + "index.html")
    page.fill("input[name=entity]", "Nobody Known")
    assert len(visible_events(page)) == 6
    assert "Nobody Known" in page.locator(".filter-status").inner_text()


def test_months_collapse_and_expand(page: Any, base_url: str) -> None:
    page.goto(base_url + "index.html")
    toggle = page.locator("#m2015-12 button.month-toggle")
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#ev-meeting").is_visible()
    page.click("button[data-action=expand]")
    assert page.locator("#ev-meeting").is_visible()


def test_permalink_lands_on_the_event_even_when_hidden(page: Any, base_url: str) -> None:
    page.goto(base_url + "index.html#ev-hostile")
    page.wait_for_load_state("networkidle")
    assert page.locator("#ev-hostile").is_visible()
    assert page.locator("#ev-hostile").evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"
    )
    page.fill("input[name=entity]", "Vladimir Putin")
    assert not page.locator("#ev-resumed").is_visible()
    page.evaluate("location.hash = 'ev-resumed'")
    page.wait_for_function("!document.querySelector('li[data-id=ev-resumed]').hidden")
    assert page.locator("#ev-resumed").is_visible()


def test_search_finds_an_event_and_links_to_its_anchor(page: Any, base_url: str) -> None:
    page.goto(base_url + "index.html")
    page.wait_for_load_state("networkidle")
    page.locator("#mkdocs-search-query").press_sequentially("Kremlin", delay=20)
    link = page.locator("#mkdocs-search-results a[href$='index.html#ev-meeting']")
    link.first.wait_for(timeout=10_000)
    # a result reads as a line of the list, not as a heading of the page
    sizes = link.first.evaluate(
        "a => [a.closest('article').firstElementChild, document.body]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes[0] <= sizes[1] * 1.1, sizes
    link.first.click()
    page.wait_for_url("**/index.html#ev-meeting")
    assert page.locator("#ev-meeting").is_visible()
    assert page.evaluate("document.activeElement.id") == "ev-meeting"
    assert not page.locator("#mkdocs-search-results").is_visible()


def test_search_page_reads_the_query(page: Any, base_url: str) -> None:
    page.goto(base_url + "search.html?q=resolution")
    page.locator("#mkdocs-search-results a[href$='#ev-resolution']").first.wait_for(timeout=10_000)


def test_timex_shows_its_value_on_keyboard_focus(page: Any, base_url: str) -> None:
    page.goto(base_url + "sources/guardian-2015-12-16.html")
    mark = page.locator("mark.timex").first
    mark.focus()
    content = mark.evaluate("e => getComputedStyle(e, '::after').content")
    assert "15 December 2015" in content
    assert "relative to the publication date" in (mark.get_attribute("title") or "")


def test_hostile_article_runs_nothing(page: Any, base_url: str) -> None:
    for path in ("index.html", "entities/index.html", "key-events.html", "sources/hostile.html"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("img").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
    # the markup is shown to the reader as text
    assert '<script>alert("x")</script>' in page.locator("main").inner_text()


def test_filters_work_inside_another_theme(
    browser: Any, tmp_path: Path, timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    fake = types.ModuleType("timeline.pipeline.stages")
    fake.extract_timeline = lambda _paths, _config=None: timeline  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "timeline.pipeline.stages", fake)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1453248000")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Elsewhere\ntheme: mkdocs\nplugins:\n  - search\n"
        "  - timeline:\n      articles: articles\n"
    )
    build(load_config(str(config)))
    context = browser.new_context()
    tab = context.new_page()
    # the mkdocs theme asks a CDN for highlight.js; this test is about our script only
    tab.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
    with serve(tmp_path / "site") as url:
        tab.goto(url + "timeline/")
        tab.fill("input[name=entity]", "Vladimir Putin")
        assert visible_events(tab) == ["ev-meeting"]
    context.close()


@pytest.mark.parametrize("site_url", [None, "https://example.org/story/"])
def test_the_error_page_works_from_a_subfolder_at_any_depth(
    browser: Any, tmp_path: Path, timeline: Timeline, site_url: str | None
) -> None:
    """Served as a static host serves it (GitHub Pages, Netlify): the site in a folder
    `/story/`, its 404.html sent for every missing address, however deep."""
    import functools
    import http.server
    import threading

    from timeline.site import SiteOptions, build_site

    root = tmp_path / "host"
    site = root / "story"
    build_site(
        timeline, site, SiteOptions(site_name="Kerry", build_date=BUILD_DATE, site_url=site_url)
    )
    error = (site / "404.html").read_bytes()

    class Host(http.server.SimpleHTTPRequestHandler):
        def send_error(
            self, code: int, message: str | None = None, explain: str | None = None
        ) -> None:
            if code != 404:
                super().send_error(code, message, explain)
                return
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(error)))
            self.end_headers()
            self.wfile.write(error)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Host, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = f"http://127.0.0.1:{server.server_address[1]}"
    ours = ["assets/theme.css", "assets/timeline.css", "assets/timeline.js", "search/main.js"]
    context = browser.new_context()
    try:
        for missing in (
            "/story/gone.html",
            "/story/sources/gone.html",
            "/story/entities/old/x.html",
        ):
            context.close()
            context = browser.new_context()  # nothing from the browser's cache
            tab = context.new_page()
            loaded: list[str] = []
            tab.on("response", lambda r, seen=loaded: seen.append(r.url) if r.ok else None)
            tab.goto(host + missing)
            tab.wait_for_load_state("networkidle")
            assert tab.locator("h1").inner_text() == "Page not found"
            # the stylesheets and scripts were found at the site's top folder
            assert {f"{host}/story/{path}" for path in ours} <= set(loaded), (missing, loaded)
            assert (
                tab.evaluate("getComputedStyle(document.querySelector('.skip-link')).position")
                == "absolute"
            )
            links = tab.eval_on_selector_all("main a, header nav a", "as => as.map(a => a.href)")
            assert links and all(link.startswith(host + "/story/") for link in links), links
            assert tab.eval_on_selector(".skip-link", "a => a.href") == host + missing + "#main"
        tab.click("main a")
        tab.wait_for_load_state("networkidle")
        assert tab.url == host + "/story/index.html"
        assert tab.locator("li.event").count() == len(timeline.events)
    finally:
        context.close()
        server.shutdown()
        server.server_close()
        thread.join()
