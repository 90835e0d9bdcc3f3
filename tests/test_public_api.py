"""The public API alone, on the seeds: what a library user writes gives what the command
line gives (the committed site, byte for byte), and `__all__` is what the package offers."""

from __future__ import annotations

import datetime as dt
import filecmp
from importlib import resources
from pathlib import Path

import pytest

import timeline


def _differences(left: Path, right: Path) -> list[str]:
    """Files that differ, or exist on one side only, between two folders (recursively)."""
    found: list[str] = []
    compared = filecmp.dircmp(left, right)
    found += [str(left / n) for n in compared.left_only + compared.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    found += [str(left / n) for n in mismatch + errors]
    for sub in compared.common_dirs:
        found += _differences(left / sub, right / sub)
    return found


def test_every_public_name_is_there() -> None:
    missing = [name for name in timeline.__all__ if not hasattr(timeline, name)]
    assert not missing
    assert {"extract", "build_site", "tag", "Config", "Timeline", "Event", "Timex"} <= set(
        timeline.__all__
    )


def test_the_package_says_it_is_typed() -> None:
    assert resources.files("timeline").joinpath("py.typed").is_file()


@pytest.mark.slow
def test_extract_and_build_site_give_the_committed_site(
    repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo_root)  # the seeds and the committed site, as `make site` sees them
    config = timeline.Config(inputs=("seeds",), cache_dir=str(tmp_path / "cache"))
    found = timeline.extract(["seeds"], config)
    assert isinstance(found, timeline.Timeline)
    assert all(r.article.status is timeline.Status.OK for r in found.results)
    assert found.events and all(isinstance(e, timeline.Event) for e in found.events)
    out = timeline.build_site(found, tmp_path / "site", config)
    assert _differences(out, repo_root / "site") == []


@pytest.mark.slow
def test_tag_resolves_against_the_publication_date() -> None:
    text = "Kerry met Putin yesterday. Talks resume on January 1."
    found = timeline.tag(text, published=dt.date(2015, 12, 16))
    assert [(t.text, t.value) for t in found] == [
        ("yesterday", "2015-12-15"),
        ("January 1", "2016-01-01"),
    ]
    assert all(text[t.start : t.end] == t.text for t in found)
    yesterday = timeline.tag(text)[0]  # without a publication date: found, not resolved
    assert (yesterday.text, yesterday.value) == ("yesterday", "")
