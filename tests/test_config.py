"""Config layering and its error messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.config import Config, build_date, load_config, source_date_epoch
from timeline.errors import ConfigError


def test_defaults_without_files(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


def test_timeline_toml_is_read(tmp_path: Path) -> None:
    (tmp_path / "timeline.toml").write_text(
        'title = "Syria talks"\ninputs = ["articles"]\nbuild_date = 2015-12-20\nmax-file-mb = 2\n'
    )
    config = load_config(tmp_path)
    assert config.title == "Syria talks"
    assert config.inputs == ("articles",)
    assert config.build_date == dt.date(2015, 12, 20)
    assert config.max_file_mb == 2.0


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.timeline]\noutput = "public"\n')
    assert load_config(tmp_path).output == "public"


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "timeline.toml").write_text(
        'colour = "red"\nstrict = "yes"\nbuild_date = "2015-02-30"\n'
    )
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    message = str(info.value)
    assert "timeline.toml" in message
    assert "colour" in message
    assert "strict" in message
    assert "2015-02-30" in message


def test_explicit_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path, tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, None),
        ({"SOURCE_DATE_EPOCH": "1450224000"}, dt.date(2015, 12, 16)),
        ({"SOURCE_DATE_EPOCH": ""}, None),
    ],
    ids=["unset", "epoch", "empty"],
)
def test_source_date_epoch(env: dict[str, str], expected: dt.date | None) -> None:
    assert source_date_epoch(env) == expected


def test_source_date_epoch_rejects_garbage() -> None:
    with pytest.raises(ConfigError, match="SOURCE_DATE_EPOCH"):
        source_date_epoch({"SOURCE_DATE_EPOCH": "yesterday"})


BAD_VALUES = [
    # a line of timeline.toml, and the words its problem must contain
    ("max_file_mb = inf", "max_file_mb"),
    ("max_file_mb = nan", "max_file_mb"),
    ("max_file_mb = -1", "max_file_mb"),
    ("max_file_mb = 0", "max_file_mb"),
    ("max_file_mb = true", "max_file_mb"),
    ("max_file_mb = 2000", "max_file_mb"),
    ("jobs = true", "jobs"),
    ("jobs = -5", "jobs"),
    ("jobs = 100000", "jobs"),
    ("jobs = 2.5", "jobs"),
    ('site_url = "javascript:alert(1)"', "site_url"),
    ('site_url = "ftp://example.org/"', "site_url"),
    ('site_url = "https://"', "site_url"),
    ('site_url = "https://user:secret@example.org/"', "site_url"),
    ('site_url = "https://example.org/a b"', "site_url"),
    ('feed_id = "my feed"', "feed_id"),
    ('feed_id = "no-scheme"', "feed_id"),
    ('feed_id = "<urn:x>"', "feed_id"),
    ("build_date = 1969-12-31", "build_date"),
    ("build_date = 0001-01-01", "build_date"),
    ("build_date = 9999-12-31", "build_date"),
    ('output = ""', "output"),
    ('cache_dir = ""', "cache_dir"),
    ("title = 5", "title"),
    ('executor = "ray"', "executor"),
]


@pytest.mark.parametrize(("line", "words"), BAD_VALUES, ids=[b[0] for b in BAD_VALUES])
def test_bad_values_are_config_errors(tmp_path: Path, line: str, words: str) -> None:
    (tmp_path / "timeline.toml").write_text(line + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path, environ={})
    message = str(info.value)
    assert "timeline.toml" in message and words in message
    shown = line.split(" = ", 1)[1].strip('"')[:20]
    assert shown in message, "the message shows the bad value"


GOOD_VALUES = [
    ("max_file_mb = 0.5", "max_file_mb", 0.5),
    ("max_file_mb = 1024", "max_file_mb", 1024.0),
    ("jobs = 0", "jobs", 0),
    ("jobs = 32", "jobs", 32),
    ('site_url = "https://example.org/timeline/"', "site_url", "https://example.org/timeline/"),
    ('site_url = "http://localhost:8000"', "site_url", "http://localhost:8000"),
    ('feed_id = "tag:example.org,2026:haiti"', "feed_id", "tag:example.org,2026:haiti"),
    ("build_date = 1970-01-01", "build_date", dt.date(1970, 1, 1)),
    ("build_date = 2106-02-07", "build_date", dt.date(2106, 2, 7)),
]


@pytest.mark.parametrize(("line", "key", "value"), GOOD_VALUES, ids=[g[0] for g in GOOD_VALUES])
def test_values_at_the_limits_are_accepted(
    tmp_path: Path, line: str, key: str, value: object
) -> None:
    (tmp_path / "timeline.toml").write_text(line + "\n")
    assert getattr(load_config(tmp_path, environ={}), key) == value


def test_binary_config_file_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "timeline.toml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    with pytest.raises(ConfigError, match=r"timeline\.toml.*UTF-8"):
        load_config(tmp_path, environ={})


def test_deeply_nested_config_file_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "timeline.toml").write_text("title = " + "[" * 100_000 + "\n")
    with pytest.raises(ConfigError, match=r"timeline\.toml"):
        load_config(tmp_path, environ={})


def test_pyproject_tool_that_is_not_a_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('tool = "timeline"\n')
    assert load_config(tmp_path, environ={}) == Config()
    (tmp_path / "pyproject.toml").write_text('[tool]\ntimeline = "fast"\n')
    with pytest.raises(ConfigError, match=r"pyproject\.toml.*\[tool\.timeline\]"):
        load_config(tmp_path, environ={})


BAD_EPOCHS = ["-1", "1.5", "yesterday", " 12", "99999999999", "4294944000" + "0" * 10, "١٢٣"]


@pytest.mark.parametrize("raw", BAD_EPOCHS)
def test_bad_source_date_epoch_is_a_config_error(tmp_path: Path, raw: str) -> None:
    with pytest.raises(ConfigError, match="SOURCE_DATE_EPOCH") as info:
        load_config(tmp_path, environ={"SOURCE_DATE_EPOCH": raw})
    assert repr(raw) in str(info.value)


def test_every_problem_of_file_flags_and_environment_at_once(tmp_path: Path) -> None:
    (tmp_path / "timeline.toml").write_text("max_file_mb = inf\njobs = true\n")
    with pytest.raises(ConfigError) as info:
        load_config(
            tmp_path,
            flags={"jobs": -5, "site_url": "javascript:alert(1)", "build_date": dt.date(1, 1, 1)},
            environ={"SOURCE_DATE_EPOCH": "-1"},
        )
    lines = str(info.value).splitlines()
    assert len(lines) == 6, lines
    for source, setting in [
        ("timeline.toml", "max_file_mb"),
        ("timeline.toml", "jobs"),
        ("--jobs", "-5"),
        ("--site-url", "javascript:alert(1)"),
        ("--build-date", "0001-01-01"),
        ("SOURCE_DATE_EPOCH", "'-1'"),
    ]:
        assert any(source in line and setting in line for line in lines), (source, lines)


@pytest.mark.parametrize(
    ("file", "env", "flag", "expected"),
    [
        (None, None, None, None),
        ("2015-12-20", None, None, dt.date(2015, 12, 20)),
        ("2015-12-20", "1453248000", None, dt.date(2016, 1, 20)),
        ("2015-12-20", "1453248000", dt.date(2016, 2, 1), dt.date(2016, 2, 1)),
        (None, None, dt.date(2016, 2, 1), dt.date(2016, 2, 1)),
    ],
    ids=["none", "file", "environment-over-file", "flag-over-all", "flag"],
)
def test_build_date_precedence(
    tmp_path: Path,
    file: str | None,
    env: str | None,
    flag: dt.date | None,
    expected: dt.date | None,
) -> None:
    if file:
        (tmp_path / "timeline.toml").write_text(f"build_date = {file}\n")
    environ = {"SOURCE_DATE_EPOCH": env} if env else {}
    flags = {"build_date": flag} if flag else {}
    assert load_config(tmp_path, flags=flags, environ=environ).build_date == expected


@pytest.mark.parametrize(
    ("configured", "published", "expected"),
    [
        (dt.date(2016, 1, 20), [dt.date(2015, 12, 15)], dt.date(2016, 1, 20)),
        (None, [dt.date(2015, 12, 15), None, dt.date(2015, 12, 18)], dt.date(2015, 12, 18)),
        (None, [], dt.date(1970, 1, 1)),
        (None, [dt.date(1912, 4, 15)], dt.date(1970, 1, 1)),
        (None, [dt.date(9999, 12, 31)], dt.date(2106, 2, 7)),
    ],
    ids=["configured", "newest", "no-dates", "before-1970", "after-2106"],
)
def test_default_build_date_is_the_newest_publication_within_range(
    configured: dt.date | None, published: list[dt.date | None], expected: dt.date
) -> None:
    assert build_date(configured, published) == expected


def test_date_order_is_read_and_checked(tmp_path: Path) -> None:
    from timeline.config import DATE_ORDERS
    from timeline.ingest.declared import DATE_ORDERS as READ_ORDERS

    assert DATE_ORDERS == READ_ORDERS
    (tmp_path / "timeline.toml").write_text('date_order = "dmy"\n')
    assert load_config(tmp_path).date_order == "DMY"
    (tmp_path / "timeline.toml").write_text('date_order = "DDMMYY"\n')
    with pytest.raises(ConfigError, match=r"date_order = DDMMYY: expected one of DMY, MDY, YMD"):
        load_config(tmp_path)


def test_date_order_reaches_the_readers() -> None:
    from timeline.pipeline.stages import ingest_options

    assert ingest_options(Config(date_order="MDY")).date_order == "MDY"
    assert ingest_options(Config()).date_order is None
