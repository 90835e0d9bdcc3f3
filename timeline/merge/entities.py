"""One name, one entity: the corpus's named entities made canonical before merging.

The model labels each occurrence of a name on its own, so one place comes out as a
person in one sentence and an organisation in the next, "haiti" and "Haiti" are two
names, and page furniture ("BST", "Aired February 6", "CAIRO" from a dateline) becomes a
page. Here every occurrence in the corpus is read at once:

- Names that a reader takes as one (case, diacritics, a leading "the", a possessive)
  share a key, and the key's most frequent written form (mixed case preferred to all
  capitals) is its text.
- Its type is the majority of the model's labels for that key over the corpus.
- Junk is dropped: single common words, titles and offices, time stamps and dateline
  words, all-capital fragments, handles and codes, run-on spans of many words.
- A single word taken for a person ("Watson") links to a person's full name ending or
  starting with it only when exactly one such person is named in its article (or, when
  its article names none, in the whole corpus); a bare first or last name that names no
  one in particular is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from timeline.merge.aliases import acronyms
from timeline.merge.lexicon import (
    COMPANY_SUFFIXES,
    CONNECTORS,
    DATELINE_WORDS,
    ENTITY_STOPWORDS,
    HONORIFICS,
    INSTITUTIONS,
    LABEL_PREFERENCE,
    ORGANISATION,
    PERSON,
    PERSON_LABELS,
    PLACE_LABELS,
    PRODUCT,
    SUFFIXES,
    TIME_ZONES,
    TITLES,
    VESSEL_PREFIXES,
)
from timeline.types import ArticleResult, Entity, EventMention

MIN_SOURCES = 2
"""Sources (wire copies count once) that must name an entity: a name only one source
uses is mostly a reader's handle, a caption or a fragment the model ran together, and a
page with one source's view of it is no page."""
MAX_WORDS = 6
"""Longer spans are sentences the model ran together, not names."""

_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*\.?")
_JUNK_CHARACTERS = re.compile(r"[@/\\=#|<>{}\[\]()_~*+]")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$|^[^\W\d_]$")  # "m.", "h.w.", "j"
_DOTTED = re.compile(r"^(?:[^\W\d_]\.){2,}$")  # "u.n.", "u.s."
_SPELLING = re.compile(r"isation$")  # British spelling: "organisation" is "organization"
_CODE = re.compile(r"^(?=.*\d)(?=.*[^\W\d_])[\w-]+$")  # "298p", "NSC89853"


def name_key(name: str) -> str:
    """The name as a reader takes it: case, diacritics, "the", a possessive, an acronym's
    dots and British spelling aside."""
    folded = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold().strip()
    folded = folded.removesuffix("'s").removesuffix("'").strip()
    words = folded.split()
    while words and words[0] in {"the", *HONORIFICS}:
        words = words[1:]
    while len(words) > 2 and words[-1].rstrip(".,") in SUFFIXES:
        words = words[:-1]  # "Eric H. Holder Jr." is "Eric Holder"
    while len(words) > 1 and words[-1].rstrip(".,") in COMPANY_SUFFIXES:
        words = words[:-1]  # "Chevron Corp" is "Chevron"
    if len(words) > 2:  # middle initials: "Carol M. Browner" is "Carol Browner"
        words = [words[0], *(w for w in words[1:-1] if not _INITIALS.match(w)), words[-1]]
    if len(words) == 1 and _DOTTED.match(words[0]):
        words = [words[0].replace(".", "")]  # "U.N." is "UN"
    return " ".join(_SPELLING.sub("ization", w) for w in words)  # "Organisation"


