"""How long merging takes on a large synthetic corpus (not a test: run it by hand).

    .venv/bin/python bench/merge_speed.py [--mentions 100000] [--seed 1] [--digest]
                                          [--against REF]

Mentions are spread over two years (80% days, 10% weeks, 10% months) with a Zipf-like
vocabulary and a few shared names, so blocks and posting lists look like real news.
`--digest` also prints a hash of the events: a change to merging that claims to keep its
output can be checked against the digest printed before it. `--against REF` also times
the merging code of git revision REF (say `main`) on the same corpus, in the same run,
one after the other in fresh processes, and prints the ratio: timings taken at different
times on a shared machine cannot be compared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

VOCABULARY = [f"w{i}" for i in range(20_000)]
NAMES = [f"Person {i}" for i in range(2_000)]
CUMULATIVE = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(VOCABULARY))))


def synthetic(count: int, seed: int) -> tuple[list[Any], dict[str, Any]]:
    from timeline.types import Article, DateSource, Entity, EventMention, Published

    rng = random.Random(seed)
    start = dt.date(2014, 1, 1)
    articles = {
        f"a{i}": Article(
            id=f"a{i}",
            path=f"a{i}.txt",
            title=None,
            publisher=None,
            url=None,
            published=Published(date=start, source=DateSource.MANIFEST),
            text=" ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=300)),
        )
        for i in range(count // 20)
    }
    mentions = []
    for n in range(count):
        day = start + dt.timedelta(days=rng.randrange(730))
        kind = rng.random()
        if kind < 0.8:
            date = day.isoformat()
        elif kind < 0.9:
            year, week, _ = day.isocalendar()
            date = f"{year}-W{week:02d}"
        else:
            date = f"{day.year}-{day.month:02d}"
        words = tuple(dict.fromkeys(rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=12)))
        mentions.append(
            EventMention(
                article=f"a{n % len(articles)}",
                sentence=" ".join(words),
                start=n * 10,
                end=n * 10 + 9,
                date=date,
                headline=" ".join(words[:6]),
                entities=tuple(Entity(text=p, label="PERSON") for p in rng.sample(NAMES, 2)),
                lemmas=words,
                predicate=words[0],
            )
        )
    return mentions, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--digest", action="store_true", help="print a hash of the events")
    parser.add_argument("--against", metavar="REF", help="also time the code of git REF")
    parser.add_argument("--code", help=argparse.SUPPRESS)  # a folder holding `timeline`
    args = parser.parse_args()
    if args.against:
        compare(args)
        return
    if args.code:
        sys.path.insert(0, args.code)
    from timeline.merge import merge_mentions

    mentions, articles = synthetic(args.mentions, args.seed)
    began, cpu = time.perf_counter(), time.process_time()
    events = merge_mentions(mentions, articles)
    took, cpu = time.perf_counter() - began, time.process_time() - cpu
    merged = sum(1 for e in events if len(e.mentions) > 1)
    print(
        f"{len(mentions)} mentions, {len(articles)} articles -> {len(events)} events "
        f"({merged} merged) in {took:.1f} s ({cpu:.1f} s of CPU: wall time counts other load)"
    )
    if args.digest:
        print(f"events digest {hashlib.sha256(repr(events).encode()).hexdigest()[:16]}")


def compare(args: argparse.Namespace) -> None:
    """Time REF's code, then this tree's, each in a fresh process, and print the ratio."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", args.against, "timeline"],
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        base = [sys.executable, __file__, "--mentions", str(args.mentions)]
        base += ["--seed", str(args.seed)]
        timings = []
        for label, extra in (
            (args.against, ["--code", folder]),
            ("this tree", ["--code", str(ROOT)]),
        ):
            out = subprocess.run(base + extra, check=True, capture_output=True, text=True).stdout
            print(f"{label}: {out.strip()}")
            found = re.search(r"in ([\d.]+) s \(([\d.]+) s of CPU", out)
            assert found, out
            timings.append((float(found.group(1)), float(found.group(2))))
    (old_wall, old_cpu), (new_wall, new_cpu) = timings
    print(
        f"ratio this tree / {args.against}: {new_wall / old_wall:.2f} wall, "
        f"{new_cpu / old_cpu:.2f} CPU"
    )


if __name__ == "__main__":
    main()
