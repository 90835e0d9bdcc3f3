"""Temporal expressions: find them in a parsed article and resolve them to TIMEX3 values.

The tagger lives in `tagger`; its names are loaded on first use, so that modules which
only need the language data (`timeline.timex.lang`: ingest, the site) do not load the
tagger and its rules with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.timex.tagger import (
        Scan,
        TagFailure,
        Tagging,
        explain,
        scan,
        tag,
        tag_doc,
        tag_text,
    )

__all__ = ["Scan", "TagFailure", "Tagging", "explain", "scan", "tag", "tag_doc", "tag_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("timeline.timex.tagger"), name)
    raise AttributeError(f"module 'timeline.timex' has no attribute {name!r}")
