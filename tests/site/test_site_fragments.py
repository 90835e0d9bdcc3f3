"""Event entries kept between builds: a rebuild renders only the entries whose event
changed, and every page is byte-for-byte what an uncached build writes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from timeline.site import SiteOptions, build_site
from timeline.site.fragments import STORE, FragmentCache
from timeline.site.pagecache import fingerprinter
from timeline.types import Timeline


def _rendered(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    """(rendered, requested) event entries, from the last build's log line."""
    lines = [r.getMessage() for r in caplog.records if "page fragments" in r.getMessage()]
    assert lines, "no page-cache summary was logged"
    numbers = re.search(r"and (\d+) of (\d+) page fragments", lines[-1])
    assert numbers, lines[-1]
    reused, requested = int(numbers[1]), int(numbers[2])
    return requested - reused, requested


def _reworded(timeline: Timeline, index: int) -> Timeline:
    events = list(timeline.events)
    events[index] = dataclasses.replace(events[index], headline=events[index].headline + " (new)")
    return dataclasses.replace(timeline, events=tuple(events))


def _places(timeline: Timeline, index: int) -> int:
    """The most entries one event can have: the timeline, each citing article's page, the
    entity pages (which share one), the key-events and needs-attention lists."""
    event = timeline.events[index]
    return 1 + len({m.article for m in event.mentions}) + 1 + 2


def _listed(site: Path) -> int:
    """Event entries over the site's pages (the search page lists none)."""
    return sum(
        page.read_text(encoding="utf-8").count('<li class="event') for page in site.rglob("*.html")
    )


def _same_pages(built: Path, fresh: Path) -> None:
    pages = sorted(p.relative_to(built) for p in built.rglob("*.html"))
    assert pages == sorted(p.relative_to(fresh) for p in fresh.rglob("*.html"))
    for page in pages:
        assert (built / page).read_bytes() == (fresh / page).read_bytes(), page


def test_a_first_build_renders_each_entry_once_per_link_folder(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="mkdocs.plugins.timeline")
    build_site(timeline, tmp_path / "site", options, cache_dir=tmp_path / "cache")
    rendered, requested = _rendered(caplog)
    assert requested == _listed(tmp_path / "site")
    # every event is on the timeline; one listed on two entity pages is rendered once
    assert len(timeline.events) < rendered < requested
    build_site(timeline, tmp_path / "fresh", options)
    _same_pages(tmp_path / "site", tmp_path / "fresh")


def test_one_changed_event_renders_only_its_entries_again(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, caplog: pytest.LogCaptureFixture
) -> None:
    assert len(timeline.events) >= 3
    cache = tmp_path / "cache"
    caplog.set_level("INFO", logger="mkdocs.plugins.timeline")
    build_site(timeline, tmp_path / "first", options, cache_dir=cache)
    changed = _reworded(timeline, 1)
    build_site(changed, tmp_path / "second", options, cache_dir=cache)
    rendered, requested = _rendered(caplog)
    assert 1 <= rendered <= _places(timeline, 1) < requested
    build_site(changed, tmp_path / "fresh", options)
    _same_pages(tmp_path / "second", tmp_path / "fresh")
    assert b"(new)" in (tmp_path / "second" / "index.html").read_bytes()


def test_entries_of_pages_reused_whole_are_kept_for_later_builds(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    caplog.set_level("INFO", logger="mkdocs.plugins.timeline")
    build_site(timeline, tmp_path / "first", options, cache_dir=cache)
    build_site(timeline, tmp_path / "second", options, cache_dir=cache)  # all pages reused
    assert _rendered(caplog) == (0, 0)
    # Rewording one event, then another: the pages of the second were reused whole in the
    # first rebuild, and still find their other entries.
    build_site(_reworded(timeline, 0), tmp_path / "third", options, cache_dir=cache)
    assert 1 <= _rendered(caplog)[0] <= _places(timeline, 0)
    build_site(_reworded(timeline, 2), tmp_path / "fourth", options, cache_dir=cache)
    # event 0 is back to its first wording (still stored) and event 2 is new
    assert 1 <= _rendered(caplog)[0] <= _places(timeline, 0) + _places(timeline, 2)
    build_site(_reworded(timeline, 2), tmp_path / "fresh", options)
    _same_pages(tmp_path / "fourth", tmp_path / "fresh")


def test_damaged_store_is_ignored_whole(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    build_site(timeline, tmp_path / "first", options, cache_dir=cache)
    store = cache / STORE
    text = store.read_text(encoding="utf-8")
    assert '<li class=\\"event' in text
    store.write_text(text.replace("class=", "data-x=", 1), encoding="utf-8")
    caplog.set_level("INFO", logger="mkdocs.plugins.timeline")
    changed = _reworded(timeline, 0)
    build_site(changed, tmp_path / "second", options, cache_dir=cache)
    assert "damaged entry" in caplog.text
    rendered, requested = _rendered(caplog)
    assert rendered > _places(timeline, 0) and requested > 0
    build_site(changed, tmp_path / "fresh", options)
    _same_pages(tmp_path / "second", tmp_path / "fresh")


class _Macro:
    """Stands in for a Jinja macro: has a name, counts its calls."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.calls = 0

    def __call__(self, *args: object) -> str:
        self.calls += 1
        return f"<p>{self.name}{args}</p>"


def test_pieces_are_keyed_by_link_folder_macro_arguments_and_salt(tmp_path: Path) -> None:
    macro = _Macro("event_item")
    first = FragmentCache(tmp_path, "salt", fingerprinter())
    for base in ("", "entities"):
        for args in ((1, True), (2, True), (1, False)):
            first.render(f"{base}/a.md", base, macro, *args)
            first.render(f"{base}/b.md", base, macro, *args)  # same folder: rendered once
    first.commit()
    assert macro.calls == 6 and first.rendered == 6 and first.calls == 12

    again = FragmentCache(tmp_path, "salt", fingerprinter())
    assert again.render("c.md", "", macro, 1, True) == "<p>event_item(1, True)</p>"
    assert again.render("c.md", "", _Macro("event_brief"), 1, True) != ""
    assert again.render("sources/c.md", "sources", macro, 1, True) != ""
    assert macro.calls == 7 and again.rendered == 2

    other_salt = FragmentCache(tmp_path, "another theme", fingerprinter())
    other_salt.render("c.md", "", macro, 1, True)
    assert macro.calls == 8 and other_salt.rendered == 1


def test_only_pieces_a_page_holds_are_kept(tmp_path: Path) -> None:
    macro = _Macro("m")
    first = FragmentCache(tmp_path, "salt", fingerprinter())
    first.render("a.md", "", macro, "old")
    first.render("b.md", "", macro, "carried")
    first.render("c.md", "", macro, "kept")
    held_by_b = first.keys_of("b.md")
    assert len(held_by_b) == 1
    first.commit()

    second = FragmentCache(tmp_path, "salt", fingerprinter())
    second.render("c.md", "", macro, "kept")
    second.carry(held_by_b)  # b.md was reused whole
    second.commit()

    third = FragmentCache(tmp_path, "salt", fingerprinter())
    for piece in ("old", "carried", "kept"):
        third.render("d.md", "", macro, piece)
    assert third.rendered == 1 and macro.calls == 4  # only "old" was dropped


def test_only_macros_can_be_cached(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        FragmentCache(tmp_path, "salt", fingerprinter()).render("a.md", "", str, 1)
