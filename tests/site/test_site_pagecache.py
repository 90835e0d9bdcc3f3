"""The page cache: a rebuild renders only pages whose data changed, and the site it
writes is byte-for-byte the site an uncached build writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from timeline.site import SiteOptions, build_site, pagecache
from timeline.site.build import open_page_cache
from timeline.site.pagecache import INDEX, PageCache, fingerprinter
from timeline.types import Timeline


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _build(timeline: Timeline, options: SiteOptions, out: Path, cache: Path) -> None:
    build_site(timeline, out, options, cache_dir=cache)


def _retitled(timeline: Timeline) -> Timeline:
    """The same timeline with one event's headline reworded."""
    first, *rest = timeline.events
    changed = dataclasses.replace(first, headline=first.headline + " (updated)")
    return dataclasses.replace(timeline, events=(changed, *rest))


@pytest.fixture()
def uncached(tmp_path: Path, timeline: Timeline, options: SiteOptions) -> dict[str, bytes]:
    build_site(timeline, tmp_path / "uncached", options)
    return _files(tmp_path / "uncached")


def test_rebuild_reuses_every_page_and_writes_the_same_bytes(
    tmp_path: Path,
    timeline: Timeline,
    options: SiteOptions,
    uncached: dict[str, bytes],
    caplog: pytest.LogCaptureFixture,
) -> None:
    cache = tmp_path / "cache"
    _build(timeline, options, tmp_path / "first", cache)
    assert _files(tmp_path / "first") == uncached
    caplog.set_level("INFO", logger="mkdocs.plugins.timeline")
    _build(timeline, options, tmp_path / "second", cache)
    assert _files(tmp_path / "second") == uncached
    reused = [r.getMessage() for r in caplog.records if "pages reused" in r.getMessage()]
    assert reused and reused[-1].split()[1] == reused[-1].split()[3], reused
    assert not [r for r in caplog.records if "dirty" in r.getMessage()]


