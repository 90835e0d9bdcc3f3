"""Every detection rule finds each of its own examples, whole."""

from __future__ import annotations

import pytest

from timeline.timex.detect import detect
from timeline.timex.rules import RULES, Rule

EXAMPLES = [(rule, example) for rule in RULES for example in rule.examples]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[f"{r.name}:{e}" for r, e in EXAMPLES])
def test_rule_matches_its_examples(rule: Rule, example: str) -> None:
    match = rule.pattern.search(rule.before + example + rule.after)
    assert match is not None
    assert match.group(0) == example


def test_longest_match_wins() -> None:
    (cand,) = detect("It began on Sept. 30, 2015 in Vienna.")
    assert cand.match.group(0) == "Sept. 30, 2015"


def test_modifier_prefix_joins_extent() -> None:
    text = "in late November and nearly two years"
    spans = [(text[c.start : c.end], c.mod) for c in detect(text)]
    assert spans == [("late November", "END"), ("nearly two years", "LESS_THAN")]


def test_every_rule_kind_has_a_resolver() -> None:
    from timeline.timex.tagger import _RESOLVERS

    assert {rule.kind for rule in RULES} - {"year_range", "day_range", "era_range"} == set(
        _RESOLVERS
    )
