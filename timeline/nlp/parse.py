"""Parse texts with the spaCy pipeline in bounded pieces, one failure costing one text only.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters), and its memory grows with
the characters of a batch: a long text is parsed in pieces of at most `PIECE_CHARS`, cut
where a paragraph, a line, a sentence or at least a word ends, and the pieces' docs are
joined into one whose text is the original, character for character. Batches hold at most
`BATCH_SIZE` pieces and `BATCH_CHARS` characters.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

BATCH_SIZE = 32
BATCH_CHARS = 200_000
PIECE_CHARS = 100_000
# Where a long text may be cut, best first; each cut falls after the whitespace.
_BOUNDARIES = (
    re.compile(r"\n[ \t]*\n\s*"),  # a paragraph
    re.compile(r"\n\s*"),  # a line
    re.compile(r"[.!?][\"'”’)\]]*\s+"),  # a sentence
    re.compile(r"\s+"),  # a word
)


def pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that join back into it, each
    cut at the best boundary in the second half of its piece (mid-word only when a piece
    has no whitespace at all). Linear in the text's length."""
    found: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = next(
            (c for p in _BOUNDARIES if (c := _last_end(p, text, end - limit // 2, end))), end
        )
        found.append(text[start:cut])
        start = cut
    found.append(text[start:])
    return found


def _last_end(pattern: re.Pattern[str], text: str, low: int, high: int) -> int:
    """Where the last match of `pattern` inside text[low:high] ends; 0 if none does."""
    end = 0
    for match in pattern.finditer(text, low, high):
        end = match.end()
    return end


def parse_all(
    nlp: Language,
    texts: Sequence[str],
    *,
    piece_chars: int = PIECE_CHARS,
    batch_chars: int = BATCH_CHARS,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Doc | Exception]:
    """One doc per text, in order; in place of a text spaCy failed on, what it raised.

    A failing batch is parsed again piece by piece, so only the text that fails is lost.
    """
    parts: list[list[Doc | Exception]] = [[] for _ in texts]
    todo = [(i, piece) for i, text in enumerate(texts) for piece in pieces(text, piece_chars)]
    counts = [0] * len(texts)
    for index, _ in todo:
        counts[index] += 1
    done = 0
    start = 0
    while start < len(todo):
        end, size = start, 0
        while end < len(todo) and end - start < batch_size and (end == start or size < batch_chars):
            size += len(todo[end][1])
            end += 1
        batch = todo[start:end]
        for (index, _), doc in zip(batch, _parse_batch(nlp, [p for _, p in batch]), strict=True):
            parts[index].append(doc)
        start = end
        while done < len(texts) and len(parts[done]) == counts[done]:
            yield _joined(parts[done])
            parts[done] = []
            done += 1


def _parse_batch(nlp: Language, texts: list[str]) -> list[Doc | Exception]:
    try:
        return list(nlp.pipe(texts, batch_size=len(texts)))
    except Exception:  # find the text that fails, and parse the others
        log.debug("a batch failed to parse; parsing its texts one by one", exc_info=True)
    docs: list[Doc | Exception] = []
    for text in texts:
        try:
            docs.append(nlp(text))
        except Exception as error:
            docs.append(error)
    return docs


def _joined(parts: list[Doc | Exception]) -> Doc | Exception:
    """The pieces of one text as one doc (its text is theirs joined, exactly)."""
    failed = next((p for p in parts if isinstance(p, Exception)), None)
    if failed is not None:
        return failed
    docs = [p for p in parts if isinstance(p, Doc)]
    if len(docs) == 1:
        return docs[0]
    # The tensor is the parser's working state, which nothing after parsing reads.
    # (spaCy's type stub lacks the `exclude` its `from_docs` takes.)
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]


def parse_text(nlp: Language, text: str) -> Doc:
    """One text, parsed in pieces if long; raises what spaCy raised on it."""
    doc = next(parse_all(nlp, [text]))
    if isinstance(doc, Exception):
        raise doc
    return doc
