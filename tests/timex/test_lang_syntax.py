"""What the parse's tags and dependency labels mean is language data, kept consistent like
the calendar words: every language gives the meanings English gives, and every tag and
label named is one the installed model produces, so none can silently never match."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

import pytest
from spacy.language import Language

from timeline.timex.lang import ENGLISH, load_lexicon, read_data

LANG_DIR = Path(__file__).parents[2] / "timeline" / "timex" / "lang"
LANGUAGES = sorted(p.name for p in LANG_DIR.iterdir() if (p / "syntax.toml").is_file())
TIMEX = LANG_DIR.parent


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_gives_the_meanings_english_gives(language: str) -> None:
    english, data = read_data("en", "syntax"), read_data(language, "syntax")
    assert set(data) == set(english) == {"tags", "labels"}
    for section in ("tags", "labels"):
        assert set(data[section]) == set(english[section]), section
        assert all(data[section].values()), section  # no meaning without a tag or label
    load_lexicon(language)


def test_every_english_tag_and_label_is_one_the_model_gives(nlp: Language) -> None:
    tags = set(nlp.get_pipe("tagger").labels)
    labels = set(nlp.get_pipe("parser").labels)
    assert {t for ts in ENGLISH.tags.values() for t in ts} <= tags
    assert {label for ls in ENGLISH.labels.values() for label in ls} <= labels


def _strings(path: Path) -> set[str]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return {t.string.strip("\"'") for t in tokens if t.type == tokenize.STRING}


def test_the_tagger_spells_no_tag_or_label_of_the_data() -> None:
    named = {t for ts in ENGLISH.tags.values() for t in ts}
    named |= {label for ls in ENGLISH.labels.values() for label in ls}
    for module in sorted(TIMEX.glob("*.py")):
        assert not _strings(module) & named, module.name
