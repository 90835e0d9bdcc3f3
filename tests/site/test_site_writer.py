"""Exports made by a child process while the pages render: the same bytes as made here,
and a child that fails costs nothing but time."""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path

import pytest

from timeline.errors import PipelineError
from timeline.site import SiteOptions, build_site, pages
from timeline.site.links import Links
from timeline.site.writer import ExportWriter
from timeline.types import Timeline


def _targets(folder: Path, names: tuple[str, ...]) -> dict[str, Path]:
    return {name: folder / "exports" / name for name in names}


def _read(targets: Mapping[str, Path]) -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in targets.items()}


def test_a_child_writes_what_this_process_would(
    tmp_path: Path, timeline: Timeline, options: SiteOptions
) -> None:
    data = pages.site_data(timeline, options)
    names = tuple(name for _, name in pages.EXPORTS)

    def make() -> dict[str, bytes]:
        return pages.export_files(timeline, data, options, Links())

    here = _targets(tmp_path / "here", names)
    ExportWriter(make, here, background=False).finish()
    there = _targets(tmp_path / "child", names)
    writer = ExportWriter(make, there)
    assert writer.in_background
    writer.finish()
    assert _read(there) == _read(here)
    assert all(_read(here).values())


def test_a_failed_child_is_made_up_for_here(tmp_path: Path) -> None:
    parent = os.getpid()

    def make() -> dict[str, bytes]:
        if os.getpid() != parent:
            raise OSError("disk full")
        return {"a.json": b"[]\n"}

    targets = _targets(tmp_path, ("a.json",))
    writer = ExportWriter(make, targets)
    assert writer.in_background
    writer.finish()
    assert _read(targets) == {"a.json": b"[]\n"}


def test_a_failure_here_too_is_the_builds_error(tmp_path: Path) -> None:
    def make() -> dict[str, bytes]:
        return {"other.json": b"{}"}

    with pytest.raises(PipelineError, match="expected"):
        ExportWriter(make, _targets(tmp_path, ("a.json",))).finish()


def test_with_other_threads_running_the_exports_are_made_here(tmp_path: Path) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        targets = _targets(tmp_path, ("a.json",))
        writer = ExportWriter(lambda: {"a.json": b"1"}, targets)
        assert not writer.in_background
        assert _read(targets) == {"a.json": b"1"}
    finally:
        stop.set()
        thread.join()


def test_a_cancelled_child_leaves_no_process(tmp_path: Path) -> None:
    release = threading.Event()  # never set: the child would wait for ever

    def make() -> dict[str, bytes]:
        release.wait()
        return {}

    writer = ExportWriter(make, _targets(tmp_path, ()))
    assert writer.in_background
    writer.cancel()
    assert not writer.in_background


def test_the_site_has_every_export_written_by_the_child(
    tmp_path: Path, timeline: Timeline, options: SiteOptions
) -> None:
    build_site(timeline, tmp_path / "site", options)
    for _, name in pages.EXPORTS:
        assert (tmp_path / "site" / name).stat().st_size > 0, name
