"""Which folder a build may replace: only its own site, an empty folder, or none at all."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from site_timeline import BUILD_DATE

from timeline.errors import ConfigError
from timeline.site import SiteOptions, build_site
from timeline.site.output import SITE_MARKER, output_problem
from timeline.types import Timeline

OPTIONS = SiteOptions(build_date=BUILD_DATE)


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """home/alice/project (the working directory) with articles/, a cache, notes.txt."""
    home = tmp_path / "home" / "alice"
    project = home / "project"
    (project / "articles" / "2015").mkdir(parents=True)
    (project / "articles" / "2015" / "talks.txt").write_text("Talks.", encoding="utf-8")
    (project / "cache").mkdir()
    (project / "notes.txt").write_text("my notes", encoding="utf-8")
    (project / "mine").mkdir()
    (project / "mine" / "draft.md").write_text("draft", encoding="utf-8")
    (project / "empty").mkdir()
    (project / "link").symlink_to(project / "empty")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(project)
    return project


REFUSED = [
    # output as given, words of the reason
    ("", "is empty"),
    (".", "is the working directory"),
    ("./", "is the working directory"),
    ("..", "is your home folder"),
    ("../..", "holds your home folder"),
    ("/", "is the root of the file system"),
    ("articles", "is the input articles"),
    ("articles/2015", "is the input articles/2015"),
    ("cache", "holds the cache folder"),
    ("notes.txt", "is a file, not a folder"),
    ("mine", "holds files that timeline did not write"),
    ("link", "is a symbolic link"),
]


@pytest.mark.parametrize(("given", "reason"), REFUSED, ids=[r[0] or "(empty)" for r in REFUSED])
def test_refused_outputs(place: Path, given: str, reason: str) -> None:
    problem = output_problem(given, inputs=[Path("articles/2015")], cache_dir=Path("cache"))
    if given == "articles":
        problem = output_problem(given, inputs=[Path("articles")], cache_dir=Path("cache"))
    assert problem is not None and reason in problem, problem


@pytest.mark.parametrize(
    "given", ["site", "empty", "build/site", "articles/site", "../elsewhere", "cache/../site"]
)
def test_accepted_outputs(place: Path, given: str) -> None:
    assert output_problem(given, inputs=[Path("articles")], cache_dir=Path("cache")) is None


def test_a_site_this_tool_built_may_be_replaced(place: Path, timeline: Timeline) -> None:
    build_site(timeline, place / "site", OPTIONS)
    assert (place / "site" / SITE_MARKER).is_file()
    assert output_problem("site", inputs=[Path("articles")]) is None


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("given", ["mine", "notes.txt", "articles", ".", "cache"])
def test_build_site_refuses_and_touches_nothing(
    place: Path, timeline: Timeline, given: str
) -> None:
    before = _snapshot(place.parent)
    with pytest.raises(ConfigError, match="output folder"):
        build_site(
            timeline, place / given, OPTIONS, cache_dir=place / "cache", inputs=[Path("articles")]
        )
    assert _snapshot(place.parent) == before
    assert not [p for p in place.parent.rglob(".*") if p.name.startswith((".mine", ".notes"))]


def test_a_dry_run_writes_no_site(place: Path, timeline: Timeline) -> None:
    build_site(timeline, place / "site", OPTIONS, publish=False)
    assert not (place / "site").exists()
    assert sorted(p.name for p in place.iterdir()) == [
        "articles",
        "cache",
        "empty",
        "link",
        "mine",
        "notes.txt",
    ]


def test_a_dry_run_fails_where_the_build_fails(place: Path, timeline: Timeline) -> None:
    with pytest.raises(ConfigError, match="holds files that timeline did not write"):
        build_site(timeline, place / "mine", OPTIONS, publish=False)
