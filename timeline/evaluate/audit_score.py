"""Scores a timeline against the event audit, the way a reader would judge it.

Precision is measured on a random sample of the events the code makes *now*: events that
contain an audited statement, plus events new since sampling whose key hashes into the
sample at the original rate. Whatever a verdict does not decide is returned as pending
work for a reader, with the text to judge; the audited statements that no longer make an
event are counted both ways (non-events removed, real events lost).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from timeline.evaluate.audit import (
    ENTITY_KINDS,
    Audit,
    EventVerdict,
    MentionKey,
    PairVerdict,
    date_verdict,
    digest,
    in_sample,
    key_digest,
    name_key,
    page_name,
)
from timeline.types import Event, EventMention

PAIRS_PER_EVENT = 4
"""Other sources of a merged event whose merge with the audited statement is judged."""


@dataclass(slots=True)
class Tally:
    """Judged and positive counts of one measure; `pending` awaits a reader."""

    judged: int = 0
    good: int = 0
    pending: int = 0

    def add(self, verdict: bool | None) -> None:
        if verdict is None:
            self.pending += 1
        else:
            self.judged += 1
            self.good += verdict

    @property
    def rate(self) -> float | None:
        return self.good / self.judged if self.judged else None


@dataclass(slots=True)
class TopicScore:
    topic: str
    events: int = 0  # events in the sample now
    worth: Tally = field(default_factory=Tally)
    date: Tally = field(default_factory=Tally)
    text: Tally = field(default_factory=Tally)
    merge: Tally = field(default_factory=Tally)  # merged pairs that are one happening
    recall: Tally = field(default_factory=Tally)  # same-happening pairs merged now
    entities: Tally = field(default_factory=Tally)
    tasks: int = 0  # things a reader has yet to judge
    kept_good: int = 0  # audited statements (original sample) still events, by verdict
    lost_good: int = 0
    removed_bad: int = 0


@dataclass(slots=True)
class TopicResult:
    score: TopicScore
    pending: list[dict[str, Any]]


def score_topic(audit: Audit, topic: str, events: Sequence[Event]) -> TopicResult:
    """Score the events made for `topic` against its verdicts."""
    sample = audit.topics[topic]
    verdicts = [v for v in audit.events if v.topic == topic]
    pairs = {frozenset((p.a.id, p.b.id)): p for p in audit.pairs if p.topic == topic}
    score = TopicScore(topic=topic)
    pending: list[dict[str, Any]] = []
    located = _locate(events)
    _score_retention(score, verdicts, located)
    for event in events:
        anchor, verdict = _anchor(event, verdicts, sample.known, topic, sample.rate)
        if anchor is None:
            continue
        score.events += 1
        pending.extend(_score_event(score, topic, event, anchor, verdict))
        for other in _others(topic, event, anchor):
            pair = pairs.get(frozenset((MentionKey.of(anchor).id, MentionKey.of(other).id)))
            score.merge.add(None if pair is None else pair.same)
            if pair is None:
                pending.append(_pair_task(topic, anchor, other, merged=True))
    _score_recall(score, pairs.values(), located)
    pending.extend(_score_entities(audit, topic, events, score))
    score.tasks = len(pending)
    return TopicResult(score=score, pending=pending)


def _score_retention(
    score: TopicScore,
    verdicts: Iterable[EventVerdict],
    located: dict[str, list[tuple[MentionKey, Event]]],
) -> None:
    """What became of the statements sampled before the code changed."""
    for verdict in verdicts:
        if verdict.original:
            found = _find(located, verdict.key) is not None
            if verdict.worth:
                score.kept_good += found
                score.lost_good += not found
            else:
                score.removed_bad += not found


def _score_event(
    score: TopicScore,
    topic: str,
    event: Event,
    anchor: EventMention,
    verdict: EventVerdict | None,
) -> list[dict[str, Any]]:
    """Tally one sampled event; the task for a reader if a verdict does not decide it."""
    if verdict is None:
        for tally in (score.worth, score.date, score.text):
            tally.add(None)
        return [_event_task(topic, event, anchor, ["worth", "gold_date", "date_right", "text"])]
    score.worth.add(verdict.worth)
    right = date_verdict(verdict, event.date)
    score.date.add(right)
    good = verdict.texts.get(digest(event.headline))
    score.text.add(None if good is None else good == "good")
    needs = (["date_right"] if right is None else []) + (["text"] if good is None else [])
    return [_event_task(topic, event, anchor, needs)] if needs else []


def _locate(events: Iterable[Event]) -> dict[str, list[tuple[MentionKey, Event]]]:
    """Mentions by article, with the event each belongs to."""
    by_article: dict[str, list[tuple[MentionKey, Event]]] = defaultdict(list)
    for event in events:
        for mention in event.mentions:
            by_article[mention.article].append((MentionKey.of(mention), event))
    return by_article


def _find(located: dict[str, list[tuple[MentionKey, Event]]], key: MentionKey) -> Event | None:
    return next((ev for k, ev in located.get(key.article, ()) if k.overlaps(key)), None)


def _anchor(
    event: Event,
    verdicts: Sequence[EventVerdict],
    known: frozenset[str],
    topic: str,
    rate: float,
) -> tuple[EventMention | None, EventVerdict | None]:
    """The audited statement that puts `event` in the sample, with its verdict; a new
    event's own first statement if it hashes into the sample; else (None, None)."""
    mentions = sorted(event.mentions, key=MentionKey.of)
    for mention in mentions:
        key = MentionKey.of(mention)
        for verdict in verdicts:
            if verdict.key.overlaps(key):
                return mention, verdict
    if any(key_digest(MentionKey.of(m)) in known for m in mentions):
        return None, None  # an event that existed when sampled, and was not drawn
    first = MentionKey.of(mentions[0])
    return (mentions[0], None) if in_sample(topic, first.id, rate) else (None, None)


