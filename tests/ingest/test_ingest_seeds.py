"""The seed folder reads with the ids, publishers and dates of FACTS.md."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from timeline.ingest import IngestOptions, read_inputs
from timeline.types import DateSource, Status

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def in_project(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


def test_seeds_read_with_manifest_metadata(in_project: Path) -> None:
    articles = read_inputs([Path("seeds")])
    summary = [
        (a.id, a.path, a.publisher, a.published.date, a.published.source, a.status)
        for a in articles
    ]
    assert summary == [
        (
            "000_08ab4ab08aafe7b6",
            "seeds/000_08ab4ab08aafe7b6.txt",
            "Irish Independent",
            dt.date(2015, 12, 16),
            DateSource.MANIFEST,
            Status.OK,
        ),
        (
            "002_dafbcb5d6c77078f",
            "seeds/002_dafbcb5d6c77078f.txt",
            None,
            dt.date(2015, 12, 15),
            DateSource.MANIFEST,
            Status.OK,
        ),
    ]
    assert [a.title for a in articles] == [
        "Kerry meets Putin in Kremlin for talks on Syria",
        "Kerry seeks to narrow divisions with Russia",
    ]
    assert all(a.language == "en" and a.messages == () for a in articles)


def test_manifest_beats_the_banner_date(in_project: Path) -> None:
    first = read_inputs([Path("seeds")])[0]
    assert first.published.detail is not None
    assert "Sunday 17 December 2017" in first.published.detail
    assert not first.text.startswith("Sunday")


def test_seed_files_given_one_by_one_still_use_the_manifest(in_project: Path) -> None:
    files = sorted(Path("seeds").glob("*.txt"), reverse=True)
    articles = read_inputs(files)
    assert [a.published.source for a in articles] == [DateSource.MANIFEST] * 2
    assert [a.id for a in articles] == sorted(a.id for a in articles)


def test_absolute_paths_display_relative_to_cwd(in_project: Path) -> None:
    articles = read_inputs([ROOT / "seeds"])
    assert [a.path for a in articles] == [
        "seeds/000_08ab4ab08aafe7b6.txt",
        "seeds/002_dafbcb5d6c77078f.txt",
    ]


def test_paths_outside_cwd_are_named_from_the_input_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    articles = read_inputs([ROOT / "seeds"])
    assert articles[0].path == "seeds/000_08ab4ab08aafe7b6.txt"
    assert os.fspath(ROOT) not in articles[0].path


def test_reading_is_deterministic(in_project: Path) -> None:
    options = IngestOptions(build_date=dt.date(2026, 1, 1))
    assert read_inputs([Path("seeds")], options) == read_inputs([Path("seeds")], options)
