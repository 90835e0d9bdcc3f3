"""The event audit's floors: what a reader sees, judged by reading the articles.

A reader judged a sample of what the code makes for five Timeline17 topics
(`tests/audit/events.jsonl`, docs/audit.md). Pooled over the five topics: at least 95% of
the audited events show a faithful text, 90% are worth an entry and 93% carry the right
date; merged pairs are one happening at least 90% of the time, same-happening pairs are
merged at least as often as before the merge rules were tightened (57.1%), and entity pages
are a real name of the right kind at least 92% of the time. Only what a reader has judged
counts; what is pending is neither right nor wrong until judged (`timeline eval events`
counts it).

Slow when cold (every topic is extracted); the extraction cache makes it quick.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.config import Config
from timeline.evaluate.audit import load_audit
from timeline.evaluate.audit_score import Tally, TopicScore, score_topic
from timeline.pipeline.stages import extract_timeline

ROOT = Path(__file__).resolve().parents[2]
T17 = ROOT.parent / "shared" / "data" / "t17"
AUDIT = ROOT / "tests" / "audit" / "events.jsonl"

TEXT_FAITHFUL = 0.95
WORTH_AN_ENTRY = 0.90
DATE_RIGHT = 0.93
MERGE_PRECISION = 0.90
MERGE_RECALL = 0.571  # pooled recall of the code before these merge rules, same items
ENTITY_PRECISION = 0.92


@pytest.fixture(scope="module")
def scores() -> list[TopicScore]:
    audit = load_audit(AUDIT)
    if not all((T17 / topic / "articles.jsonl").is_file() for topic in audit.topics):
        pytest.skip("Timeline17 development data not present")
    found = []
    for topic in sorted(audit.topics):
        source = T17 / topic / "articles.jsonl"
        config = Config(cache_dir=str(ROOT / ".timeline-cache"), title=topic)
        found.append(score_topic(audit, topic, extract_timeline([source], config).events).score)
    return found


def pooled(scores: list[TopicScore], measure: str) -> float:
    total = Tally()
    for score in scores:
        part: Tally = getattr(score, measure)
        total.judged += part.judged
        total.good += part.good
    assert total.judged, f"nothing judged for {measure}"
    return total.good / total.judged


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason=(
        "below the floor: 92.3% of the judged texts are good, pooled (held-out story "
        "94.1%); page headlines and photo credits run into a sentence, dangling references "
        "and cut closing quotes remain"
    ),
)
def test_events_show_a_faithful_text(scores: list[TopicScore]) -> None:
    assert pooled(scores, "text") >= TEXT_FAITHFUL


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason=(
        "below the floor: 79.4% worth an entry, pooled (held-out story 70.6%); bare "
        "attributions, estimates, commentary and background next to the story's own items "
        "remain"
    ),
)
def test_events_are_worth_an_entry(scores: list[TopicScore]) -> None:
    assert pooled(scores, "worth") >= WORTH_AN_ENTRY


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason=(
        "below the floor: 84.5% dated right, pooled (held-out story 94.1%); live pages "
        "anchored on the wrong day, dispatches written before publication and dates "
        "mentioned in passing remain"
    ),
)
def test_events_carry_the_right_date(scores: list[TopicScore]) -> None:
    assert pooled(scores, "date") >= DATE_RIGHT


@pytest.mark.data
@pytest.mark.slow
def test_merged_reports_are_one_happening(scores: list[TopicScore]) -> None:
    assert pooled(scores, "merge") >= MERGE_PRECISION


@pytest.mark.data
@pytest.mark.slow
def test_same_happenings_are_merged_as_often_as_before(scores: list[TopicScore]) -> None:
    assert pooled(scores, "recall") >= MERGE_RECALL


@pytest.mark.data
@pytest.mark.slow
def test_entity_pages_are_real_names_of_the_right_kind(scores: list[TopicScore]) -> None:
    assert pooled(scores, "entities") >= ENTITY_PRECISION
