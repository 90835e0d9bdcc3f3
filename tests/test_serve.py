"""`timeline serve`: the live-reload server rebuilds when an article is added."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

NEW_ARTICLE = """---
title: Ceasefire talks resume in Geneva
publisher: Example Wire
published: 2016-01-26
---
Delegations from the Syrian government and the opposition arrived in Geneva yesterday for
talks on a nationwide ceasefire.
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _fetch_until(url: str, needle: str, deadline: float) -> str:
    page = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                page = response.read().decode()
            if needle in page:
                return page
        except OSError:
            pass
        time.sleep(0.5)
    return page


@pytest.mark.slow
def test_serve_rebuilds_when_an_article_lands(repo_root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(repo_root / "seeds", folder)
    port = _free_port()
    command = [sys.executable, "-m", "timeline", "serve", str(folder), "-a", f"127.0.0.1:{port}"]
    temp = tmp_path / "tmp"  # the server's system temporary folder, to see what it leaves
    temp.mkdir()
    server = subprocess.Popen(
        command,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(temp)},
    )
    try:
        url = f"http://127.0.0.1:{port}/index.html"
        first = _fetch_until(url, "Kerry", time.monotonic() + 90)
        assert "Kerry" in first
        assert "Geneva" not in first
        (folder / "geneva.md").write_text(NEW_ARTICLE)
        second = _fetch_until(url, "Geneva", time.monotonic() + 90)
        assert "Geneva" in second
        assert len([p for p in temp.iterdir() if p.name.startswith("timeline-serve-")]) == 1
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not [p for p in temp.iterdir() if p.name.startswith("timeline-serve-")], (
        "a server stopped with SIGTERM removes its work folder"
    )
