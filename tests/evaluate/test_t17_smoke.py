"""Every Timeline17 development topic extracts end to end, with no article lost to a fault
in the code: real news, several hundred articles a topic, long ones included, parsed in
worker processes as any large build is.

Slow when cold (the whole corpus is parsed); the extraction cache in `.timeline-cache`
makes a second run take seconds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.config import Config
from timeline.model import Status
from timeline.pipeline import extract_timeline

ROOT = Path(__file__).resolve().parents[2]
T17 = ROOT.parent / "shared" / "data" / "t17"
TOPICS = sorted(p.parent.name for p in T17.glob("*/articles.jsonl"))


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.skipif(not TOPICS, reason="Timeline17 development data not present")
@pytest.mark.parametrize("topic", TOPICS)
def test_every_article_of_the_topic_is_extracted(topic: str) -> None:
    source = T17 / topic / "articles.jsonl"
    records = sum(1 for line in source.read_text(encoding="utf-8").splitlines() if line.strip())
    config = Config(cache_dir=str(ROOT / ".timeline-cache"), title=topic)
    timeline = extract_timeline([source], config)
    assert len(timeline.results) == records
    faults = [m for r in timeline.results for m in r.article.messages if "please report" in m]
    assert not faults, "\n".join(faults[:10])
    extracted = [r for r in timeline.results if r.article.status is not Status.SKIPPED]
    assert len(extracted) >= 0.95 * records
    assert sum(1 for r in extracted if r.timexes) >= 0.9 * len(extracted)
    assert timeline.events
    # the export of the whole topic is valid JSON with every article in it
    from timeline.serialize import timeline_to_dict

    exported = json.loads(json.dumps(timeline_to_dict(timeline)))
    assert len(exported["articles"]) == records
