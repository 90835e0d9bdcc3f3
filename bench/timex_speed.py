"""Time spaCy's parse and the temporal tagger on the TBAQ texts; print both and their ratio.

Usage: .venv/bin/python bench/timex_speed.py [TBAQ_DIR]  (from the repository root)
The tagger must add at most 25% to the parse time (ratio <= 0.25).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a plain script, without installing the package

from timeline.evaluate.timeml import expand_paths, read_timeml  # noqa: E402
from timeline.nlp.load import load_pipeline  # noqa: E402
from timeline.timex import tag_doc  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "timeml" / "tbaq"


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    docs = [read_timeml(p) for p in expand_paths([root])]
    nlp = load_pipeline(("ner",))  # the tagger needs tagger, parser and lemmatizer only
    list(nlp.pipe(d.text for d in docs[:5]))  # warm up
    start = time.perf_counter()
    parsed = list(nlp.pipe(d.text for d in docs))
    parse = time.perf_counter() - start
    start = time.perf_counter()
    count = sum(len(tag_doc(p, d.dct)) for p, d in zip(parsed, docs, strict=True))
    tagging = time.perf_counter() - start
    words = sum(len(p) for p in parsed)
    print(f"documents {len(docs)}  tokens {words}  timexes {count}")
    print(f"spaCy parse  {parse:7.2f} s")
    print(f"tagging      {tagging:7.2f} s")
    print(f"ratio        {tagging / parse:7.3f}  (target <= 0.25)")


if __name__ == "__main__":
    main()
