"""What reports and pages call each input: relative, private, printable, unambiguous; and
which folders are never read (the build's own output and cache)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from timeline.ingest import read_inputs

TEXT = "Kerry met Putin in Moscow on Tuesday, 15 December 2015, for talks on Syria.\n"


def _write(path: Path, text: str = TEXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory that holds none of the inputs."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def test_an_absolute_folder_is_named_from_the_folder_itself(
    tmp_path: Path, elsewhere: Path
) -> None:
    news = tmp_path / "private" / "alice" / "news"
    _write(news / "sub" / "talks.txt")
    (article,) = read_inputs([news])
    assert article.path == "news/sub/talks.txt"


def test_folders_of_the_same_name_are_told_apart(tmp_path: Path, elsewhere: Path) -> None:
    first, second = tmp_path / "bbc" / "news", tmp_path / "cnn" / "news"
    _write(first / "talks.txt")
    _write(second / "talks.txt")
    paths = sorted(a.path for a in read_inputs([first, second]))
    assert paths == ["bbc/news/talks.txt", "cnn/news/talks.txt"]
    assert not any(str(tmp_path) in p for p in paths)


def test_files_given_directly_and_records_keep_only_their_names(
    tmp_path: Path, elsewhere: Path
) -> None:
    single = _write(tmp_path / "private" / "talks.txt")
    records = tmp_path / "private" / "more" / "wire.jsonl"
    rows = [{"id": f"wire-{n}", "published": "2015-12-16", "text": TEXT} for n in (1, 2)]
    _write(records, "".join(json.dumps(r) + "\n" for r in rows))
    articles = read_inputs([single, records])
    assert [a.path for a in articles] == ["talks.txt", "wire.jsonl", "wire.jsonl"]
    for article in articles:
        assert all(str(tmp_path) not in m for m in article.messages)


def test_relative_inputs_keep_the_path_as_typed(tmp_path: Path, elsewhere: Path) -> None:
    _write(elsewhere / "articles" / "2015" / "talks.txt")
    (article,) = read_inputs([Path("articles/2015")])
    assert article.path == "articles/2015/talks.txt"
    (again,) = read_inputs([Path("./articles/./2015/")])
    assert again.path == "articles/2015/talks.txt"


def test_an_input_above_the_working_directory_is_named_from_itself(
    tmp_path: Path, elsewhere: Path
) -> None:
    _write(tmp_path / "news" / "talks.txt")
    (article,) = read_inputs([Path("../news")])
    assert article.path == "news/talks.txt"


@pytest.mark.skipif(os.name != "posix", reason="file names as bytes are a POSIX matter")
def test_a_file_name_that_is_not_utf8_is_named_printably(tmp_path: Path, elsewhere: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9 report.txt")).write_bytes(TEXT.encode())
    (article,) = read_inputs([folder])
    assert article.path == "news/caf\\xe9 report.txt"
    article.path.encode("utf-8")  # printable everywhere: no lone surrogates
    for message in article.messages:
        message.encode("utf-8")
    assert article.text.startswith("Kerry met Putin")
    assert article.id == "caf-report"


def test_excluded_folders_inside_an_input_are_not_read(tmp_path: Path, elsewhere: Path) -> None:
    news = tmp_path / "news"
    _write(news / "talks.txt")
    _write(news / "site" / "index.html", "<html><body><p>A built page.</p></body></html>")
    _write(news / "cache" / "pages" / "x.txt")
    _write(news / "sitemap" / "kept.txt")
    articles = read_inputs([news], exclude=(news / "site", news / "cache"))
    assert sorted(a.path for a in articles) == ["news/sitemap/kept.txt", "news/talks.txt"]


def test_an_excluded_folder_given_as_input_is_still_read(tmp_path: Path, elsewhere: Path) -> None:
    """Exclusion keeps a build's own folders out of a folder walk; an explicit input wins."""
    _write(tmp_path / "news" / "talks.txt")
    (article,) = read_inputs([tmp_path / "news"], exclude=(tmp_path,))
    assert article.path == "news/talks.txt"


def test_an_unreadable_manifest_is_reported_without_its_location(
    tmp_path: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news = tmp_path / "news"
    _write(news / "talks.txt")
    _write(news / "manifest.yaml", "talks.txt:\n  published: 2015-12-16\n")
    read_text = Path.read_text

    def denied(self: Path, *args: object, **kwargs: object) -> str:
        if self.name == "manifest.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", denied)
    (article,) = read_inputs([news])
    assert any("manifest.yaml could not be read (Permission denied)" in m for m in article.messages)
    assert not any(str(tmp_path) in m for m in article.messages), article.messages
