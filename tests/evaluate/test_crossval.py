"""Leave-one-story-out: a story's weight is chosen on the others, its score is held out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from builders import dated_result

from timeline.errors import InputError
from timeline.evaluate.crossval import (
    GRID,
    CrossValidation,
    choose_weight,
    format_cross_validation,
    leave_one_story_out,
    story_of,
)
from timeline.evaluate.tls import Case, busiest_days, date_f1
from timeline.rank.salience import NAMED_WEIGHT, coverage
from timeline.types import ArticleResult

D = dt.date.fromisoformat
T17 = Path(__file__).resolve().parents[3] / "shared" / "data" / "t17"


def case(topic: str, key: str, results: list[ArticleResult]) -> Case:
    """A one-date reference timeline (`key`) over `results`, its span every day they date."""
    days = [D(m.date) for r in results for m in r.mentions] + [D(key)]
    start, end = min(days), max(days)
    return Case(
        topic=topic,
        timeline="t",
        reference={D(key): ["what happened"]},
        sentences_per_date=1,
        articles=len(results),
        baseline=tuple(busiest_days([r.article for r in results], 1)),
        coverage=coverage(results, start=start, end=end),
    )


def landmark(topic: str) -> Case:
    """The key day nobody published on, but two later sources name: any weight finds it."""
    return case(
        topic,
        "2010-04-20",
        [
            dated_result("a", "2010-04-25", ("the rig exploded", "April 20", "2010-04-20")),
            dated_result("b", "2010-04-26", ("the rig blew up", "20 April", "2010-04-20")),
            dated_result("c", "2010-04-24", ("crews search", "today", "2010-04-24")),
        ],
    )


def busy(topic: str) -> Case:
    """The key day is the busiest; an older day named twice wins under a weight of 2."""
    published = [
        dated_result(x, "2010-05-02", (f"the cap holds {x}", "today", "2010-05-02"))
        for x in ("p", "q", "r")
    ]
    named = [
        dated_result(x, "2010-05-03", (f"the permit of {x}", "April 1", "2010-04-01"))
        for x in ("s", "t")
    ]
    return case(topic, "2010-05-02", [*published, *named])


def test_story_is_the_folder_name_before_the_first_underscore() -> None:
    assert story_of("bpoil_bbc") == "bpoil"
    assert story_of("haiti") == "haiti"
    assert story_of("Finan_washington_post") == "Finan"


def test_the_synthetic_stories_pull_the_weight_apart() -> None:
    assert [date_f1(landmark("x"), w) for w in GRID] == [0, 1, 1, 1, 1, 1]
    assert [date_f1(busy("x"), w) for w in GRID] == [1, 1, 1, 0, 0, 0]


def test_each_story_is_scored_under_the_weight_the_others_chose() -> None:
    cv = leave_one_story_out([landmark("alpha_one"), landmark("alpha_two"), busy("beta_one")])
    by_story = {s.story: s for s in cv.stories}
    alpha, beta = by_story["alpha"], by_story["beta"]
    # beta alone fits 0, 0.5 and 1 equally: the middle one, 0.5, finds alpha's landmark
    assert (alpha.weight, alpha.date_f1, alpha.timelines) == (0.5, 1.0, 2)
    # alpha alone fits every weight from 0.5 up: the middle one, 2, loses beta's busy day
    assert (beta.weight, beta.date_f1, beta.fit_f1) == (2.0, 0.0, 1.0)
    # with both in, 0.5 and 1 fit both; each story weighs the same however many timelines
    assert cv.weight == 0.5
    assert cv.mean("date_f1") == pytest.approx(0.5)
    assert (alpha.baseline_f1, beta.baseline_f1) == (0.0, 1.0)
    assert 0.0 <= alpha.rouge1 <= 1.0


def test_choose_weight_takes_the_middle_of_ties() -> None:
    means = {0.0: {"a": 0.5}, 1.0: {"a": 0.9}, 2.0: {"a": 0.9}, 4.0: {"a": 0.9}, 8.0: {"a": 0.2}}
    assert choose_weight(means, ["a"], sorted(means)) == 2.0
    assert choose_weight(means, ["a"], [0.0, 1.0, 2.0]) == 1.0  # the lower of two middles


def test_one_story_cannot_be_left_out() -> None:
    with pytest.raises(InputError):
        leave_one_story_out([landmark("alpha_one"), landmark("alpha_two")])


def test_report_names_stories_and_the_mean() -> None:
    text = format_cross_validation(leave_one_story_out([landmark("alpha_x"), busy("beta_x")]))
    assert "alpha" in text and "beta" in text
    assert "mean (2 stories)" in text


def t17_cross_validation(repo_root: Path) -> CrossValidation:
    """Leave one story out on every development topic, extracted into the repository's
    cache as `timeline eval tls` does (minutes on first use, seconds after)."""
    if not (T17 / "EgyptianProtest_cnn").exists():
        pytest.skip("Timeline17 development data not present")
    from timeline.config import Config
    from timeline.evaluate.tls import prepare_cases
    from timeline.pipeline.stages import analyse, open_cache

    cache = open_cache(Config(cache_dir=str(repo_root / ".timeline-cache")))
    topics = sorted(p for p in T17.iterdir() if (p / "articles.jsonl").is_file())
    cases = [c for t in topics for c in prepare_cases(t, lambda a: analyse(a, cache))]
    return leave_one_story_out(cases)


@pytest.fixture(scope="module")
def t17(repo_root: Path) -> CrossValidation:
    return t17_cross_validation(repo_root)


@pytest.mark.data
@pytest.mark.slow
def test_t17_leave_one_story_out_floors(t17: CrossValidation) -> None:
    assert len(t17.stories) == 5
    assert t17.weight == NAMED_WEIGHT, "the shipped weight is the one the protocol picks"
    assert t17.mean("date_f1") >= 0.65
    assert t17.mean("date_f1") > t17.mean("baseline_f1")


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="held out, Finan (0.656 against 0.724) and haiti (0.909, equal) are not above the "
    "busiest days; see docs/ranking.md",
)
def test_t17_every_story_above_the_busiest_days(t17: CrossValidation) -> None:
    # Egypt's reference dates every day of its span: the baseline's 1.0 leaves no room
    open_stories = [s for s in t17.stories if s.baseline_f1 < 1.0]
    assert len(open_stories) >= 4
    assert all(s.date_f1 > s.baseline_f1 for s in open_stories), open_stories


def write_topic(root: Path, name: str, days: list[tuple[str, str]], key: str) -> None:
    topic = root / name
    (topic / "timelines").mkdir(parents=True)
    rows = [{"id": f"{name}-{i}", "published": d, "text": t} for i, (d, t) in enumerate(days)]
    (topic / "articles.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    entries = [
        {"date": key, "sentences": ["The rig exploded."]},
        {"date": days[-1][0], "sentences": ["Talks."]},
    ]
    (topic / "timelines" / "t.json").write_text(json.dumps({"entries": entries}), encoding="utf-8")


def test_eval_tls_prints_timelines_and_the_held_out_stories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command on two tiny stories, through the real extraction."""
    from timeline.cli import main

    for story in ("alpha", "beta"):
        write_topic(
            tmp_path / "corpus",
            f"{story}_wire",
            [
                ("2010-04-21", "The oil rig exploded on April 20, officials said on Wednesday."),
                ("2010-04-22", "Crews searched on Thursday for workers missing since April 20."),
                ("2010-04-23", "Ministers met for talks in London on Friday."),
            ],
            "2010-04-20",
        )
    cache = tmp_path / "cache"
    assert main(["eval", "tls", str(tmp_path / "corpus"), "--cache-dir", str(cache)]) == 0
    out = capsys.readouterr().out
    assert "alpha_wire" in out and "beta_wire" in out
    assert "Leave one story out" in out
    assert "mean (2 stories)" in out
    assert (
        main(["eval", "tls", str(tmp_path / "corpus" / "alpha_wire"), "--cache-dir", str(cache)])
        == 0
    )
    assert "Leave one story out" not in capsys.readouterr().out, "one story: nothing to leave out"