def is_junk(text: str) -> bool:
    """True for names that are never a page of their own (see the module docstring)."""
    if _JUNK_CHARACTERS.search(text):
        return True
    words = _WORD.findall(text)
    if not words or len(words) > MAX_WORDS:
        return True
    lowered = [w.lower().rstrip(".") for w in words]
    if any(w in TIME_ZONES or w in DATELINE_WORDS for w in lowered):
        return True
    if all(w in TITLES or w in INSTITUTIONS or w in CONNECTORS for w in lowered):
        return True
    if any(w[0].islower() and w.lower() not in CONNECTORS for w in words):
        return True  # a common word inside: "Dutch bank ING", "BP s"
    if len(words) == 1:
        word = words[0]
        if lowered[0] in ENTITY_STOPWORDS or _CODE.match(word):
            return True
        if len(word.rstrip(".")) <= 2 and not word.isupper():
            return True  # "La", "Ms": too short to be a name unless an acronym
    return not any(c.isupper() for c in text)  # a name is written with capitals


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _shouted(text: str) -> bool:
    """All capitals and not an acronym: a dateline or caption fragment ("CAIRO",
    "HONG KONG", "MT RESEARCHER")."""
    return _all_caps(text) and (" " in text.strip() or sum(c.isalpha() for c in text) > 4)


def canonical_results(
    results: Sequence[ArticleResult], sources: Mapping[str, str] | None = None
) -> tuple[ArticleResult, ...]:
    """The results with every mention's entities made canonical over the corpus.
    `sources` maps article ids to their source (wire copies share one)."""
    table = canonical_table(
        ((r.article.id, e) for r in results for m in r.mentions for e in m.entities),
        sources or {},
    )
    out = []
    for result in results:
        aid = result.article.id
        mentions = tuple(_rewrite(m, aid, table) for m in result.mentions)
        out.append(result if mentions == result.mentions else replace(result, mentions=mentions))
    return tuple(out)


def _rewrite(
    m: EventMention, article: str, table: Mapping[tuple[str, str], tuple[Entity, ...]]
) -> EventMention:
    found: dict[Entity, None] = {}
    for e in m.entities:
        for canon in table.get((article, name_key(e.text)), ()):
            found.setdefault(canon, None)
    entities = tuple(found)
    return m if entities == m.entities else replace(m, entities=entities)


