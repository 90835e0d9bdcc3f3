"""Parse-cache benchmark: a script, not a test.

Usage: .venv/bin/python bench/parse_cache.py [TOPIC_DIR]   (from the repository root;
default ../shared/data/t17/H1N1_reuters)

What a rebuild costs after an edit of the tagger, event or merge code: the extraction cache
misses (its key holds that code), so every article of the topic is extracted again. In one
process, model loaded first and not timed, each article set extracted in one process
(`jobs=1`) through an empty extraction cache:

- cold: the parse cache is empty too (spaCy parses every article, and the parses are stored);
- warm: the parse cache holds every article's parse (spaCy parses nothing).

It prints the seconds of each, the cold/warm ratio, the size of the stored parses, and
checks that both runs gave the same results.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT.parent / "shared" / "data" / "t17" / "H1N1_reuters"
    parser.add_argument("topic", nargs="?", type=Path, default=default)
    args = parser.parse_args()

    from timeline.ingest import IngestOptions, read_inputs
    from timeline.nlp.load import load_pipeline
    from timeline.nlp.model_package import parse_version
    from timeline.pipeline.stages import analyse
    from timeline.store.extraction import ExtractionCache
    from timeline.store.parses import ParseCache

    articles = read_inputs([args.topic / "articles.jsonl"], IngestOptions())
    load_pipeline()
    with tempfile.TemporaryDirectory() as folder:
        parses = ParseCache(directory=Path(folder) / "parse", version=parse_version())
        seconds, results = [], []
        for run in ("cold", "warm"):
            with tempfile.TemporaryDirectory() as extraction:  # the edit: nothing extracted
                cache = ExtractionCache(Path(extraction), "edited-code", parses=parses)
                start = time.perf_counter()
                results.append(analyse(articles, cache, jobs=1))
                seconds.append(time.perf_counter() - start)
            print(f"{run}: {seconds[-1]:.1f} s", flush=True)
        stored = sum(p.stat().st_size for p in Path(folder).rglob("*.spacy"))
    same = results[0] == results[1]
    print(f"topic: {args.topic.name}, {len(articles)} articles")
    print(f"cold/warm: {seconds[0] / seconds[1]:.1f}x (stored parses: {stored / 2**20:.1f} MB)")
    print(f"same results: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
