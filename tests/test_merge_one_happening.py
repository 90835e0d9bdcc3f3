"""Reports of one happening worded afresh: a participant missing or tagged with another
type is no different participant, and two groups reporting one act on one day join when
enough of their sources link, not only when every pair does."""

from __future__ import annotations

from dataclasses import replace

from test_merge_evidence import ARTICLES, groups, said

from timeline.merge import merge_mentions
from timeline.types import Entity, EventMention


def _act(m: EventMention, verb: str) -> EventMention:
    return replace(m, predicate=verb)


def test_a_week_report_of_the_same_act_joins_without_naming_the_participant() -> None:
    day = _act(
        said(
            "a",
            "The Kestrel ferry sank off Kandor on 9 March; its crew of twelve was rescued by fishermen.",
            "9 March",
            "2021-03-09",
            ("Kestrel Lines", "ORG"),
            lemmas="kestrel ferry sink kandor crew twelve rescue fisherman",
        ),
        "sank",
    )
    week = _act(
        said(
            "b",
            "A grain ferry sank last week in a winter storm with high waves; its crew swam ashore.",
            "last week",
            "2021-W10",
            lemmas="grain ferry sink winter storm high wave crew swim ashore",
        ),
        "sank",
    )
    (event,) = merge_mentions([day, week], ARTICLES)
    assert event.date == "2021-03-09"
    other = replace(week, entities=(Entity(text="Harbour Board", label="ORG"),))
    assert groups(merge_mentions([day, other], ARTICLES)) == [("a",), ("b",)]


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
