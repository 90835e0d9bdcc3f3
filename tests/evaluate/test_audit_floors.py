"""The event audit's floors: what a reader sees, judged by reading the articles.

Over the audited events of the five development topics (pooled), at least 95% must show a
faithful text, 90% be worth an entry and 93% carry the right date; and nothing may be left
unjudged, since a pending item is not known to be good.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluate.audit import load_audit
from timeline.evaluate.audit_score import Tally, score_topic

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "tests" / "audit" / "events.jsonl"
T17 = ROOT.parent / "shared" / "data" / "t17"
FLOORS = {"text": 0.95, "worth": 0.90, "date": 0.93}


def _pooled() -> dict[str, Tally]:
    from timeline.config import Config
    from timeline.pipeline.stages import extract_timeline

    audit = load_audit(AUDIT)
    pooled = {name: Tally() for name in FLOORS}
    for topic in sorted(audit.topics):
        source = T17 / topic / "articles.jsonl"
        timeline = extract_timeline([source], Config(inputs=(str(source),)))
        score = score_topic(audit, topic, timeline.events).score
        for name, tally in pooled.items():
            part: Tally = getattr(score, name)
            tally.judged += part.judged
            tally.good += part.good
            tally.pending += part.pending
    return pooled


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason=(
        "below the floors: before this change text 12.6%, worth 40.8%, date 60.6% pooled; "
        "after it the changed items await a reader's verdict (see the README's audit table)"
    ),
)
def test_audit_meets_the_floors() -> None:
    if not T17.exists():
        pytest.skip("Timeline17 development data not present")
    pooled = _pooled()
    assert all(t.pending == 0 for t in pooled.values()), {
        name: t.pending for name, t in pooled.items()
    }
    for name, floor in FLOORS.items():
        rate = pooled[name].rate
        assert rate is not None and rate >= floor, (name, rate, floor)
