"""The event audit: verdicts kept by position, scored on the events the code makes now."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.evaluate.audit import (
    Audit,
    EntityVerdict,
    EventVerdict,
    MentionKey,
    PairVerdict,
    TopicSample,
    apply_judgments,
    date_verdict,
    digest,
    key_digest,
    load_audit,
    name_key,
    save_audit,
)
from timeline.evaluate.audit_score import format_report, score_topic
from timeline.types import Entity, Event, EventMention, Timex

TOPIC = "storm"


def mention(article: str, start: int, date: str, sentence: str = "It hit.") -> EventMention:
    timex = Timex(start=start, end=start + 6, text="Monday", type="DATE", value=date)
    return EventMention(
        article=article,
        sentence=sentence,
        start=start - 10,
        end=start + 20,
        date=date,
        headline=sentence,
        timex=timex,
    )


def event(eid: str, date: str, headline: str, *mentions: EventMention, **kw: object) -> Event:
    return Event(id=eid, date=date, headline=headline, mentions=mentions, **kw)  # type: ignore[arg-type]


def key(article: str, start: int) -> MentionKey:
    return MentionKey(article, start, start + 6)


def audit_of(*verdicts: EventVerdict, known: tuple[MentionKey, ...] = (), rate: int = 1) -> Audit:
    audit = Audit()
    audit.topics[TOPIC] = TopicSample(
        topic=TOPIC,
        events=100,
        sampled=rate,
        known=frozenset(key_digest(k) for k in known),
    )
    audit.events.extend(verdicts)
    return audit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a1@10-16", MentionKey("a1", 10, 16)),
        ("a@b@3-9", MentionKey("a@b", 3, 9)),
        ("x@s0-40", MentionKey("x", 0, 40, timex=False)),
    ],
)
def test_mention_keys_round_trip(text: str, expected: MentionKey) -> None:
    assert MentionKey.parse(text) == expected
    assert expected.id == text


def test_a_key_without_offsets_is_refused() -> None:
    with pytest.raises(ValueError, match="not a mention key"):
        MentionKey.parse("article-only")


@pytest.mark.parametrize(
    ("gold", "dates", "shown", "right"),
    [
        ("2010-01-12", {}, "2010-01-12", True),
        ("2010-01-12", {}, "2010-01-13", False),  # another day
        ("2010-01", {}, "2010-01-12", False),  # more precise than the text supports
        ("2010-01-12", {}, "2010-01", None),  # coarser: a reader decides
        ("2010-01-12", {"2010-01": True}, "2010-01", True),  # ... and did
        (None, {}, "2010-01-12", None),  # no happening: a reader decides
        ("2010-01-12", {}, "P3D", None),  # not a calendar value
    ],
)
def test_date_verdicts_are_derived_only_when_certain(
    gold: str | None, dates: dict[str, bool], shown: str, right: bool | None
) -> None:
    verdict = EventVerdict(topic=TOPIC, key=key("a", 0), worth=True, gold_date=gold, dates=dates)
    assert date_verdict(verdict, shown) is right


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Haiti", "haiti"),
        ("the United Nations", "United Nations"),
        ("Préval", "Preval"),
        ("BP's", "BP"),
    ],
)
def test_names_a_reader_takes_as_one_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_judged_events_score_and_changed_texts_are_pending() -> None:
    judged = EventVerdict(
        topic=TOPIC,
        key=key("a", 100),
        worth=True,
        gold_date="2010-01-12",
        dates={"2010-01-12": True},
        texts={digest("The quake struck."): "good"},
        original=True,
    )
    same = event("e1", "2010-01-12", "The quake struck.", mention("a", 100, "2010-01-12"))
    score = score_topic(audit_of(judged), TOPIC, [same]).score
    assert (score.events, score.worth.rate, score.date.rate, score.text.rate) == (1, 1, 1, 1)
    assert score.tasks == 0
    reworded = event("e1", "2010-01-13", "Quake.", mention("a", 100, "2010-01-13"))
    result = score_topic(audit_of(judged), TOPIC, [reworded])
    assert result.score.date.rate == 0  # decided by the gold date
    assert result.score.text.pending == 1
    (task,) = result.pending
    assert task["needs"] == ["text"] and task["headline"] == "Quake."


def test_statements_no_longer_events_are_counted_by_verdict() -> None:
    good = EventVerdict(topic=TOPIC, key=key("a", 0), worth=True, gold_date=None, original=True)
    bad = EventVerdict(topic=TOPIC, key=key("b", 0), worth=False, gold_date=None, original=True)
    score = score_topic(audit_of(good, bad), TOPIC, []).score
    assert (score.lost_good, score.removed_bad, score.events) == (1, 1, 0)


def test_new_events_join_the_sample_by_hash_and_old_unsampled_ones_never() -> None:
    old = key("old", 0)
    events = [
        event(f"n{i}", "2010-01-12", "New.", mention(f"new{i}", 0, "2010-01-12"))
        for i in range(200)
    ]
    events.append(event("o", "2010-01-12", "Old.", mention("old", 0, "2010-01-12")))
    score = score_topic(audit_of(known=(old,), rate=10), TOPIC, events).score
    assert 5 <= score.events <= 40  # about 10% of the 200 new events, never the old one
    again = score_topic(audit_of(known=(old,), rate=10), TOPIC, events).score
    assert again.events == score.events  # membership is a hash, not a draw
    assert score.worth.pending == score.events


def test_merged_pairs_use_pair_verdicts_and_recall_counts_same_pairs() -> None:
    anchor = mention("a", 0, "2010-01-12")
    other = mention("b", 50, "2010-01-12")
    verdict = EventVerdict(topic=TOPIC, key=key("a", 0), worth=True, gold_date="2010-01-12")
    audit = audit_of(verdict)
    audit.pairs.append(PairVerdict(topic=TOPIC, a=key("a", 0), b=key("b", 50), same=False))
    audit.pairs.append(PairVerdict(topic=TOPIC, a=key("a", 0), b=key("c", 9), same=True))
    merged = event("e", "2010-01-12", "It hit.", anchor, other)
    alone = event("f", "2010-01-12", "It hit.", mention("c", 9, "2010-01-12"))
    score = score_topic(audit, TOPIC, [merged, alone]).score
    assert (score.merge.judged, score.merge.good) == (1, 0)
    assert (score.recall.judged, score.recall.good) == (1, 0)


def test_entity_pages_are_scored_by_name_and_kind() -> None:
    audit = audit_of()
    audit.topics[TOPIC].pages, audit.topics[TOPIC].pages_sampled = 10, 10
    audit.entities.append(EntityVerdict(topic=TOPIC, name="Haiti", entity=True, kind="place"))
    audit.entities.append(EntityVerdict(topic=TOPIC, name="State", entity=False, kind=None))
    places = (Entity(text="Haiti", label="GPE"), Entity(text="State", label="ORG"))
    people = (Entity(text="Haiti", label="PERSON"),)
    events = [
        event("e", "2010", "x", mention("a", 0, "2010"), entities=places),
        event("f", "2010", "y", mention("b", 0, "2010"), entities=people),
    ]
    score = score_topic(audit, TOPIC, events).score
    assert (score.entities.judged, score.entities.good, score.entities.pending) == (3, 1, 0)


def test_a_verdict_on_a_look_alike_leaves_the_page_pending() -> None:
    """A reader judged the dateline "CAIRO" (no entity); the page now shows the city as
    "Cairo": that page waits for its own verdict instead of taking the dateline's."""
    audit = audit_of()
    audit.topics[TOPIC].pages, audit.topics[TOPIC].pages_sampled = 1000, 1  # hash: none drawn
    audit.entities.append(EntityVerdict(topic=TOPIC, name="CAIRO", entity=False, kind=None))
    audit.entities.append(EntityVerdict(topic=TOPIC, name="Suez", entity=True, kind="place"))
    found = (Entity(text="Cairo", label="GPE"), Entity(text="Suez", label="GPE"))
    events = [event("e", "2011", "x", mention("a", 0, "2011"), entities=found)]
    result = score_topic(audit, TOPIC, events)
    assert (result.score.entities.judged, result.score.entities.good) == (1, 1)
    assert result.score.entities.pending == 1
    assert [t["name"] for t in result.pending if t["kind"] == "entity"] == ["Cairo"]
    answer = {"kind": "entity", "topic": TOPIC, "name": "Cairo", "entity": True}
    assert apply_judgments(audit, [answer | {"gold_kind": "place"}]) == 1
    assert sorted(v.name for v in audit.entities) == ["CAIRO", "Cairo", "Suez"]  # both kept
    again = score_topic(audit, TOPIC, events).score.entities
    assert (again.judged, again.good, again.pending) == (2, 2, 0)


