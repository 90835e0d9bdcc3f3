"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from timeline.nlp.load import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT
