"""Timeline entries kept between builds: a rebuild renders only the entries whose event
changed, and the page is byte-for-byte what an uncached build writes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from timeline.model import Timeline
from timeline.site import SiteOptions, build_site
from timeline.site.fragments import STORE, FragmentCache
from timeline.site.pagecache import fingerprinter


def _reuse(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    """(reused, used) fragments from the last build's log line."""
    lines = [r.getMessage() for r in caplog.records if "page fragments" in r.getMessage()]
    assert lines, "no page-cache summary was logged"
    numbers = re.search(r"and (\d+) of (\d+) page fragments", lines[-1])
    assert numbers, lines[-1]
    return int(numbers[1]), int(numbers[2])


def _reworded(timeline: Timeline, index: int) -> Timeline:
    events = list(timeline.events)
    events[index] = dataclasses.replace(events[index], headline=events[index].headline + " (new)")
    return dataclasses.replace(timeline, events=tuple(events))


def test_one_changed_event_renders_one_entry_again(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, caplog: pytest.LogCaptureFixture
) -> None:
    assert len(timeline.events) >= 3
    cache = tmp_path / "cache"
    caplog.set_level("INFO", logger="mkdocs.plugins.timeline")
    build_site(timeline, tmp_path / "first", options, cache_dir=cache)
    reused, used = _reuse(caplog)
    assert (reused, used) == (0, len(timeline.events))

    changed = _reworded(timeline, 1)
    build_site(changed, tmp_path / "second", options, cache_dir=cache)
    assert _reuse(caplog) == (len(timeline.events) - 1, len(timeline.events))
    build_site(changed, tmp_path / "fresh", options)
    page = (tmp_path / "second" / "index.html").read_bytes()
    assert page == (tmp_path / "fresh" / "index.html").read_bytes()
    assert b"(new)" in page


def test_damaged_store_is_ignored_whole(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    build_site(timeline, tmp_path / "first", options, cache_dir=cache)
    store = cache / STORE
    text = store.read_text(encoding="utf-8")
    assert "<li class=\\\"event" in text or '<li class="event' in text
    store.write_text(text.replace("class=", "data-x=", 1), encoding="utf-8")
    caplog.set_level("INFO", logger="mkdocs.plugins.timeline")
    changed = _reworded(timeline, 0)
    build_site(changed, tmp_path / "second", options, cache_dir=cache)
    assert "damaged entry" in caplog.text
    assert _reuse(caplog) == (0, len(timeline.events))
    build_site(changed, tmp_path / "fresh", options)
    expected = (tmp_path / "fresh" / "index.html").read_bytes()
    assert (tmp_path / "second" / "index.html").read_bytes() == expected


def test_a_build_that_reuses_the_whole_page_keeps_the_store(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    build_site(timeline, tmp_path / "first", options, cache_dir=cache)
    build_site(timeline, tmp_path / "second", options, cache_dir=cache)  # index.html reused
    caplog.set_level("INFO", logger="mkdocs.plugins.timeline")
    build_site(_reworded(timeline, 2), tmp_path / "third", options, cache_dir=cache)
    assert _reuse(caplog) == (len(timeline.events) - 1, len(timeline.events))


class _Macro:
    """Stands in for a Jinja macro: has a name, counts its calls."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.calls = 0

    def __call__(self, *args: object) -> str:
        self.calls += 1
        return f"<p>{self.name}{args}</p>"


def test_pieces_are_keyed_by_page_macro_arguments_and_salt(tmp_path: Path) -> None:
    macro = _Macro("event_item")
    first = FragmentCache(tmp_path, "salt", fingerprinter())
    for page in ("index.md", "other.md"):
        for args in ((1, True), (2, True), (1, False)):
            first.render(page, macro, *args)
    first.commit()
    assert macro.calls == 6

    again = FragmentCache(tmp_path, "salt", fingerprinter())
    assert again.render("index.md", macro, 1, True) == "<p>event_item(1, True)</p>"
    assert again.render("index.md", _Macro("event_brief"), 1, True) != ""
    assert macro.calls == 6 and again.reused == 1

    other_salt = FragmentCache(tmp_path, "another theme", fingerprinter())
    other_salt.render("index.md", macro, 1, True)
    assert macro.calls == 7 and other_salt.reused == 0


def test_only_the_pieces_of_the_last_build_are_kept(tmp_path: Path) -> None:
    macro = _Macro("m")
    first = FragmentCache(tmp_path, "salt", fingerprinter())
    first.render("index.md", macro, "old")
    first.render("index.md", macro, "kept")
    first.commit()
    second = FragmentCache(tmp_path, "salt", fingerprinter())
    second.render("index.md", macro, "kept")
    second.commit()
    third = FragmentCache(tmp_path, "salt", fingerprinter())
    third.render("index.md", macro, "old")
    assert third.reused == 0 and macro.calls == 3


def test_only_macros_can_be_cached(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        FragmentCache(tmp_path, "salt", fingerprinter()).render("index.md", str, 1)
