"""What `timeline build` may write and delete, what it publishes, and that `check` fails
wherever `build` would: from the command line, as a user runs it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.pipeline import stages as pipeline
from timeline.site import plugin as plugin_module
from timeline.site.output import SITE_MARKER

ARTICLE = """---
title: Kerry meets Putin
publisher: Example Wire
published: 2015-12-16
---
Kerry met Putin in Moscow yesterday for talks on Syria. Talks resume on January 1.
"""
OTHER = """---
title: Talks in Vienna
publisher: Example Times
published: 2015-11-15
---
Foreign ministers met in Vienna yesterday and agreed on a timetable for talks.
"""


def _articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kerry.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "vienna.md").write_text(OTHER, encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with articles in `in/` and a file of notes."""
    work = tmp_path / "project"
    _articles(work / "in")
    (work / "notes.txt").write_text("my notes\n", encoding="utf-8")
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def no_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused output is refused before minutes of extraction are spent."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the extraction ran although the output was refused")

    monkeypatch.setattr(pipeline, "extract_timeline", refuse)


REFUSED = [
    (["-o", "in"], "is the input in"),
    (["-o", "."], "is the working directory"),
    (["-o", ".."], "holds the working directory"),
    (["-o", "notes.txt"], "is a file, not a folder"),
    (["-o", "in/../in"], "is the input in"),
    (["--cache-dir", "site/cache"], "holds the cache folder"),
]


@pytest.mark.usefixtures("no_extraction")
@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize(("flags", "reason"), REFUSED, ids=[" ".join(r[0]) for r in REFUSED])
def test_an_output_that_is_not_the_sites_own_is_refused(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    flags: list[str],
    reason: str,
) -> None:
    before = _snapshot(project.parent)
    assert main([command, "in", *flags, "-q"]) == 2
    err = capsys.readouterr().err
    assert "output folder" in err and reason in err, err
    assert _snapshot(project.parent) == before
    assert sorted(p.name for p in project.iterdir()) == ["in", "notes.txt"]


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("where", ["flag", "file"])
def test_an_empty_output_setting_is_refused(
    project: Path,
    no_extraction: None,
    capsys: pytest.CaptureFixture[str],
    command: str,
    where: str,
) -> None:
    """`-o ""` or `output = ""` would be the working directory: a config error, exit 2."""
    (project / "timeline.toml").write_text('inputs = ["in"]\n', encoding="utf-8")
    if where == "file":
        (project / "timeline.toml").write_text('inputs = ["in"]\noutput = ""\n', encoding="utf-8")
    before = _snapshot(project)
    assert main([command, "-q", *(["-o", ""] if where == "flag" else [])]) == 2
    err = capsys.readouterr().err
    expected = '--output "": must not be empty' if where == "flag" else 'output = "": must not'
    assert "config error" in err and expected in err, err
    assert _snapshot(project) == before


def test_a_folder_of_someone_elses_files_is_refused(
    project: Path, no_extraction: None, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "public").mkdir()
    (project / "public" / "about.html").write_text("<p>about us</p>", encoding="utf-8")
    assert main(["build", "in", "-o", "public", "-q"]) == 2
    assert "did not write" in capsys.readouterr().err
    assert (project / "public" / "about.html").read_text(encoding="utf-8") == "<p>about us</p>"


