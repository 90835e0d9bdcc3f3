"""Reports of one happening worded afresh: a name tagged with another type is no
different participant, and two groups reporting one act on one day join when
enough of their sources link, not only when every pair does."""

from __future__ import annotations

from dataclasses import replace

from test_merge_evidence import ARTICLES, groups, said

from timeline.merge import merge_mentions
from timeline.types import Entity, EventMention


def _act(m: EventMention, verb: str) -> EventMention:
    return replace(m, predicate=verb)


def test_a_name_tagged_with_another_type_is_the_same_participant() -> None:
    day = _act(
        said(
            "a",
            "The Horizon rig sank in the gulf on 3 March, the harbour authority said.",
            "3 March",
            "2021-03-03",
            ("Horizon", "ORG"),
            lemmas="horizon rig sink gulf harbour authority",
        ),
        "sank",
    )
    month = _act(
        said(
            "b",
            "In March the Horizon rig sank in the gulf, Coastwatch reported.",
            "March",
            "2021-03",
            ("Horizon", "GPE"),
            ("Coastwatch", "ORG"),
            lemmas="horizon rig sink gulf coastwatch report",
        ),
        "sank",
    )
    (event,) = merge_mentions([day, month], ARTICLES)
    assert event.date == "2021-03-03"
    other = replace(month, entities=(Entity(text="Coastwatch", label="ORG"),))
    assert groups(merge_mentions([day, other], ARTICLES)) == [("a",), ("b",)]


def _explosion(aid: str, sentence: str, verb: str, lemmas: str, *names: str) -> EventMention:
    found = said(aid, sentence, "on 3 March", "2021-03-03", lemmas=lemmas)
    entities = tuple(Entity(text=n, label="ORG") for n in names)
    return replace(found, predicate=verb, entities=entities)


def _two_groups(*names: str) -> list[EventMention]:
    """Two wordings of one explosion: a and b one text, c like both, d like c only."""
    first = "The Kestrel rig exploded in the gulf on 3 March, lighting the night sky."
    return [
        _explosion("a", first, "exploded", "rig explode gulf platform fire crew night sky"),
        _explosion("b", first, "exploded", "rig explode gulf platform fire crew night sky"),
        _explosion(
            "c",
            "A rig exploded in the gulf on 3 March, killing four workers and rupturing a well.",
            "exploded",
            "rig explode gulf worker kill well rupture oil",
            *names,
        ),
        _explosion(
            "d",
            "An explosion on 3 March killed four workers and ruptured a well, spilling oil.",
            "killed",
            "explosion worker kill well rupture oil spill barrel",
            *names,
        ),
    ]


def test_groups_reporting_one_act_on_one_day_join_when_enough_sources_link() -> None:
    (event,) = merge_mentions(_two_groups(), ARTICLES)
    assert event.articles == ("a", "b", "c", "d")


def test_groups_naming_different_participants_stay_apart() -> None:
    mentions = _two_groups("Harbour Board")
    named = [
        replace(m, entities=(Entity(text="Kestrel Lines", label="ORG"),)) for m in mentions[:2]
    ]
    assert groups(merge_mentions([*named, *mentions[2:]], ARTICLES)) == [("a", "b"), ("c", "d")]
