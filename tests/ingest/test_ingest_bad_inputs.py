"""Bad input never raises: each case yields a status and a message naming file and fix."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.ingest import IngestOptions, read_inputs
from timeline.types import Article, DateSource, Status

ROOT = Path(__file__).resolve().parents[2]
BAD = Path("tests/fixtures/inputs/bad")
TRICKY = Path("tests/fixtures/inputs/tricky")
BUILD = IngestOptions(build_date=dt.date(2026, 1, 1))


@pytest.fixture(scope="module")
def bad() -> dict[str, list[Article]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        articles = read_inputs([BAD], BUILD)  # the .docx is found by folder discovery
    by_file: dict[str, list[Article]] = {}
    for article in articles:
        by_file.setdefault(Path(article.path).name, []).append(article)
    return by_file


CASES = [
    # file, status, words the (last) message must contain
    ("empty.txt", Status.SKIPPED, "is empty"),
    ("blank-lines.txt", Status.SKIPPED, "is empty"),
    ("binary.txt", Status.SKIPPED, "binary file"),
    ("pdf-renamed.txt", Status.SKIPPED, "PDF document; convert it"),
    ("article.docx", Status.SKIPPED, "unsupported file type '.docx'"),
    ("windows-1252.txt", Status.WARNING, "not valid UTF-8"),
    ("truncated.html", Status.WARNING, "looks truncated"),
    ("script-only.html", Status.SKIPPED, "no article text found"),
    ("impossible-date.md", Status.WARNING, "add 'published: YYYY-MM-DD'"),
    ("future-date.md", Status.WARNING, "after the build date 2026-01-01"),
    ("no-date.txt", Status.WARNING, "relative dates"),
    ("invalid-front-matter.md", Status.WARNING, "add 'published: YYYY-MM-DD'"),
    ("invalid.json", Status.SKIPPED, "is not valid JSON"),
    ("not-a-feed.xml", Status.SKIPPED, "is not a feed with entries"),
    ("non-english.txt", Status.SKIPPED, "does not look like English"),
]


@pytest.mark.parametrize(("name", "status", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_file(bad: dict[str, list[Article]], name: str, status: Status, words: str) -> None:
    (article,) = bad[name]
    assert article.status is status
    assert article.messages, "a problem must come with a message"
    assert all(m.startswith(f"tests/fixtures/inputs/bad/{name}") for m in article.messages)
    assert any(words in m for m in article.messages)
    if status is Status.SKIPPED:
        assert article.text == ""


def test_impossible_date_names_the_problem(bad: dict[str, list[Article]]) -> None:
    (article,) = bad["impossible-date.md"]
    assert "'2015-02-30' is not a real calendar date" in article.messages[0]
    assert article.published.source is DateSource.NONE


def test_invalid_front_matter_names_the_yaml_error(bad: dict[str, list[Article]]) -> None:
    (article,) = bad["invalid-front-matter.md"]
    assert "front matter is invalid YAML at line 1" in article.messages[0]


def test_cp1252_text_is_decoded(bad: dict[str, list[Article]]) -> None:
    (article,) = bad["windows-1252.txt"]
    assert "café" in article.text and "“We made progress,”" in article.text


def test_future_date_is_kept(bad: dict[str, list[Article]]) -> None:
    (article,) = bad["future-date.md"]
    assert article.published.date == dt.date(2031, 1, 1)


def test_jsonl_bad_lines_skip_alone(bad: dict[str, list[Article]]) -> None:
    rows = [(a.id, a.status) for a in bad["broken-lines.jsonl"]]
    assert rows == [
        ("ok-1", Status.OK),
        ("broken-lines-2", Status.SKIPPED),
        ("broken-lines-3", Status.SKIPPED),
        ("no-text", Status.SKIPPED),
        ("ok-2", Status.OK),
    ]
    messages = [m for a in bad["broken-lines.jsonl"] for m in a.messages]
    assert "broken-lines.jsonl (line 2): is not valid JSON" in messages[0]
    assert "(line 3): is a JSON array" in messages[1]
    assert "(line 4): has no text" in messages[2]


def test_duplicate_ids_get_a_suffix_and_a_warning(bad: dict[str, list[Article]]) -> None:
    first, second = bad["dup-a.md"][0], bad["dup-b.md"][0]
    assert (first.id, first.status) == ("moscow-talks", Status.OK)
    assert (second.id, second.status) == ("moscow-talks-2", Status.WARNING)
    assert "id 'moscow-talks' is already used" in second.messages[-1]


def test_a_skipped_input_takes_no_id_from_one_that_is_read(tmp_path: Path) -> None:
    """`a.pdf` (skipped) sorts before `a.txt`: the text keeps the id `a` and its page and
    permalinks, whether the PDF is there or not."""
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(
        "Kerry meets Putin\n\nJohn Kerry met Vladimir Putin in Moscow on Tuesday.\n",
        encoding="utf-8",
    )
    (story / "manifest.yaml").write_text("a.txt:\n  published: 2015-12-16\n", encoding="utf-8")
    alone = {a.path: a.id for a in read_inputs([story], BUILD)}
    (story / "a.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (story / "a.json").write_text("[", encoding="utf-8")  # a broken records file
    beside = read_inputs([story], BUILD)
    ids = {a.path: a.id for a in beside}
    assert ids["story/a.txt"] == alone["story/a.txt"] == "a"
    skipped = [a for a in beside if a.status is Status.SKIPPED]
    assert len(skipped) == 2 and all(a.id.startswith("a-") for a in skipped)
    assert len(set(ids.values())) == len(beside)


def test_ids_are_unique_and_safe(bad: dict[str, list[Article]]) -> None:
    ids = [a.id for articles in bad.values() for a in articles]
    assert len(ids) == len(set(ids))
    assert all(i and set(i) <= set("abcdefghijklmnopqrstuvwxyz0123456789-_") for i in ids)


def test_strict_mode_lists_every_problem() -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        with pytest.raises(InputError) as error:
            read_inputs([BAD], IngestOptions(strict=True))
    assert "empty.txt" in str(error.value) and "non-english.txt" in str(error.value)


def test_strict_mode_passes_clean_input() -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        assert len(read_inputs([Path("seeds")], IngestOptions(strict=True))) == 2


STORY = "Kerry met Lavrov in Moscow on Tuesday for talks on Syria, officials said.\n"


def test_enormous_file_is_skipped(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(STORY * 10, encoding="utf-8")
    (article,) = read_inputs([big], IngestOptions(max_bytes=100))
    assert article.status is Status.SKIPPED and "limit" in article.messages[0]


def test_symlink_outside_the_folder_is_refused(tmp_path: Path) -> None:
    outside, folder = tmp_path / "outside", tmp_path / "inputs"
    outside.mkdir()
    folder.mkdir()
    (outside / "secret.txt").write_text(STORY, encoding="utf-8")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "inside.txt").symlink_to(folder / "story.txt")
    (folder / "dir-link").symlink_to(outside, target_is_directory=True)
    (folder / "broken.txt").symlink_to(tmp_path / "missing.txt")
    rows = {Path(a.path).name: (a.status, a.messages) for a in read_inputs([folder])}
    assert rows["link.txt"][0] is Status.SKIPPED
    assert "outside the input folder" in rows["link.txt"][1][0]
    assert rows["dir-link"][0] is Status.SKIPPED
    assert "broken link" in rows["broken.txt"][1][0]
    assert rows["inside.txt"][0] is not Status.SKIPPED
    assert "secret.txt" not in rows


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    missing, empty = read_inputs([tmp_path / "nope.txt", tmp_path / "empty"])
    assert "no supported files" in missing.messages[0] or "no supported files" in empty.messages[0]
    assert any("does not exist" in a.messages[0] for a in (missing, empty))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    (article,) = read_inputs([pipe])
    assert article.status is Status.SKIPPED and "not a regular file" in article.messages[0]


def test_hidden_files_and_manifest_are_not_inputs() -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        names = {Path(a.path).name for a in read_inputs([TRICKY])}
    assert ".hidden-draft.txt" not in names and "manifest.yaml" not in names


ONE_MESSAGE = [c[0] for c in CASES if c[0] not in {"impossible-date.md", "invalid-front-matter.md"}]


@pytest.mark.parametrize("name", ONE_MESSAGE)
def test_one_problem_one_message(bad: dict[str, list[Article]], name: str) -> None:
    assert len(bad[name][0].messages) == 1