def test_the_home_folder_is_refused(
    project: Path,
    no_extraction: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    home = project.parent / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    assert main(["build", "in", "-o", str(home), "-q"]) == 2
    assert "is your home folder" in capsys.readouterr().err


@pytest.mark.slow
def test_a_site_inside_the_input_folder_is_not_read_back(project: Path) -> None:
    for _ in range(2):
        assert main(["build", "in", "-o", "in/site", "-q", "--cache-dir", "in/cache"]) == 0
    report = json.loads((project / "in" / "site" / "report.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in report["inputs"]] == ["in/kerry.md", "in/vienna.md"]
    assert report["counts"]["ok"] == 2
    assert (project / "in" / "site" / SITE_MARKER).is_file()
    assert main(["check", "in", "-o", "in/site", "-q", "--cache-dir", "in/cache", "--strict"]) == 0


@pytest.mark.slow
def test_nothing_private_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From absolute paths: a folder, a file given directly and a records file, all under
    the home folder, built from a working directory elsewhere."""
    home = tmp_path / "home" / "alice"
    news = _articles(home / "stories" / "news")
    (home / "stories" / "news" / "sub").mkdir()
    shutil.move(news / "vienna.md", news / "sub" / "vienna.md")
    single = home / "extra" / "geneva.md"
    single.parent.mkdir(parents=True)
    single.write_text(ARTICLE.replace("Moscow", "Geneva"), encoding="utf-8")
    records = home / "extra" / "wire.jsonl"
    row = {"id": "wire-1", "published": "2015-12-15", "text": "Talks ended in Moscow today."}
    records.write_text(json.dumps(row) + "\n{broken\n", encoding="utf-8")
    (news / "manifest.yaml").write_text("kerry.md: [unclosed\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(home))
    out = work / "site"
    code = main(["build", str(news), str(single), str(records), "-o", str(out), "-q"])
    assert code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted({e["path"] for e in report["inputs"]}) == [
        "geneva.md",
        "news/kerry.md",
        "news/sub/vienna.md",
        "wire.jsonl",
    ]
    private = [str(tmp_path), "alice", "/home"]
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) > 10
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".gz":
            import gzip

            data = gzip.decompress(data)
        for secret in private:
            assert secret.encode() not in data, (path.relative_to(out), secret)


@pytest.mark.slow
def test_an_article_whose_id_is_index_gets_a_page_of_its_own(project: Path) -> None:
    (project / "in" / "index.md").write_text(
        OTHER.replace("Talks in Vienna", "An index of talks"), encoding="utf-8"
    )
    (project / "in" / "vienna.md").unlink()
    assert main(["build", "in", "-o", "site", "-q", "--no-cache"]) == 0
    sources = project / "site" / "sources"
    pages = [p for p in sources.glob("index*.html") if p.name != "index.html"]
    assert len(pages) == 1
    listing = (sources / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>\s*Sources", listing)
    assert f'href="{pages[0].name}"' in listing
    assert re.search(r"<h1[^>]*>\s*An index of talks", pages[0].read_text(encoding="utf-8"))
    report = json.loads((project / "site" / "report.json").read_text(encoding="utf-8"))
    assert "index" in {entry["id"] for entry in report["inputs"]}


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="file names as bytes are a POSIX matter")
def test_a_file_name_that_is_not_utf8_is_published_safely(project: Path) -> None:
    name = os.fsencode(project / "in") + b"/caf\xe9.md"
    Path(os.fsdecode(name)).write_text(ARTICLE.replace("Moscow", "Paris"), encoding="utf-8")
    assert main(["build", "in", "-o", "site", "-q", "--no-cache"]) == 0
    events = json.loads((project / "site" / "events.json").read_text(encoding="utf-8"))
    assert "in/caf\\xe9.md" in {a["path"] for a in events["articles"]}
    for path in (project / "site").rglob("*.html"):
        path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_check_fails_where_the_build_fails_and_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "in", "-o", "site", "-q", "--no-cache", "--strict"]) == 0
    assert sorted(p.name for p in project.iterdir()) == ["in", "notes.txt"]

    def broken(*args: object, **kwargs: object) -> str:
        raise plugin_module.PluginError("a page cannot be rendered")

    monkeypatch.setattr(plugin_module, "render_partial", broken)
    assert main(["build", "in", "-o", "site", "-q", "--no-cache"]) == 1
    assert "a page cannot be rendered" in capsys.readouterr().err
    assert main(["check", "in", "-o", "site", "-q", "--no-cache"]) == 1
    assert "a page cannot be rendered" in capsys.readouterr().err
    assert sorted(p.name for p in project.iterdir()) == ["in", "notes.txt"]
