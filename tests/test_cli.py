"""Command-line behaviour that does not need the NLP pipeline: help, usage errors, progress."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from timeline.cli import ProgressBar, main


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["build", "--help"],
        ["extract", "--help"],
        ["check", "--help"],
        ["tag", "--help"],
        ["eval", "timeml", "--help"],
    ],
    ids=" ".join,
)
def test_every_command_has_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert "usage: timeline" in capsys.readouterr().out


def test_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert main(["extract", str(missing), "--json"]) == 2
    assert str(missing) in capsys.readouterr().err


def test_bad_config_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "timeline.toml").write_text("titel = 'typo'\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "timeline.toml" in err
    assert "titel" in err


def test_bad_dct_is_rejected(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["tag", "--dct", "2015-02-30", "-"])
    assert info.value.code == 2
    assert "2015-02-30" in capsys.readouterr().err


def test_progress_on_a_log_is_one_line_per_tenth() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, enabled=True)
    for done in range(1, 101):
        bar.update(done, 100)
    bar.close()
    lines = stream.getvalue().splitlines()
    assert lines[0] == "parsed 1/100 articles (1%)"
    assert lines[-1] == "parsed 100/100 articles (100%)"
    assert len(lines) == 11
    assert "\r" not in stream.getvalue()


def test_progress_is_silent_for_small_batches_and_when_quiet() -> None:
    stream = io.StringIO()
    ProgressBar(stream, enabled=True).update(3, 5)
    ProgressBar(stream, enabled=False).update(50, 100)
    assert stream.getvalue() == ""
