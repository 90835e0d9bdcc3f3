"""Timeline summarisation scoring: date F1, date-aligned ROUGE, the busiest-days baseline."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.evaluate.tls import (
    aligned_rouge,
    busiest_days,
    format_report,
    load_articles,
    prepare_cases,
    score_cases,
)
from timeline.types import Article, ArticleResult, EventMention, Timex

D = dt.date.fromisoformat
T17 = Path(__file__).resolve().parents[3] / "shared" / "data" / "t17"


def write_topic(root: Path) -> Path:
    articles = [
        ("1", "2010-04-21", "The rig exploded on April 20. Eleven workers are missing."),
        ("2", "2010-04-21", "Coast guard searches for workers missing since yesterday."),
        ("3", "2010-04-22", "The burning rig sank."),
        ("4", "2010-05-30", "Outside the reference span."),
    ]
    with (root / "articles.jsonl").open("w", encoding="utf-8") as out:
        for aid, published, text in articles:
            out.write(json.dumps({"id": aid, "published": published, "text": text}) + "\n")
    (root / "timelines").mkdir()
    timeline = {
        "entries": [
            {"date": "2010-04-20", "sentences": ["The rig exploded."]},
            {"date": "2010-04-22", "sentences": ["The burning rig sank."]},
        ]
    }
    (root / "timelines" / "rig.json").write_text(json.dumps(timeline), encoding="utf-8")
    return root


def fake_extract(articles: Sequence[Article]) -> list[ArticleResult]:
    """Dated sentences as a tagger would find them, for the articles given only."""
    dated = {
        "1": ("The rig exploded on April 20.", "April 20", "2010-04-20"),
        "2": (
            "Coast guard searches for workers missing since yesterday.",
            "yesterday",
            "2010-04-20",
        ),
        "3": ("The burning rig sank.", "today", "2010-04-22"),
        "4": ("Outside the reference span.", "today", "2010-05-30"),
    }
    out = []
    for a in articles:
        if a.id not in dated:
            out.append(ArticleResult(article=a))
            continue
        sentence, said, date = dated[a.id]
        at = sentence.find(said)
        timex = Timex(start=at, end=at + len(said), text=said, type="DATE", value=date)
        mention = EventMention(
            article=a.id,
            sentence=sentence,
            start=0,
            end=len(sentence),
            date=date,
            headline=sentence,
            timex=timex if at >= 0 else None,
            lemmas=tuple(sentence.lower().rstrip(".").split()),
        )
        out.append(ArticleResult(article=a, timexes=(timex,), mentions=(mention,)))
    return out


def test_evaluate_restricts_to_span_and_scores_dates(tmp_path: Path) -> None:
    report = score_cases(prepare_cases(write_topic(tmp_path), fake_extract))
    (score,) = report.scores
    assert (score.dates, score.sentences_per_date, score.articles) == (2, 1, 3)
    # 04-20: two sources speak of it, one names it later; 04-21 has nothing dated to it
    assert score.date_f1 == pytest.approx(1.0)
    assert score.baseline_f1 == pytest.approx(0.5)  # busiest days: 04-21 and 04-22
    predicted = {
        D("2010-04-20"): ["The rig exploded on April 20."],
        D("2010-04-22"): ["The burning rig sank."],
    }
    reference = {D("2010-04-20"): ["The rig exploded."], D("2010-04-22"): ["The burning rig sank."]}
    assert score.rouge1 == pytest.approx(aligned_rouge(predicted, reference, 1))
    text = format_report(report)
    assert "rig" in text
    assert "mean (1 timelines)" in text


def test_aligned_rouge_identical_is_one_and_weighs_distance() -> None:
    same = {D("2010-04-20"): ["oil spill grows"]}
    assert aligned_rouge(same, same, 1) == pytest.approx(1.0)
    assert aligned_rouge(same, same, 2) == pytest.approx(1.0)
    shifted = {D("2010-04-21"): ["oil spill grows"]}
    assert aligned_rouge(shifted, same, 1) == pytest.approx(0.5)
    assert aligned_rouge({}, same, 1) == 0.0


def test_busiest_days_break_ties_by_date(tmp_path: Path) -> None:
    articles = load_articles(write_topic(tmp_path))
    assert busiest_days(articles, 2) == [D("2010-04-21"), D("2010-04-22")]


def test_bad_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        prepare_cases(tmp_path, fake_extract)
    (tmp_path / "articles.jsonl").write_text('{"id": "1"}\n', encoding="utf-8")
    with pytest.raises(InputError):
        load_articles(tmp_path)


@pytest.mark.data
@pytest.mark.slow
def test_t17_smallest_topic_beats_the_baseline() -> None:
    """The full pipeline on the smallest development topic (about a minute on CPU)."""
    topic = T17 / "H1N1_guardian"
    if not topic.exists():
        pytest.skip("Timeline17 development data not present")
    from timeline.config import Config
    from timeline.pipeline.stages import analyse, open_cache

    cache = open_cache(Config(use_cache=False))
    report = score_cases(prepare_cases(topic, lambda articles: analyse(articles, cache, jobs=1)))
    assert report.mean("date_f1") >= 0.8
    assert report.mean("date_f1") > report.mean("baseline_f1")
