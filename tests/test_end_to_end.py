"""The seed articles through the whole pipeline, from the command line, as a user runs it."""

from __future__ import annotations

import contextlib
import filecmp
import io
import json
from pathlib import Path
from typing import Any

import pytest

from timeline.cli import main

IRISH = "000_08ab4ab08aafe7b6"
WIRE = "002_dafbcb5d6c77078f"


@pytest.fixture(scope="module")
def extraction(repo_root: Path) -> dict[str, Any]:
    """`timeline extract seeds --json`, run once for the module."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["extract", str(repo_root / "seeds"), "--json", "--quiet"])
    assert code == 0
    data: dict[str, Any] = json.loads(buffer.getvalue())
    return data


def _timex(data: dict[str, Any], article: str, text: str) -> dict[str, Any]:
    found = [t for t in data["timexes"] if t["article"] == article and t["text"] == text]
    assert found, f"no timex {text!r} in {article}"
    return found[0]


def test_json_shape(extraction: dict[str, Any]) -> None:
    assert {"articles", "timexes", "events"} <= extraction.keys()
    article_keys = {"id", "path", "title", "publisher", "published", "published_source"}
    for article in extraction["articles"]:
        assert article_keys | {"status", "messages"} <= article.keys()
    for timex in extraction["timexes"]:
        assert {"article", "start", "end", "text", "type", "value", "anchor"} <= timex.keys()
    for event in extraction["events"]:
        assert {"id", "date", "headline", "mentions"} <= event.keys()
        for mention in event["mentions"]:
            assert {"article", "sentence", "start", "end", "timex"} <= mention.keys()


def test_seed_articles_are_read_with_manifest_metadata(extraction: dict[str, Any]) -> None:
    articles = {a["id"]: a for a in extraction["articles"]}
    assert set(articles) == {IRISH, WIRE}
    assert articles[IRISH]["published"] == "2015-12-16"
    assert articles[IRISH]["publisher"] == "Irish Independent"
    assert articles[WIRE]["published"] == "2015-12-15"
    for article in articles.values():
        assert article["status"] == "ok"
        assert article["published_source"] == "manifest"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yesterday", "2015-12-15"),
        ("last Friday", "2015-12-11"),
        ("January 1", "2016-01-01"),
        ("September 30", "2015-09-30"),
    ],
)
def test_irish_independent_dates(extraction: dict[str, Any], text: str, value: str) -> None:
    assert _timex(extraction, IRISH, text)["value"] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("September 2014", "2014-09"), ("January next year", "2016-01")],
)
def test_wire_story_dates(extraction: dict[str, Any], text: str, value: str) -> None:
    assert _timex(extraction, WIRE, text)["value"] == value


def test_offsets_point_into_article_text(extraction: dict[str, Any]) -> None:
    for event in extraction["events"]:
        for mention in event["mentions"]:
            assert mention["end"] > mention["start"] >= 0
            timex = mention["timex"]
            if timex is not None:
                assert mention["start"] <= timex["start"] < timex["end"] <= mention["end"]


def test_moscow_talks_appear_once_citing_both(extraction: dict[str, Any]) -> None:
    talks = [
        e
        for e in extraction["events"]
        if e["date"] == "2015-12-15"
        and any("talks" in m["sentence"] and "Kerry" in m["sentence"] for m in e["mentions"])
    ]
    assert len(talks) == 1, [e["headline"] for e in talks]
    assert {m["article"] for m in talks[0]["mentions"]} == {IRISH, WIRE}


def test_no_event_from_page_furniture(extraction: dict[str, Any]) -> None:
    furniture = ("Promoted Links", "Editors Choice", "Connect With Us", "Advertisement")
    for event in extraction["events"]:
        assert not event["date"].startswith("2017"), "the banner date is not an event"
        for mention in event["mentions"]:
            assert not any(f in mention["sentence"] for f in furniture), mention["sentence"]
            assert "inbox" not in mention["sentence"]


def test_tag_command_offsets_index_raw_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = "Talks ended yesterday.\r\n\u00a0The next round is set for March 3.\n"
    source = tmp_path / "note.txt"
    source.write_bytes(raw.encode())
    assert main(["tag", "--dct", "2015-12-16", str(source)]) == 0
    rows = json.loads(capsys.readouterr().out)
    text = source.read_bytes().decode()
    assert [r["value"] for r in rows] == ["2015-12-15", "2016-03-03"]
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]


@pytest.mark.slow
def test_committed_site_is_current_and_reproducible(repo_root: Path, tmp_path: Path) -> None:
    """`make site` output is committed; rebuilding must give the same bytes, file for file."""
    out = tmp_path / "site"
    assert main(["build", str(repo_root / "seeds"), "-o", str(out), "--quiet"]) == 0
    committed = repo_root / "site"
    assert committed.is_dir(), "site/ is missing: run `make site` and commit it"
    differences = _tree_differences(committed, out)
    assert not differences, f"site/ is stale; run `make site` and commit: {differences[:10]}"


def _tree_differences(left: Path, right: Path) -> list[str]:
    names_left = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    names_right = {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    problems = [f"only in committed: {n}" for n in sorted(names_left - names_right)]
    problems += [f"only in rebuild: {n}" for n in sorted(names_right - names_left)]
    problems += [
        f"differs: {n}"
        for n in sorted(names_left & names_right)
        if not filecmp.cmp(left / n, right / n, shallow=False)
    ]
    return problems


def _run_json(argv: list[str]) -> dict[str, Any]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(argv) == 0
    data: dict[str, Any] = json.loads(buffer.getvalue())
    return data


@pytest.mark.parametrize(("top", "per_date"), [(1, 1), (2, 2), (5, 3)])
def test_top_dates_gives_day_level_key_events(repo_root: Path, top: int, per_date: int) -> None:
    seeds = str(repo_root / "seeds")
    argv = ["extract", seeds, "-q", "--top-dates", str(top), "--sentences-per-date", str(per_date)]
    data = _run_json(argv)
    dates = [e["date"] for e in data["events"]]
    assert 1 <= len(dates) <= top
    assert dates == sorted(set(dates))
    for event in data["events"]:
        assert len(event["date"]) == 10, "key events are days"
        assert 1 <= len(event["mentions"]) <= per_date
    assert "2015-12-15" in dates, "the day of the Moscow talks is the top key date"


def test_start_end_keep_articles_and_events_inside(repo_root: Path) -> None:
    argv = ["extract", str(repo_root / "seeds"), "-q", "--start", "2015-12-16"]
    data = _run_json([*argv, "--end", "2015-12-31"])
    assert [a["id"] for a in data["articles"]] == [IRISH]
    assert data["events"]
    for event in data["events"]:
        assert "2015-12-16" <= event["date"][:10] <= "2015-12-31"
        assert {m["article"] for m in event["mentions"]} == {IRISH}


def test_start_after_end_is_a_usage_error(repo_root: Path) -> None:
    argv = ["extract", str(repo_root / "seeds"), "--start", "2016-01-01", "--end", "2015-01-01"]
    assert main(argv) == 2
