"""The plugin inside an existing mkdocs site: `plugins: [search, timeline: {articles: ...}]`."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
import types
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from timeline.config import Config
from timeline.types import Timeline

REPO = Path(__file__).resolve().parents[2]


def _project(root: Path, plugin_options: str, theme: str = "mkdocs") -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Our project\n\nHand-written home page.\n")
    (root / "articles").mkdir()
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Our project\n"
        f"theme: {theme}\n"
        "plugins:\n"
        "  - search\n"
        "  - timeline:\n"
        f"{plugin_options}"
    )
    return config


def _build(config: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1453248000")
    build(load_config(str(config)))
    return config.parent / "site"


def _fake_pipeline(monkeypatch: pytest.MonkeyPatch, timeline: Timeline) -> None:
    fake = types.ModuleType("timeline.pipeline.stages")
    fake.extract_timeline = lambda _paths, _config=None: timeline  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "timeline.pipeline.stages", fake)


def test_plugin_runs_the_pipeline_on_articles(
    tmp_path: Path, timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[Path]] = []

    def extract_timeline(paths: list[Path], config: Config) -> Timeline:
        seen.append(list(paths))
        assert config.build_date == dt.date(2016, 1, 20)  # for the "after the build" warning
        assert config.output == str(tmp_path / "site")  # never read back as articles
        return timeline

    fake = types.ModuleType("timeline.pipeline.stages")
    fake.extract_timeline = extract_timeline  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "timeline.pipeline.stages", fake)
    config = _project(tmp_path, "      articles: articles\n      build_date: 2016-01-20\n")
    site = _build(config, monkeypatch)

    assert seen == [[tmp_path / "articles"]]
    assert "Hand-written home page" in (site / "index.html").read_text()
    page = (site / "timeline" / "index.html").read_text()
    assert 'id="ev-meeting"' in page and "timeline.css" in page
    assert 'class="timeline-body"' in page  # the script finds the events without our theme
    assert (site / "timeline" / "sources" / "bbc-2015-12-15" / "index.html").is_file()
    assert (site / "timeline" / "assets" / "timeline.js").is_file()
    report = json.loads((site / "timeline" / "report.json").read_text())
    assert report["build_date"] == "2016-01-20"
    index = json.loads((site / "search" / "search_index.json").read_text())
    docs = {d["location"]: d for d in index["docs"]}
    assert "timeline/#ev-meeting" in docs
    assert "Hand-written home page." in docs[""]["text"], "the site's own pages are indexed too"


def test_the_timeline_theme_is_an_installed_mkdocs_theme(
    tmp_path: Path, timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_pipeline(monkeypatch, timeline)
    config = _project(tmp_path, "      articles: articles\n", theme="timeline")
    site = _build(config, monkeypatch)

    home = (site / "index.html").read_text()
    assert "Hand-written home page" in home and "assets/theme.css" in home
    page = (site / "timeline" / "index.html").read_text()
    assert 'id="ev-meeting"' in page and 'class="skip-link"' in page


def test_prefix_clash_is_reported(
    tmp_path: Path,
    timeline: Timeline,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _fake_pipeline(monkeypatch, timeline)
    config = _project(tmp_path, '      articles: articles\n      prefix: ""\n')
    with pytest.raises(Abort):
        _build(config, monkeypatch)
    assert "index.md already exists in the docs" in caplog.text


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("timeline.pipeline.stages") is None,
    reason="timeline.pipeline.stages not present",
)
def test_plugin_with_the_real_pipeline_on_the_seeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _project(tmp_path, f"      articles: {REPO / 'seeds'}\n")
    site = _build(config, monkeypatch)
    report = json.loads((site / "timeline" / "report.json").read_text())
    assert report["counts"]["total"] >= 2
    assert (site / "timeline" / "index.html").is_file()


@pytest.mark.parametrize(
    ("option", "epoch", "expected"),
    [
        ("", None, "2015-12-18"),  # the newest publication date, never the clock
        ("", "1453248000", "2016-01-20"),
        ("      build_date: 2016-02-01\n", None, "2016-02-01"),
        ("      build_date: 2016-02-01\n", "1453248000", "2016-01-20"),  # as timeline.toml
    ],
    ids=["newest", "epoch", "option", "epoch-over-option"],
)
def test_build_date_follows_the_same_rule_as_the_cli(
    tmp_path: Path,
    timeline: Timeline,
    monkeypatch: pytest.MonkeyPatch,
    option: str,
    epoch: str | None,
    expected: str,
) -> None:
    _fake_pipeline(monkeypatch, timeline)
    config = _project(tmp_path, "      articles: articles\n" + option)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    if epoch:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    build(load_config(str(config)))
    report = json.loads((tmp_path / "site" / "timeline" / "report.json").read_text())
    assert report["build_date"] == expected


@pytest.mark.parametrize(
    ("option", "epoch", "words"),
    [
        ("", "yesterday", "SOURCE_DATE_EPOCH"),
        ("", "99999999999", "SOURCE_DATE_EPOCH"),
        ("      build_date: 2016-02-01\n", "-1", "SOURCE_DATE_EPOCH"),
        ("      build_date: 1912-04-15\n", None, "build_date"),
        ("      build_date: soon\n", None, "build_date"),
    ],
    ids=["not-a-number", "too-late", "negative", "option-before-1970", "option-not-a-date"],
)
def test_bad_build_dates_stop_the_plugin_with_a_message(
    tmp_path: Path,
    timeline: Timeline,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    option: str,
    epoch: str | None,
    words: str,
) -> None:
    _fake_pipeline(monkeypatch, timeline)
    config = _project(tmp_path, "      articles: articles\n" + option)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    if epoch:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(Abort):
        build(load_config(str(config)))
    assert words in caplog.text


def test_serve_watches_the_articles(tmp_path: Path) -> None:
    config = _project(tmp_path, "      articles: articles\n")
    loaded = load_config(str(config))
    watched: list[str] = []
    server = types.SimpleNamespace(watch=watched.append)
    loaded.plugins["timeline"].on_serve(server, config=loaded, builder=lambda: None)
    assert watched == [str(tmp_path / "articles")]


def test_articles_inside_site_dir_are_refused_before_mkdocs_empties_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    config = _project(tmp_path, "      articles: site/articles\n")
    (tmp_path / "site" / "articles").mkdir(parents=True)
    article = tmp_path / "site" / "articles" / "talks.md"
    article.write_text("Talks resumed in Geneva on 25 January 2016.\n", encoding="utf-8")
    with pytest.raises(Abort):
        _build(config, monkeypatch)
    assert "inside site_dir" in caplog.text
    assert article.read_text(encoding="utf-8").startswith("Talks resumed")


@pytest.mark.slow
def test_a_site_dir_inside_the_articles_is_not_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _project(tmp_path, "      articles: articles\n")
    for seed in (REPO / "seeds").iterdir():
        (tmp_path / "articles" / seed.name).write_bytes(seed.read_bytes())
    config.write_text(config.read_text() + "site_dir: articles/site\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1453248000")
    for dirty in (False, True):  # a dirty build keeps the site it reads the articles beside
        build(load_config(str(config)), dirty=dirty)
    site = tmp_path / "articles" / "site"
    report = json.loads((site / "timeline" / "report.json").read_text())
    assert {e["path"].split("/")[-1] for e in report["inputs"]} == {
        p.name for p in (REPO / "seeds").glob("*.txt")
    }
