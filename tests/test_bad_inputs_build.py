"""A folder of good, broken and tricky files: good events appear, every file is reported."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from timeline.cli import main

CORPUS = Path("tests/fixtures/inputs")


def _input_files(root: Path) -> list[Path]:
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.name != "manifest.yaml"
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


@pytest.fixture(scope="module")
def built(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(repo_root)
        code = main(["build", str(CORPUS), "-o", str(out), "-q", "--no-cache"])
    assert code == 0, "bad files must not fail a build without --strict"
    return out


@pytest.mark.slow
def test_every_file_is_in_the_report_and_counts_add_up(repo_root: Path, built: Path) -> None:
    report = json.loads((built / "report.json").read_text())
    reported = {entry["path"] for entry in report["inputs"]}
    on_disk = {p.relative_to(repo_root).as_posix() for p in _input_files(repo_root / CORPUS)}
    assert on_disk == reported
    counts = report["counts"]
    assert counts["ok"] + counts["warning"] + counts["skipped"] == counts["total"]
    assert counts["total"] == len(report["inputs"])
    for entry in report["inputs"]:
        if entry["status"] != "ok":
            assert entry["messages"], entry["path"]
            assert all(entry["path"] in m for m in entry["messages"])


@pytest.mark.slow
def test_good_articles_events_all_appear(repo_root: Path, built: Path) -> None:
    events = json.loads((built / "events.json").read_text())
    events = events["events"] if isinstance(events, dict) else events
    cited = {m["article"] for e in events for m in e["mentions"]}
    report = json.loads((built / "report.json").read_text())
    good = {e["id"] for e in report["inputs"] if e["path"].startswith(f"{CORPUS}/good/")}
    with_dates = {e["id"] for e in report["inputs"] if e["id"] in good and e["mentions"]}
    assert good, "the corpus has good articles"
    assert with_dates == good, "every good article yields at least one event"
    assert good <= cited


@pytest.mark.slow
def test_strict_fails_with_exit_code_1(
    repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo_root)
    out = tmp_path / "site"
    assert main(["build", str(CORPUS / "bad"), "-o", str(out), "-q", "--strict"]) == 1
    assert not out.exists(), "a strict failure writes no site"
    assert main(["check", str(CORPUS / "good"), "-q"]) == 0
    assert main(["check", str(CORPUS / "bad"), "-q"]) == 1


def test_republished_wire_story_is_one_source_with_two_locations(
    repo_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same wire text saved from two outlets: both files kept, one marked as the copy,
    and its events are not counted as independent confirmation."""
    wire = (repo_root / "seeds" / "002_dafbcb5d6c77078f.txt").read_text()
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "outlet-a.txt").write_text(wire)
    (folder / "outlet-b.txt").write_text(wire.replace("seeks to narrow", "tries to narrow"))
    (folder / "manifest.yaml").write_text(
        "outlet-a.txt: {published: 2015-12-15, publisher: Outlet A}\n"
        "outlet-b.txt: {published: 2015-12-15, publisher: Outlet B}\n"
    )
    out = tmp_path / "out.json"
    with out.open("w") as handle, contextlib.redirect_stdout(handle):
        assert main(["extract", str(folder), "--no-cache"]) == 0
    data = json.loads(out.read_text())
    articles = {a["id"]: a for a in data["articles"]}
    assert set(articles) == {"outlet-a", "outlet-b"}
    assert not any("near-duplicate" in m for m in articles["outlet-a"]["messages"])
    assert any("near-duplicate of" in m for m in articles["outlet-b"]["messages"])
    assert "near-duplicate" in capsys.readouterr().err


@pytest.mark.slow
def test_a_build_makes_no_network_connection(
    repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every format, HTML pages and feeds included, is read without fetching anything."""
    import socket

    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network access during a build")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.chdir(repo_root)
    out = tmp_path / "site"
    assert main(["build", str(CORPUS / "good"), "-o", str(out), "-q", "--no-cache"]) == 0
    assert attempts == []
    assert (out / "index.html").is_file()
