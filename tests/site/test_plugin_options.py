"""The mkdocs plugin's options are made from the option table: the settings a site of your
own has no mkdocs setting for are plugin options, checked as timeline.toml checks them, and
the build date follows the one rule, SOURCE_DATE_EPOCH included."""

from __future__ import annotations

import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs
from mkdocs.exceptions import Abort

from timeline.config import OPTIONS, Config, load_config
from timeline.errors import ConfigError
from timeline.site.plugin_options import TABLE_OPTIONS, TimelinePluginConfig
from timeline.types import Timeline

ATOM = "{http://www.w3.org/2005/Atom}"


def _project(root: Path, options: str) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Our project\n")
    (root / "articles").mkdir()
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Our project\nplugins:\n  - timeline:\n      articles: articles\n" + options
    )
    return config


def _fake_pipeline(
    monkeypatch: pytest.MonkeyPatch, timeline: Timeline, seen: list[Config] | None = None
) -> None:
    def extract_timeline(_paths: list[Path], config: Config) -> Timeline:
        if seen is not None:
            seen.append(config)
        return timeline

    fake = types.ModuleType("timeline.pipeline.stages")
    fake.extract_timeline = extract_timeline  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "timeline.pipeline.stages", fake)


def test_every_setting_without_a_mkdocs_setting_is_a_plugin_option() -> None:
    names = [name for name, _ in TimelinePluginConfig._schema]
    own = ["articles", "prefix", "key_events"]
    assert names == own + [o.name for o in OPTIONS if o.metadata["mkdocs"] is None]
    # what mkdocs.yml already says is not asked twice
    assert {o.name for o in OPTIONS} - {o.name for o in TABLE_OPTIONS} == {
        "title",
        "inputs",
        "output",
        "site_url",
        "strict",
    }


def test_plugin_settings_reach_the_extraction_checked(
    tmp_path: Path, timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Config] = []
    _fake_pipeline(monkeypatch, timeline, seen)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1453248000")
    config = _project(
        tmp_path,
        "      jobs: 2\n"
        "      date_order: dmy\n"
        "      use_cache: false\n"
        "      max_file_mb: 2\n"
        "      cache_dir: cache\n"
        "      feed_id: tag:example.org,2016:talks\n",
    )
    build(load_mkdocs(str(config)))
    (settings,) = seen
    assert (settings.jobs, settings.date_order, settings.use_cache) == (2, "DMY", False)
    assert (settings.max_file_mb, settings.cache_dir) == (2.0, "cache")
    assert settings.executor == Config().executor  # not set: the table's default
    feed = ET.parse(tmp_path / "site" / "timeline" / "feed.xml").getroot()
    assert feed.findtext(f"{ATOM}id") == "tag:example.org,2016:talks"


@pytest.mark.parametrize(
    "case",
    [("jobs", "99"), ("date_order", "DDMMYY"), ("feed_id", "not an id"), ("max_file_mb", "0")],
    ids=lambda case: case[0],
)
def test_a_bad_setting_stops_mkdocs_with_the_reason_timeline_toml_gets(
    tmp_path: Path,
    timeline: Timeline,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    case: tuple[str, str],
) -> None:
    setting, raw = case
    _fake_pipeline(monkeypatch, timeline)
    (tmp_path / "toml").mkdir()
    (tmp_path / "toml" / "timeline.toml").write_text(
        f"{setting} = {raw if raw.isdigit() else repr(raw)}\n"
    )
    with pytest.raises(ConfigError) as from_toml:
        load_config(tmp_path / "toml", environ={})
    reason = str(from_toml.value).rpartition(": ")[2]
    config = _project(tmp_path / "mkdocs", f"      {setting}: {raw}\n")
    with pytest.raises(Abort):
        build(load_mkdocs(str(config)))
    assert setting in caplog.text
    assert reason in caplog.text


@pytest.mark.parametrize("epoch", ["yesterday", "-1", "99999999999", " 1453248000"])
def test_a_bad_source_date_epoch_stops_the_plugin_as_it_stops_timeline_build(
    tmp_path: Path,
    timeline: Timeline,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    epoch: str,
) -> None:
    _fake_pipeline(monkeypatch, timeline)
    with pytest.raises(ConfigError) as from_config:
        load_config(tmp_path, environ={"SOURCE_DATE_EPOCH": epoch})
    config = _project(tmp_path / "mkdocs", "")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(Abort):
        build(load_mkdocs(str(config)))
    assert str(from_config.value) in caplog.text
