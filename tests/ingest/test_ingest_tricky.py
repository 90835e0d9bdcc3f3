"""Tricky but valid inputs: encodings, nested manifests, odd names, wrapped text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.ingest import read_inputs
from timeline.types import Article, DateSource, Status

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tricky() -> dict[str, Article]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return {Path(a.path).name: a for a in read_inputs([Path("tests/fixtures/inputs/tricky")])}


def test_utf16_with_bom_and_manifest_timezone(tricky: dict[str, Article]) -> None:
    article = tricky["utf16-with-bom.txt"]
    assert article.title == "Kerry in Moscow"
    assert (article.published.source, article.published.timezone) == (
        DateSource.MANIFEST,
        "Europe/Moscow",
    )
    assert "unknown key(s) colour" in article.messages[0]


def test_nearest_manifest_wins_and_keeps_local_date(tricky: dict[str, Article]) -> None:
    article = tricky["evening-report.txt"]
    assert article.publisher == "Example Evening"
    assert (article.published.date, article.published.timezone) == (dt.date(2015, 12, 15), "-05:00")


def test_misspelled_manifest_entry_is_pointed_out(tricky: dict[str, Article]) -> None:
    assert any(
        "'hard-wraped.txt', which does not exist" in m for m in tricky["hard-wrapped.txt"].messages
    )
    assert not any("hard-wraped" in m for m in tricky["Café Report (1).txt"].messages)


def test_broken_manifest_warns_files_it_covers(tricky: dict[str, Article]) -> None:
    article = tricky["a.txt"]
    assert article.status is Status.WARNING
    assert "manifest.yaml could not be read" in article.messages[0]


def test_file_names_become_safe_ids(tricky: dict[str, Article]) -> None:
    assert tricky["Café Report (1).txt"].id == "cafe-report-1"


def test_hard_wrapped_paragraphs_are_joined(tricky: dict[str, Article]) -> None:
    paragraphs = tricky["hard-wrapped.txt"].text.split("\n\n")
    assert len(paragraphs) == 2 and paragraphs[0].endswith("crisis in Ukraine.")


def test_declared_html_charset_is_used(tricky: dict[str, Article]) -> None:
    article = tricky["cp1252-declared.html"]
    assert "café diplomacy" in article.text and "“We found common ground,”" in article.text
    assert not any("UTF-8" in m for m in article.messages)


def test_wire_dateline_without_year_says_so(tricky: dict[str, Article]) -> None:
    article = tricky["wire-dateline-no-year.txt"]
    assert article.published.date is None
    assert any("has no year" in m for m in article.messages)
    assert article.text.startswith("MOSCOW, Dec 15 (Reuters) - ")