def canonical_table(
    occurrences: Iterable[tuple[str, Entity]], sources: Mapping[str, str]
) -> dict[tuple[str, str], tuple[Entity, ...]]:
    """(article, name key) -> the canonical entities it stands for: none when it is
    dropped, two when it is two names the model ran together."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    in_article: dict[str, set[str]] = defaultdict(set)
    for article, entity in occurrences:
        key = name_key(entity.text)
        if not key or _shouted(entity.text):
            continue  # a dateline or caption in capitals names no one in the story
        labels[key][entity.label] += 1
        forms[key][entity.text.strip()] += 1
        in_article[article].add(key)
    alias = acronyms(labels, forms)
    for short, name in alias.items():  # "WHO" counts as the World Health Organization
        labels[name].update(labels.pop(short))
        forms[name].update(forms.pop(short))
    votes = {key: _surname_votes(key, found, labels) for key, found in labels.items()}
    canon = {key: _entity(votes[key], forms[key]) for key in labels}
    counts = {key: sum(found.values()) for key, found in labels.items()}
    glued = {key: pair for key in canon if (pair := _glued(key, canon, counts))}
    people = sorted(k for k, e in canon.items() if e is not None and e.label in PERSON_LABELS)
    full = [k for k in people if " " in k and k not in glued]
    for key in _fragments(canon, counts, full):
        canon[key] = None
    table: dict[tuple[str, str], tuple[Entity, ...]] = {}
    for article, keys in sorted(in_article.items()):
        local = [k for k in full if k in keys]  # people: no acronym stands for one
        for key in keys:
            name = alias.get(key, key)
            parts: tuple[str, ...] = glued.get(name, (name,))
            table[article, key] = tuple(
                e for part in parts if (e := _resolve(part, canon, local, full)) is not None
            )
    named: dict[Entity, set[str]] = defaultdict(set)
    for (article, _), found in table.items():
        for e in found:
            named[e].add(sources.get(article, article))
    return {
        k: tuple(e for e in found if len(named[e]) >= MIN_SOURCES) for k, found in table.items()
    }


def _surname_votes(
    key: str, found: Counter[str], labels: Mapping[str, Counter[str]]
) -> Counter[str]:
    """The labels a name's type is voted by. A person is named again by the surname
    alone ("Bartlit said"), a place is not: for a name of two words that the model
    took for a person at least once, each use of its last word alone is one more vote
    for a person ("Fred Bartlit", a person once and a place once, is a person)."""
    words = key.split()
    if len(words) != 2 or not any(found[p] for p in PERSON_LABELS) or words[-1] not in labels:
        return found
    return found + Counter({PERSON: sum(labels[words[-1]].values())})


def _resolve(
    key: str, canon: Mapping[str, Entity | None], local: Sequence[str], full: Sequence[str]
) -> Entity | None:
    """The entity a key stands for in an article: a single word taken for a person links
    to the one person's full name it starts or ends in the article (else in the corpus,
    when only one person there has it); a bare name that links to no one is dropped."""
    found = canon[key]
    if found is None or " " in key or found.label not in PERSON_LABELS:
        return found
    target = _full_name(key, local) or (None if _named(key, local) else _full_name(key, full))
    return canon[target] if target else None


def _named(word: str, names: Sequence[str]) -> bool:
    return any(word in (n.split()[0], n.split()[-1]) for n in names)


def _fragments(
    canon: Mapping[str, Entity | None], counts: Mapping[str, int], people: Sequence[str]
) -> list[str]:
    """Single words that are pieces of longer names rather than names of their own:
    "Horizon" where "Deepwater Horizon" is more frequent, "Energy" beside "Department of
    Energy", and a person's surname the model took for an organisation ("Holder" beside
    "Eric Holder": its type is in doubt). Places are left alone: "Mexico" is a place
    however often "Gulf of Mexico" is written."""
    within: Counter[str] = Counter()
    for key, found in canon.items():
        if found is not None and " " in key:
            for word in set(key.split()):
                within[word] += counts[key]
    surnames = {p.split()[-1] for p in people}
    return [
        key
        for key, found in canon.items()
        if found is not None
        and " " not in key
        and found.label not in PLACE_LABELS | PERSON_LABELS
        and (within[key] > counts[key] or key in surnames)
    ]


def _whole(key: str, found: Entity | None) -> bool:
    """A name that stands on its own: not junk, and not a first or last name alone."""
    return found is not None and (" " in key or found.label not in PERSON_LABELS)


def _glued(
    key: str, entity: Mapping[str, Entity | None], counts: Mapping[str, int]
) -> tuple[str, str] | None:
    """Two names the model ran together ("Barack Obama BP", "Armando Tovar Mexico"):
    a split into two whole names, each found on its own at least as often as together."""
    words = key.split()
    for k in range(1, len(words)):
        left, right = " ".join(words[:k]), " ".join(words[k:])
        if all(_whole(p, entity.get(p)) and counts[p] >= counts[key] for p in (left, right)):
            return left, right
    return None


def _full_name(word: str, names: Sequence[str]) -> str | None:
    """The one full name that ends or starts with `word`, if exactly one does."""
    matches = [n for n in names if n.split()[-1] == word or n.split()[0] == word]
    return matches[0] if len(matches) == 1 else None


def _entity(labels: Counter[str], forms: Counter[str]) -> Entity | None:
    """The key's majority label and its most frequent form; None when it is junk."""
    label = max(labels, key=lambda x: (labels[x], -_priority(x), x))
    text = max(forms, key=lambda f: (not _all_caps(f), forms[f], f))
    words = text.split()
    while words and words[0].lower() in {"the", *HONORIFICS}:
        words = words[1:]
    if words and words[-1].endswith(("'s", "\u2019s")):
        words[-1] = words[-1][:-2]
    while len(words) > 1 and words[-1].endswith(".") and words[-1].lower() in TITLES:
        words = words[:-1]  # "Coast Guard Adm." (a title glued to a name) is "Coast Guard"
    text = " ".join(words)
    if not text or is_junk(text) or _shouted(text):
        return None
    if label in PERSON_LABELS and words[0].rstrip(".") in VESSEL_PREFIXES:
        label = PRODUCT  # "USS Carl Vinson" is a ship, not a person
    if label in PERSON_LABELS and words[-1].lower().rstrip(".,") in COMPANY_SUFFIXES:
        label = ORGANISATION  # "Halliburton Co" is a company
    return Entity(text=text, label=label)


def _priority(label: str) -> int:
    order = LABEL_PREFERENCE
    return order.index(label) if label in order else len(order)
