"""Hostile inputs: nesting and numbers past the parsers' limits, links out of the folder,
link loops, invisible characters and file names that try to rewrite what is shown."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from timeline.ingest import IngestOptions, read_inputs
from timeline.types import Article, Status

STORY = "Kerry met Lavrov in Moscow on Tuesday for talks on Syria, officials said."
DEEP = "[" * 100_000 + "]" * 100_000


def _record(ident: str) -> str:
    return json.dumps({"id": ident, "published": "2015-12-15", "text": STORY})


def _by_id(articles: tuple[Article, ...]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def test_over_deep_jsonl_line_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([_record("first"), DEEP, _record("last")]) + "\n")
    articles = read_inputs([path])
    assert [(a.id, a.status) for a in articles] == [
        ("first", Status.OK),
        ("feed-2", Status.SKIPPED),
        ("last", Status.OK),
    ]
    (message,) = articles[1].messages
    assert "feed.jsonl (line 2)" in message and "nested too deeply" in message


def test_huge_integer_costs_no_record(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    huge = json.dumps({"id": "views", "text": STORY, "published": "2015-12-15"})
    huge = huge[:-1] + ', "views": ' + "9" * 5000 + "}"
    big_id = '{"id": ' + "7" * 5000 + f', "text": "{STORY}"}}'
    path.write_text("\n".join([_record("first"), huge, big_id, _record("last")]) + "\n")
    articles = read_inputs([path])
    assert [a.status for a in articles] == [Status.OK, Status.OK, Status.WARNING, Status.OK]
    assert articles[1].id == "views"
    assert articles[2].id == "7" * 100, "a number as id is read as its digits"


def test_over_deep_record_in_a_json_list_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(f"[{_record('first')},\n {DEEP},\n {_record('last')}]")
    articles = read_inputs([path])
    assert [(a.id, a.status) for a in articles] == [
        ("first", Status.OK),
        ("export-2", Status.SKIPPED),
        ("last", Status.OK),
    ]
    assert "(record 2): is nested too deeply" in articles[1].messages[0]


def test_broken_json_list_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(f'[{_record("first")},\n {{"id": "cut", "text": ')
    first, broken = read_inputs([path])
    assert (first.id, first.status) == ("first", Status.OK)
    assert broken.status is Status.SKIPPED
    assert "is not valid JSON" in broken.messages[0] and "line 2" in broken.messages[0]


def test_over_deep_json_object_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"text": ' + DEEP + "}")
    (article,) = read_inputs([path])
    assert article.status is Status.SKIPPED
    assert "nested too deeply" in article.messages[0] and "bug" not in article.messages[0]


def test_over_deep_front_matter_is_an_invalid_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text(f"---\ntitle: {'[' * 100_000}\npublished: 2015-12-15\n---\n{STORY}\n")
    (article,) = read_inputs([path])
    assert article.status is Status.WARNING, article.messages
    assert article.text == STORY
    assert any("front matter" in m and "nested too deeply" in m for m in article.messages)


def test_over_deep_manifest_is_reported_on_its_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "manifest.yaml").write_text("a.txt: " + "[" * 100_000 + "\n")
    (article,) = read_inputs([tmp_path])
    assert article.status is Status.WARNING
    assert any("manifest.yaml" in m and "nested too deeply" in m for m in article.messages)


def test_manifest_linked_from_outside_the_folder_is_refused(tmp_path: Path) -> None:
    outside, folder = tmp_path / "private", tmp_path / "articles"
    outside.mkdir()
    folder.mkdir()
    (outside / "notes.yaml").write_text("a.txt:\n  title: Private notes\n  published: 2015-12-15\n")
    (folder / "a.txt").write_text(STORY)
    (folder / "manifest.yaml").symlink_to(outside / "notes.yaml")
    (article,) = read_inputs([folder])
    assert article.title != "Private notes" and article.published.date is None
    assert any(
        "manifest.yaml" in m and "outside the input folder" in m for m in article.messages
    ), article.messages


def test_manifest_linked_inside_the_folder_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "meta").mkdir(parents=True)
    (folder / "meta" / "dates.yaml").write_text("a.txt:\n  published: 2015-12-15\n")
    (folder / "a.txt").write_text(STORY)
    (folder / "manifest.yaml").symlink_to(folder / "meta" / "dates.yaml")
    articles = read_inputs([folder])
    dated = [a for a in articles if a.path.endswith("a.txt")]
    assert dated[0].published.date is not None


def test_symlink_loop_is_called_a_loop(tmp_path: Path) -> None:
    (tmp_path / "one.txt").symlink_to(tmp_path / "two.txt")
    (tmp_path / "two.txt").symlink_to(tmp_path / "one.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    articles = read_inputs([tmp_path])
    assert len(articles) == 3
    for article in articles:
        assert article.status is Status.SKIPPED
        assert "loop" in article.messages[0] and "broken" not in article.messages[0]
    (single,) = read_inputs([tmp_path / "self.txt"])
    assert "loop" in single.messages[0] and "broken" not in single.messages[0]


def test_size_limit_message_names_the_setting(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(STORY * 10)
    (article,) = read_inputs([big], IngestOptions(max_bytes=100))
    assert "max_file_mb" in article.messages[0] and "max_bytes" not in article.messages[0]


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_and_zero_width_characters_leave_text_title_and_publisher(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\n"
        'title: "Kerry \u202emeets\u202c Putin\u200b"\n'
        "published: 2015-12-15\n"
        "---\n"
        "Ker\u200bry met \u2067Lavrov\u2069 in Mos\u2060cow on Tues\ufeffday for talks on Syria.\n"
    )
    (tmp_path / "manifest.yaml").write_text('a.md:\n  publisher: "Irish \u202dIndependent\u202c"\n')
    (article,) = read_inputs([tmp_path])
    for value in (article.text, article.title, article.publisher):
        assert value is not None
        assert not set(value) & set(BIDI + "\u200b\u2060\ufeff"), repr(value)
    assert article.text == "Kerry met Lavrov in Moscow on Tuesday for talks on Syria."
    assert article.title == "Kerry meets Putin"
    assert article.publisher == "Irish Independent"


def test_joiners_stay_where_they_shape_text(tmp_path: Path) -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ inside a Persian word
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji of three people
    body = f"Officials in Tehran said {persian} on Tuesday, and posted {family} online today."
    (tmp_path / "a.txt").write_text(f"Pu\u200dtin met Ker\u200cry in Moscow. {body}\n")
    (article,) = read_inputs([tmp_path])
    assert persian in article.text and family in article.text
    assert "Putin met Kerry" in article.text


def test_hostile_file_names_are_shown_escaped(tmp_path: Path) -> None:
    names = ["news\u202efdp.txt", "two\nlines.txt", "zero\u200bwidth.txt"]
    for name in names:
        (tmp_path / name).write_text(STORY)
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(STORY)  # a name that is not UTF-8
    shown = sorted(Path(a.path).name for a in read_inputs([tmp_path]))
    assert shown == [
        "caf\\xe9.txt",
        "news\\u202efdp.txt",
        "two\\nlines.txt",
        "zero\\u200bwidth.txt",
    ]
    for article in read_inputs([tmp_path]):
        article.path.encode("utf-8")  # publishable: events.json and report.json are UTF-8
        assert all(m.encode("utf-8") and "\n" not in m for m in article.messages)


@pytest.mark.parametrize("junk", ["\u202e", "\n", "\x1b[31m", "\udcff"])
def test_messages_never_carry_control_characters(tmp_path: Path, junk: str) -> None:
    record = {"text": STORY, "published": "2015-12-15", "timezone": f"Mars{junk}Olympus"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    (article,) = read_inputs([tmp_path])
    assert article.messages and all(m.isprintable() for m in article.messages), article.messages


def test_invalid_zones_warn_in_front_matter_manifest_and_records(tmp_path: Path) -> None:
    (tmp_path / "front.md").write_text(f"---\npublished: 2015-12-15T10:00:00+99:00\n---\n{STORY}\n")
    (tmp_path / "listed.txt").write_text(STORY)
    (tmp_path / "manifest.yaml").write_text(
        "listed.txt:\n  published: 2015-12-15\n  timezone: Mars/Olympus\n"
    )
    record = {"id": "record", "text": STORY, "published": "2015-12-15", "timezone": "+15:00"}
    (tmp_path / "records.jsonl").write_text(json.dumps(record) + "\n")
    articles = _by_id(read_inputs([tmp_path]))
    for ident, value in [("front", "+99:00"), ("listed", "Mars/Olympus"), ("record", "+15:00")]:
        article = articles[ident]
        assert article.status is Status.WARNING
        assert (
            article.published.date is not None
            and article.published.date.isoformat() == "2015-12-15"
        )
        assert article.published.timezone is None
        assert any(f"'{value}'" in m for m in article.messages), article.messages


def test_messages_say_what_a_value_is_in_the_file_s_own_terms(tmp_path: Path) -> None:
    (tmp_path / "values.jsonl").write_text('null\n5\n"just text"\ntrue\n[1]\n')
    (tmp_path / "a.md").write_text(
        f"---\ntitle: [one, two]\npublisher: {{name: x}}\nurl: true\npublished: 2015-12-15\n---\n"
        f"{STORY}\n"
    )
    articles = read_inputs([tmp_path])
    messages = [m for a in articles for m in a.messages]
    python_names = ("NoneType", "not list", "not dict", "not bool", "JSON str,", "JSON int,")
    assert not any(name in m for name in python_names for m in messages), messages
    assert [m.split(": ", 1)[1] for m in messages if "values.jsonl" in m] == [
        "is JSON null, not an object with a text field",
        "is a JSON number, not an object with a text field",
        "is a JSON string, not an object with a text field",
        "is a JSON true/false value, not an object with a text field",
        "is a JSON array, not an object with a text field",
    ]
    front = " ".join(m for m in messages if "a.md" in m)
    assert "'title' should be text, not a list" in front
    assert "'publisher' should be text, not a mapping" in front
    assert "'url' should be text, not true/false" in front