def test_audit_files_round_trip_and_fold_in_answers(tmp_path: Path) -> None:
    audit = audit_of(
        EventVerdict(topic=TOPIC, key=key("a", 0), worth=True, gold_date=None, original=True),
        known=(key("a", 0),),
    )
    path = tmp_path / "audit.jsonl"
    save_audit(audit, path)
    loaded = load_audit(path)
    assert loaded.topics[TOPIC].known == audit.topics[TOPIC].known
    answers = [
        {
            "kind": "event",
            "topic": TOPIC,
            "key": "a@0-6",
            "date": "2010-01",
            "date_right": True,
            "headline": "H.",
            "text": "awkward",
        },
        {
            "kind": "event",
            "topic": TOPIC,
            "key": "z@s0-9",
            "worth": False,
            "gold_date": None,
            "date": "2010",
            "date_right": False,
            "headline": "Z.",
            "text": "wrong",
        },
        {"kind": "event", "topic": TOPIC, "key": "y@0-6", "date": "2010"},  # unanswered
        {"kind": "pair", "topic": TOPIC, "a": "a@0-6", "b": "z@s0-9", "same": False},
        {
            "kind": "entity",
            "topic": TOPIC,
            "name": "BP",
            "entity": True,
            "gold_kind": "organisation",
        },
    ]
    assert apply_judgments(loaded, answers) == 4
    save_audit(loaded, path)
    again = load_audit(path)
    first = next(v for v in again.events if v.key == key("a", 0))
    assert first.dates == {"2010-01": True} and first.texts == {digest("H."): "awkward"}
    assert len(again.events) == 2 and len(again.pairs) == 1 and len(again.entities) == 1
    assert "H." not in path.read_text(encoding="utf-8")  # texts are kept as digests only


def test_a_broken_audit_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    path.write_text('{"kind": "event", "topic": "t"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"audit.jsonl:1"):
        load_audit(path)


def test_report_marks_held_out_topics_and_pools() -> None:
    verdict = EventVerdict(
        topic=TOPIC,
        key=key("a", 0),
        worth=True,
        gold_date="2010-01-12",
        dates={"2010-01-12": True},
        texts={digest("x"): "good"},
    )
    score = score_topic(
        audit_of(verdict), TOPIC, [event("e", "2010-01-12", "x", mention("a", 0, "2010-01-12"))]
    ).score
    text = format_report([score], held_out=[TOPIC])
    assert "storm (held out)" in text and "pooled" in text
    assert "100.0" in text.splitlines()[1]
    # the shares come with the number of judged items behind them
    assert "worth 1/1, date 1/1, text 1/1, mergeP 0/0" in text
