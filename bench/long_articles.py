"""Long-article benchmark: a script, not a test.

Usage: .venv/bin/python bench/long_articles.py [--scale 1.0]   (from the repository root)

Two texts no real article is like, at full and half size: about 1 MB of short dated
sentences (an archive pasted as one article: over spaCy's 1,000,000-character limit), and
one 200 KB sentence of dated clauses (a list run together). For each, in the same run and
each in a fresh process: spaCy alone parsing the same pieces the extraction parses (the
floor: the text must be cut to be parsed at all), and the whole per-article extraction
(parse, tag, events). It prints seconds (model loading excluded), the extraction/floor
ratio and peak memory; the half-size rows show how time and memory grow with the length.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PHASE = """
import datetime as dt, json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from long_articles import text_of
from timeline.types import Article, DateSource, Published
from timeline.nlp.load import load_pipeline
from timeline.nlp.parse import pieces
kind, chars, phase = sys.argv[2], int(sys.argv[3]), sys.argv[4]
text = text_of(kind, chars)
nlp = load_pipeline()
start = time.perf_counter()
if phase == "spacy":
    tokens = sum(len(nlp(piece)) for piece in pieces(text))
    found = {"tokens": tokens}
else:
    from timeline.pipeline.extract import extract_batch
    published = Published(date=dt.date(2015, 1, 1), source=DateSource.MANIFEST)
    article = Article(id="long", path="long.txt", title=None, publisher=None, url=None,
                      published=published, text=text)
    [result] = extract_batch([article])
    found = {"timexes": len(result.timexes), "mentions": len(result.mentions),
             "status": str(result.article.status)}
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "chars": len(text), **found}))
"""

_FIRST = ("John", "Maria", "Ahmed", "Li", "Olga", "Pierre", "Amina", "Carlos", "Yuki", "Sara")
_LAST = ("Kerry", "Lopez", "Hassan", "Wei", "Petrova", "Dubois", "Okafor", "Silva", "Sato")
_VERBS = ("met", "called", "thanked", "criticised", "visited", "warned")


def _person(n: int) -> str:
    return f"{_FIRST[n % len(_FIRST)]} {_LAST[n // len(_FIRST) % len(_LAST)]}"


def text_of(kind: str, chars: int) -> str:
    """`sentences`: short dated sentences; `sentence`: one sentence of dated clauses."""
    parts: list[str] = []
    size, day, n = 0, dt.date(2010, 1, 1), 0
    while size < chars:
        n += 1
        day += dt.timedelta(days=n % 3 if kind == "sentences" else 1 + n % 2)
        date = f"{day.day} {day:%B} {day.year}"
        if kind == "sentences":
            part = f"On {date} {_person(n)} {_VERBS[n % 6]} {_person(n * 7 + 3)}."
        else:
            part = f"on {date} {_person(n)} {_VERBS[n % 6]} officials"
        parts.append(part)
        size += len(part) + (1 if kind == "sentences" else 6)
    if kind == "sentences":
        return " ".join(parts)
    return "It was reported that " + ", and ".join(parts) + "."


def measure(kind: str, chars: int, phase: str) -> dict[str, float]:
    command = [sys.executable, "-c", PHASE, str(ROOT / "bench"), kind, str(chars), phase]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        sys.exit(f"{kind} {chars} {phase} failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="text sizes times this")
    args = parser.parse_args()
    cases = [("sentences", 1_000_000), ("sentence", 200_000)]
    print(f"{'text':<34} {'chars':>9} {'spaCy s':>8} {'extract s':>9} {'ratio':>6} "
          f"{'spaCy MB':>8} {'extract MB':>10} {'mentions':>8}")  # fmt: skip
    for kind, full in cases:
        rows = []
        for chars in (int(full * args.scale) // 2, int(full * args.scale)):
            floor, whole = measure(kind, chars, "spacy"), measure(kind, chars, "extract")
            rows.append((floor, whole))
            label = "short dated sentences" if kind == "sentences" else "one sentence of clauses"
            print(
                f"{label:<34} {whole['chars']:>9,.0f} {floor['seconds']:>8.1f} "
                f"{whole['seconds']:>9.1f} {whole['seconds'] / floor['seconds']:>6.2f} "
                f"{floor['peak_mb']:>8.0f} {whole['peak_mb']:>10.0f} {whole['mentions']:>8.0f}"
            )
        (half_floor, half), (full_floor, full_run) = rows
        print(
            f"  twice the text: extraction time x{full_run['seconds'] / half['seconds']:.2f} "
            f"(spaCy x{full_floor['seconds'] / half_floor['seconds']:.2f}), peak memory "
            f"x{full_run['peak_mb'] / half['peak_mb']:.2f} "
            f"(spaCy x{full_floor['peak_mb'] / half_floor['peak_mb']:.2f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