def _others(topic: str, event: Event, anchor: EventMention) -> list[EventMention]:
    """Up to `PAIRS_PER_EVENT` mentions of other articles, one per article, in a fixed
    pseudo-random order."""
    first: dict[str, EventMention] = {}
    for mention in sorted(event.mentions, key=MentionKey.of):
        if mention.article != anchor.article:
            first.setdefault(mention.article, mention)
    anchor_id = MentionKey.of(anchor).id

    def order(mention: EventMention) -> str:
        text = f"{topic}|{anchor_id}|{MentionKey.of(mention).id}"
        return hashlib.sha256(text.encode()).hexdigest()

    return sorted(first.values(), key=order)[:PAIRS_PER_EVENT]


def _score_recall(
    score: TopicScore,
    pairs: Iterable[PairVerdict],
    located: dict[str, list[tuple[MentionKey, Event]]],
) -> None:
    for pair in pairs:
        if not pair.same:
            continue
        a, b = _find(located, pair.a), _find(located, pair.b)
        if a is not None and b is not None:  # a statement no longer an event: no pair to judge
            score.recall.add(a.id == b.id)


def entity_pages(events: Iterable[Event]) -> set[tuple[str, str]]:
    """(kind, name) of every entity page the events give rise to."""
    return {
        (ENTITY_KINDS[e.label], e.text)
        for event in events
        for e in (event.entities or tuple(x for m in event.mentions for x in m.entities))
        if e.label in ENTITY_KINDS
    }


def _score_entities(
    audit: Audit, topic: str, events: Sequence[Event], score: TopicScore
) -> list[dict[str, Any]]:
    """Each sampled entity page scored by the verdict on its own name, written exactly as
    the page shows it: a verdict on "CAIRO" (a dateline) says nothing of a page "Cairo".
    A page whose name has no verdict while a look-alike of it (another case, accents, a
    "the") was judged is in the sample as its key was drawn, and pending until a reader
    judges the name it now shows; other pages new since sampling enter the sample by
    the hash of their key at the original rate."""
    sample = audit.topics[topic]
    judged = {page_name(v.name): v for v in audit.entities if v.topic == topic}
    drawn = {name_key(v.name) for v in audit.entities if v.topic == topic}
    pending = []
    for kind, name in sorted(entity_pages(events)):
        key = name_key(name)
        verdict = judged.get(page_name(name))
        if verdict is None:
            if key not in drawn and (
                digest(key)[:10] in sample.known_pages
                or not in_sample(topic, key, sample.page_rate)
            ):
                continue
            score.entities.add(None)
            pending.append({"kind": "entity", "topic": topic, "name": name, "page_kind": kind})
        else:
            score.entities.add(verdict.entity and verdict.kind == kind)
    return pending


