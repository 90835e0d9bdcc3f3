"""The clients people read a site with, driven from the tests: Chromium (Playwright, the
Debian package), TimelineJS3 and axe-core from npm (`tests/site/js`, installed by `npm ci`).

Where a client is missing the tests skip, except under TIMELINE_REQUIRE_BROWSER=1 (CI),
where a missing client is a failure.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from timeline.site.screenshot import CHROMIUM_ARGS, serve

JS = Path(__file__).parent / "js"
TIMELINEJS = JS / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
AXE = JS / "node_modules" / "axe-core" / "axe.min.js"
REQUIRED = os.environ.get("TIMELINE_REQUIRE_BROWSER") == "1"


def need(present: bool, what: str) -> None:
    """Skip without `what`, or fail in CI."""
    if present:
        return
    if REQUIRED:
        pytest.fail(f"TIMELINE_REQUIRE_BROWSER=1 but {what}", pytrace=False)
    pytest.skip(what)


def need_npm() -> None:
    need(
        (TIMELINEJS / "js" / "timeline.js").is_file() and AXE.is_file(),
        "TimelineJS3 and axe-core are not installed (npm ci --prefix tests/site/js)",
    )


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    need(
        shutil.which("chromium") is not None, "chromium is not installed (apt-get install chromium)"
    )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright is not installed")
        raise
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=list(CHROMIUM_ARGS)
        )
        try:
            yield browser
        finally:
            browser.close()


def local_only(page: Any) -> list[str]:
    """Block and record every request that leaves the machine, and every script error."""
    problems: list[str] = []

    def route(request: Any) -> None:
        if request.request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            request.continue_()
        else:
            problems.append(f"request: {request.request.url}")
            request.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    return problems


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations on the page as it is now: "rule: target, target" lines."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"""
    )
    return list(found)


HARNESS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TimelineJS</title><link rel="stylesheet" href="tl/css/timeline.css"></head>
<body style="margin:0"><div id="tl" style="width:100%;height:100vh"></div>
<script src="tl/js/timeline.js"></script>
<script>
fetch("timeline.json").then(r => r.json()).then(data => {
  window.tl = new TL.Timeline("tl", data, {script_path: new URL("tl/js/", location.href).href});
  window.tl.on("loaded", () => { window.tlReady = true; });
  window.setTimeout(() => { window.tlReady = true; }, 5000);
});
</script></body></html>
"""


def render_timelinejs(
    browser: Any, timeline_json: Path, folder: Path, width: int = 1280, height: int = 800
) -> dict[str, Any]:
    """Open `timeline_json` in TimelineJS3 as its embed does, and measure what it drew."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(timeline_json, folder / "timeline.json")
    (folder / "index.html").write_text(HARNESS, encoding="utf-8")
    if not (folder / "tl").exists():
        (folder / "tl").symlink_to(TIMELINEJS)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    problems = local_only(page)
    with serve(folder) as url:
        page.goto(url + "index.html")
        page.wait_for_function("window.tlReady === true", timeout=60_000)
        page.wait_for_selector(".tl-timemarker", state="attached", timeout=60_000)
        measured = page.evaluate(
            """() => {
              const box = s => { const e = document.querySelector(s);
                if (!e) return null; const r = e.getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
              return {
                slides: document.querySelectorAll(".tl-slide").length,
                markers: document.querySelectorAll(".tl-timemarker").length,
                texts: Array.from(document.querySelectorAll(".tl-slide .tl-headline"))
                  .map(h => h.textContent),
                navigator: box(".tl-timenav"),
                menubar: box(".tl-menubar"),
                viewport: {width: innerWidth, height: innerHeight},
              };
            }"""
        )
    context.close()
    measured["problems"] = problems
    return measured


def inside(box: dict[str, float] | None, viewport: dict[str, float]) -> bool:
    """The box is on screen; TimelineJS's navigator has a 1 px border below the screen."""
    return (
        box is not None
        and box["top"] >= 0
        and box["left"] >= 0
        and box["bottom"] <= viewport["height"] + 1
        and box["right"] <= viewport["width"]
    )
