"""Refresh the README screenshot: `python -m timeline.site.screenshot SITE_DIR OUT.png`
(optionally `390x844` for a phone's first screen).

Serves the built site over HTTP on a free local port (search needs HTTP, not file://) and
photographs the timeline page in headless Chromium (the Debian `chromium` package).
Playwright is a development dependency, so it is imported only here.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from timeline.errors import PipelineError

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep request lines out of the terminal."""


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve site_dir on 127.0.0.1 for the duration of the block; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        raise PipelineError("chromium is not installed: run `apt-get install -y chromium`.")
    return path


def screenshot(site_dir: Path, out: Path, *, width: int = 1280, height: int = 900) -> None:
    """Write a PNG of the timeline page (the first screen, as a visitor sees it)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise PipelineError("playwright is missing: install the `dev` extra.") from error
    if not (site_dir / "index.html").is_file():
        raise PipelineError(f"{site_dir} has no index.html: build the site first.")
    with serve(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=list(CHROMIUM_ARGS)
        )
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(url + "index.html")
            page.wait_for_load_state("networkidle")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    usage = "usage: python -m timeline.site.screenshot SITE_DIR OUT.png [WIDTHxHEIGHT]"
    if len(args) not in (2, 3):
        raise SystemExit(usage)
    size = (1280, 900)
    if len(args) == 3:
        width, _, height = args[2].partition("x")
        if not (width.isdigit() and height.isdigit()):
            raise SystemExit(usage)
        size = (int(width), int(height))
    try:
        screenshot(Path(args[0]), Path(args[1]), width=size[0], height=size[1])
    except PipelineError as error:
        raise SystemExit(f"screenshot: {error}") from error
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
