"""The ingest cache: a file read again from the cache gives exactly the articles a fresh
read gives, and anything that shapes those articles is part of the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline.ingest import IngestOptions, read_inputs
from timeline.ingest import readers as readers_module
from timeline.ingest.cache import IngestCache

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    for name in ("good", "tricky", "bad"):
        shutil.copytree(FIXTURES / name, folder / name)
    return folder


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("read from the file instead of the cache")

    monkeypatch.setattr("timeline.ingest.read_source", refuse)
    monkeypatch.setattr(readers_module, "read_source", refuse)


def test_cached_articles_equal_fresh_ones(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = IngestCache(tmp_path / "cache")
    fresh = read_inputs([corpus])
    assert read_inputs([corpus], cache=cache) == fresh
    _no_reading(monkeypatch)
    again = read_inputs([corpus], cache=cache)
    assert again == fresh
    assert {a.status for a in again} >= {"ok", "skipped"}


def test_edited_file_and_changed_options_are_read_again(corpus: Path, tmp_path: Path) -> None:
    cache = IngestCache(tmp_path / "cache")
    read_inputs([corpus], cache=cache)
    note = corpus / "good" / "lavrov-note.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nHe spoke again on Tuesday.\n")
    assert read_inputs([corpus], cache=cache) == read_inputs([corpus])
    options = IngestOptions(languages=("en", "fr"))
    assert read_inputs([corpus], options, cache) == read_inputs([corpus], options)


def test_manifest_change_is_seen(corpus: Path, tmp_path: Path) -> None:
    cache = IngestCache(tmp_path / "cache")
    read_inputs([corpus], cache=cache)
    manifest = corpus / "good" / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert "publisher: Example Daily" in text
    manifest.write_text(text.replace("Example Daily", "Other Daily"), encoding="utf-8")
    articles = read_inputs([corpus], cache=cache)
    assert articles == read_inputs([corpus])
    assert "Other Daily" in {a.publisher for a in articles}


def test_damaged_entry_is_read_again(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = IngestCache(tmp_path / "cache")
    fresh = read_inputs([corpus], cache=cache)
    entries = sorted((tmp_path / "cache").glob("??/*.json"))
    assert entries
    entries[0].write_text(entries[0].read_text(encoding="utf-8").replace("a", "b", 3))
    entries[-1].write_text("{", encoding="utf-8")
    assert read_inputs([corpus], cache=cache) == fresh
    assert "damaged entry" in caplog.text


def test_the_key_covers_every_module_that_shapes_an_article() -> None:
    import subprocess
    import sys

    from timeline.ingest.cache import ingest_sources

    # The timeline modules reading inputs loads, in a fresh interpreter (lazily loaded
    # readers included).
    script = (
        "import sys; from pathlib import Path; import timeline.ingest as i; "
        "from timeline.ingest import html, records, feed; "
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('timeline')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    shaping = {Path(f).resolve() for f in loaded}
    assert shaping <= {p.resolve() for p in ingest_sources()}
