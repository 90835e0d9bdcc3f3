"""The event audit: a reader's verdicts on a random sample of events, kept by position.

An audit file (JSON lines) holds no article text, only where each judged thing is and what
a reader said of it, so it can live beside the code while the articles stay where they are:

- `topic`: how the sample was drawn (events at the time, how many sampled, the keys of
  every mention that existed then), so events the code makes later can be sampled at the
  same rate and judged too;
- `event`: one statement, keyed by article and the offsets of its date phrase (or of its
  sentence when it took the publication date): whether it is worth an entry, the date it
  happened (`gold_date`), the dates and texts shown for it with their verdicts;
- `pair`: two mentions from different articles, the same happening or not;
- `entity`: a name, whether it deserves a page, and its kind.

Readers' notes stay with the judging files, outside the repository: they quote articles.
Verdicts are tied to what was judged: a new text or a date the verdicts do not decide is
*pending* (listed to be judged), never guessed and never dropped.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.errors import InputError
from timeline.timex.lang import ENGLISH
from timeline.types import DateValue, EventMention

ENTITY_KINDS = {
    label: kind
    for kind, meaning in (
        ("person", "people"),
        ("organisation", "organisations"),
        ("place", "places"),
    )
    for label in ENGLISH.entities[meaning]
}
"""The kinds of entity that get a page, by the model's label (from the syntax data)."""


@dataclass(frozen=True, slots=True, order=True)
class MentionKey:
    """Where a statement is: its article and the offsets of its date phrase, or of its
    sentence when it has none (it took the publication date)."""

    article: str
    start: int
    end: int
    timex: bool = True

    @staticmethod
    def of(mention: EventMention) -> MentionKey:
        if mention.timex is not None:
            return MentionKey(mention.article, mention.timex.start, mention.timex.end)
        return MentionKey(mention.article, mention.start, mention.end, timex=False)

    @property
    def id(self) -> str:
        return f"{self.article}@{'' if self.timex else 's'}{self.start}-{self.end}"

    @staticmethod
    def parse(text: str) -> MentionKey:
        article, _, span = text.rpartition("@")
        timex = not span.startswith("s")
        start, _, end = span.lstrip("s").partition("-")
        if not article or not start.isdigit() or not end.isdigit():
            raise ValueError(f"not a mention key: {text!r}")
        return MentionKey(article, int(start), int(end), timex)

    def overlaps(self, other: MentionKey) -> bool:
        """Same statement: the same date phrase, or overlapping sentences without one."""
        if self.article != other.article or self.timex != other.timex:
            return False
        if self.timex:
            return (self.start, self.end) == (other.start, other.end)
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class TopicSample:
    topic: str
    events: int
    sampled: int
    known: frozenset[str]  # `key_digest` of every mention that existed when sampled
    pages: int = 0  # entity pages at the time, how many sampled, and their `name_key`s
    pages_sampled: int = 0
    known_pages: frozenset[str] = frozenset()

    @property
    def rate(self) -> float:
        return self.sampled / self.events if self.events else 0.0

    @property
    def page_rate(self) -> float:
        return self.pages_sampled / self.pages if self.pages else 0.0


@dataclass(slots=True)
class EventVerdict:
    topic: str
    key: MentionKey
    worth: bool
    gold_date: str | None
    dates: dict[str, bool] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # text digest -> good/awkward/wrong
    original: bool = False  # in the sample drawn before the code changed


@dataclass(frozen=True, slots=True)
class PairVerdict:
    topic: str
    a: MentionKey
    b: MentionKey
    same: bool


@dataclass(frozen=True, slots=True)
class EntityVerdict:
    topic: str
    name: str
    entity: bool
    kind: str | None


@dataclass(slots=True)
class Audit:
    topics: dict[str, TopicSample] = field(default_factory=dict)
    events: list[EventVerdict] = field(default_factory=list)
    pairs: list[PairVerdict] = field(default_factory=list)
    entities: list[EntityVerdict] = field(default_factory=list)


def digest(text: str) -> str:
    """A short fingerprint of judged text: enough to tell a text changed, not to recover it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def key_digest(key: MentionKey) -> str:
    return digest(key.id)[:10]


def name_key(name: str) -> str:
    """The key a name was sampled by: case, accents, a leading "the" and a possessive
    aside. It decides which pages are in the sample, never which verdict scores a page
    (`page_name`): "CAIRO" and "Cairo" share a key, not a verdict."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold().strip()
    folded = folded.removesuffix("'s").removesuffix("\u2019s").strip()
    return folded.removeprefix("the ").strip()


def page_name(name: str) -> str:
    """The name an entity page shows, as a verdict is matched to it: exactly as written
    (only its spacing made plain), so a judged look-alike never stands in for it."""
    return " ".join(name.split())


def in_sample(topic: str, key: str, rate: float) -> bool:
    """Whether a thing first seen after sampling belongs to the sample: a hash of its key
    below the sampling rate, so membership never changes between runs."""
    value = int(hashlib.sha256(f"{topic}|{key}".encode()).hexdigest()[:8], 16)
    return value / 0xFFFFFFFF < rate


def date_verdict(verdict: EventVerdict, date: str) -> bool | None:
    """Is `date` right for the statement? None: a reader must say (never guessed)."""
    if date in verdict.dates:
        return verdict.dates[date]
    if verdict.gold_date is None:
        return None
    if date == verdict.gold_date:
        return True
    shown, gold = DateValue.parse(date), DateValue.parse(verdict.gold_date)
    if shown is None or gold is None:
        return None
    if not shown.overlaps(gold) or shown.granularity.rank > gold.granularity.rank:
        return False  # another period, or more precise than the text supports
    return None  # coarser than the gold date: whether that misleads is a reader's call


