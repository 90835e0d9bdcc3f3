"""A build's temporary folders: gone after success and failure, and after a build killed
outright, the next run removes them; nothing that is not provably such a folder is touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from site_timeline import BUILD_DATE

from timeline.errors import PipelineError
from timeline.site import SiteOptions, build_site
from timeline.site import plugin as plugin_module
from timeline.site.output import SITE_MARKER
from timeline.site.staging import (
    SERVE_PREFIX,
    WORK_PREFIX,
    holds_only_work,
    host_tag,
    remove_stale,
    work_folder,
)
from timeline.types import Timeline

OPTIONS = SiteOptions(build_date=BUILD_DATE)
HERE = Path(__file__).resolve().parent


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private system temporary folder, so the real one is neither read nor changed."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture(scope="module")
def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _site_like(folder: Path) -> Path:
    folder.mkdir()
    (folder / SITE_MARKER).write_text("site", encoding="utf-8")
    (folder / "index.html").write_text("<p>old</p>", encoding="utf-8")
    return folder


def _is_site(folder: Path) -> bool:
    return (folder / SITE_MARKER).is_file()


def test_only_stale_folders_that_are_provably_ours_are_removed(
    tmp_path: Path, dead_pid: int
) -> None:
    tag = host_tag()
    stale = _site_like(tmp_path / f".site.new-{tag}-{dead_pid}-abc_123")
    stale_old = _site_like(tmp_path / f".site.old-{tag}-{dead_pid}-x7y8z9q0")
    empty = tmp_path / f".site.new-{tag}-{dead_pid}-empty000"
    empty.mkdir()
    kept = [
        _site_like(tmp_path / f".site.new-{tag}-{os.getpid()}-running0"),  # a live build
        _site_like(tmp_path / f".site.new-00000000-{dead_pid}-otherhst"),  # another machine
        _site_like(tmp_path / f".blog.new-{tag}-{dead_pid}-othersit"),  # another site
        _site_like(tmp_path / f".site.new-{tag}-{dead_pid}"),  # not our pattern
        _site_like(tmp_path / "site"),
    ]
    foreign = tmp_path / f".site.new-{tag}-{dead_pid}-usrfiles"
    foreign.mkdir()
    (foreign / "thesis.md").write_text("mine", encoding="utf-8")  # no marker: not a site
    a_file = tmp_path / f".site.old-{tag}-{dead_pid}-aplainfl"
    a_file.write_text("a file, not a folder", encoding="utf-8")
    kept += [foreign, a_file]

    removed = remove_stale(tmp_path, ".site.new-", _is_site)
    removed += remove_stale(tmp_path, ".site.old-", _is_site)
    assert sorted(removed) == sorted([stale, stale_old])
    assert not stale.exists() and not stale_old.exists()
    assert all(path.exists() for path in kept)
    assert (foreign / "thesis.md").read_text(encoding="utf-8") == "mine"
    assert empty.exists()  # empty but not a site: left alone by this check
    assert remove_stale(tmp_path, ".site.new-", lambda folder: not any(folder.iterdir())) == [empty]


def test_work_folders_are_recognised_by_what_they_hold(tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / "docs").mkdir(parents=True)
    (work / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert holds_only_work(work)
    (work / "docs" / "page.md").write_text("someone's page", encoding="utf-8")
    assert not holds_only_work(work)
    (work / "docs" / "page.md").unlink()
    (work / "photos").mkdir()
    assert not holds_only_work(work)


def test_build_folders_are_named_to_be_recognised(
    tmp_path: Path, temp: Path, timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []
    render = plugin_module.render_partial

    def spy(*args: object, **kwargs: object) -> str:
        seen.extend([*tmp_path.iterdir(), *temp.iterdir()])
        return render(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plugin_module, "render_partial", spy)
    build_site(timeline, tmp_path / "site", OPTIONS)
    names = {p.name.rsplit("-", 1)[0] for p in seen if p.name != "tmp"}
    assert names == {
        f".site.new-{host_tag()}-{os.getpid()}",
        f"{WORK_PREFIX}{host_tag()}-{os.getpid()}",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "tmp"]
    assert list(temp.iterdir()) == []


def test_a_failed_build_leaves_no_folder_behind(
    tmp_path: Path, temp: Path, timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_site(timeline, tmp_path / "site", OPTIONS)

    def broken(*args: object, **kwargs: object) -> str:
        raise PipelineError("template exploded")

    monkeypatch.setattr(plugin_module, "render_partial", broken)
    with pytest.raises(PipelineError):
        build_site(timeline, tmp_path / "site", OPTIONS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "tmp"]
    assert list(temp.iterdir()) == []


KILLED_BUILD = """
import sys, time
sys.path.insert(0, sys.argv[3])
from site_timeline import BUILD_DATE, make_timeline
from timeline.site import SiteOptions, build_site
from timeline.site import plugin

def stuck(*args, **kwargs):
    print("rendering", flush=True)
    time.sleep(600)

plugin.render_partial = stuck
out = __import__("pathlib").Path(sys.argv[1])
build_site(make_timeline(), out, SiteOptions(build_date=BUILD_DATE))
"""


@pytest.mark.slow
def test_the_next_build_removes_what_a_killed_build_left(
    tmp_path: Path, temp: Path, timeline: Timeline
) -> None:
    out = tmp_path / "site"
    build_site(timeline, out, OPTIONS)
    environment = {**os.environ, "TMPDIR": str(temp)}
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(out), "unused", str(HERE)],
        stdout=subprocess.PIPE,
        env=environment,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"rendering"
        child.send_signal(signal.SIGKILL)
        child.wait()
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".site.new-")]
    work = [p for p in temp.iterdir() if p.name.startswith(WORK_PREFIX)]
    assert len(left) == 1 and len(work) == 1, (left, work)
    assert str(child.pid) in left[0].name

    time.sleep(0.1)
    build_site(timeline, out, OPTIONS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "tmp"]
    assert list(temp.iterdir()) == []


def test_serve_work_folders_are_removed_and_stale_ones_too(temp: Path, dead_pid: int) -> None:
    stale = temp / f"{SERVE_PREFIX}{host_tag()}-{dead_pid}-stale000"
    (stale / "docs").mkdir(parents=True)
    (stale / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    with work_folder(SERVE_PREFIX) as work:
        assert work.parent == temp and work.name.startswith(SERVE_PREFIX)
        assert not stale.exists()
    assert list(temp.iterdir()) == []
