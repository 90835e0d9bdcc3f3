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


STORY = "Kerry met Lavrov in Moscow on Tuesday for talks on Syria, officials said.\n"


def _articles(root: Path) -> Path:
    folder = root / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\npublished: 2015-12-15\n---\n{STORY}")
    return folder


BAD_SETTINGS = [
    # (command, timeline.toml, extra argv, environment, words the error must show)
    ("check", "max_file_mb = inf\n", [], {}, "max_file_mb"),
    ("check", "max_file_mb = nan\n", [], {}, "max_file_mb"),
    ("check", "jobs = true\n", [], {}, "jobs"),
    ("check", 'site_url = "javascript:alert(1)"\n', [], {}, "site_url"),
    ("check", "", ["--jobs=-5"], {}, "--jobs"),
    ("extract", "", ["--jobs=1000"], {}, "--jobs"),
    ("extract", "", ["--date-order", "DDMMYY"], {}, "--date-order"),
    ("check", 'date_order = "sideways"\n', [], {}, "date_order"),
    ("check", "", [], {"SOURCE_DATE_EPOCH": "-1"}, "SOURCE_DATE_EPOCH"),
    ("check", "", [], {"SOURCE_DATE_EPOCH": "99999999999"}, "SOURCE_DATE_EPOCH"),
    ("build", "max_file_mb = inf\n", [], {}, "max_file_mb"),
    ("build", "", ["--jobs=-5"], {}, "--jobs"),
    ("build", "", ["--build-date", "0001-01-01"], {}, "--build-date"),
    ("build", "", ["--build-date", "9999-12-31"], {}, "--build-date"),
    ("build", "", ["--site-url", "javascript:alert(1)"], {}, "--site-url"),
    ("build", "", [], {"SOURCE_DATE_EPOCH": "-1"}, "SOURCE_DATE_EPOCH"),
    ("build", "", [], {"SOURCE_DATE_EPOCH": "99999999999"}, "SOURCE_DATE_EPOCH"),
]


@pytest.mark.parametrize(
    "case", BAD_SETTINGS, ids=[f"{b[0]} {b[1].strip()}{' '.join(b[2])}{b[3]}" for b in BAD_SETTINGS]
)
def test_bad_settings_exit_2_without_a_traceback(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: tuple[str, str, list[str], dict[str, str], str],
) -> None:
    command, toml, argv, env, words = case
    folder = _articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    (tmp_path / "timeline.toml").write_text(toml)
    extra = ["-o", str(tmp_path / "out"), "--no-cache"] if command == "build" else ["--no-cache"]
    assert main([command, str(folder), *argv, *extra, "-q"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("timeline: config error:") and words in err, err
    assert not (tmp_path / "out").exists()


def test_binary_config_file_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "timeline.toml").write_bytes(bytes(range(256)))
    assert main(["check", str(folder)]) == 2
    assert "timeline.toml" in capsys.readouterr().err


def _parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    """Split one line as the GitHub Actions runner does, and undo its escapes."""
    assert line.startswith("::")
    head, separator, message = line[2:].partition("::")
    assert separator, line
    command, _, props = head.partition(" ")
    properties: dict[str, str] = {}
    for pair in filter(None, props.split(",")):
        key, _, value = pair.partition("=")
        for escaped, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r")):
            value = value.replace(escaped, char)
        properties[key] = value.replace("%25", "%")
    for escaped, char in (("%0A", "\n"), ("%0D", "\r")):
        message = message.replace(escaped, char)
    return command, properties, message.replace("%25", "%")


def test_workflow_commands_escape_properties_and_messages() -> None:
    from timeline.cli.report import workflow_command

    hostile = "a,b:c%25 100%\r\n::add-mask::secret\n::error file=x::forged"
    line = workflow_command("warning", {"file": hostile, "title": hostile}, hostile)
    assert "\n" not in line and "\r" not in line
    command, properties, message = _parse_workflow_command(line)
    assert command == "warning"
    assert properties == {"file": hostile, "title": hostile}
    assert message == hostile


def test_annotations_cannot_be_forged_by_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    names = [
        "x.txt\n::add-mask::hunter2\n::error file=README.md::forged.txt",
        "50%25 off, at 10:30.txt",
        "carriage\r::error::forged.txt",
    ]
    for name in names:
        (folder / name).write_text(STORY)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["check", "articles"]) == 0
    lines = capsys.readouterr().err.splitlines()
    annotations = [ln for ln in lines if ln.startswith("::")]
    # every line that starts a workflow command is one of ours, one or more per file
    assert all(ln.startswith("::warning file=") for ln in annotations), lines
    assert not any("\r" in ln for ln in lines)
    files = set()
    for line in annotations:
        _, properties, message = _parse_workflow_command(line)
        assert set(properties) == {"file"} and "\n" not in message
        files.add(properties["file"])
    assert len(files) == len(names), files
    assert "articles/50%25 off, at 10:30.txt" in files, "commas, colons and % survive"


def test_an_empty_html_page_names_the_file_not_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "page.html").write_text("<html><body><script>x()</script></body></html>")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "page.html"]) == 1
    err = capsys.readouterr().err
    assert "None" not in err and "discarding data" not in err
    assert "page.html: no article text found" in err
