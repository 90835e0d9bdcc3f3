"""One entry per sentence set: a sentence with two dated clauses is listed on one day."""

from __future__ import annotations

from test_merge_evidence import ARTICLES, said

from timeline.merge import merge_mentions
from timeline.merge.homes import one_home

ROSE = "The tower caught fire on 3 March and fell two days later, the mayor's office said."
ALSO = "Firefighters said the tower caught fire on 3 March and fell two days later."


def test_two_clauses_of_the_same_sentences_make_one_entry_on_the_first_named_day() -> None:
    mentions = [
        said(aid, text, when, date, ("Firefighters", "ORG"), lemmas=lemmas)
        for aid, text in (("a", ROSE), ("b", ALSO))
        for when, date, lemmas in (
            ("3 March", "2021-03-03", "tower catch fire"),
            ("two days later", "2021-03-05", "tower fall"),
        )
    ]
    merged = merge_mentions(mentions, ARTICLES)
    assert [e.articles for e in merged] == [("a", "b"), ("a", "b")], "each clause merges"
    shown = one_home(merged)
    assert [e.date for e in shown] == ["2021-03-03"]
    assert {m.article for m in shown[0].mentions} == {"a", "b"}


def test_events_told_by_different_sentences_are_all_kept() -> None:
    mentions = [
        said("a", ROSE, "3 March", "2021-03-03", lemmas="tower catch fire"),
        said("a", ROSE, "two days later", "2021-03-05", lemmas="tower fall"),
        said("b", ALSO, "two days later", "2021-03-05", lemmas="tower fall"),
    ]
    merged = merge_mentions(mentions, ARTICLES)
    assert one_home(merged) == merged
