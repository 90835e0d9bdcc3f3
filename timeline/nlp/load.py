"""Load the spaCy English pipeline once, from an installed package, never from the network,
with the sentence breaks news text needs (`line_breaks`)."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from timeline.nlp.model_package import model_name

# tok2vec, tagger, parser (tense, sentences, heads), attribute_ruler + lemmatizer, ner.
DEFAULT_EXCLUDE: tuple[str, ...] = ()


_TERMINAL = (".", "!", "?", ":", '"', "'", "\u201d", "\u2019", ")")


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a line break that ends one: a blank line, a line ending in
    sentence punctuation, or a line-final word followed by a capitalised line (a headline
    above its lead). News text puts one sentence or paragraph on a line; without this the
    parser glues a headline to the lead, and event extraction would have to parse again.
    """
    for token in doc[1:-1]:
        if not (token.is_space and "\n" in token.text):
            continue
        before, after = doc[token.i - 1], doc[token.i + 1]
        if (
            "\n\n" in token.text
            or before.text.endswith(_TERMINAL)
            or (after.text[:1].isupper() and not before.is_lower)
        ):
            after.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(exclude: tuple[str, ...] = DEFAULT_EXCLUDE) -> Language:
    """Load the model once per process; cached because loading takes about a second."""
    name = model_name()
    module = importlib.import_module(name)
    nlp: Language = module.load(exclude=list(exclude))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    return nlp
