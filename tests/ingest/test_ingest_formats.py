"""Each format on a realistic fixture: text, metadata and provenance as a reader expects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.ingest import IngestOptions, RecordFields, read_inputs
from timeline.ingest.markdown import markdown_text, split_front_matter
from timeline.types import Article, DateSource, Status

ROOT = Path(__file__).resolve().parents[2]
GOOD = Path("tests/fixtures/inputs/good")
D = dt.date(2015, 12, 15)


@pytest.fixture(scope="module")
def good() -> dict[str, Article]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return {a.id: a for a in read_inputs([GOOD])}


EXPECTED = [
    # id, status, date, source, timezone, publisher, title
    (
        "kerry-moscow-wire",
        Status.OK,
        D,
        DateSource.METADATA,
        "-05:00",
        "World Desk Daily",
        "Kerry arrives in Moscow for Syria talks",
    ),
    (
        "lavrov-kerry-note",
        Status.OK,
        D,
        DateSource.FRONT_MATTER,
        "-05:00",
        "Field Notes",
        "Lavrov and Kerry agree to keep talking on Syria",
    ),
    (
        "moscow-dateline",
        Status.WARNING,
        D,
        DateSource.DATELINE,
        None,
        "Example Daily",
        "Kerry and Lavrov meet as Syria talks resume",
    ),
    ("wire-001", Status.OK, D, DateSource.METADATA, None, "Example Wire", "Kerry lands in Moscow"),
    (
        "wire-002",
        Status.OK,
        D,
        DateSource.METADATA,
        "+03:00",
        "Example Wire",
        "Putin and Kerry meet in the Kremlin",
    ),
    (
        "wire-export-3",
        Status.OK,
        dt.date(2015, 12, 16),
        DateSource.METADATA,
        None,
        None,
        "No id in this record",
    ),
    (
        "world-wire-1",
        Status.OK,
        D,
        DateSource.METADATA,
        "+03:00",
        "Example World Wire",
        "Kerry and Lavrov hold talks in Moscow",
    ),
    (
        "ny-meeting",
        Status.WARNING,
        dt.date(2015, 12, 16),
        DateSource.METADATA,
        "+00:00",
        "Example World Wire",
        "Ministers to meet in New York",
    ),
]


Row = tuple[str, Status, dt.date, DateSource, str | None, str | None, str]


@pytest.mark.parametrize("row", EXPECTED, ids=[row[0] for row in EXPECTED])
def test_good_fixture_metadata(good: dict[str, Article], row: Row) -> None:
    ident, status, date, source, timezone, publisher, title = row
    article = good[ident]
    published = article.published
    assert (article.status, published.date, published.source) == (status, date, source)
    assert (published.timezone, article.publisher, article.title) == (timezone, publisher, title)
    assert article.text and title not in article.text


def test_good_folder_order_is_by_path_then_record(good: dict[str, Article]) -> None:
    assert [a.path.rsplit("/", 1)[1] for a in good.values()] == [
        "kerry-moscow-wire.html",
        "lavrov-note.md",
        "moscow-dateline.txt",
        *["wire-export.jsonl"] * 3,
        *["world-wire.atom"] * 2,
    ]


def test_html_keeps_story_drops_navigation(good: dict[str, Article]) -> None:
    page = good["kerry-moscow-wire"]
    assert page.url == "https://news.example.org/world/2015/12/15/kerry-moscow-syria-talks"
    assert page.language == "en"
    assert page.text.startswith("US Secretary of State John Kerry arrived in Moscow")
    assert page.text.endswith("opposition to begin.")
    for furniture in ("Most read", "Markets fall", "newsletter", "Advertisement", "Home"):
        assert furniture not in page.text
    assert page.published.detail is not None
    assert "last updated 2015-12-17" in page.published.detail


def test_markdown_front_matter_and_markup(good: dict[str, Article]) -> None:
    note = good["lavrov-kerry-note"]
    assert note.url == "https://notes.example.net/2015/lavrov-kerry"
    assert "Sergei Lavrov said on Tuesday" in note.text
    assert "with John Kerry in Moscow" in note.text
    for markup in ("**", "](", "![", "```", "> ", "# "):
        assert markup not in note.text
    assert "Quoted statement: the ministers will meet again" in note.text


def test_dateline_only_date_warns(good: dict[str, Article]) -> None:
    (message,) = good["moscow-dateline"].messages
    assert "moscow-dateline.txt" in message and "only usable date" in message


def test_feed_summary_only_entry_is_flagged(good: dict[str, Article]) -> None:
    (message,) = good["ny-meeting"].messages
    assert "world-wire.atom (entry 2)" in message and "only a summary" in message


MARKDOWN = [
    pytest.param(
        "# Title\n\nText *em* and **strong**.", "Title\n\nText em and strong.", id="emphasis"
    ),
    pytest.param(
        "See [the report](http://x) ![img](a.png) now.", "See the report now.", id="links"
    ),
    pytest.param("line one\nline two\n\nnext", "line one line two\n\nnext", id="wrapped-paragraph"),
    pytest.param("snake_case_name stays", "snake_case_name stays", id="underscores-in-words"),
    pytest.param("```\ncode *kept*\n```", "code *kept*", id="code-fence-verbatim"),
    pytest.param("1. first\n2. second", "first\n\nsecond", id="ordered-list"),
    pytest.param("Title\n=====\n\nBody", "Title\n\nBody", id="setext-heading"),
]


@pytest.mark.parametrize(("source", "expected"), MARKDOWN)
def test_markdown_text(source: str, expected: str) -> None:
    assert markdown_text(source) == expected


@pytest.mark.parametrize(
    ("text", "front"),
    [
        pytest.param("---\na: 1\n---\nbody", "a: 1", id="front-matter"),
        pytest.param("---\na: 1\n...\nbody", "a: 1", id="yaml-end-marker"),
        pytest.param("body\n---\na: 1\n---", None, id="not-at-top"),
        pytest.param("---\nno closing line", None, id="unclosed"),
    ],
)
def test_split_front_matter(text: str, front: str | None) -> None:
    assert split_front_matter(text)[0] == front


def test_json_field_names_are_configurable(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(
        '[{"headline": "Kerry in Moscow", "story": "Kerry met Lavrov in Moscow on Tuesday '
        'for talks on Syria, officials said.", "when": "2015-12-15", "key": "A/1"}]',
        encoding="utf-8",
    )
    fields = RecordFields(text=("story",), published=("when",), id=("key",))
    (article,) = read_inputs([export], IngestOptions(fields=fields))
    assert (article.id, article.title, article.published.date) == ("a-1", "Kerry in Moscow", D)


def test_single_json_object_uses_the_file_stem(tmp_path: Path) -> None:
    record = tmp_path / "one.json"
    record.write_text('{"text": "Kerry met Lavrov in Moscow on Tuesday for talks."}', "utf-8")
    (article,) = read_inputs([record])
    assert article.id == "one"


@pytest.mark.parametrize(
    ("order", "day", "warned"),
    [(None, None, True), ("DMY", dt.date(2015, 4, 3), False), ("MDY", dt.date(2015, 3, 4), False)],
)
def test_a_numeric_front_matter_date_follows_date_order(
    tmp_path: Path, order: str | None, day: dt.date | None, warned: bool
) -> None:
    page = tmp_path / "talks.md"
    page.write_text(
        "---\npublished: 03/04/2015\n---\nKerry met Lavrov in Moscow on Tuesday. "
        "The two men discussed the war in Syria and the talks planned in Vienna.\n"
    )
    (article,) = read_inputs([page], IngestOptions(date_order=order))
    assert article.published.date == day
    assert any("ambiguous" in m for m in article.messages) is warned
    if order:
        assert f"date_order = {order}" in (article.published.detail or "")
