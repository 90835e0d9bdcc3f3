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
from timeline.pipeline.stages import extract_timeline
from timeline.store.serialize import timeline_to_dict
from timeline.types import Status

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
    for result in timeline.results:  # anything not extracted says why, naming its file
        if result.article.status is Status.SKIPPED:
            assert any(source.name in m for m in result.article.messages), result.article
    assert sum(len(r.timexes) for r in timeline.results) > 0
    assert timeline.events
    # the export of the whole topic is valid JSON with every article in it
    exported = json.loads(json.dumps(timeline_to_dict(timeline)))
    assert len(exported["articles"]) == records
