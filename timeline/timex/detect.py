"""Find temporal expressions in text: regex rules, modifier prefixes, longest match wins.

Detection only decides extents; `resolve` gives them meaning. Working on the raw text
keeps offsets exact and costs a few regex scans per document instead of a second parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.timex.lang import ENGLISH as LEX
from timeline.timex.rules import AMOUNT_MOD_RE, DATE_MOD_RE, RULES, Rule

# Kinds whose prefixes quantify an amount ("nearly two years") rather than a point.
_AMOUNT_KINDS = frozenset({"duration", "ago", "bare_units"})
_LOOKBACK = 24


@dataclass(frozen=True, slots=True)
class Candidate:
    """A detected span: `start` includes any modifier prefix, `core` is where the rule matched."""

    start: int
    end: int
    core: int
    rule: Rule
    match: re.Match[str]
    mod: str | None

    def group(self, name: str) -> str | None:
        """A named group of the rule's match, or None when it did not take part."""
        value: str | None = self.match.groupdict().get(name)
        return value


def detect(text: str) -> list[Candidate]:
    """Non-overlapping candidates sorted by start; on overlap the longest (then the
    earlier-listed rule) wins, so "September 30, 2015" beats "September" and "2015"."""
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for index, rule in enumerate(RULES):
        found.extend((_begin(m, rule), m.end(), index, m) for m in rule.pattern.finditer(text))
    found.sort(key=lambda f: (f[0] - f[1], f[2], f[0]))
    taken = bytearray(len(text) + 1)
    chosen: list[Candidate] = []
    for start, end, index, match in found:
        if start == end or any(taken[start:end]):
            continue
        rule = RULES[index]
        begin, mod = _prefix(text, start, rule.kind)
        if any(taken[begin:start]):
            begin, mod = start, None
        taken[begin:end] = b"\x01" * (end - begin)
        chosen.append(Candidate(begin, end, start, rule, match, mod))
    chosen.sort(key=lambda c: c.start)
    return chosen


def _begin(match: re.Match[str], rule: Rule) -> int:
    """Where a match starts; a hyphenated amount modifying a noun leaves out its article
    ("the six-month moratorium" -> "six-month")."""
    groups = match.groupdict()
    if rule.kind == "quarter" and groups.get("q") and not groups.get("rel"):
        text = match.group(0).lower()
        if text.startswith("the ") and "-quarter" in text:
            return match.start("q") if not groups.get("fq") else match.start("fq")
    if rule.kind == "duration" and not groups.get("det") and (groups.get("rel") or "") in (
        "following", "prior", "same"
    ):  # fmt: skip
        return match.start("n")  # "following 18 days of protests": a preposition
    if rule.kind != "duration" or not groups.get("det") or groups.get("rel") or groups.get("pl"):
        return match.start()
    adjectival = "-" in match.string[match.end("n") : match.start("unit")]
    return match.start("n") if adjectival else match.start()


def _prefix(text: str, start: int, kind: str) -> tuple[int, str | None]:
    """Extend a span left over a modifier ("late November", "nearly two years")."""
    before = text[max(0, start - _LOOKBACK) : start]
    if kind in _AMOUNT_KINDS:
        m = AMOUNT_MOD_RE.search(before)
        if m and m.group("mod").lower() == "over" and text.startswith("the", start):
            m = None  # "over the past 20 years": a preposition, not "more than"
        if m:
            key = " ".join(m.group("mod").lower().split())
            return start - len(before) + m.start(), LEX.amount_modifiers.get(key) or None
    if kind in _AMOUNT_KINDS or kind in ("reference", "set", "clock"):
        return start, None
    m = DATE_MOD_RE.search(before)
    if m:
        key = " ".join(m.group("mod").lower().split())
        mods = LEX.date_modifiers
        return start - len(before) + m.start(), mods.get(key, mods.get(key + "-")) or None
    return start, None
