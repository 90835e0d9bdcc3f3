"""The English data merging and the entity rules read is consistent."""

from __future__ import annotations

import tomllib
from pathlib import Path

from timeline.merge import lexicon

DATA = tomllib.loads(
    (Path(lexicon.__file__).parent / "lang" / "en.toml").read_text(encoding="utf-8")
)


def test_each_word_has_one_equivalent_and_equivalents_do_not_chain() -> None:
    seen: dict[str, str] = {}
    for lemma, words in DATA["equivalents"].items():
        for word in words:
            assert word not in seen, f"{word} is counted as {seen[word]} and as {lemma}"
            seen[word] = lemma
    assert not set(seen) & set(DATA["equivalents"]), "a counted-as lemma is itself mapped"
    assert dict(lexicon.PREDICATE_EQUIVALENTS) == seen
    assert set(seen.values()) <= lexicon.PREDICATES


def test_word_lists_are_lower_case_and_not_empty() -> None:
    lists = (
        lexicon.ENTITY_STOPWORDS,
        lexicon.TITLES,
        lexicon.INSTITUTIONS,
        lexicon.TIME_ZONES,
        lexicon.DATELINE_WORDS,
        lexicon.BACKGROUND_BEFORE,
        lexicon.SUBORDINATORS,
        lexicon.TEMPORAL_LINKS,
        lexicon.CONNECTORS,
        lexicon.COMPANY_SUFFIXES,
    )
    for words in lists:
        assert words
        assert all(w == w.lower() and " " not in w for w in words)
    assert lexicon.TEMPORAL_LINKS <= lexicon.SUBORDINATORS


def test_the_calendar_abbreviations_are_dateline_words() -> None:
    assert {"thu", "apr", "sept"} <= lexicon.DATELINE_WORDS
    assert "may" not in lexicon.DATELINE_WORDS  # a month name and a common word


def test_verb_data_is_lower_case_and_irregular_forms_do_not_chain() -> None:
    for words in (lexicon.LIGHT_VERBS, lexicon.SPEECH_VERBS, lexicon.MAGNITUDES):
        assert words and all(w == w.lower() and " " not in w for w in words)
    forms = lexicon.IRREGULAR_FORMS
    assert forms and not set(forms.values()) & set(forms), "a verb is itself a form"
    endings = [ending for ending, _ in lexicon.VERB_ENDINGS]
    assert endings == sorted(endings, key=len, reverse=True), "longest ending first"
    assert set(lexicon.KEPT_BEFORE) <= set(endings)
    assert not lexicon.LIGHT_VERBS & lexicon.SPEECH_VERBS
