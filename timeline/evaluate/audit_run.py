"""`timeline eval events`: build each audited topic with the real pipeline and score it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from timeline.config import Config
from timeline.errors import InputError
from timeline.evaluate.audit import apply_judgments, load_audit, save_audit
from timeline.evaluate.audit_score import TopicScore, format_report, score_topic
from timeline.pipeline.stages import extract_timeline

HELD_OUT = ("Finan_washingtonpost",)
"""The story no choice of the event or merge code was tuned on: its figures are the ones
that say how the code does on a story it has never seen."""


def run_audit(
    audit_path: Path,
    data: Path,
    *,
    cache_dir: str = ".timeline-cache",
    topics: Sequence[str] = (),
    pending: Path | None = None,
    judged: Path | None = None,
) -> str:
    """Fold in `judged` answers (if any), score every audited topic (or `topics`), write
    what is left to judge to `pending`, and return the report."""
    audit = load_audit(audit_path)
    if judged is not None:
        used = apply_judgments(audit, _read_tasks(judged))
        save_audit(audit, audit_path)
        note = f"{used} answers from {judged} added to {audit_path}\n"
    else:
        note = ""
    chosen = list(topics) or sorted(audit.topics)
    scores: list[TopicScore] = []
    tasks: list[dict[str, Any]] = []
    for topic in chosen:
        if topic not in audit.topics:
            raise InputError(f"{audit_path}: no topic {topic!r} in the audit")
        source = data / topic / "articles.jsonl"
        if not source.is_file():
            raise InputError(f"{source}: not found (the audit's topics live in {data})")
        config = Config(inputs=(str(source),), cache_dir=cache_dir)
        timeline = extract_timeline([source], config)
        result = score_topic(audit, topic, timeline.events)
        scores.append(result.score)
        tasks.extend(result.pending)
    if pending is not None:
        with pending.open("w", encoding="utf-8") as out:
            for task in tasks:
                out.write(json.dumps(task, ensure_ascii=False) + "\n")
        note += f"{len(tasks)} things to judge written to {pending}\n"
    return note + format_report(scores, held_out=HELD_OUT)


def _read_tasks(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as error:
        raise InputError(f"{path}: not a file of judged tasks ({error})") from error