def load_audit(path: Path) -> Audit:
    audit = Audit()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: cannot read the audit ({error.strerror})") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            _add(audit, json.loads(line))
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}: not an audit record ({error})") from error
    return audit


def _add(audit: Audit, record: dict[str, Any]) -> None:
    kind = record["kind"]
    topic = str(record["topic"])
    if kind == "topic":
        audit.topics[topic] = TopicSample(
            topic=topic,
            events=int(record["events"]),
            sampled=int(record["sampled"]),
            known=frozenset(record["known"]),
            pages=int(record.get("pages", 0)),
            pages_sampled=int(record.get("pages_sampled", 0)),
            known_pages=frozenset(record.get("known_pages", ())),
        )
    elif kind == "event":
        audit.events.append(
            EventVerdict(
                topic=topic,
                key=MentionKey.parse(record["key"]),
                worth=bool(record["worth"]),
                gold_date=record.get("gold_date"),
                dates={str(k): bool(v) for k, v in record.get("dates", {}).items()},
                texts={str(k): str(v) for k, v in record.get("texts", {}).items()},
                original=bool(record.get("original", False)),
            )
        )
    elif kind == "pair":
        audit.pairs.append(
            PairVerdict(
                topic=topic,
                a=MentionKey.parse(record["a"]),
                b=MentionKey.parse(record["b"]),
                same=bool(record["same"]),
            )
        )
    elif kind == "entity":
        audit.entities.append(
            EntityVerdict(
                topic=topic,
                name=str(record["name"]),
                entity=bool(record["entity"]),
                kind=record.get("gold_kind"),
            )
        )
    else:
        raise ValueError(f"unknown kind {kind!r}")


def records(audit: Audit) -> list[dict[str, Any]]:
    """The audit as JSON records, in a stable order (topic, kind, key)."""
    out: list[dict[str, Any]] = []
    for topic in sorted(audit.topics):
        sample = audit.topics[topic]
        out.append(
            {
                "kind": "topic",
                "topic": topic,
                "events": sample.events,
                "sampled": sample.sampled,
                "known": sorted(sample.known),
                "pages": sample.pages,
                "pages_sampled": sample.pages_sampled,
                "known_pages": sorted(sample.known_pages),
            }
        )
        for ev in sorted((e for e in audit.events if e.topic == topic), key=lambda e: e.key):
            record: dict[str, Any] = {"kind": "event", "topic": topic, "key": ev.key.id}
            record |= {"worth": ev.worth, "gold_date": ev.gold_date}
            record |= {"dates": dict(sorted(ev.dates.items()))}
            record |= {"texts": dict(sorted(ev.texts.items())), "original": ev.original}
            out.append(record)
        for pair in sorted((p for p in audit.pairs if p.topic == topic), key=lambda p: (p.a, p.b)):
            record = {"kind": "pair", "topic": topic, "a": pair.a.id, "b": pair.b.id}
            record["same"] = pair.same
            out.append(record)
        for ent in sorted(
            (e for e in audit.entities if e.topic == topic),
            key=lambda e: (name_key(e.name), e.name),
        ):
            record = {"kind": "entity", "topic": topic, "name": ent.name}
            record |= {"entity": ent.entity, "gold_kind": ent.kind}
            out.append(record)
    return out


def save_audit(audit: Audit, path: Path) -> None:
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=False) for r in records(audit)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def apply_judgments(audit: Audit, judged: list[dict[str, Any]]) -> int:
    """Fold a reader's answers to pending tasks into the audit; returns how many were used.

    An event task carries `worth`/`gold_date` (new statements), `date_right` for the date
    shown and `text` for the headline shown; pair tasks `same`; entity tasks `entity` and
    `gold_kind`. Answers missing a required field are not used.
    """
    used = 0
    for task in judged:
        kind, topic = task.get("kind"), str(task.get("topic"))
        if kind == "event":
            used += _judge_event(audit, topic, task)
        elif kind == "pair" and isinstance(task.get("same"), bool):
            pair = PairVerdict(
                topic=topic,
                a=MentionKey.parse(task["a"]),
                b=MentionKey.parse(task["b"]),
                same=task["same"],
            )
            audit.pairs[:] = [
                p
                for p in audit.pairs
                if not (p.topic == topic and {p.a.id, p.b.id} == {pair.a.id, pair.b.id})
            ]
            audit.pairs.append(pair)
            used += 1
        elif kind == "entity" and isinstance(task.get("entity"), bool):
            name = page_name(str(task["name"]))
            audit.entities[:] = [
                e for e in audit.entities if not (e.topic == topic and page_name(e.name) == name)
            ]
            audit.entities.append(
                EntityVerdict(
                    topic=topic,
                    name=str(task["name"]),
                    entity=task["entity"],
                    kind=task.get("gold_kind"),
                )
            )
            used += 1
    return used


def _judge_event(audit: Audit, topic: str, task: dict[str, Any]) -> bool:
    key = MentionKey.parse(task["key"])
    verdict = next((v for v in audit.events if v.topic == topic and v.key == key), None)
    if verdict is None:
        if not isinstance(task.get("worth"), bool) or "gold_date" not in task:
            return False
        verdict = EventVerdict(
            topic=topic, key=key, worth=task["worth"], gold_date=task["gold_date"]
        )
        audit.events.append(verdict)
    if isinstance(task.get("date_right"), bool):
        verdict.dates[str(task["date"])] = task["date_right"]
    if task.get("text") in {"good", "awkward", "wrong"}:
        verdict.texts[digest(str(task["headline"]))] = str(task["text"])
    return True
