"""Per-article cache of spaCy parses, so an edit of the tagger or event code re-runs only
those stages, never the parser.

It sits below the extraction cache (`extraction.py`), whose key includes the extraction code:
when that misses, the parse of the same text is looked up here. An entry is keyed by the
text alone with `nlp.model_package.parse_version()` (spaCy, the model, the parsing code),
never by the code that reads the parse. It stores a `DocBin` with the token attributes the
later stages read; the parser's working state (the tensor) is not kept, and nothing after
parsing reads it. Entries are checked like every cache entry (`entry.py`): a damaged or
stale one is ignored, reported and parsed again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.store.entry import read_bytes_entry, write_bytes_entry

if TYPE_CHECKING:  # spaCy is imported on use: a fully cached build never loads it
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)
FORMAT = 1
# What tagging and event extraction read of a token: text and spacing (always stored),
# tags, lemmas, the dependency tree (which also gives the sentences), named entities.
ATTRIBUTES = (
    "ORTH",
    "NORM",
    "TAG",
    "POS",
    "MORPH",
    "LEMMA",
    "DEP",
    "HEAD",
    "SENT_START",
    "ENT_IOB",
    "ENT_TYPE",
)


@dataclass(frozen=True, slots=True)
class ParseCache:
    """A folder of stored parses; `None` directory means caching is off. Plain data, so it
    travels to worker processes with the articles they parse."""

    directory: Path | None
    version: str

    def key(self, text: str) -> str:
        payload = json.dumps([FORMAT, self.version, list(ATTRIBUTES), text], ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.spacy"

    def read(self, text: str) -> bytes | None:
        """The stored parse of text, still packed (small: a build holds many at once), or
        None when absent, damaged or made by another model."""
        if self.directory is None:
            return None
        key = self.key(text)
        return read_bytes_entry(self._path(key), key)

    def unpack(self, text: str, data: bytes, nlp: Language) -> Doc | None:
        """The doc packed in `data` (from `read(text)`), or None when spaCy cannot read it."""
        from spacy.tokens import DocBin

        try:
            (doc,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
        except Exception as exc:  # spaCy raises many kinds on bytes it did not write
            log.warning("cache: ignoring an unreadable parse (%s); parsing again", exc)
            return None
        if doc.text != text:  # never use the parse of another text
            log.warning("cache: a stored parse holds another text; parsing again")
            return None
        return doc

    def put(self, text: str, doc: Doc) -> None:
        if self.directory is None:
            return
        from spacy.tokens import DocBin

        stored = DocBin(attrs=list(ATTRIBUTES), docs=[doc])
        key = self.key(text)
        write_bytes_entry(self._path(key), key, stored.to_bytes())
