"""The README screenshot script works on a built site (written to a temporary path)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline.errors import PipelineError
from timeline.site.screenshot import main, screenshot


@pytest.mark.browser
@pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="chromium is not installed (apt-get install -y chromium)",
)
def test_screenshot_writes_a_png(site: Path, tmp_path: Path) -> None:
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    out = tmp_path / "shots" / "timeline.png"
    assert main([str(site), str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    phone = tmp_path / "phone.png"
    assert main([str(site), str(phone), "390x844"]) == 0
    assert phone.read_bytes()[16:24] == (390).to_bytes(4, "big") + (844).to_bytes(4, "big")


def test_screenshot_size_must_be_width_x_height(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="WIDTHxHEIGHT"):
        main([str(tmp_path), str(tmp_path / "out.png"), "wide"])


def test_screenshot_needs_a_built_site(tmp_path: Path) -> None:
    with pytest.raises(PipelineError, match="build the site first"):
        screenshot(tmp_path, tmp_path / "out.png")
