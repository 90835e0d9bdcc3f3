"""The merge and entity floors, measured on the event audit's five Timeline17 topics.

A reader judged a sample of what the code makes (`tests/audit/events.jsonl`,
docs/audit.md). Pooled over the five topics, merged pairs must be one happening at least
90% of the time, same-happening pairs must be merged at least as often as before the
merge rules were tightened (57.1%), and entity pages must be a real name of the right
kind at least 92% of the time. Only what a reader has judged counts; what is pending is
neither right nor wrong until judged.

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
def test_merged_reports_are_one_happening(scores: list[TopicScore]) -> None:
    assert pooled(scores, "merge") >= MERGE_PRECISION


@pytest.mark.data
@pytest.mark.slow
def test_same_happenings_are_merged_as_often_as_before(scores: list[TopicScore]) -> None:
    assert pooled(scores, "recall") >= MERGE_RECALL


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="entity precision is 84.3% pooled on the judged pages (held-out story 70.0%), "
    "under the 92% floor: places the model types as organisations and names it runs "
    "together remain, and the verdicts on dateline fragments in capitals ('CAIRO', "
    "'LONDON') now score the real places ('Cairo', 'London') they are folded into",
)
def test_entity_pages_are_real_names_of_the_right_kind(scores: list[TopicScore]) -> None:
    assert pooled(scores, "entities") >= ENTITY_PRECISION
