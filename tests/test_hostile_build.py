"""Whole builds from hostile folders: names that try to rewrite what is shown, and
publication dates outside the build dates a site can state."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from timeline.cli import main

STORY = "The liner struck an iceberg on 14 April 1912 and sank on 15 April 1912, officials said.\n"
HOSTILE = ["news\u202efdp.txt", "two\nlines.txt", "zero\u200bwidth.txt"]


def _build(folder: Path, out: Path) -> int:
    return main(["build", str(folder), "-o", str(out), "-q", "--no-cache"])


@pytest.mark.slow
def test_hostile_names_are_shown_escaped_in_every_published_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    manifest = []
    for name in [*HOSTILE, os.fsdecode(b"caf\xe9.txt")]:
        (folder / name).write_text(STORY)
    for name in HOSTILE:
        manifest.append(f"{json.dumps(name)}: {{published: 1912-04-16}}")
    (folder / "manifest.yaml").write_text("\n".join(manifest) + "\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert _build(Path("articles"), tmp_path / "site") == 0
    report = json.loads((tmp_path / "site" / "report.json").read_text(encoding="utf-8"))
    paths = sorted(entry["path"] for entry in report["inputs"])
    assert paths == [
        "articles/caf\\xe9.txt",
        "articles/news\\u202efdp.txt",
        "articles/two\\nlines.txt",
        "articles/zero\\u200bwidth.txt",
    ]
    for page in (tmp_path / "site").rglob("*"):
        if page.suffix in {".html", ".json", ".xml", ".ics"}:
            text = page.read_text(encoding="utf-8")  # valid UTF-8: the export did not crash
            assert "\u202e" not in text and "\u200b" not in text, page


@pytest.mark.slow
@pytest.mark.parametrize(
    ("published", "stated"), [("1912-04-16", "1970-01-01"), ("2200-01-01", "2106-02-07")]
)
def test_a_site_builds_whatever_its_newest_publication_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, published: str, stated: str
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\npublished: {published}\n---\n{STORY}")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert _build(folder, tmp_path / "site") == 0
    report = json.loads((tmp_path / "site" / "report.json").read_text(encoding="utf-8"))
    assert report["build_date"] == stated


@pytest.mark.slow
def test_offsets_index_the_text_without_invisible_characters(tmp_path: Path) -> None:
    from timeline.config import Config
    from timeline.ingest import read_inputs
    from timeline.pipeline.stages import analyse, open_cache

    (tmp_path / "a.md").write_text(
        "---\npublished: 2015-12-16\n---\n"
        "Ker\u200bry met \u202eLavrov\u202c in Moscow on Tues\u200bday, and \u2067they\u2069 will "
        "meet again on 30\u2060 December, officials said.\n"
    )
    (article,) = read_inputs([tmp_path])
    (result,) = analyse([article], open_cache(Config(use_cache=False)))
    assert not set(article.text) & set("\u200b\u202e\u202c\u2067\u2069\u2060")
    values = {t.text: t.value for t in result.timexes}
    assert values == {"Tuesday": "2015-12-15", "30 December": "2015-12-30"}
    for timex in result.timexes:
        assert article.text[timex.start : timex.end] == timex.text
    for mention in result.mentions:
        assert article.text[mention.start : mention.end]
