"""An acronym and the name it abbreviates are one entity: "WHO" is the World Health
Organization, "U.N." the United Nations, when the corpus spells the name out.

An acronym links to a name of several words whose initials it is (connectors such as
"of" and "the" aside: "UN" is "United Nations", "FAO" the "Food and Agriculture
Organization"), and only when one name of the corpus with those initials is written far
more often than any other and neither is a person's name (a person's initials are no
name of theirs a reader uses).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from timeline.merge.lexicon import CONNECTORS, PERSON_LABELS

_SHORTEST, _LONGEST = 2, 6
"""Letters of the acronyms read."""
_DOMINANT = 3
"""How many times more often than any other the name an acronym abbreviates is written,
when several have its initials ("World Health Organization" beside a misspelling)."""
_WORD = re.compile(r"^[^\W\d_][\w'.-]*$")


def initials(key: str) -> str | None:
    """The initials of a name key of several words, connectors aside ("united nations"
    -> "un", "bank of america" -> "ba"); None for a single word or a span holding more
    than words ("world health organization (who")."""
    words = [w for w in key.split() if w not in CONNECTORS]
    if len(words) < 2 or not all(_WORD.match(w) for w in words):
        return None
    return "".join(w[0] for w in words)


def acronyms(
    labels: Mapping[str, Counter[str]], forms: Mapping[str, Counter[str]]
) -> dict[str, str]:
    """Acronym key -> the key of the one name it abbreviates. `labels` and `forms` hold
    each key's label counts and written forms; an acronym is a key of 2-6 letters most
    often written in capitals ("WHO", "U.N.": not "Who")."""
    spelled: dict[str, list[str]] = {}
    for key, counts in labels.items():
        short = initials(key)
        if short is not None and _SHORTEST <= len(short) <= _LONGEST and not _person(counts):
            spelled.setdefault(short, []).append(key)
    found: dict[str, str] = {}
    for key, counts in labels.items():
        names = spelled.get(key)
        if names is None or _person(counts) or not _capitals(forms[key]):
            continue
        ranked = sorted(names, key=lambda n: (-sum(labels[n].values()), n))
        first = sum(labels[ranked[0]].values())
        if len(ranked) == 1 or first >= _DOMINANT * sum(labels[ranked[1]].values()):
            found[key] = ranked[0]
    return found


def _capitals(forms: Counter[str]) -> bool:
    """Most often written in capitals, dots aside ("WHO", "U.N.")."""
    capitals = sum(n for form, n in forms.items() if form.replace(".", "").isupper())
    return capitals * 2 > sum(forms.values())


def _person(labels: Counter[str]) -> bool:
    """Mostly labelled a person."""
    return sum(labels[p] for p in PERSON_LABELS) * 2 > sum(labels.values())
