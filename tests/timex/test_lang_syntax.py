"""What the parse's tags, dependency labels and named-entity labels mean is language data,
kept consistent like the calendar words: every language gives the meanings English gives,
and every tag and label named is one the installed model produces, so none can silently
never match."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spacy.language import Language

from timeline.timex.lang import ENGLISH, load_lexicon, read_data

LANG_DIR = Path(__file__).parents[2] / "timeline" / "timex" / "lang"
LANGUAGES = sorted(p.name for p in LANG_DIR.iterdir() if (p / "syntax.toml").is_file())
PACKAGE = LANG_DIR.parents[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_gives_the_meanings_english_gives(language: str) -> None:
    english, data = read_data("en", "syntax"), read_data(language, "syntax")
    assert set(data) == set(english) == {"tags", "labels", "entities"}
    for section in ("tags", "labels", "entities"):
        assert set(data[section]) == set(english[section]), section
        assert all(data[section].values()), section  # no meaning without a tag or label
    load_lexicon(language)


def test_every_english_tag_and_label_is_one_the_model_gives(nlp: Language) -> None:
    tags = set(nlp.get_pipe("tagger").labels)
    labels = set(nlp.get_pipe("parser").labels)
    entities = set(nlp.get_pipe("ner").labels)
    assert {t for ts in ENGLISH.tags.values() for t in ts} <= tags
    assert {label for ls in ENGLISH.labels.values() for label in ls} <= labels
    assert {label for ls in ENGLISH.entities.values() for label in ls} <= entities


def test_the_label_preference_ranks_every_named_label_once() -> None:
    """Merging breaks a tie between labels by this order: each label the event rules
    collect has one place in it, so no tie is broken by the label's spelling alone."""
    preference = ENGLISH.entities["preference"]
    assert len(set(preference)) == len(preference)
    assert set(preference) == set(ENGLISH.entities["named"])


_PARSE_ATTRIBUTES = frozenset({"dep_", "tag_", "ent_type_", "label_"})


def _spelled(node: ast.expr, literal_names: set[str]) -> bool:
    """`node` spells tags or labels: a string, a literal collection or `frozenset(...)` of
    strings, or a name the module bound to one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Set | ast.Tuple | ast.List):
        return any(_spelled(e, literal_names) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
        return node.func.id in {"frozenset", "set", "tuple"} and _spelled(node.args[0], set())
    if isinstance(node, ast.BinOp):
        return _spelled(node.left, literal_names) or _spelled(node.right, literal_names)
    return isinstance(node, ast.Name) and node.id in literal_names


def _literal_names(tree: ast.Module) -> set[str]:
    """Names assigned a literal collection of strings anywhere in the module."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if _spelled(node.value, set()) and not isinstance(node.value, ast.Constant):
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def spelled_comparisons(source: str) -> list[int]:
    """Lines where a token's `.dep_`, `.tag_` or `.ent_type_`, or a span's `.label_`, is
    compared with a spelled-out tag or label."""
    tree = ast.parse(source)
    literal_names = _literal_names(tree)
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        parse = [
            o for o in operands if isinstance(o, ast.Attribute) and o.attr in _PARSE_ATTRIBUTES
        ]
        if parse and any(_spelled(o, literal_names) for o in operands if o not in parse):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('t.dep_ == "nsubj"', True),
        ('"VBG" != verb.tag_', True),
        ('c.dep_ in {"xcomp", "conj"}', True),
        ('c.dep_ not in ("prep", "mark")', True),
        ('PARTS = frozenset({"compound", "amod"})\nok = t.dep_ in PARTS', True),
        ('e.label_ == "PERSON"', True),
        ('t.ent_type_ not in {"DATE", "TIME"}', True),
        ('KINDS = frozenset({"GPE", "LOC"})\nok = e.label_ in KINDS', True),
        ('t.dep_ in LABELS["subject"]', False),
        ('t.ent_type_ in ENTITIES["people"]', False),
        ("e.label_ not in ENTITY_LABELS", False),
        ("bool(t.ent_type_)", False),
        ("t.tag_ in _PRESENT | _MODAL", False),
        ('t.pos_ == "VERB"', False),  # parts of speech are universal
    ],
)
def test_the_check_finds_spelled_comparisons(source: str, found: bool) -> None:
    assert bool(spelled_comparisons(source)) is found


def test_no_module_compares_a_tag_or_label_with_a_literal() -> None:
    """Tags and labels are language data: code compares `.dep_`, `.tag_`, `.ent_type_` and
    `.label_` only with sets read from the syntax data, never with a label it spells itself."""
    offenders = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := spelled_comparisons(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
