"""Config layering and its error messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.config import Config, load_config, source_date_epoch
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
