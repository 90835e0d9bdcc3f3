"""Properties: read_inputs never raises on arbitrary bytes; ids are always safe."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.ingest import read_inputs
from timeline.ingest.assemble import sanitize_id
from timeline.ingest.discovery import SUPPORTED
from timeline.types import Status

SAFE = set(string.ascii_lowercase + string.digits + "-_")
SNIPPETS = st.sampled_from(
    [
        b"---\n",
        b"title: x\n",
        b"published: 2015-02-30\n",
        b"{",
        b"}",
        b'"text": "',
        b"<html>",
        b"<p>Kerry met Lavrov in Moscow on Tuesday.</p>",
        b"\xff\xfe",
        b"\x00",
        b"\n",
        b"<entry>",
        b"<feed xmlns='http://www.w3.org/2005/Atom'>",
        b"\xe9",
        b"Sunday 17 December 2017\n",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    suffix=st.sampled_from(sorted(SUPPORTED)),
    data=st.one_of(st.binary(max_size=300), st.lists(SNIPPETS, max_size=20).map(b"".join)),
)
def test_any_bytes_in_any_format_never_raise(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        articles = read_inputs([Path(folder)])
    assert articles
    for article in articles:
        assert article.messages or article.status is Status.OK
        assert not any("bug in timeline" in m for m in article.messages), article.messages
        assert article.status is not Status.SKIPPED or article.text == ""


@given(st.text())
def test_sanitized_ids_are_safe_file_names(raw: str) -> None:
    ident = sanitize_id(raw)
    assert ident and set(ident) <= SAFE and len(ident) <= 100
    assert sanitize_id(ident) == ident
