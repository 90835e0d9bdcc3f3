"""One option table: the Config declarations make the checks and the command-line flags,
and the README documents each option."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from timeline.cli.build import config_from_args
from timeline.cli.parser import make_parser
from timeline.config import FLAGS, OPTIONS, Config

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_documents_every_option_and_no_other() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## Configuration") :]
    table = table[: table.index("\n\n", table.index("| key | default | meaning |"))]
    documented = re.findall(r"^\| `(\w+)` \|", table, flags=re.M)
    assert documented == [option.name for option in OPTIONS]


def test_every_flag_of_the_table_is_on_the_build_command() -> None:
    build = make_parser()._subparsers._group_actions[0].choices["build"]  # type: ignore[union-attr]
    offered = {flag for action in build._actions for flag in action.option_strings}
    declared = {flag for option in OPTIONS for flag in option.metadata["flags"]}
    assert declared <= offered
    assert set(FLAGS) == {o.name for o in OPTIONS if o.metadata["flags"]} | {"inputs"}


def test_flags_arrive_in_the_config_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "in").mkdir()
    args = make_parser().parse_args(
        ["build", "in", "--title", "T", "--jobs", "3", "--no-cache", "--strict", "-o", "out",
         "--build-date", "2015-12-16", "--scheduler", "tcp://h:8786"]
    )  # fmt: skip
    config = config_from_args(args)
    assert config == Config(
        title="T",
        inputs=("in",),
        jobs=3,
        use_cache=False,
        strict=True,
        output="out",
        build_date=dt.date(2015, 12, 16),
        scheduler="tcp://h:8786",
        executor="dask",
    )
    # flags not given leave the defaults (and the file's values) alone
    assert config_from_args(make_parser().parse_args(["build", "in"])) == Config(inputs=("in",))
