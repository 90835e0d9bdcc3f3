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