def _event_task(topic: str, event: Event, anchor: EventMention, needs: list[str]) -> dict[str, Any]:
    """What a reader needs to judge an event (for a file outside the repository)."""
    task: dict[str, Any] = {"kind": "event", "topic": topic, "key": MentionKey.of(anchor).id}
    task |= {"date": event.date, "headline": event.headline, "sentence": anchor.sentence}
    task |= {"sentence_span": [anchor.start, anchor.end], "needs": needs}
    if anchor.timex is not None:
        task["timex_text"] = anchor.timex.text
    return task


def _pair_task(topic: str, a: EventMention, b: EventMention, *, merged: bool) -> dict[str, Any]:
    return {
        "kind": "pair",
        "topic": topic,
        "a": MentionKey.of(a).id,
        "b": MentionKey.of(b).id,
        "merged": merged,
        "a_sentence": a.sentence,
        "b_sentence": b.sentence,
    }


def format_report(scores: Sequence[TopicScore], held_out: Sequence[str] = ()) -> str:
    """One line per topic (held-out ones marked) and a pooled line; `-` where nothing is
    judged; pending counts show what a reader still has to judge."""

    def pct(tally: Tally) -> str:
        rate = tally.rate
        return "     -" if rate is None else f"{100 * rate:6.1f}"

    head = f"{'topic':<34} {'events':>6} {'worth':>6} {'date':>6} {'text':>6}"
    head += f" {'mergeP':>6} {'mergeR':>6} {'entity':>6} {'pending':>7}"
    head += f" {'kept+':>5} {'lost+':>5} {'gone-':>5}"
    lines = [head]
    pooled = TopicScore(topic="pooled")
    for s in scores:
        name = s.topic + (" (held out)" if s.topic in held_out else "")
        lines.append(_line(name, s, pct))
        for tally in ("worth", "date", "text", "merge", "recall", "entities"):
            total, part = getattr(pooled, tally), getattr(s, tally)
            total.judged += part.judged
            total.good += part.good
            total.pending += part.pending
        pooled.events += s.events
        pooled.tasks += s.tasks
        pooled.kept_good += s.kept_good
        pooled.lost_good += s.lost_good
        pooled.removed_bad += s.removed_bad
    lines.append(_line("pooled", pooled, pct))
    counts = ", ".join(
        f"{label} {t.good}/{t.judged}"
        for label, t in (
            ("worth", pooled.worth),
            ("date", pooled.date),
            ("text", pooled.text),
            ("mergeP", pooled.merge),
            ("mergeR", pooled.recall),
            ("entity", pooled.entities),
        )
    )
    lines.append(f"pooled, judged items behind each share: {counts}")
    lines.append(
        "worth/date/text: share of sampled events; mergeP: merged pairs that are one"
        " happening; mergeR: same-happening pairs merged; entity: pages of a real name and"
        " the right kind; kept+/lost+: audited real events still shown/gone;"
        " gone-: audited non-events no longer shown"
    )
    return "\n".join(lines)


def _line(name: str, s: TopicScore, pct: Any) -> str:
    return (
        f"{name[:34]:<34} {s.events:>6} {pct(s.worth)} {pct(s.date)} {pct(s.text)}"
        f" {pct(s.merge)} {pct(s.recall)} {pct(s.entities)} {s.tasks:>7}"
        f" {s.kept_good:>5} {s.lost_good:>5} {s.removed_bad:>5}"
    )