def test_changed_data_rerenders_exactly_the_pages_that_show_it(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    _build(timeline, options, tmp_path / "first", cache)
    changed = _retitled(timeline)
    caplog.set_level("INFO", logger="mkdocs.plugins.timeline")
    _build(changed, options, tmp_path / "cached", cache)
    build_site(changed, tmp_path / "fresh", options)
    assert _files(tmp_path / "cached") == _files(tmp_path / "fresh")
    message = next(r.getMessage() for r in caplog.records if "pages reused" in r.getMessage())
    reused, total = int(message.split()[1]), int(message.split()[3])
    assert 0 < reused < total, message


def test_damaged_stored_page_is_rendered_again(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, uncached: dict[str, bytes]
) -> None:
    cache = tmp_path / "cache"
    _build(timeline, options, tmp_path / "first", cache)
    stored = sorted(p for p in cache.glob("??/*.html"))
    assert stored
    for path in stored:  # break the stored copies, not the site that shares their bytes
        path.unlink()
        path.write_text("<p>damaged</p>", encoding="utf-8")
    _build(timeline, options, tmp_path / "second", cache)
    assert _files(tmp_path / "second") == uncached


def test_a_page_edited_in_place_keeping_its_size_is_caught(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, uncached: dict[str, bytes]
) -> None:
    cache = tmp_path / "cache"
    _build(timeline, options, tmp_path / "first", cache)
    stored = max(cache.glob("??/*.html"), key=lambda p: p.stat().st_size)
    before = stored.stat()
    with stored.open("r+b") as handle:  # same inode, same size, new bytes
        handle.write(b"<!-- edited -->")
    assert stored.stat().st_size == before.st_size
    os.utime(stored, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    _build(timeline, options, tmp_path / "second", cache)
    assert _files(tmp_path / "second") == uncached


def _count_digests(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    read: list[Path] = []
    digest = pagecache._digest

    def counted(path: Path) -> str:
        read.append(path)
        return digest(path)

    monkeypatch.setattr(pagecache, "_digest", counted)
    return read


def test_flipped_bytes_with_the_times_restored_are_never_published(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, uncached: dict[str, bytes]
) -> None:
    cache = tmp_path / "cache"
    _build(timeline, options, tmp_path / "first", cache)
    for stored in cache.glob("??/*.html"):  # same size, same times, other bytes
        before = stored.stat()
        data = bytearray(stored.read_bytes())
        data[len(data) // 2] ^= 0x20
        stored.write_bytes(bytes(data))
        os.utime(stored, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert (stored.stat().st_size, stored.stat().st_mtime_ns) == (
            before.st_size,
            before.st_mtime_ns,
        )
    _build(timeline, options, tmp_path / "second", cache)
    assert _files(tmp_path / "second") == uncached


def test_every_reused_page_is_checked_by_its_bytes(
    tmp_path: Path,
    timeline: Timeline,
    options: SiteOptions,
    uncached: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path / "cache"
    _build(timeline, options, tmp_path / "first", cache)
    stored = sorted(cache.glob("??/*.html"))
    read = _count_digests(monkeypatch)
    _build(timeline, options, tmp_path / "second", cache)
    assert sorted(set(read)) == stored  # each checked, none rendered again
    assert _files(tmp_path / "second") == uncached


def test_the_store_removes_only_pages_it_wrote(
    tmp_path: Path, timeline: Timeline, options: SiteOptions
) -> None:
    """A cache folder pointed at someone's files must not cost them a file."""
    cache = tmp_path / "mydocs"
    mine = {
        "ab/notes.html": "<p>my notes</p>",
        "ab/index.html": "<p>my index</p>",
        f"cd/{'ab' * 32}.html": "<p>named like a stored page, in the wrong folder</p>",
        "12/readme.html": "<p>mine too</p>",
    }
    for name, text in mine.items():
        (cache / name).parent.mkdir(parents=True, exist_ok=True)
        (cache / name).write_text(text, encoding="utf-8")
    _build(timeline, options, tmp_path / "first", cache)
    _build(_retitled(timeline), options, tmp_path / "second", cache)
    for name, text in mine.items():
        assert (cache / name).read_text(encoding="utf-8") == text, name


def test_unreadable_index_means_a_full_render(
    tmp_path: Path, timeline: Timeline, options: SiteOptions, uncached: dict[str, bytes]
) -> None:
    cache = tmp_path / "cache"
    _build(timeline, options, tmp_path / "first", cache)
    (cache / INDEX).write_text("{not json", encoding="utf-8")
    _build(timeline, options, tmp_path / "second", cache)
    assert _files(tmp_path / "second") == uncached


def test_settings_are_part_of_every_key(
    tmp_path: Path, timeline: Timeline, options: SiteOptions
) -> None:
    cache = tmp_path / "cache"
    _build(timeline, options, tmp_path / "first", cache)
    renamed = dataclasses.replace(options, site_name="Another name")
    _build(timeline, renamed, tmp_path / "cached", cache)
    build_site(timeline, tmp_path / "fresh", renamed)
    assert _files(tmp_path / "cached") == _files(tmp_path / "fresh")


def test_unused_pages_are_dropped_from_the_store(
    tmp_path: Path, timeline: Timeline, options: SiteOptions
) -> None:
    cache = tmp_path / "cache"
    _build(timeline, options, tmp_path / "first", cache)
    before = {p.name for p in cache.glob("??/*.html")}
    _build(_retitled(timeline), options, tmp_path / "second", cache)
    after = {p.name for p in cache.glob("??/*.html")}
    assert before - after and after - before
    assert len(after) <= len(before) + 1


def test_fingerprints_tell_data_apart() -> None:
    @dataclasses.dataclass(frozen=True)
    class Item:
        name: str
        tags: tuple[str, ...]

    fingerprint = fingerprinter()
    same = [fingerprint({"item": Item(name="a", tags=("x", "y"))}) for _ in range(2)]
    assert same[0] == same[1]
    others = {
        fingerprint({"item": Item(name="a", tags=("xy",))}),
        fingerprint({"item": Item(name="a", tags=("x", "y", ""))}),
        fingerprint({"item": Item(name="b", tags=("x", "y"))}),
        fingerprint({"item": ("a", ("x", "y"))}),
        fingerprint({"other": Item(name="a", tags=("x", "y"))}),
        fingerprint({"item": Item(name="a", tags=("x", "y")), "n": 1}),
    }
    assert same[0] not in others and len(others) == 6
    assert fingerprint(1) != fingerprint("1") != fingerprint(True)
    with pytest.raises(TypeError, match="set"):
        fingerprint({"item": {"a", "b"}})


def test_keys_depend_on_salt_path_and_template(tmp_path: Path) -> None:
    one, two = PageCache(tmp_path, "salt-1"), PageCache(tmp_path, "salt-2")
    keys = {
        one.key("a.md", "A", "article.html", {"x": 1}),
        two.key("a.md", "A", "article.html", {"x": 1}),
        one.key("b.md", "A", "article.html", {"x": 1}),
        one.key("a.md", "A", "entity.html", {"x": 1}),
        one.key("a.md", "B", "article.html", {"x": 1}),
        one.key("a.md", "A", "article.html", {"x": 2}),
    }
    assert len(keys) == 6


def test_flat_records_and_hidden_fields_are_told_apart() -> None:
    @dataclasses.dataclass(frozen=True)
    class Flat:
        name: str
        count: int | None

    @dataclasses.dataclass(frozen=True)
    class Hidden:
        name: str
        secret: str = dataclasses.field(repr=False)

    fingerprint = fingerprinter()
    assert fingerprint(Flat("a", 1)) == fingerprint(Flat("a", 1))
    assert fingerprint(Flat("a", 1)) != fingerprint(Flat("a", None))
    assert fingerprint(Hidden("a", "x")) != fingerprint(Hidden("a", "y"))


def test_unwritable_cache_costs_time_not_the_build(
    tmp_path: Path,
    timeline: Timeline,
    options: SiteOptions,
    uncached: dict[str, bytes],
    caplog: pytest.LogCaptureFixture,
) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    _build(timeline, options, tmp_path / "site", blocked)
    assert _files(tmp_path / "site") == uncached
    assert "cannot update the page cache" in caplog.text


def test_a_page_cache_opened_early_is_used_when_it_fits(
    tmp_path: Path,
    timeline: Timeline,
    options: SiteOptions,
    uncached: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path / "cache"
    _build(timeline, options, tmp_path / "first", cache)
    early = dataclasses.replace(options, build_date=dt.date.min)  # not known yet: unused
    opened = open_page_cache(early, cache)
    made: list[str] = []
    original = PageCache.__init__

    def counted(self: PageCache, directory: Path, salt: str) -> None:
        made.append(salt)
        original(self, directory, salt)

    monkeypatch.setattr(PageCache, "__init__", counted)
    build_site(timeline, tmp_path / "second", options, cache_dir=cache, page_cache=opened)
    assert made == []  # the one opened early
    assert _files(tmp_path / "second") == uncached

    renamed = dataclasses.replace(options, site_name="Another name")
    other = open_page_cache(options, cache)  # opened for the old name: not used
    made.clear()
    build_site(timeline, tmp_path / "third", renamed, cache_dir=cache, page_cache=other)
    assert len(made) == 1 and made[0] != other.salt
    build_site(timeline, tmp_path / "fresh", renamed)
    assert _files(tmp_path / "third") == _files(tmp_path / "fresh")
