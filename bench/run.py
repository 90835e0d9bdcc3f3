"""Build-speed benchmark (`make bench`): a script, not a test.

Measures, on the same machine in the same run:
  floor  - spaCy alone parsing the same cleaned texts with the same components
  cold   - `timeline build` with an empty cache
  warm   - `timeline build` again after adding one article (cache kept)
and prints articles/s, words/s, the cold/floor ratio, warm/cold ratio and peak memory.
Each phase runs in its own process so peak memory (ru_maxrss) is that phase's own.

Corpus: folders holding `articles.jsonl` (id, published, text), default the Timeline17
topics in ../shared/data/t17. Articles are interleaved across topics and the first N kept.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = """
import json, sys, time
from pathlib import Path
from timeline.ingest import read_inputs
from timeline.nlp.load import load_pipeline
from timeline.pipeline.extract import BATCH_SIZE
from timeline.pipeline.stages import PARALLEL_FROM
articles = [a for a in read_inputs([Path(sys.argv[1])]) if a.text.strip()]
texts = [a.text for a in articles]
start = time.perf_counter()
nlp = load_pipeline()
jobs = int(sys.argv[2]) or (min(__import__("os").cpu_count() or 1, 4)
                            if len(texts) >= PARALLEL_FROM else 1)
for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=jobs):
    pass
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "words": sum(len(t.split()) for t in texts)}))
"""


def records(corpus: list[Path], limit: int) -> list[dict[str, object]]:
    """Interleave topics so any prefix mixes stories, like a real archive."""
    topics = []
    for folder in corpus:
        for path in sorted(folder.rglob("articles.jsonl")):
            rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
            for row in rows:
                row["id"] = f"{path.parent.name}-{row['id']}"
            topics.append(rows)
    mixed: list[dict[str, object]] = []
    while len(mixed) < limit and any(topics):
        for rows in topics:
            if rows and len(mixed) < limit:
                mixed.append(rows.pop(0))
    return mixed


# Each phase runs under a fresh wrapper process whose RUSAGE_CHILDREN peak covers the phase's
# whole process tree (spaCy worker processes included) and nothing from earlier phases.
WRAPPER = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True)
sys.stdout.write(proc.stdout.decode())
sys.stderr.write(proc.stderr.decode())
sys.stdout.write("\\n@peak-kb %d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(proc.returncode)
"""


def run(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MB of the phase's process tree, and its stdout."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", WRAPPER, *cmd], cwd=cwd, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"benchmark step failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    out, _, peak = proc.stdout.rpartition("@peak-kb ")
    return seconds, int(peak) // 1024, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=[ROOT.parent / "shared/data/t17"])
    parser.add_argument("--articles", type=int, default=1000, help="cold-build corpus size")
    parser.add_argument("--jobs", type=int, default=0, help="parser processes (0 = auto)")
    args = parser.parse_args()
    rows = records(args.corpus, args.articles + 1)
    if len(rows) < 2:
        sys.exit(f"no articles.jsonl with records under {args.corpus}")
    extra, rows = rows[-1], rows[:-1]
    python = sys.executable
    timeline = str(Path(python).with_name("timeline"))
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        for start in range(0, len(rows), 100):  # files of 100 records, well under the size limit
            chunk = rows[start : start + 100]
            (corpus / f"archive-{start // 100:03d}.jsonl").write_text(
                "".join(json.dumps(r) + "\n" for r in chunk)
            )
        jobs = ["--jobs", str(args.jobs)] if args.jobs else []
        build = [timeline, "build", str(corpus), "-o", str(work / "site"), "-q"]
        build += ["--cache-dir", str(work / "cache"), *jobs]

        floor_s, floor_mb, out = run([python, "-c", FLOOR, str(corpus), str(args.jobs)], ROOT)
        floor = json.loads(out)
        cold_s, cold_mb, _ = run(build, ROOT)
        (corpus / "new.jsonl").write_text(json.dumps(extra) + "\n")
        warm_s, warm_mb, _ = run(build, ROOT)

    n, words = len(rows), floor["words"]
    if not words:
        sys.exit("the benchmark corpus was read as empty: check `timeline check` on it")
    print(f"corpus: {n} articles, {words:,} words ({', '.join(map(str, args.corpus))})")
    print(f"cpus: {os.cpu_count()}\n")
    print("| phase | seconds | articles/s | words/s | ratio | peak MB |")
    print("|---|---:|---:|---:|---:|---:|")
    print(
        f"| spaCy alone (floor, incl. model load) | {floor_s:.1f} | {n / floor_s:.1f} "
        f"| {words / floor_s:,.0f} | 1.00 | {floor_mb} |"
    )
    print(
        f"| cold build (extract + merge + site) | {cold_s:.1f} | {n / cold_s:.1f} "
        f"| {words / cold_s:,.0f} | {cold_s / floor_s:.2f} x floor | {cold_mb} |"
    )
    print(
        f"| warm rebuild, one article added | {warm_s:.1f} | | | {warm_s / cold_s:.1%} of cold "
        f"| {warm_mb} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
